import ConfigModel
import Foundation
import Remote
import Validation

/// Reads and validates the agent files a remote command works on; any validation error stops the command before
/// a single request is sent. `${NAME}` placeholders are resolved from `variables`.
enum AgentFileLoading {
    static func load(paths: [String], defaultDirectory: String, variables: Variables) throws -> [AgentDocument] {
        let files: [String]
        do {
            files = try AgentFileFinder.files(in: paths.isEmpty ? [defaultDirectory] : paths)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        let report = ValidationReport(paths: files, strict: false, validator: Validator(variables: variables))
        if report.hasErrors || report.files.contains(where: { $0.document == nil }) {
            throw CommandFailure(.findings, details: variables.redact(report.rendered(.text, style: Terminal.stderrStyle)),
                                 messages: ["fix the errors above first; nothing was sent"])
        }
        return report.files.compactMap(\.document)
    }

    /// The readable files in `directory`, read only when a tracked file is gone (it may have been renamed), so a
    /// pull holds no file it does not need.
    static func renameCandidates(_ resource: Resource, state: SyncState, environment: String, directory: String) -> [AgentDocument] {
        let tracked = state.entries(of: resource, in: environment).keys
        guard tracked.contains(where: { !FileManager.default.fileExists(atPath: $0) }),
              let files = try? AgentFileFinder.files(in: [directory]) else { return [] }
        return files.compactMap { file in
            (try? AgentDocument.readBytes(path: file)).flatMap { try? AgentDocument.parse(bytes: $0, file: file) }
        }
    }
}

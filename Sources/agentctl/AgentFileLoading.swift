import ConfigModel
import Foundation
import Remote
import Validation

/// Finds and validates the agent files a remote command works on, one at a time, keeping of each only its
/// `LocalFile` (and of a file with problems, its diagnostics); any error stops the command before a single request is
/// sent. `${NAME}` placeholders are resolved from `variables`.
struct AgentFileLoading: Sendable {
    let variables: Variables

    /// The files under `paths`, each validated; `hashed`: whether to hash their content (to find renamed files).
    func scan(paths: [String], defaultDirectory: String, hashed: Bool) throws -> [LocalFile] {
        let files: [String]
        do {
            files = try AgentFileFinder.files(in: paths.isEmpty ? [defaultDirectory] : paths)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        var found: [LocalFile] = []
        var unresolved: [Diagnostic] = []
        let report = ValidationReport(paths: files, strict: false, validator: Validator(variables: variables)) { document in
            found.append(LocalFile(document, of: .agents, hashed: hashed))
            unresolved += UnresolvedReferences.diagnostics([document])
        }
        if report.hasErrors || found.count != files.count {
            throw CommandFailure(.findings, details: variables.redact(report.rendered(.text, style: Terminal.stderrStyle)),
                                 messages: ["fix the errors above first; nothing was sent"])
        }
        guard unresolved.isEmpty else { throw CommandFailure.located(unresolved, status: .findings) }
        return found
    }

    /// A file's document with its placeholders resolved, read again when it is compared or pushed; nil when it no
    /// longer reads cleanly.
    func read(_ file: String) -> AgentDocument? {
        Validator(variables: variables).validate(file: file).document
    }

    /// The readable agent files in `directory`, read only when a tracked file is gone (it may have been renamed), so a
    /// pull holds no file it does not need.
    static func renameCandidates(state: SyncState, environment: String, directory: String) -> [LocalFile] {
        guard Reconciling.needsHashes(.agents, environment: environment, state: state),
              let files = try? AgentFileFinder.files(in: [directory]) else { return [] }
        return files.compactMap { file in
            (try? AgentDocument.readBytes(path: file)).flatMap { try? AgentDocument.parse(bytes: $0, file: file) }
                .map { LocalFile($0, of: .agents, hashed: true) }
        }
    }
}

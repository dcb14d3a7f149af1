import ConfigModel
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
}

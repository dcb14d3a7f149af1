import ConfigModel
import Foundation

/// Why a command stopped, with the documented exit status. Commands throw it; `Entry` prints it once, on stderr.
struct CommandFailure: Error {
    let status: ExitStatus
    /// Already-rendered problems (diagnostics, a report) shown before the message.
    let details: String
    /// Sentences shown as `agentctl: error: ...`; none when `details` says it all or stdout already did.
    let messages: [String]

    init(_ status: ExitStatus, details: String = "", messages: [String] = []) {
        self.status = status
        self.details = details
        self.messages = messages
    }

    /// A usage, configuration or I/O problem (exit 2).
    static func usage(_ message: String) -> CommandFailure { CommandFailure(.usage, messages: [message]) }

    /// Problems found, or work that failed (exit 1).
    static func findings(_ message: String) -> CommandFailure { CommandFailure(.findings, messages: [message]) }

    /// Problems at places in files, shown with their source lines; `sources` holds the texts the command has
    /// (a script read from stdin), any other file is read again for its lines.
    static func located(_ diagnostics: [Diagnostic], sources: [String: String] = [:], status: ExitStatus) -> CommandFailure {
        var texts = sources
        for file in Set(diagnostics.flatMap { [$0.mark.file] + $0.notes.map(\.mark.file) }) where texts[file] == nil {
            texts[file] = try? String(contentsOfFile: file, encoding: .utf8)
        }
        return CommandFailure(status, details: DiagnosticRenderer.text(diagnostics, sources: texts, style: Terminal.stderrStyle))
    }

    var text: String {
        details + messages.map { "agentctl: error: \($0)\n" }.joined()
    }
}

/// The exit statuses every subcommand documents in its help and the README.
struct ExitStatus: Sendable {
    let code: Int32

    /// Validation errors, a failed or refused request, no confirmation.
    static let findings = ExitStatus(code: 1)
    /// Usage or configuration error, or a file that cannot be read.
    static let usage = ExitStatus(code: 2)
    /// diff and status with `--exit-code`: something would change.
    static let differences = ExitStatus(code: 2)
    /// pull: a field was left as the file has it while the live agent differs (a conflict without --theirs or
    /// --ours, or a placeholder whose live value moved away).
    static let conflicts = ExitStatus(code: 3)
}

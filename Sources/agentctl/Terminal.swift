import ConfigModel
import Foundation

/// The terminal, as the CLI sees it: where output goes and whether it may be coloured.
enum Terminal {
    /// Colour only when stdout is a terminal and NO_COLOR is not set (https://no-color.org).
    static var stdoutWantsColour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    static var stderrWantsColour: Bool {
        isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// How diagnostics printed on stderr are styled.
    static var stderrStyle: TextStyle { TextStyle(enabled: stderrWantsColour) }

    /// Whether a person can answer a question: both standard input and standard error are terminals.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 }

    /// Asks a yes/no question on stderr; only `y` or `yes` agree.
    static func confirm(_ question: String) -> Bool {
        FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    static func output(_ text: String) {
        write(text, to: .standardOutput)
    }

    static func error(_ text: String) {
        write(text.hasSuffix("\n") ? text : text + "\n", to: .standardError)
    }

    /// The text's own UTF-8 storage: `Data(text.utf8)` asks the runtime whether the view is contiguous bytes, a
    /// conformance search of the whole binary on every run.
    private static func write(_ text: String, to handle: FileHandle) {
        var text = text
        text.withUTF8 { handle.write(Data(buffer: $0)) }
    }
}

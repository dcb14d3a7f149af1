import Foundation

/// The terminal, as the CLI sees it: where output goes and whether it may be coloured.
enum Terminal {
    /// Colour only when stdout is a terminal and NO_COLOR is not set (https://no-color.org).
    static var stdoutWantsColour: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// A problem in a script or assumptions file, pointing at the place to fix.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:col: error: message`, the form editors and CI annotate.
    public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Every problem found in one input, reported together so one edit round fixes them all.
public struct Diagnostics: Error, Equatable, Sendable, CustomStringConvertible {
    public let problems: [Diagnostic]

    public init(_ problems: [Diagnostic]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// A problem that is not tied to a line of a file, such as a bad `--assume` value or setting.
public struct SimulatorError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "error: \(message)" }
}

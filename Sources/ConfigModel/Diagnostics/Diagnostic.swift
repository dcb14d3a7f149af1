/// One problem at a place in a file: how bad, which rule, where, what to do about it, and related places.
/// YAML reading, validation, the simulator's readers and the API's 422 answers all report with it.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    /// The id shown in brackets; each module names its own (`yaml` here, validation rules, `api`, `script`).
    public struct Rule: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file cannot be read, or is not one well-formed YAML mapping of the expected shape.
        public static let yaml = Rule(rawValue: "yaml")
    }

    /// Another place that explains the problem, such as where a duplicated key was first set.
    public struct Note: Sendable, Equatable {
        public let mark: SourceMark
        public let message: String

        public init(_ message: String, at mark: SourceMark) {
            self.mark = mark
            self.message = message
        }
    }

    public let severity: Severity
    public let rule: Rule
    public let mark: SourceMark
    public let message: String
    /// The dotted field path the problem is about, when it is about one field.
    public let path: String?
    public let notes: [Note]

    public init(_ severity: Severity, _ rule: Rule, at mark: SourceMark, _ message: String, path: String? = nil,
                notes: [Note] = []) {
        self.severity = severity
        self.rule = rule
        self.mark = mark
        self.message = message
        self.path = path
        self.notes = notes
    }

    /// An error-severity diagnostic, the common case for readers that stop at the first problem.
    public static func error(_ rule: Rule, _ message: String, at mark: SourceMark, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, rule, at: mark, message, notes: notes)
    }

    /// The same problem with another severity (`--strict` makes warnings errors).
    public func with(severity: Severity) -> Diagnostic {
        Diagnostic(severity, rule, at: mark, message, path: path, notes: notes)
    }

    /// The same problem, its message prefixed with context (`in run 3 of 10: ...`).
    public func prefixed(_ context: String) -> Diagnostic {
        Diagnostic(severity, rule, at: mark, context + message, path: path, notes: notes)
    }

    /// `file:line:col: error: [rule] message`, one line, as editors and CI read it.
    public var description: String { "\(mark): \(severity.rawValue): [\(rule)] \(message)" }
}

/// Every problem found in one input, reported together so one edit round fixes them all.
public struct Diagnostics: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [Diagnostic]

    public init(_ problems: [Diagnostic]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

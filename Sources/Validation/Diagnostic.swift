import ConfigModel

/// One problem found in a file: how bad, which rule, where, and what to do about it.
public struct Diagnostic: Sendable, Equatable {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public let severity: Severity
    public let rule: RuleID
    public let mark: SourceMark
    public let message: String
    /// The dotted field path the problem is about, when it is about one field.
    public let path: String?

    public init(_ severity: Severity, _ rule: RuleID, at mark: SourceMark, _ message: String, path: String? = nil) {
        self.severity = severity
        self.rule = rule
        self.mark = mark
        self.message = message
        self.path = path
    }

    /// A diagnostic for a file that could not be read as YAML.
    public init(_ error: LocatedError) {
        self.init(.error, .yaml, at: error.mark, error.message)
    }
}

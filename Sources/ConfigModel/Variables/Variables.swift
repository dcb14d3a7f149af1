import Foundation

/// The values `${NAME}` placeholders resolve to: the process environment over a per-environment variables file.
public struct Variables: Sendable {
    /// Where a variable's value came from, named in every error about a value it gave.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case environment
        case file(SourceMark)

        public var description: String {
            switch self {
            case .environment: return "the process environment"
            case .file(let mark): return "\(mark.file):\(mark.line)"
            }
        }
    }

    public struct Variable: Sendable, Equatable {
        public let name: String
        public let value: String
        public let source: Source
        public let secret: Bool

        public init(name: String, value: String, source: Source, secret: Bool) {
            self.name = name
            self.value = value
            self.source = source
            self.secret = secret || Self.looksSecret(name)
        }

        /// Names that hold credentials by convention are secret without being marked.
        public static func looksSecret(_ name: String) -> Bool {
            // C's strstr: Foundation's `contains` costs 5,000 instructions a word (the standard library's generic one
            // 35,000), and every command's output is redacted against every variable of the environment.
            let words: [String] = ["KEY", "TOKEN", "SECRET", "PASSWORD", "PASSWD", "CREDENTIAL", "AUTH", "PRIVATE"]
            return name.uppercased().withCString { upper in words.contains { (word: String) in strstr(upper, word) != nil } }
        }
    }

    public static let hidden = "(secret hidden)"

    private let environment: [String: String]
    private let file: [String: Variable]

    /// `environment` wins over `file`, as a shell variable overrides a dotenv file.
    public init(environment: [String: String], file: [String: Variable] = [:]) {
        self.environment = environment
        self.file = file
    }

    /// The variable, when it is set to something other than the empty string.
    public func lookup(_ name: String) -> Variable? {
        if let value = environment[name], !value.isEmpty {
            return Variable(name: name, value: value, source: .environment, secret: file[name]?.secret ?? false)
        }
        if let variable = file[name], !variable.value.isEmpty { return variable }
        return nil
    }

    /// Every occurrence of a secret value in `text` replaced by `(secret hidden)`: the guard on all output, for
    /// messages that quote a value (a diff, an API's rejection, a read-back mismatch).
    public func redact(_ text: String) -> String {
        secretValues.reduce(text) { $0.replacingOccurrences(of: $1, with: Self.hidden) }
    }

    /// True for text that is the value of a secret variable.
    public func isSecret(_ value: JSONValue) -> Bool {
        guard case .string(let text) = value else { return false }
        return secretValues.contains(text)
    }

    /// Values of variables marked secret in the file, and of environment variables whose names look secret (long
    /// enough that replacing them cannot garble unrelated output). Longest first, so no value is half replaced.
    private var secretValues: [String] {
        let marked = file.values.filter(\.secret).map { environment[$0.name].flatMap { $0.isEmpty ? nil : $0 } ?? $0.value }
        let named = environment.filter { Variable.looksSecret($0.key) && $0.value.count >= 8 }.map(\.value)
        return Set((marked + named).filter { !$0.isEmpty }).sorted { ($0.count, $0) > ($1.count, $1) }
    }
}

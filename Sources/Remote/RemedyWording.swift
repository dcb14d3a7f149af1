/// An option of the command line that remedies a problem. The library says which one; the command line, where flag
/// names belong, gives its name through a `RemedyWording`.
public enum Remedy: Sendable, CaseIterable {
    /// Choosing the environment (`--env`).
    case environmentOption
    /// Reading the key from a file (`--api-key-file`).
    case keyFileOption
    /// How many requests are in flight (`--concurrency`).
    case concurrencyOption
    /// Showing values that look like secrets (`--show-secrets`).
    case showSecretsOption
    /// A push that overwrites edits made on the live agent (`push --force`).
    case forcedPush
}

/// How a sentence names a remedy: the command line passes its flag names, anything else gets plain words.
public struct RemedyWording: Sendable {
    private let words: @Sendable (Remedy) -> String

    public init(_ words: @escaping @Sendable (Remedy) -> String) { self.words = words }

    public func callAsFunction(_ remedy: Remedy) -> String { words(remedy) }

    /// Words for users of the libraries without a command line.
    public static let plain = RemedyWording { remedy in
        switch remedy {
        case .environmentOption: "the environment option"
        case .keyFileOption: "a key file"
        case .concurrencyOption: "the concurrency"
        case .showSecretsOption: "the option to show secrets"
        case .forcedPush: "a forced push"
        }
    }
}

/// An error whose message may name a remedy: `description` words it plainly, `message(_:)` as the caller says.
public protocol RemedyWorded: Error, CustomStringConvertible {
    func message(_ wording: RemedyWording) -> String
}

extension RemedyWorded {
    public var description: String { message(.plain) }
}

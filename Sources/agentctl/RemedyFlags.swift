import Remote

extension RemedyWording {
    /// The flags that remedy problems the libraries find: flag names belong to the command line.
    static let commandLine = RemedyWording { remedy in
        switch remedy {
        case .environmentOption: "--env"
        case .keyFileOption: "--api-key-file"
        case .concurrencyOption: "--concurrency"
        case .showSecretsOption: "--show-secrets"
        case .forcedPush: "push --force"
        }
    }
}

/// A library error's message, with its remedies named by their flags.
func commandLineMessage(_ error: any Error) -> String {
    (error as? any RemedyWorded)?.message(.commandLine) ?? "\(error)"
}

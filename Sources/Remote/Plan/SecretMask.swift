import ConfigModel

/// Hides values that look like credentials (custom LLM keys, webhook auth headers) in diffs and plans.
public enum SecretMask {
    private static let secretWords = ["api_key", "apikey", "secret", "token", "password", "authorization", "auth_header",
                                      "private_key", "request_headers", "credential"]
    public static func mask(_ wording: RemedyWording) -> String { "(secret hidden; \(wording(.showSecretsOption)) shows it)" }

    public static func isSecret(_ path: [String]) -> Bool {
        path.contains { key in
            let lower = key.lowercased()
            return secretWords.contains { lower.contains($0) }
        }
    }
}

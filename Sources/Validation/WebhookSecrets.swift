import Foundation
import ConfigModel

/// Warns when a webhook header in a tool file holds what looks like a literal credential: a file is committed to Git
/// and shared between environments, so the value belongs in a variable (`${VAR}`) or a workspace secret
/// (`{secret_id: ...}`).
struct WebhookSecrets {
    private(set) var diagnostics: [Diagnostic] = []

    private static let secretWords = ["auth", "token", "key", "secret", "password", "cookie", "credential", "signature"]
    private static let schemes = ["bearer ", "basic ", "token ", "digest "]

    mutating func check(_ root: YAMLNode) {
        guard root["tool_config"]?["type"]?.scalar?.text == "webhook",
              let headers = root["tool_config"]?["api_schema"]?["request_headers"]?.pairs else { return }
        for header in headers {
            guard let value = header.value.scalar?.text, !header.value.isNull,
                  Self.looksLikeSecret(name: header.key, value: value) else { continue }
            let path = "tool_config.api_schema.request_headers.\(header.key)"
            diagnostics.append(Diagnostic(.literalSecret, at: header.value.mark, "the header `\(header.key)` holds what "
                + "looks like a literal secret; the file is shared through Git and between environments: write "
                + "`${VARIABLE}` or a workspace secret (`{secret_id: ...}`) instead", path: path))
        }
    }

    /// A value written out in full (not a whole `${VAR}` placeholder or a `{{dynamic_variable}}`) under a
    /// credential's header name, or one with an auth scheme or the shape of a long token. `Bearer ${TOKEN}` is
    /// literal: agentctl resolves only a whole value.
    static func looksLikeSecret(name: String, value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, Placeholder(trimmed) == nil, !trimmed.contains("{{") else { return false }
        let lowerName = name.lowercased(), lowerValue = trimmed.lowercased()
        if secretWords.contains(where: lowerName.contains) { return true }
        if schemes.contains(where: lowerValue.hasPrefix) { return true }
        let tokenLike = trimmed.count >= 24 && !trimmed.contains(" ")
            && trimmed.contains(where: \.isNumber) && trimmed.contains(where: \.isLetter)
        return tokenLike
    }
}

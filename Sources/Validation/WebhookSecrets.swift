import Foundation
import ConfigModel

/// Warns when a webhook header in a tool file holds what looks like a literal credential: a file is committed to Git
/// and shared between environments, so the value belongs in a variable (`${VAR}`) or a workspace secret
/// (`{secret_id: ...}`).
struct WebhookSecrets {
    private(set) var diagnostics: [Diagnostic] = []

    mutating func check(_ root: YAMLNode) {
        guard root["tool_config"]?["type"]?.scalar?.text == "webhook",
              let headers = root["tool_config"]?["api_schema"]?["request_headers"]?.pairs else { return }
        for header in headers {
            guard let value = header.value.scalar?.text, !header.value.isNull,
                  HeaderSecret.looksLikeSecret(name: header.key, value: value) else { continue }
            let path = "tool_config.api_schema.request_headers.\(header.key)"
            diagnostics.append(Diagnostic(.literalSecret, at: header.value, "the header `\(header.key)` holds what "
                + "looks like a literal secret; the file is shared through Git and between environments: write "
                + "`${VARIABLE}` or a workspace secret (`{secret_id: ...}`) instead", path: path))
        }
    }
}

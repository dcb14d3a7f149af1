import Foundation

/// Where requests go and with which key, chosen by the documented precedence from the command's flags, the
/// process environment and the environment's entry in agentctl.yaml.
public struct APIAccess: Sendable {
    public static let baseURLVariable = "ELEVENLABS_BASE_URL"

    public let baseURL: APIBaseURL
    public let apiKey: APIKey

    /// The base URL: `--base-url`, then `ELEVENLABS_BASE_URL`, then `base_url`, then the global host.
    /// The key: `--api-key-file`, then `api_key_file`, then the variable `api_key_env` names, then
    /// `ELEVENLABS_API_KEY`. Throws a `BaseURLError` or an `APIKeyError`, the base URL's first.
    public init(baseURLFlag: String?, apiKeyFileFlag: String?, settings: ProjectSettings.Environment,
                variables: [String: String] = ProcessInfo.processInfo.environment) throws {
        let urlText = baseURLFlag ?? variables[Self.baseURLVariable] ?? settings.base_url
        baseURL = try urlText.map(APIBaseURL.init) ?? .production
        if let file = apiKeyFileFlag ?? settings.api_key_file {
            apiKey = try APIKey.fromFile(file)
        } else {
            apiKey = try APIKey.fromEnvironment(variable: settings.api_key_env ?? APIKey.defaultVariable, environment: variables)
        }
    }
}

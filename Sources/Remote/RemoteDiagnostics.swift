import ConfigModel

extension Diagnostic.Rule {
    /// The API refused the request body (HTTP 422); shown at the line of the field it names.
    public static let api = Diagnostic.Rule(rawValue: "api")
    /// `agentctl.lock` cannot be read as the sync state.
    public static let stateFile = Diagnostic.Rule(rawValue: "state-file")
}

import ConfigModel

extension AgentDocument {
    /// The typed view; sections that do not decode are nil (validation reports why).
    public var definition: AgentDefinition {
        (try? NodeDecoder().decode(AgentDefinition.self, from: root)) ?? AgentDefinition()
    }
}

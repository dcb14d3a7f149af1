import ConfigModel

extension AgentDocument {
    /// The typed view; a field that does not decode is nil and the rest stays usable (validation reports why).
    public var definition: AgentDefinition {
        (try? NodeDecoder(lenient: true).decode(AgentDefinition.self, from: root)) ?? AgentDefinition()
    }
}

import AgentSchema
import ConfigModel

/// Checks `agentctl.yaml` against its table (`ProjectFile.table`): unknown keys, wrong types, a default environment
/// that names none. Every problem is an error, found before any request, since a typo here points a command at the
/// wrong endpoint or key.
struct ProjectFileCheck {
    static func diagnostics(_ document: AgentDocument) -> [Diagnostic] {
        var fields = FieldChecker(table: ProjectFile.table)
        fields.checkFile(document.root)
        let found = fields.diagnostics + defaultEnvironment(document.root)
        return found.map { $0.with(severity: .error) }.sorted { ($0.mark, $0.rule.rawValue) < ($1.mark, $1.rule.rawValue) }
    }

    /// `default_environment` names one of `environments`.
    private static func defaultEnvironment(_ root: YAMLNode) -> [Diagnostic] {
        guard let node = root["default_environment"], case .success(let name) = ScalarReading.text(node) else { return [] }
        let names = root["environments"]?.pairs?.map(\.key) ?? []
        guard !names.contains(name) else { return [] }
        let hint = DidYouMean.suggestion(for: name, among: names).map { "; did you mean `\($0)`?" }
            ?? (names.isEmpty ? "; define it under `environments`" : "; the environments are " + names.map { "`\($0)`" }.joined(separator: ", "))
        return [Diagnostic(.allowedValues, at: node.mark, "`default_environment` names `\(name)`, which is not under `environments`\(hint)",
                           path: "default_environment")]
    }
}

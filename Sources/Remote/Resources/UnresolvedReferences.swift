import AgentSchema
import ConfigModel

extension Diagnostic.Rule {
    /// A file names another resource (`tool:book-appointment`) that cannot be turned into this environment's ID.
    public static let unresolvedReference = Diagnostic.Rule(rawValue: "reference")
}

/// Names of other resources in agent files, which the API cannot take: only IDs go over the wire. Until tools and
/// tests are synced (and their IDs recorded per environment), a name resolves to nothing, so a remote command stops
/// at each one rather than send the name as an ID.
public enum UnresolvedReferences {
    public static func diagnostics(_ documents: [AgentDocument]) -> [Diagnostic] {
        documents.flatMap { document in
            ReferenceField.agent.flatMap { field in
                field.values(in: document.root).compactMap { node, text, path -> Diagnostic? in
                    guard case .name(let kind, _) = ResourceReference(text) else { return nil }
                    return .error(.unresolvedReference, "`\(path)` names `\(text)`, which has no ID to send: "
                        + "\(kind.rawValue) files are not synced yet, so write the \(kind.rawValue)'s ID in this "
                        + "environment to diff or push this agent", at: node.mark)
                }
            }
        }
    }
}

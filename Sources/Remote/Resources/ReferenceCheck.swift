import AgentSchema
import ConfigModel

extension Diagnostic.Rule {
    /// A file names another resource (`tool:book-appointment`) that has no ID in this environment, or holds an ID
    /// that no file names.
    public static let unresolvedReference = Diagnostic.Rule(rawValue: "reference")
}

/// The names in files set against one environment, before any request: a name must be tracked there, or be the file
/// of a resource this same command creates first.
public enum ReferenceCheck {
    /// An error at each name that resolves to nothing in the environment of `references`.
    public static func unresolved(_ documents: [AgentDocument], references: ReferenceMap) -> [Diagnostic] {
        let kinds = documents.map { FileKind(path: $0.file, text: $0.text) }
        var created: [FileKind: Set<String>] = [:]
        for (document, kind) in zip(documents, kinds) { created[kind, default: []].insert(ResourceReference.slug(ofFile: document.file)) }
        return zip(documents, kinds).flatMap { document, kind in
            ReferenceField.fields(of: kind).flatMap { field in
                field.values(in: document.root).compactMap { node, text, path -> Diagnostic? in
                    guard case .name(let named, let slug) = ResourceReference(text), references.id(of: named, slug: slug) == nil,
                          created[named]?.contains(slug) != true else { return nil }
                    return .error(.unresolvedReference, "`\(path)` names `\(text)`, which has no ID in environment "
                        + "`\(references.environment)`: \(named.folder)/\(slug).yaml is not synced there; push it "
                        + "with this file (or pull it) first", at: node.mark)
                }
            }
        }
    }

    /// A warning at each ID a pulled file holds that no tracked file names, so it stays an ID (valid in one
    /// environment only).
    public static func unmapped(_ document: AgentDocument, of resource: Resource, references: ReferenceMap) -> [Diagnostic] {
        resource.references.flatMap { field in
            field.values(in: document.root).compactMap { node, text, path -> Diagnostic? in
                guard case .id(let id) = ResourceReference(text) else { return nil }
                return Diagnostic(.warning, .unresolvedReference, at: node.mark, "`\(path)` keeps the \(field.kind.rawValue) "
                    + "ID `\(id)`: no \(field.kind.folder)/*.yaml is synced with it in environment `\(references.environment)`; "
                    + "pull the \(field.kind.folder) too to write its name", path: path)
            }
        }
    }
}

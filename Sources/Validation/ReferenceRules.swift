import AgentSchema
import ConfigModel

/// Checks that every name an agent gives another resource (`tool:book-appointment`) is a file of the repository,
/// and warns on raw IDs, which hold in one environment only.
struct ReferenceRules {
    let names: ResourceNames
    private(set) var diagnostics: [Diagnostic] = []

    init(names: ResourceNames) { self.names = names }

    mutating func check(_ root: YAMLNode, fields: [ReferenceField]) {
        for field in fields {
            for (node, text, path) in field.values(in: root) { check(text, node: node, path: path, field: field) }
        }
    }

    private mutating func check(_ text: String, node: YAMLNode, path: String, field: ReferenceField) {
        let example = ResourceReference.text(naming: "SLUG", of: field.kind)
        switch ResourceReference(text) {
        case .id(let id):
            diagnostics.append(Diagnostic(.rawID, at: node.mark, "`\(path)` holds the raw ID `\(id)`, which names a "
                + "\(field.kind.rawValue) in one environment only; name its file instead (`\(example)` for "
                + "\(field.kind.folder)/SLUG.yaml)", path: path))
        case .name(let kind, let slug) where kind != field.kind:
            diagnostics.append(Diagnostic(.unknownReference, at: node.mark, "`\(path)` takes a \(field.kind.rawValue), "
                + "not a \(kind.rawValue): write `\(ResourceReference.text(naming: slug, of: field.kind))`", path: path))
        case .name(let kind, let slug):
            let known = names.slugs(of: kind)
            guard !known.contains(slug) else { return }
            let hint = DidYouMean.suggestion(for: slug, among: known)
                .map { "; did you mean `\(ResourceReference.text(naming: $0, of: kind))`?" } ?? ""
            diagnostics.append(Diagnostic(.unknownReference, at: node.mark, "`\(path)` names `\(text)`, but there is "
                + "no \(kind.folder)/\(slug).yaml\(hint)", path: path))
        }
    }
}

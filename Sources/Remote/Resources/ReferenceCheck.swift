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
    /// A name in a file with no ID in the environment: an error unless this same command creates the file it names.
    public struct Unresolved: Sendable {
        /// The file named: its kind and slug (`tool`, `book-appointment` for `tools/book-appointment.yaml`).
        public let kind: FileKind
        public let slug: String
        public let diagnostic: Diagnostic
    }

    /// Each name in one file that resolves to nothing in the environment of `references`, so files are checked one at
    /// a time; `errors(_:creating:)` then drops the names of files the command creates.
    public static func unresolved(in document: AgentDocument, references: ReferenceMap) -> [Unresolved] {
        ReferenceField.fields(of: FileKind(path: document.file, text: document.text)).flatMap { field in
            field.values(in: document.root).compactMap { node, text, path -> Unresolved? in
                guard case .name(let named, let slug) = ResourceReference(text), references.id(of: named, slug: slug) == nil
                else { return nil }
                return Unresolved(kind: named, slug: slug, diagnostic: .error(.unresolvedReference, "`\(path)` names `\(text)`, "
                    + "which has no ID in environment `\(references.environment)`: \(named.folder)/\(slug).yaml is not synced "
                    + "there; push it with this file (or pull it) first", at: node.mark))
            }
        }
    }

    /// The errors among `unresolved` names: those not naming one of the `files` this command syncs (and so creates
    /// first, in `Resource.all` order).
    public static func errors(_ unresolved: [Unresolved], creating files: [(file: String, kind: FileKind)]) -> [Diagnostic] {
        var created: [FileKind: Set<String>] = [:]
        for (file, kind) in files { created[kind, default: []].insert(ResourceReference.slug(ofFile: file)) }
        return unresolved.filter { created[$0.kind]?.contains($0.slug) != true }.map(\.diagnostic)
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

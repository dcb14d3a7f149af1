import AgentSchema
import ConfigModel

/// Names of other resources (`tool:book-appointment`) and one environment's IDs for them, from the lock: the ID of
/// `tools/book-appointment.yaml` there. Files and plans hold names; only requests hold IDs, so one file works in
/// every environment.
public struct ReferenceMap: Sendable {
    /// A name with no ID in this environment when a request needs one.
    public struct Unresolved: Error, Sendable, CustomStringConvertible {
        public let name: String
        public let environment: String
        public var description: String {
            "`\(name)` has no ID in environment `\(environment)` (its file is not synced there); nothing was sent"
        }
    }

    public let environment: String
    private var idBySlug: [FileKind: [String: String]] = [:]
    private var slugByID: [FileKind: [String: String]] = [:]

    /// The IDs of every tracked file of a kind that others may name, in `environment`.
    public init(state: SyncState, environment: String) {
        self.environment = environment
        for resource in Resource.all {
            guard let kind = resource.fileKind else { continue }
            for (file, entry) in state.entries(of: resource, in: environment).sorted(by: { $0.key < $1.key }) {
                let slug = ResourceReference.slug(ofFile: file)
                idBySlug[kind, default: [:]][slug] = entry.id
                slugByID[kind, default: [:]][entry.id] = slug
            }
        }
    }

    public func id(of kind: FileKind, slug: String) -> String? { idBySlug[kind]?[slug] }

    /// The body with every known ID at `fields` written as its name; IDs no file tracks stay as they are.
    public func naming(_ body: JSONObject, fields: [ReferenceField]) -> JSONObject {
        rewrite(body, fields: fields) { text, kind in
            guard case .id(let id) = ResourceReference(text), let slug = slugByID[kind]?[id] else { return text }
            return ResourceReference.text(naming: slug, of: kind)
        }
    }

    /// The body a request sends: every name at `fields` replaced by this environment's ID.
    public func resolving(_ body: JSONObject, fields: [ReferenceField]) throws(Unresolved) -> JSONObject {
        var missing: String?
        let resolved = rewrite(body, fields: fields) { text, _ in
            let reference = ResourceReference(text)
            guard let id = reference.resolved(by: { id(of: $0, slug: $1) }) else {
                missing = missing ?? text
                return text
            }
            return id
        }
        if let missing { throw Unresolved(name: missing, environment: environment) }
        return resolved
    }

    private func rewrite(_ body: JSONObject, fields: [ReferenceField], _ change: (String, FileKind) -> String) -> JSONObject {
        var value = JSONValue.object(body)
        for field in fields { value = Self.rewrite(value, keys: field.keys[...]) { change($0, field.kind) } }
        return value.objectValue ?? body
    }

    private static func rewrite(_ value: JSONValue, keys: ArraySlice<String?>, _ change: (String) -> String) -> JSONValue {
        guard let first = keys.first else {
            if case .string(let text) = value { return .string(change(text)) }
            return value
        }
        switch (value, first) {
        case (.object(var object), let key?):
            guard let child = object[key] else { return value }
            object[key] = rewrite(child, keys: keys.dropFirst(), change)
            return .object(object)
        case (.array(let items), nil):
            return .array(items.map { rewrite($0, keys: keys.dropFirst(), change) })
        default:
            return value
        }
    }
}

import Foundation

/// The agents schema and server defaults, generated from the OpenAPI reference into Resources/agents-api.json.
public struct SchemaCatalog: Sendable {
    public let schemas: [String: SchemaNode]
    /// For each model that can be built from `{}`, what the server returns for it.
    public let defaults: [String: JSONValue]
    /// Each endpoint of the reference by "METHOD /path": its query, body and answer schemas.
    public let operations: [String: APIOperation]

    public enum LoadError: Error, CustomStringConvertible {
        case missingResource
        case invalid(String)

        public var description: String {
            switch self {
            case .missingResource: "agents-api.json is missing from the emulator's resource bundle"
            case .invalid(let reason): "agents-api.json is not valid: \(reason)"
            }
        }
    }

    public static func bundled() throws -> SchemaCatalog {
        guard let url = Bundle.module.url(forResource: "agents-api", withExtension: "json") else {
            throw LoadError.missingResource
        }
        return try SchemaCatalog(data: try Data(contentsOf: url))
    }

    public init(data: Data) throws {
        let document: JSONValue
        do {
            document = try JSONParser.parse(data)
        } catch {
            throw LoadError.invalid("byte \(error.offset): \(error.reason)")
        }
        guard let schemas = document["schemas"]?.objectValue, let defaults = document["defaults"]?.objectValue else {
            throw LoadError.invalid("expected top-level \"schemas\" and \"defaults\" objects")
        }
        self.schemas = Dictionary(uniqueKeysWithValues: schemas.map { ($0.key, SchemaNode($0.value, name: $0.key)) })
        self.defaults = defaults
        operations = (document["operations"]?.objectValue ?? [:]).mapValues(APIOperation.init)
    }

    /// The endpoint `"GET /v1/convai/tools"` as the reference describes it.
    public func operation(_ key: String) -> APIOperation {
        guard let operation = operations[key] else { preconditionFailure("operation \(key) is not in agents-api.json") }
        return operation
    }

    public func schema(named name: String) -> SchemaNode {
        guard let node = schemas[name] else { preconditionFailure("schema \(name) is not in agents-api.json") }
        return node
    }

    /// Follows `ref` links to the named schema they point at.
    func resolve(_ node: SchemaNode) -> SchemaNode {
        var current = node
        while let ref = current.ref {
            current = schema(named: ref)
        }
        return current
    }
}

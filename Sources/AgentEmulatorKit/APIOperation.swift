/// One endpoint of the reference: the schemas of its query parameters, request body and 200 answer.
public struct APIOperation: Sendable {
    public let query: [String: SchemaNode]
    /// Values FastAPI uses for query parameters left out (`page_size` 30, `sort_direction` "desc").
    public let queryDefaults: [String: JSONValue]
    public let body: SchemaNode?
    public let response: SchemaNode?

    init(_ json: JSONValue) {
        query = (json["query"]?.objectValue ?? [:]).mapValues { SchemaNode($0) }
        queryDefaults = json["query_defaults"]?.objectValue ?? [:]
        body = json["body"].map { SchemaNode($0) }
        response = json["response"].map { SchemaNode($0) }
    }
}

extension SchemaCatalog {
    /// A request body checked against the endpoint's body schema, as the server stores it; FastAPI's 422 otherwise.
    func checkedBody(_ body: JSONValue, for operation: String) throws(APIFailure) -> JSONValue {
        let (result, issues) = RequestValidator(catalog: self).check(body, against: self.operation(operation).body!, at: [.key("body")])
        guard issues.isEmpty else { throw .invalid(issues) }
        return result
    }

    /// An answer with the server's defaults filled in, walking the endpoint's 200 schema.
    func filledAnswer(_ value: JSONValue, for operation: String) -> JSONValue {
        DefaultsFiller(catalog: self).fill(value, self.operation(operation).response!)
    }
}

import ConfigModel
import Foundation

/// One resource's endpoints over HTTP. Bodies go in and come out as the API's raw JSON bytes, so no field is lost
/// to a typed re-encoding; only list pages and create answers are read.
public struct ResourceAPI: Sendable {
    public let client: APIClient
    public let resource: Resource
    public static let maxPageSize = 100

    public init(client: APIClient, resource: Resource) {
        self.client = client
        self.resource = resource
    }

    private var endpoints: ResourceEndpoints { resource.endpoints }

    /// One page of the list, newest first.
    public func list(pageSize: Int = maxPageSize, cursor: String? = nil,
                     search: String? = nil) async throws(RemoteError) -> ResourcePage {
        var query = [("page_size", String(min(max(pageSize, 1), Self.maxPageSize)))]
        if let cursor { query.append(("cursor", cursor)) }
        if let search { query.append(("search", search)) }
        let request = APIRequest(method: "GET", path: endpoints.collection, query: query, idempotent: true,
                                 operation: "list \(resource.plural)")
        let answer = try await client.send(request)
        guard let page = ResourcePage(answer, endpoints: endpoints) else { throw malformed(request.operation) }
        return page
    }

    /// Every item, following `next_cursor` until `has_more` is false.
    public func listAll(pageSize: Int = maxPageSize, search: String? = nil) async throws(RemoteError) -> [ResourceSummary] {
        var items: [ResourceSummary] = []
        var cursor: String?
        var seen: Set<String> = []
        while true {
            let page = try await list(pageSize: pageSize, cursor: cursor, search: search)
            items += page.items
            guard page.hasMore else { return items }
            // A missing or repeated cursor would loop forever.
            guard let next = page.nextCursor, seen.insert(next).inserted else {
                throw malformed("list \(resource.plural)")
            }
            cursor = next
        }
    }

    /// The full live resource, with the server's defaults, as JSON. `query`: an agent's `branch_id`.
    public func get(id: String, query: [(String, String)] = []) async throws(RemoteError) -> Data {
        try await client.send(getRequest(id: id, query: query))
    }

    /// The full live resource, read as an object whose fields have the types its schema gives them.
    public func getObject(id: String, query: [(String, String)] = []) async throws(RemoteError) -> JSONObject {
        let operation = "get \(resource.kind) \(id)"
        let answer = try await client.json(getRequest(id: id, query: query))
        guard let object = answer.objectValue else { throw malformed(operation) }
        let problems = resource.schema.answerProblems(object)
        guard problems.isEmpty else { throw failure(.unexpectedShape(problems), operation) }
        return object
    }

    /// Creates one from `body` as sent; returns its new ID.
    public func create(_ body: Data) async throws(RemoteError) -> String {
        let request = APIRequest(method: "POST", path: endpoints.create, body: body, idempotent: false,
                                 operation: "create \(resource.kind)")
        let answer = try await client.send(request)
        guard let id = (try? JSONParser.parse(Array(answer)))?[endpoints.idKey]?.stringValue else {
            throw failure(.outcomeUnknown("the answer has no \(endpoints.idKey)"), request.operation)
        }
        return id
    }

    /// Sends `body` with the resource's update method (PATCH merges it); returns the updated resource as JSON.
    public func update(id: String, body: Data, query: [(String, String)] = []) async throws(RemoteError) -> Data {
        try await client.send(APIRequest(method: endpoints.updateMethod, path: path(id), query: query, body: body, idempotent: true,
                                         operation: "update \(resource.kind) \(id)"))
    }

    public func delete(id: String) async throws(RemoteError) {
        _ = try await client.send(APIRequest(method: "DELETE", path: path(id), idempotent: true,
                                             expectsJSONObject: false, operation: "delete \(resource.kind) \(id)"))
    }

    private func getRequest(id: String, query: [(String, String)]) -> APIRequest {
        APIRequest(method: "GET", path: path(id), query: query, idempotent: true, operation: "get \(resource.kind) \(id)")
    }

    /// One resource's path, its ID percent-encoded so no ID can reach another endpoint.
    func path(_ id: String) -> String {
        endpoints.collection + "/" + APIBaseURL.encode(id)
    }

    private func malformed(_ operation: String) -> RemoteError {
        failure(.malformedResponse, operation)
    }

    private func failure(_ kind: RemoteError.Kind, _ operation: String) -> RemoteError {
        RemoteError(kind: kind, operation: operation, host: client.configuration.baseURL.host,
                    keySource: client.configuration.apiKey.source, attempts: 1, serverMessage: nil, retryAfter: nil,
                    wording: client.configuration.wording)
    }
}

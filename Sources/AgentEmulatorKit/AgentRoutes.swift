import FlyingFox
import Foundation

/// Routes `/v1/convai/agents...` requests to the store, checking the API key first; other API paths go to `ResourceRoutes`.
struct AgentRoutes: Sendable {
    let store: AgentStore
    let apiKey: String
    let readOnlyAPIKey: String?
    let resources: ResourceStores
    let echoKey: Bool
    let control = TestControl()

    private enum Access { case full, readOnly }

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let response = await route(request)
        guard echoKey, let key = request.headers[HTTPHeader("xi-api-key")],
              [401, 422].contains(response.statusCode.code) else { return response }
        return await HTTPReplies.echoing(key: key, in: response)
    }

    private func route(_ request: HTTPRequest) async -> HTTPResponse {
        let segments = request.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard segments.count >= 3, segments[0...2] == ["v1", "convai", "agents"], segments.count <= 4 else {
            return await ResourceRoutes(agents: self).handle(request, segments)
        }
        let method = request.method
        let target = segments.count == 4 ? segments[3] : nil
        let allowed: Set<HTTPMethod> = switch target {
        case nil: [.GET]
        case "create": [.POST]
        default: [.GET, .PATCH, .DELETE]
        }
        guard allowed.contains(method) else { return HTTPReplies.methodNotAllowed }
        if let refusal = await admit(request) { return refusal }
        let branch = request.query.first { $0.name == "branch_id" }?.value
        switch (method, target) {
        case (.GET, nil): return await list(request)
        case (.POST, _): return await create(request)
        case (.GET, let id?):
            if let branch { return await respond(id) { try await store.document(id, onBranch: branch) } }
            return await respond(id) { await control.overridden(try await store.document(id), id: id) }
        case (.PATCH, let id?): return await patch(id, request, branch: branch)
        case (.DELETE, let id?): return await respond(id) { try await store.delete(id); return .object([:]) }
        default: return HTTPReplies.methodNotAllowed
        }
    }

    struct Refusal: Error {
        let reply: HTTPResponse
    }

    /// Key, read-only key, write log and scripted 503s, as every API endpoint applies them; nil lets the request on.
    func admit(_ request: HTTPRequest) async -> HTTPResponse? {
        let method = request.method
        let access: Access
        switch authorize(request) {
        case .success(let granted): access = granted
        case .failure(let refusal): return refusal.reply
        }
        if method != .GET, access == .readOnly { return HTTPReplies.readOnlyKey }
        if method != .GET {
            await control.record(method: method.rawValue, path: request.path, body: (try? await request.bodyData) ?? Data())
            if await control.isUnavailable(request.path) { return HTTPReplies.unavailable }
        }
        return nil
    }

    private func authorize(_ request: HTTPRequest) -> Result<Access, Refusal> {
        guard let key = request.headers[HTTPHeader("xi-api-key")], !key.isEmpty else {
            return .failure(Refusal(reply: HTTPReplies.missingKey))
        }
        if key == apiKey { return .success(.full) }
        if key == readOnlyAPIKey { return .success(.readOnly) }
        return .failure(Refusal(reply: HTTPReplies.invalidKey))
    }

    private func list(_ request: HTTPRequest) async -> HTTPResponse {
        await respond("") {
            let query = try AgentListQuery.parse(request.query.map { ($0.name, $0.value) })
            return await store.list(query)
        }
    }

    private func create(_ request: HTTPRequest) async -> HTTPResponse {
        switch await body(of: request, required: true) {
        case .failure(let refusal): return refusal.reply
        case .success(let body):
            let kept = await control.withoutDroppedFields(body)
            return await respond("") { .object(["agent_id": .string(try await store.create(kept))]) }
        }
    }

    private func patch(_ id: String, _ request: HTTPRequest, branch: String?) async -> HTTPResponse {
        switch await body(of: request, required: false) {
        case .failure(let refusal): return refusal.reply
        case .success(let body):
            let kept = await control.withoutDroppedFields(body)
            if let branch { return await respond(id) { try await store.patch(id, kept, onBranch: branch) } }
            return await respond(id) { try await store.patch(id, kept) }
        }
    }

    private func respond(_ id: String, _ work: () async throws -> JSONValue) async -> HTTPResponse {
        do {
            return HTTPReplies.json(.ok, try await work())
        } catch AgentStore.Failure.notFound {
            return HTTPReplies.agentNotFound(id)
        } catch AgentStore.Failure.invalid(let issues) {
            return HTTPReplies.invalid(issues)
        } catch let failure as APIFailure {
            return failure.reply
        } catch {
            return HTTPReplies.serverError
        }
    }

    /// The JSON body, or FastAPI's 422 for a missing or undecodable one.
    func body(of request: HTTPRequest, required: Bool) async -> Result<JSONValue, Refusal> {
        let data = (try? await request.bodyData) ?? Data()
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            guard required else { return .success(.object([:])) }
            let issue = ValidationIssue(loc: [.key("body")], type: "missing", msg: "Field required", input: .null, ctx: nil)
            return .failure(Refusal(reply: HTTPReplies.invalid([issue])))
        }
        do {
            return .success(try JSONParser.parse(data))
        } catch {
            let issue = ValidationIssue(loc: [.key("body"), .index(error.offset)], type: "json_invalid", msg: "JSON decode error",
                                        input: .object([:]), ctx: ["error": .string(error.reason)])
            return .failure(Refusal(reply: HTTPReplies.invalid([issue])))
        }
    }
}

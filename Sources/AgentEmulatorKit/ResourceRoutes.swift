import FlyingFox
import Foundation

/// The stores behind the endpoints beyond the agent itself.
struct ResourceStores: Sendable {
    let catalog: SchemaCatalog
    let tools: ToolStore
    let tests: AgentTestStore
}

/// Tools, agent tests and their runs, and agent branches: each endpoint named as the reference names it, matched
/// as Starlette matches (a path with another method answers 405 only when no route takes the method), then the
/// same key and write checks as the agent endpoints.
struct ResourceRoutes: Sendable {
    let agents: AgentRoutes

    static let endpoints = [
        "GET /v1/convai/tools", "POST /v1/convai/tools",
        "GET /v1/convai/tools/{tool_id}", "PATCH /v1/convai/tools/{tool_id}", "DELETE /v1/convai/tools/{tool_id}",
        "GET /v1/convai/tools/{tool_id}/dependent-agents",
        "GET /v1/convai/agent-testing", "POST /v1/convai/agent-testing/create",
        "GET /v1/convai/agent-testing/{test_id}", "PUT /v1/convai/agent-testing/{test_id}",
        "DELETE /v1/convai/agent-testing/{test_id}",
        "POST /v1/convai/agents/{agent_id}/run-tests",
        "GET /v1/convai/test-invocations", "GET /v1/convai/test-invocations/{test_invocation_id}",
        "GET /v1/convai/agents/{agent_id}/branches", "POST /v1/convai/agents/{agent_id}/branches",
        "GET /v1/convai/agents/{agent_id}/branches/{branch_id}", "PATCH /v1/convai/agents/{agent_id}/branches/{branch_id}",
    ]

    func handle(_ request: HTTPRequest, _ segments: [String]) async -> HTTPResponse {
        var pathMatched = false
        for endpoint in Self.endpoints {
            let parts = endpoint.split(separator: " ", maxSplits: 1)
            guard let parameters = Self.match(parts[1].split(separator: "/").map(String.init), segments) else { continue }
            pathMatched = true
            guard parts[0] == request.method.rawValue else { continue }
            if let refusal = await agents.admit(request) { return refusal }
            do {
                return HTTPReplies.json(.ok, try await perform(endpoint, parameters, request))
            } catch let failure as APIFailure {
                return failure.reply
            } catch let refusal as AgentRoutes.Refusal {
                return refusal.reply
            } catch AgentStore.Failure.notFound {
                return HTTPReplies.agentNotFound(parameters["agent_id"] ?? "")
            } catch {
                return HTTPReplies.serverError
            }
        }
        return pathMatched ? HTTPReplies.methodNotAllowed : HTTPReplies.notFound
    }

    /// The path parameters when the segments fit the template (`{name}` takes one segment).
    private static func match(_ template: [String], _ segments: [String]) -> [String: String]? {
        guard template.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (part, segment) in zip(template, segments) {
            if part.hasPrefix("{") {
                parameters[String(part.dropFirst().dropLast())] = segment.removingPercentEncoding ?? segment
            } else if part != segment {
                return nil
            }
        }
        return parameters
    }

    private func perform(_ endpoint: String, _ path: [String: String], _ request: HTTPRequest) async throws -> JSONValue {
        let resources = agents.resources
        let (tools, tests, store, catalog) = (resources.tools, resources.tests, agents.store, resources.catalog)
        let query = try QueryReader(catalog: catalog).read(request.query.map { ($0.name, $0.value) }, for: catalog.operation(endpoint))
        let (tool, test, agent, branch) = (path["tool_id"] ?? "", path["test_id"] ?? "", path["agent_id"] ?? "", path["branch_id"] ?? "")
        switch endpoint {
        case "GET /v1/convai/tools": return try await tools.list(query)
        case "POST /v1/convai/tools": return try await tools.create(body(request))
        case "GET /v1/convai/tools/{tool_id}": return try await tools.document(tool)
        case "PATCH /v1/convai/tools/{tool_id}": return try await tools.update(tool, body(request))
        case "DELETE /v1/convai/tools/{tool_id}": return try await deleteTool(tool, force: query["force"]?.boolValue ?? false)
        case "GET /v1/convai/tools/{tool_id}/dependent-agents":
            guard await tools.contains(tool) else { _ = try await tools.document(tool); return .null }
            return try ToolDependents.page(await store.uses(ofTool: tool), query)
        case "GET /v1/convai/agent-testing": return try await tests.list(query)
        case "POST /v1/convai/agent-testing/create": return try await tests.create(body(request))
        case "GET /v1/convai/agent-testing/{test_id}": return try await tests.document(test)
        case "PUT /v1/convai/agent-testing/{test_id}": return try await tests.update(test, body(request))
        case "DELETE /v1/convai/agent-testing/{test_id}": try await tests.delete(test); return .object([:])
        case "POST /v1/convai/agents/{agent_id}/run-tests":
            let run = try catalog.checkedBody(try await body(request), for: AgentTestStore.runOperation)
            if let onBranch = run["branch_id"]?.stringValue {
                _ = try await store.branchDocument(agent, onBranch)
            } else {
                _ = try await store.document(agent)
            }
            return try await tests.run(agentID: agent, run)
        case "GET /v1/convai/test-invocations": return try await tests.listInvocations(query)
        case "GET /v1/convai/test-invocations/{test_invocation_id}": return try await tests.poll(path["test_invocation_id"] ?? "")
        case "GET /v1/convai/agents/{agent_id}/branches":
            let list = try await store.listBranches(agent, includeArchived: query["include_archived"]?.boolValue ?? false,
                                                    limit: query["limit"]?.intValue ?? 100)
            return catalog.filledAnswer(list, for: endpoint)
        case "POST /v1/convai/agents/{agent_id}/branches":
            let created = try catalog.checkedBody(try await body(request), for: endpoint)
            return try await store.createBranch(agent, created)
        case "GET /v1/convai/agents/{agent_id}/branches/{branch_id}":
            return catalog.filledAnswer(try await store.branchDocument(agent, branch), for: endpoint)
        default:
            let changes = try catalog.checkedBody(try await body(request), for: endpoint)
            return catalog.filledAnswer(try await store.updateBranch(agent, branch, changes), for: endpoint)
        }
    }

    /// A tool in use is refused unless `force`, which first takes it out of every agent and branch naming it.
    private func deleteTool(_ id: String, force: Bool) async throws -> JSONValue {
        let (tools, store) = (agents.resources.tools, agents.store)
        _ = try await tools.document(id)
        let uses = await store.uses(ofTool: id)
        if !uses.isEmpty {
            guard force else {
                throw APIFailure.conflict(status: "tool_in_use", message:
                    "Tool \(id) is used by \(uses.count) agent(s); delete it with force=true to remove it from them.")
            }
            await store.removeToolReferences(id)
        }
        try await tools.delete(id)
        return .object([:])
    }

    private func body(_ request: HTTPRequest) async throws -> JSONValue {
        switch await agents.body(of: request, required: true) {
        case .success(let value): return value
        case .failure(let refusal): throw refusal
        }
    }
}

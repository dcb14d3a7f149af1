import Foundation

/// The workspace's tools (`/v1/convai/tools`): create, read, replace, delete and list, checked against the reference.
actor ToolStore {
    private var tools: [String: StoredTool] = [:]
    private var clock: LogicalClock
    private var random: SeededGenerator
    private let catalog: SchemaCatalog

    static let createOperation = "POST /v1/convai/tools"
    static let readOperation = "GET /v1/convai/tools/{tool_id}"
    static let updateOperation = "PATCH /v1/convai/tools/{tool_id}"

    init(catalog: SchemaCatalog, ids: IDSpace, frozenClock: Int?) {
        self.catalog = catalog
        random = ids.generator("tool")
        clock = LogicalClock(frozenAt: frozenClock, wallClock: AgentStore.wallClock)
    }

    var count: Int { tools.count }

    func contains(_ id: String) -> Bool { tools[id] != nil }


    private func answer(_ tool: StoredTool) -> JSONValue {
        catalog.filledAnswer(tool.document, for: Self.readOperation)
    }

    private func stored(_ id: String) throws(APIFailure) -> StoredTool {
        guard let tool = tools[id] else {
            throw .notFound(status: "tool_not_found", message: "Tool with id \(id) was not found.")
        }
        return tool
    }

    func create(_ body: JSONValue) throws(APIFailure) -> JSONValue {
        let request = try catalog.checkedBody(body, for: Self.createOperation)
        let tool = StoredTool(id: random.identifier(prefix: "tool_"), toolConfig: request["tool_config"] ?? .null,
                              responseMocks: request["response_mocks"] ?? .null, createdAt: clock.tick(wallClock: AgentStore.wallClock))
        tools[tool.id] = tool
        return answer(tool)
    }

    func document(_ id: String) throws(APIFailure) -> JSONValue {
        answer(try stored(id))
    }

    /// The body is a whole ToolRequestModel, as for create: it replaces the tool's config and mocks, no merge.
    func update(_ id: String, _ body: JSONValue) throws(APIFailure) -> JSONValue {
        var tool = try stored(id)
        let request = try catalog.checkedBody(body, for: Self.updateOperation)
        tool.toolConfig = request["tool_config"] ?? .null
        tool.responseMocks = request["response_mocks"] ?? .null
        tools[id] = tool
        _ = clock.tick(wallClock: AgentStore.wallClock)
        return answer(tool)
    }

    func delete(_ id: String) throws(APIFailure) {
        _ = try stored(id)
        tools[id] = nil
    }

    /// `search` is a case-insensitive name prefix; `types` keeps tools whose `tool_config.type` is listed.
    func list(_ query: [String: JSONValue]) throws(APIFailure) -> JSONValue {
        let prefix = query["search"]?.stringValue?.lowercased()
        let types = query["types"].flatMap { value -> Set<String>? in
            guard case .array(let names) = value else { return nil }
            return Set(names.compactMap(\.stringValue))
        }
        let matching = tools.values.filter { tool in
            (prefix.map { tool.name.lowercased().hasPrefix($0) } ?? true) && (types.map { $0.contains(tool.type) } ?? true)
        }
        let byName = query["sort_by"]?.stringValue == "name"
        let pager = try KeysetPage(size: query["page_size"]?.intValue ?? 30, ascending: query["sort_direction"]?.stringValue == "asc",
                                   cursor: query["cursor"]?.stringValue)
        let page = pager.page(matching, key: { byName ? .string($0.name) : .int($0.createdAt) }, id: \.id)
        return .object(["tools": .array(page.items.map(answer)), "has_more": .bool(page.hasMore), "next_cursor": page.next])
    }
}

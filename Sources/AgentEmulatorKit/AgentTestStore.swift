import Foundation

/// Agent tests (`/v1/convai/agent-testing`) and their runs (`run-tests`, `/v1/convai/test-invocations`), whose
/// outcomes a test scripts by test ID or name so a client can be checked against a pass, a failure and a slow run.
actor AgentTestStore {
    private var tests: [String: StoredAgentTest] = [:]
    private var invocations: [String: TestInvocation] = [:]
    private var outcomes: [String: ScriptedOutcome] = [:]
    private var clock: LogicalClock
    private var random: SeededGenerator
    private let catalog: SchemaCatalog

    static let createOperation = "POST /v1/convai/agent-testing/create"
    static let readOperation = "GET /v1/convai/agent-testing/{test_id}"
    static let updateOperation = "PUT /v1/convai/agent-testing/{test_id}"
    static let runOperation = "POST /v1/convai/agents/{agent_id}/run-tests"
    static let invocationOperation = "GET /v1/convai/test-invocations/{test_invocation_id}"
    static let invocationListOperation = "GET /v1/convai/test-invocations"

    init(catalog: SchemaCatalog, ids: IDSpace, frozenClock: Int?) {
        self.catalog = catalog
        random = ids.generator("test")
        clock = LogicalClock(frozenAt: frozenClock, wallClock: AgentStore.wallClock)
    }

    var count: Int { tests.count }

    /// `POST /_emulator/control` with `{"test_outcomes": {"<test id or name>" or "*": {...}}}`; `{}` clears them.
    func configure(_ body: JSONValue) {
        guard case .object(let scripted)? = body["test_outcomes"] else { return }
        outcomes = scripted.mapValues { ScriptedOutcome($0) }
    }


    private func fill(_ value: JSONValue, as operation: String) -> JSONValue {
        catalog.filledAnswer(value, for: operation)
    }

    private func stored(_ id: String) throws(APIFailure) -> StoredAgentTest {
        guard let test = tests[id] else {
            throw .notFound(status: "test_not_found", message: "Test with id \(id) was not found.")
        }
        return test
    }

    func create(_ body: JSONValue) throws(APIFailure) -> JSONValue {
        let request = Self.typed(try catalog.checkedBody(body, for: Self.createOperation))
        let now = clock.tick(wallClock: AgentStore.wallClock)
        let test = StoredAgentTest(id: random.documentIdentifier(), request: request, createdAt: now, updatedAt: now)
        tests[test.id] = test
        return .object(["id": .string(test.id)])
    }

    func document(_ id: String) throws(APIFailure) -> JSONValue {
        fill(try stored(id).document, as: Self.readOperation)
    }

    /// PUT: the body is the whole test and replaces it.
    func update(_ id: String, _ body: JSONValue) throws(APIFailure) -> JSONValue {
        var test = try stored(id)
        test.request = Self.typed(try catalog.checkedBody(body, for: Self.updateOperation))
        test.updatedAt = clock.tick(wallClock: AgentStore.wallClock)
        tests[id] = test
        return fill(test.document, as: Self.readOperation)
    }

    /// A body without `type` was taken as the first model of the union, the LLM response test, as pydantic takes it.
    private static func typed(_ request: JSONValue) -> JSONValue {
        guard case .object(var members) = request, members["type"] == nil else { return request }
        members["type"] = "llm"
        return .object(members)
    }

    func delete(_ id: String) throws(APIFailure) {
        _ = try stored(id)
        tests[id] = nil
    }

    /// Newest first; `search` is a case-insensitive substring of the name, `types` and `parent_folder_id` filter.
    func list(_ query: [String: JSONValue]) throws(APIFailure) -> JSONValue {
        let search = query["search"]?.stringValue
        let folder = query["parent_folder_id"]?.stringValue
        let types: Set<String>? = query["types"].flatMap { value in
            guard case .array(let names) = value else { return nil }
            return Set(names.compactMap(\.stringValue))
        }
        let matching = tests.values.filter { test in
            (search.map { test.name.range(of: $0, options: .caseInsensitive) != nil } ?? true)
                && (types.map { $0.contains(test.type) } ?? true)
                && (folder.map { $0 == "root" ? test.folderID == .null : test.folderID == .string($0) } ?? true)
        }
        let pager = try KeysetPage(size: query["page_size"]?.intValue ?? 30, ascending: false, cursor: query["cursor"]?.stringValue)
        let page = pager.page(matching, key: { .int($0.createdAt) }, id: \.id)
        return .object(["tests": .array(page.items.map(\.summary)), "has_more": .bool(page.hasMore), "next_cursor": page.next])
    }

    /// Starts a run of each listed test, `repeat_count` times, every run pending until its scripted poll.
    func run(agentID: String, _ request: JSONValue) throws(APIFailure) -> JSONValue {
        guard case .array(let listed)? = request["tests"] else { return .null }
        var chosen: [StoredAgentTest] = []
        for entry in listed { chosen.append(try stored(entry["test_id"]?.stringValue ?? "")) }
        let repeats = request["repeat_count"]?.intValue ?? 1
        let id = random.documentIdentifier()
        var runs: [TestInvocation.Run] = []
        for _ in 0..<repeats {
            for test in chosen {
                let outcome = outcomes[test.id] ?? outcomes[test.name] ?? outcomes["*"] ?? ScriptedOutcome()
                runs.append(TestInvocation.Run(id: random.documentIdentifier(), test: test, outcome: outcome))
            }
        }
        let invocation = TestInvocation(id: id, agentID: agentID, branchID: request["branch_id"]?.stringValue,
                                        createdAt: clock.tick(wallClock: AgentStore.wallClock), repeatCount: repeats, runs: runs)
        invocations[id] = invocation
        return fill(invocation.document, as: Self.invocationOperation)
    }

    /// Each GET is one poll: runs move from pending to their scripted result after their pending polls.
    func poll(_ id: String) throws(APIFailure) -> JSONValue {
        guard var invocation = invocations[id] else {
            throw .notFound(status: "test_invocation_not_found", message: "Test invocation with id \(id) was not found.")
        }
        invocation.polls += 1
        invocations[id] = invocation
        return fill(invocation.document, as: Self.invocationOperation)
    }

    /// Newest first, optionally one agent's; listing is not a poll.
    func listInvocations(_ query: [String: JSONValue]) throws(APIFailure) -> JSONValue {
        let agent = query["agent_id"]?.stringValue
        let matching = invocations.values.filter { invocation in agent.map { $0 == invocation.agentID } ?? true }
        let pager = try KeysetPage(size: query["page_size"]?.intValue ?? 30, ascending: false, cursor: query["cursor"]?.stringValue)
        let page = pager.page(matching, key: { .int($0.createdAt) }, id: \.id)
        return fill(.object(["results": .array(page.items.map(\.summary)), "has_more": .bool(page.hasMore), "next_cursor": page.next]),
                    as: Self.invocationListOperation)
    }
}

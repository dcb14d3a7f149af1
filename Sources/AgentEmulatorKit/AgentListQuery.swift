import Foundation

/// The query of `GET /v1/convai/agents`, validated as FastAPI would, and the keyset pagination over it.
struct AgentListQuery: Sendable {
    enum SortKey: String, CaseIterable {
        case name
        case createdAt = "created_at"
        case callCount7d = "call_count_7d"
    }

    var pageSize = 30
    var search: String?
    var archived = false
    var sortKey = SortKey.createdAt
    var ascending = false
    /// Sort value and agent ID of the last agent on the previous page.
    var after: (key: JSONValue, id: String)?

    static func parse(_ items: [(name: String, value: String)]) throws(AgentStore.Failure) -> AgentListQuery {
        var query = AgentListQuery()
        var issues: [ValidationIssue] = []
        func problem(_ name: String, _ type: String, _ msg: String, _ input: String, _ ctx: [String: JSONValue]? = nil) {
            issues.append(ValidationIssue(loc: [.key("query"), .key(name)], type: type, msg: msg, input: .string(input), ctx: ctx))
        }
        for (name, value) in items {
            switch name {
            case "page_size":
                guard let size = Int(value.trimmingCharacters(in: .whitespaces)) else {
                    problem(name, "int_parsing", "Input should be a valid integer, unable to parse string as an integer", value)
                    continue
                }
                if size < 1 {
                    problem(name, "greater_than_equal", "Input should be greater than or equal to 1", value, ["ge": 1])
                } else if size > 100 {
                    problem(name, "less_than_equal", "Input should be less than or equal to 100", value, ["le": 100])
                } else {
                    query.pageSize = size
                }
            case "search":
                query.search = value
            case "archived":
                guard let flag = QueryReader.parseBool(value) else {
                    problem(name, "bool_parsing", "Input should be a valid boolean, unable to interpret input", value)
                    continue
                }
                query.archived = flag
            case "sort_direction":
                guard value == "asc" || value == "desc" else {
                    problem(name, "enum", "Input should be 'asc' or 'desc'", value, ["expected": "'asc' or 'desc'"])
                    continue
                }
                query.ascending = value == "asc"
            case "sort_by":
                guard let key = SortKey(rawValue: value) else {
                    let expected = PydanticMessage.expected(SortKey.allCases.map { .string($0.rawValue) })
                    problem(name, "enum", "Input should be \(expected)", value, ["expected": .string(expected)])
                    continue
                }
                query.sortKey = key
            case "cursor":
                guard let after = KeysetPage.decodeCursor(value) else {
                    problem(name, "value_error", "Value error, invalid cursor", value, ["error": "invalid cursor"])
                    continue
                }
                query.after = after
            default:
                continue
            }
        }
        guard issues.isEmpty else { throw .invalid(issues) }
        return query
    }

    func sortValue(_ agent: StoredAgent) -> JSONValue {
        switch sortKey {
        case .name: .string(agent.name)
        case .createdAt: .int(agent.createdAt)
        case .callCount7d: .int(0)
        }
    }

    /// One page: the agents after the cursor, whether more follow, and the cursor for the next page.
    func page(of agents: [StoredAgent], defaultVoiceID: String) -> JSONValue {
        let matching = agents.filter { agent in
            agent.isArchived == archived
                && (search.map { agent.name.range(of: $0, options: [.caseInsensitive]) != nil } ?? true)
        }
        let page = KeysetPage(size: pageSize, ascending: ascending, after: after).page(matching, key: sortValue, id: \.id)
        return .object([
            "agents": .array(page.items.map { $0.summary(defaultVoiceID: defaultVoiceID) }),
            "has_more": .bool(page.hasMore),
            "next_cursor": page.next,
        ])
    }
}

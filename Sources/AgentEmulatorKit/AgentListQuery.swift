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
                guard let flag = parseBool(value) else {
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
                guard let after = decodeCursor(value) else {
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

    /// pydantic's accepted spellings of a boolean.
    private static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "on", "t", "true", "y", "yes": true
        case "0", "off", "f", "false", "n", "no": false
        default: nil
        }
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
        let ordered = matching.sorted { precedes(position($0), position($1)) }
        let remaining = after.map { cursor in ordered.filter { precedes((cursor.key, cursor.id), position($0)) } } ?? ordered
        let page = Array(remaining.prefix(pageSize))
        let hasMore = remaining.count > page.count
        let next: JSONValue = hasMore ? .string(Self.encodeCursor(key: sortValue(page.last!), id: page.last!.id)) : .null
        return .object([
            "agents": .array(page.map { $0.summary(defaultVoiceID: defaultVoiceID) }),
            "has_more": .bool(hasMore),
            "next_cursor": next,
        ])
    }

    private func position(_ agent: StoredAgent) -> (JSONValue, String) {
        (sortValue(agent), agent.id)
    }

    private func precedes(_ lhs: (JSONValue, String), _ rhs: (JSONValue, String)) -> Bool {
        let (first, second) = ascending ? (lhs, rhs) : (rhs, lhs)
        guard first.0 != second.0 else { return first.1 < second.1 }
        switch (first.0, second.0) {
        case (.int(let left), .int(let right)): return left < right
        case (.string(let left), .string(let right)): return left < right
        default: return JSONWriter.string(first.0) < JSONWriter.string(second.0)
        }
    }

    static func encodeCursor(key: JSONValue, id: String) -> String {
        Data(JSONWriter.data(.array([key, .string(id)]))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeCursor(_ text: String) -> (key: JSONValue, id: String)? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              case .array(let parts)? = try? JSONParser.parse(data), parts.count == 2,
              let id = parts[1].stringValue else { return nil }
        return (parts[0], id)
    }
}

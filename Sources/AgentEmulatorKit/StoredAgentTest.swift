/// An agent test (`/v1/convai/agent-testing`) as validated: an LLM response, tool-call or simulation test.
struct StoredAgentTest: Sendable {
    let id: String
    /// The create or update request as validated, `type` and `name` included.
    var request: JSONValue
    let createdAt: Int
    var updatedAt: Int

    var name: String { request["name"]?.stringValue ?? "" }
    var type: String { request["type"]?.stringValue ?? "llm" }
    var folderID: JSONValue { request["parent_folder_id"] ?? .null }

    /// The test's settings without the keys that belong to the stored document rather than the test
    /// (`ResponseUnitTestModel` and its siblings, as a test run's `test_info` shows them).
    var settings: JSONValue {
        guard case .object(var members) = request else { return request }
        members["name"] = nil
        members["parent_folder_id"] = nil
        return .object(members)
    }

    /// GetResponseUnitTestResponseModel (or its tool-call or simulation sibling) before defaults are filled in.
    var document: JSONValue {
        guard case .object(var members) = settings else { return settings }
        members["id"] = .string(id)
        members["name"] = .string(name)
        return .object(members)
    }

    /// UnitTestSummaryResponseModel, as the list endpoint returns it.
    var summary: JSONValue {
        .object([
            "id": .string(id),
            "name": .string(name),
            "access_info": StoredAgent.accessInfo,
            "created_at_unix_secs": .int(createdAt),
            "last_updated_at_unix_secs": .int(updatedAt),
            "type": .string(type),
            "entity_type": "test",
            "folder_parent_id": folderID,
            "folder_path": .array([]),
            "children_count": .null,
            "conversation_initiation_source": request["conversation_initiation_source"] ?? .null,
        ])
    }
}

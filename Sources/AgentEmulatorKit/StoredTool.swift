/// A workspace tool as the emulator keeps it: the request as validated, defaults added only when read.
struct StoredTool: Sendable {
    let id: String
    var toolConfig: JSONValue
    var responseMocks: JSONValue
    let createdAt: Int

    var name: String { toolConfig["name"]?.stringValue ?? "" }
    var type: String { toolConfig["type"]?.stringValue ?? "" }

    /// ToolResponseModel before the server's defaults are filled in.
    var document: JSONValue {
        .object([
            "id": .string(id),
            "tool_config": toolConfig,
            "access_info": StoredAgent.accessInfo,
            "usage_stats": .object(["total_calls": .int(0), "avg_latency_secs": .double(0)]),
            "response_mocks": responseMocks,
        ])
    }
}

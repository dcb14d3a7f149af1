@testable import AgentEmulatorKit
import XCTest

/// `/v1/convai/tools` over real HTTP: create, read, whole-config PATCH, delete, list pages, dependents, errors.
final class ToolEndpointTests: XCTestCase {
    static let lookup = #"{"tool_config": {"type": "client", "name": "lookup", "description": "Look up an order"}}"#

    func testCreateReadsBackWithServerDefaultsAndPatchReplacesTheWholeConfig() async throws {
        let api = try await LiveEmulator(self)
        let created = try await api.ok("POST", "/v1/convai/tools", Self.lookup)
        let id = try XCTUnwrap(created["id"]?.stringValue)
        XCTAssertTrue(id.hasPrefix("tool_"))
        XCTAssertEqual(created["tool_config"]?["response_timeout_secs"], .int(20))
        XCTAssertEqual(created["usage_stats"]?["total_calls"], .int(0))
        let read = try await api.ok("GET", "/v1/convai/tools/\(id)")
        XCTAssertEqual(read, created)

        let patched = try await api.ok("PATCH", "/v1/convai/tools/\(id)",
                                       #"{"tool_config": {"type": "client", "name": "lookup2", "description": "New", "expects_response": true}}"#)
        XCTAssertEqual(patched["tool_config"]?["name"], .string("lookup2"))
        XCTAssertEqual(patched["tool_config"]?["expects_response"], .bool(true))

        let partial = try await api.send("PATCH", "/v1/convai/tools/\(id)", #"{"tool_config": {"type": "client", "name": "only"}}"#)
        XCTAssertEqual(partial.status, 422, "the PATCH takes a whole tool_config, not a partial one")
        XCTAssertEqual(LiveEmulator.locations(partial), ["body.tool_config.client.description"])
        let unchanged = try await api.ok("GET", "/v1/convai/tools/\(id)")
        XCTAssertEqual(unchanged["tool_config"]?["name"], .string("lookup2"))

        _ = try await api.ok("DELETE", "/v1/convai/tools/\(id)")
        let gone = try await api.send("GET", "/v1/convai/tools/\(id)")
        XCTAssertEqual(gone.status, 404)
        XCTAssertEqual(gone.json["detail"]?["status"], .string("tool_not_found"))
    }

    func testInvalidBodiesAndQueriesAreFastAPI422s() async throws {
        let api = try await LiveEmulator(self)
        let missing = try await api.send("POST", "/v1/convai/tools", #"{"tool_config": {"type": "webhook", "name": "w", "description": "d"}}"#)
        XCTAssertEqual(missing.status, 422)
        XCTAssertEqual(LiveEmulator.locations(missing), ["body.tool_config.webhook.api_schema"])
        XCTAssertEqual(missing.json["detail"]?[0]?["type"], .string("missing"))

        let badTag = try await api.send("POST", "/v1/convai/tools", #"{"tool_config": {"type": "robot", "name": "r"}}"#)
        XCTAssertEqual(badTag.json["detail"]?[0]?["type"], .string("union_tag_invalid"))

        let query = try await api.send("GET", "/v1/convai/tools?page_size=101&sort_by=size")
        XCTAssertEqual(query.status, 422)
        XCTAssertEqual(LiveEmulator.locations(query), ["query.page_size", "query.sort_by"])
        XCTAssertEqual(query.json["detail"]?[0]?["input"], .string("101"))
        XCTAssertEqual(query.json["detail"]?[0]?["msg"], .string("Input should be less than or equal to 100"))
    }

    func testListPagesByNameAndFiltersByPrefixAndType() async throws {
        let api = try await LiveEmulator(self)
        for name in ["delta", "alpha", "charlie", "bravo", "echo"] {
            _ = try await api.ok("POST", "/v1/convai/tools", #"{"tool_config": {"type": "client", "name": "\#(name)", "description": "d"}}"#)
        }
        _ = try await api.ok("POST", "/v1/convai/tools",
                             #"{"tool_config": {"type": "system", "name": "end", "params": {"system_tool_type": "end_call"}}}"#)
        var names: [String] = []
        var cursor = ""
        repeat {
            let page = try await api.ok("GET", "/v1/convai/tools?page_size=2&sort_by=name&sort_direction=asc&types=client" + cursor)
            guard case .array(let tools)? = page["tools"] else { return XCTFail("no tools") }
            XCTAssertLessThanOrEqual(tools.count, 2)
            names += tools.compactMap { $0["tool_config"]?["name"]?.stringValue }
            cursor = page["next_cursor"]?.stringValue.map { "&cursor=" + $0 } ?? ""
            XCTAssertEqual(page["has_more"], .bool(!cursor.isEmpty))
        } while !cursor.isEmpty
        XCTAssertEqual(names, ["alpha", "bravo", "charlie", "delta", "echo"])

        let prefixed = try await api.ok("GET", "/v1/convai/tools?search=EC")
        XCTAssertEqual(prefixed["tools"]?[0]?["tool_config"]?["name"], .string("echo"))
        let everything = try await api.ok("GET", "/v1/convai/tools")
        guard case .array(let all)? = everything["tools"] else { return XCTFail("no tools") }
        XCTAssertEqual(all.count, 6)
        XCTAssertEqual(all.first?["tool_config"]?["name"], .string("end"), "newest first by default")
    }

    func testAToolInUseListsItsAgentsAndIsDeletedOnlyWithForce() async throws {
        let api = try await LiveEmulator(self, seedAgents: 0)
        let tool = try await api.ok("POST", "/v1/convai/tools", Self.lookup)["id"]!.stringValue!
        let agent = try await api.ok("POST", "/v1/convai/agents/create",
                                     #"{"name": "Uses it", "conversation_config": {"agent": {"prompt": {"tool_ids": ["\#(tool)"]}}}}"#)["agent_id"]!.stringValue!

        let dependents = try await api.ok("GET", "/v1/convai/tools/\(tool)/dependent-agents")
        XCTAssertEqual(dependents["agents"]?[0]?["id"], .string(agent))
        XCTAssertEqual(dependents["agents"]?[0]?["type"], .string("available"))
        XCTAssertEqual(dependents["branches"]?[0]?["is_main"], .bool(true))
        let unknown = try await api.send("GET", "/v1/convai/tools/tool_missing/dependent-agents")
        XCTAssertEqual(unknown.status, 404)

        let refused = try await api.send("DELETE", "/v1/convai/tools/\(tool)")
        XCTAssertEqual(refused.status, 409)
        _ = try await api.ok("DELETE", "/v1/convai/tools/\(tool)?force=true")
        let after = try await api.ok("GET", "/v1/convai/agents/\(agent)")
        XCTAssertEqual(after["conversation_config"]?["agent"]?["prompt"]?["tool_ids"], .array([]))
    }

    func testKeyAndMethodChecksApplyAsOnAgents() async throws {
        let api = try await LiveEmulator(self)
        let anonymous = try await api.send("GET", "/v1/convai/tools", key: nil)
        XCTAssertEqual(anonymous.status, 401)
        let wrongMethod = try await api.send("PUT", "/v1/convai/tools")
        XCTAssertEqual(wrongMethod.status, 405)
        let elsewhere = try await api.send("GET", "/v1/convai/toolbox")
        XCTAssertEqual(elsewhere.status, 404)
    }
}

@testable import AgentEmulatorKit
import XCTest

/// `/v1/convai/agent-testing`, `run-tests` and `/v1/convai/test-invocations`, with scripted outcomes.
final class AgentTestEndpointTests: XCTestCase {
    private func firstAgent(_ api: LiveEmulator) async throws -> String {
        try await api.ok("GET", "/v1/convai/agents?page_size=1")["agents"]![0]!["agent_id"]!.stringValue!
    }

    private func createTest(_ api: LiveEmulator, _ body: String) async throws -> String {
        try await api.ok("POST", "/v1/convai/agent-testing/create", body)["id"]!.stringValue!
    }

    func testCreateReadReplaceDeleteEachKind() async throws {
        let api = try await LiveEmulator(self)
        let id = try await createTest(api, #"{"name": "Greets", "success_condition": "Says hello"}"#)
        XCTAssertEqual(id.count, 20)
        let read = try await api.ok("GET", "/v1/convai/agent-testing/\(id)")
        XCTAssertEqual(read["type"], .string("llm"))
        XCTAssertEqual(read["success_examples"], .array([]))

        let replaced = try await api.ok("PUT", "/v1/convai/agent-testing/\(id)",
                                        #"{"type": "simulation", "name": "Books", "simulation_scenario": "Book a table"}"#)
        XCTAssertEqual(replaced["type"], .string("simulation"))
        XCTAssertEqual(replaced["simulation_max_turns"], .int(5))
        XCTAssertEqual(replaced["simulation_scenario"], .string("Book a table"))
        XCTAssertEqual(replaced["success_condition"], .null, "PUT replaces the whole test")

        let tool = try await createTest(api, #"{"type": "tool", "name": "Calls lookup", "tool_call_parameters": {"parameters": []}}"#)
        let toolTest = try await api.ok("GET", "/v1/convai/agent-testing/\(tool)")
        XCTAssertEqual(toolTest["tool_call_parameters"]?["verify_absence"], .bool(false))

        _ = try await api.ok("DELETE", "/v1/convai/agent-testing/\(id)")
        let gone = try await api.send("GET", "/v1/convai/agent-testing/\(id)")
        XCTAssertEqual(gone.status, 404)
        XCTAssertEqual(gone.json["detail"]?["status"], .string("test_not_found"))
        let replaceGone = try await api.send("PUT", "/v1/convai/agent-testing/\(id)", #"{"name": "x"}"#)
        XCTAssertEqual(replaceGone.status, 404)
    }

    func testInvalidTestsAre422sWithTheReferenceLocations() async throws {
        let api = try await LiveEmulator(self)
        let unnamed = try await api.send("POST", "/v1/convai/agent-testing/create", #"{"type": "llm"}"#)
        XCTAssertEqual(unnamed.status, 422)
        XCTAssertTrue(LiveEmulator.locations(unnamed).contains("body.CreateResponseUnitTestRequest.name"), "\(unnamed.json)")
        let turns = try await api.send("POST", "/v1/convai/agent-testing/create",
                                       #"{"type": "simulation", "name": "Long", "simulation_max_turns": 51}"#)
        XCTAssertTrue(LiveEmulator.locations(turns).contains("body.CreateSimulationTestRequest.simulation_max_turns"), "\(turns.json)")
    }

    func testListPagesNewestFirstAndFiltersByTypeAndName() async throws {
        let api = try await LiveEmulator(self)
        for index in 1...5 { _ = try await createTest(api, #"{"name": "Check \#(index)"}"#) }
        _ = try await createTest(api, #"{"type": "tool", "name": "Tool check"}"#)
        var names: [String] = []
        var cursor = ""
        repeat {
            let page = try await api.ok("GET", "/v1/convai/agent-testing?page_size=2&types=llm" + cursor)
            guard case .array(let tests)? = page["tests"] else { return XCTFail("no tests") }
            names += tests.compactMap { $0["name"]?.stringValue }
            XCTAssertEqual(tests.first?["entity_type"], .string("test"))
            cursor = page["next_cursor"]?.stringValue.map { "&cursor=" + $0 } ?? ""
        } while !cursor.isEmpty
        XCTAssertEqual(names, ["Check 5", "Check 4", "Check 3", "Check 2", "Check 1"])
        let found = try await api.ok("GET", "/v1/convai/agent-testing?search=tool")
        XCTAssertEqual(found["tests"]?[0]?["name"], .string("Tool check"))
        let bad = try await api.send("GET", "/v1/convai/agent-testing?page_size=0&types=essay")
        XCTAssertEqual(LiveEmulator.locations(bad), ["query.page_size", "query.types.0"])
    }

    func testRunsPassFailAndStayPendingAsScripted() async throws {
        let api = try await LiveEmulator(self)
        let agent = try await firstAgent(api)
        let passes = try await createTest(api, #"{"name": "Passes"}"#)
        let fails = try await createTest(api, #"{"name": "Fails"}"#)
        let slow = try await createTest(api, #"{"name": "Slow"}"#)
        _ = try await api.ok("POST", "/_emulator/control", #"""
            {"test_outcomes": {"Fails": {"status": "failed", "rationale": "No greeting"},
                               "\#(slow)": {"pending_polls": 3}, "*": {"pending_polls": 0}}}
            """#)
        let started = try await api.ok("POST", "/v1/convai/agents/\(agent)/run-tests",
                                       #"{"tests": [{"test_id": "\#(passes)"}, {"test_id": "\#(fails)"}, {"test_id": "\#(slow)"}]}"#)
        let invocation = try XCTUnwrap(started["id"]?.stringValue)
        XCTAssertEqual(Self.statuses(started), ["pending", "pending", "pending"])
        XCTAssertEqual(started["test_runs"]?[0]?["test_info"]?["type"], .string("llm"))

        var seen: [[String]] = []
        for _ in 1...4 { seen.append(Self.statuses(try await api.ok("GET", "/v1/convai/test-invocations/\(invocation)"))) }
        // "Fails" has its own script, so the default's pending_polls 0 does not apply to it: pending for one poll.
        XCTAssertEqual(seen, [["passed", "pending", "pending"], ["passed", "failed", "pending"],
                              ["passed", "failed", "pending"], ["passed", "failed", "passed"]])
        let last = try await api.ok("GET", "/v1/convai/test-invocations/\(invocation)")
        XCTAssertEqual(last["test_runs"]?[1]?["condition_result"]?["result"], .string("failure"))
        XCTAssertEqual(last["test_runs"]?[1]?["condition_result"]?["rationale"]?["summary"], .string("No greeting"))

        let listed = try await api.ok("GET", "/v1/convai/test-invocations?agent_id=\(agent)")
        XCTAssertEqual(listed["results"]?[0]?["failed_count"], .int(1))
        XCTAssertEqual(listed["results"]?[0]?["passed_count"], .int(2))
    }

    func testRunErrors() async throws {
        let api = try await LiveEmulator(self)
        let agent = try await firstAgent(api)
        let test = try await createTest(api, #"{"name": "One"}"#)
        let noAgent = try await api.send("POST", "/v1/convai/agents/agent_nope/run-tests", #"{"tests": [{"test_id": "\#(test)"}]}"#)
        XCTAssertEqual(noAgent.json["detail"]?["status"], .string("agent_not_found"))
        let noTest = try await api.send("POST", "/v1/convai/agents/\(agent)/run-tests", #"{"tests": [{"test_id": "missing"}]}"#)
        XCTAssertEqual(noTest.json["detail"]?["status"], .string("test_not_found"))
        let empty = try await api.send("POST", "/v1/convai/agents/\(agent)/run-tests", #"{"tests": [], "repeat_count": 51}"#)
        XCTAssertEqual(LiveEmulator.locations(empty).sorted(), ["body.repeat_count", "body.tests"])
        let noRun = try await api.send("GET", "/v1/convai/test-invocations/nope")
        XCTAssertEqual(noRun.status, 404)
    }

    private static func statuses(_ invocation: JSONValue) -> [String] {
        guard case .array(let runs)? = invocation["test_runs"] else { return [] }
        return runs.compactMap { $0["status"]?.stringValue }
    }
}

import Foundation
import Remote
import TestSupport
import XCTest

/// The client against the real emulator process: pagination and the agent endpoints.
final class AgentsAPITests: XCTestCase {
    func testListAllAgentsFollowsCursorsAcrossPages() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "25"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder)

        let agents = try await api.listAll(pageSize: 10)

        XCTAssertEqual(agents.count, 25)
        XCTAssertEqual(Set(agents.map(\.id)).count, 25)
        let created = agents.map { $0.fields["created_at_unix_secs"]?.numberValue ?? 0 }
        XCTAssertEqual(created, created.sorted(by: >))
        XCTAssertEqual(recorder.traces.map(\.status), [200, 200, 200])
        XCTAssertEqual(recorder.traces.map { $0.url.query?.contains("cursor=") ?? false }, [false, true, true])
    }

    func testOnePageReportsHasMoreAndCursor() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "3"])
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator)

        let first = try await api.list(pageSize: 2)
        XCTAssertEqual(first.items.count, 2)
        XCTAssertTrue(first.hasMore)
        let second = try await api.list(pageSize: 2, cursor: XCTUnwrap(first.nextCursor))
        XCTAssertEqual(second.items.count, 1)
        XCTAssertFalse(second.hasMore)
        XCTAssertNil(second.nextCursor)
    }

    func testSearchFiltersByName() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "10"])
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator)

        let sales = try await api.listAll(search: "sales")

        XCTAssertEqual(sales.map(\.name), ["Sales agent 007", "Sales agent 002"])
    }

    func testCreateGetPatchDeleteKeepRawJSON() async throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator)

        let id = try await api.create(json("""
            {"name": "Front desk", "tags": ["lobby"],
             "conversation_config": {"agent": {"first_message": "Welcome!", "prompt": {"prompt": "Greet.", "llm": "gpt-4o"}},
                                     "turn": {"turn_timeout": 9}}}
            """))
        XCTAssertTrue(id.hasPrefix("agent_"))

        let created = try object(await api.get(id: id))
        XCTAssertEqual(created["name"] as? String, "Front desk")
        XCTAssertEqual(value(created, "conversation_config.agent.prompt.llm") as? String, "gpt-4o")
        XCTAssertEqual(value(created, "conversation_config.turn.turn_timeout") as? Double, 9)
        // Defaults the request left out come back filled in, as from the real API.
        XCTAssertEqual(value(created, "conversation_config.asr.quality") as? String, "high")
        let createdAt = try XCTUnwrap(value(created, "metadata.updated_at_unix_secs") as? Int)

        let patched = try object(await api.update(id: id, body: json("""
            {"conversation_config": {"turn": {"turn_timeout": 12.5}}}
            """)))
        XCTAssertEqual(value(patched, "conversation_config.turn.turn_timeout") as? Double, 12.5)
        XCTAssertEqual(value(patched, "conversation_config.agent.first_message") as? String, "Welcome!")
        XCTAssertEqual(value(patched, "conversation_config.agent.prompt.llm") as? String, "gpt-4o")
        XCTAssertGreaterThan(try XCTUnwrap(value(patched, "metadata.updated_at_unix_secs") as? Int), createdAt)

        try await api.delete(id: id)
        let gone = await remoteError { try await api.get(id: id) }
        XCTAssertEqual(gone?.kind, .notFound)
    }

    func testUnknownAgentIs404WithActionableMessage() async throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator)

        let error = await remoteError { try await api.get(id: "agent_missing") }

        XCTAssertEqual(error?.kind, .notFound)
        XCTAssertEqual(error?.attempts, 1)
        XCTAssertEqual(error?.description, """
            get agent agent_missing failed: not found on \(try APIBaseURL(emulator.baseURL).host) \
            (404 Not Found: "Agent with id agent_missing was not found."). \
            It may have been deleted, or belong to another workspace or region.
            """)
    }

    func testOutOfRangeValueIs422WithLocationAndMessage() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "1"])
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator)
        let id = try await api.list().items[0].id

        let error = await remoteError {
            try await api.update(id: id, body: json("""
                {"conversation_config": {"turn": {"turn_timeout": 45, "mode": "sometimes"}}}
                """))
        }

        guard case .invalid(let issues)? = error?.kind else { return XCTFail("expected 422, got \(String(describing: error))") }
        XCTAssertEqual(issues.map(\.field), ["conversation_config.turn.mode", "conversation_config.turn.turn_timeout"])
        XCTAssertEqual(error?.description, """
            update agent \(id) failed: \(try APIBaseURL(emulator.baseURL).host) rejected the request (422 Unprocessable Entity):
              conversation_config.turn.mode: Input should be 'silence' or 'turn'
              conversation_config.turn.turn_timeout: Input should be less than or equal to 30
            """)
        let unchanged = try object(await api.get(id: id))
        XCTAssertEqual(value(unchanged, "conversation_config.turn.mode") as? String, "turn")
    }

    func testAgentIDIsPercentEncodedIntoOnePathSegment() async throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder)

        _ = await remoteError { try await api.get(id: "../agents?x=1") }

        XCTAssertEqual(recorder.traces.first?.url.absoluteString, emulator.baseURL + "/v1/convai/agents/..%2Fagents%3Fx%3D1")
    }
}

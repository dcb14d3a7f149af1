@testable import AgentEmulatorKit
import XCTest

/// Create, read, patch, list: the rules the emulator applies, in process.
final class AgentStoreTests: XCTestCase {
    static let catalog = try! SchemaCatalog.bundled()

    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    func testReadFillsServerDefaultsIncludingNestedTools() async throws {
        let store = AgentStore(catalog: Self.catalog, seed: 1, frozenClock: 1_700_000_000)
        let id = try await store.create(parse("""
            {"name": "Tools", "conversation_config": {"agent": {"prompt": {"tools": [
              {"type": "webhook", "name": "lookup", "description": "Look up", "api_schema": {"url": "https://example.com"}}]}}}}
            """))

        let agent = try await store.document(id)

        let tool = agent["conversation_config"]?["agent"]?["prompt"]?["tools"]
        guard case .array(let tools)? = tool, let webhook = tools.first else { return XCTFail("no tools in \(agent)") }
        XCTAssertEqual(webhook["response_timeout_secs"], .int(20))
        XCTAssertEqual(webhook["api_schema"]?["method"], .string("GET"))
        XCTAssertEqual(agent["conversation_config"]?["turn"]?["turn_timeout"], .double(7))
        XCTAssertEqual(agent["platform_settings"]?["archived"], .bool(false))
        XCTAssertEqual(agent["metadata"]?["created_at_unix_secs"], .int(1_700_000_000))
    }

    func testPatchMergesAndTicksTheClockEvenWithinOneSecond() async throws {
        let store = AgentStore(catalog: Self.catalog, seed: 1, frozenClock: 1_700_000_000)
        let id = try await store.create(parse(#"{"conversation_config": {"agent": {"first_message": "Hi"}}}"#))

        let first = try await store.patch(id, parse(#"{"conversation_config": {"turn": {"turn_timeout": 10}}}"#))
        let second = try await store.patch(id, parse(#"{"name": "Named"}"#))

        XCTAssertEqual(first["metadata"]?["updated_at_unix_secs"], .int(1_700_000_001))
        XCTAssertEqual(second["metadata"]?["updated_at_unix_secs"], .int(1_700_000_002))
        XCTAssertEqual(second["conversation_config"]?["agent"]?["first_message"], .string("Hi"))
        XCTAssertEqual(second["conversation_config"]?["turn"]?["turn_timeout"], .double(10))
        XCTAssertEqual(second["name"], .string("Named"))
    }

    func testRejectedPatchChangesNothing() async throws {
        let store = AgentStore(catalog: Self.catalog, seed: 1)
        let id = try await store.create(parse(#"{"name": "Keep", "conversation_config": {}}"#))
        let before = try await store.document(id)

        do {
            _ = try await store.patch(id, parse(#"{"name": "Changed", "conversation_config": {"turn": {"turn_timeout": 99}}}"#))
            XCTFail("expected a 422")
        } catch AgentStore.Failure.invalid(let issues) {
            XCTAssertEqual(issues.map(\.type), ["less_than_equal"])
        }
        let after = try await store.document(id)
        XCTAssertEqual(after, before)
    }

    func testListPagesByKeysetInEitherDirection() async throws {
        let store = AgentStore(catalog: Self.catalog, seed: 1)
        try await store.seed(count: 5)
        var query = try AgentListQuery.parse([("page_size", "2"), ("sort_by", "name"), ("sort_direction", "asc")])
        var names: [String] = []
        while true {
            let page = await store.list(query)
            guard case .array(let agents)? = page["agents"] else { return XCTFail("no agents") }
            names += agents.compactMap { $0["name"]?.stringValue }
            guard let cursor = page["next_cursor"]?.stringValue else { break }
            query = try AgentListQuery.parse([("page_size", "2"), ("sort_by", "name"), ("sort_direction", "asc"), ("cursor", cursor)])
        }
        XCTAssertEqual(names, ["Billing agent 004", "Booking agent 003", "Onboarding agent 005", "Sales agent 002", "Support agent 001"])
    }

    func testArchivedAgentsAreListedOnlyOnRequest() async throws {
        let store = AgentStore(catalog: Self.catalog, seed: 1)
        _ = try await store.create(parse(#"{"name": "Old", "conversation_config": {}, "platform_settings": {"archived": true}}"#))
        _ = try await store.create(parse(#"{"name": "New", "conversation_config": {}}"#))

        let active = await store.list(try AgentListQuery.parse([]))
        let archived = await store.list(try AgentListQuery.parse([("archived", "true")]))

        XCTAssertEqual(active["agents"].map { JSONWriter.string($0) }?.contains("New"), true)
        XCTAssertEqual(active["agents"].map { JSONWriter.string($0) }?.contains("Old"), false)
        XCTAssertEqual(archived["agents"].map { JSONWriter.string($0) }?.contains("Old"), true)
    }

    func testQueryErrorsAreFastAPIStyle() {
        XCTAssertThrowsError(try AgentListQuery.parse([("page_size", "101"), ("cursor", "???"), ("sort_direction", "up")])) { error in
            guard case AgentStore.Failure.invalid(let issues) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(issues.map(\.msg), ["Input should be less than or equal to 100", "Value error, invalid cursor",
                                               "Input should be 'asc' or 'desc'"])
        }
    }
}

extension AgentStoreTests {
    /// The first agent `--seed-agents` creates with the default seed, straight from a store.
    static func firstSeededAgent() async throws -> String {
        let store = AgentStore(catalog: catalog, seed: 1)
        try await store.seed(count: 1)
        return await store.list(try AgentListQuery.parse([]))["agents"]?[0]?["agent_id"]?.stringValue ?? ""
    }
}

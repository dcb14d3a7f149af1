import ConfigModel
@testable import Remote
import XCTest

/// Names and one environment's IDs, both ways, from the lock; and list items compared by the members a file states.
final class ReferenceMapTests: XCTestCase {
    private func state() -> SyncState {
        var state = SyncState()
        state["production", "tools/book.yaml"] = SyncState.Entry(.tools, id: "tool_p", remoteUpdatedAt: nil, fileHash: "", baseHash: nil)
        state["staging", "tools/book.yaml"] = SyncState.Entry(.tools, id: "tool_s", remoteUpdatedAt: nil, fileHash: "", baseHash: nil)
        state["production", "tests/greets.yaml"] = SyncState.Entry(.tests, id: "T1", remoteUpdatedAt: nil, fileHash: "", baseHash: nil)
        return state
    }

    private let agent = jsonObject("""
        {"name": "Desk", "conversation_config": {"agent": {"prompt": {"tool_ids": ["tool:book", "tool_other"]}}},
         "platform_settings": {"testing": {"attached_tests": [{"test_id": "test:greets"}]}}}
        """)

    func testANameResolvesToEachEnvironmentsOwnID() throws {
        let production = try ReferenceMap(state: state(), environment: "production").resolving(agent, fields: Resource.agents.references)
        XCTAssertEqual(production["conversation_config"]?["agent"]?["prompt"]?["tool_ids"], .array([.string("tool_p"), .string("tool_other")]))
        XCTAssertEqual(production["platform_settings"]?["testing"]?["attached_tests"], .array([.object(JSONObject([("test_id", .string("T1"))]))]))
        XCTAssertThrowsError(try ReferenceMap(state: state(), environment: "staging").resolving(agent, fields: Resource.agents.references)) {
            XCTAssertEqual("\($0)", "`test:greets` has no ID in environment `staging` (its file is not synced there); nothing was sent")
        }
    }

    func testKnownIDsAreNamedAndOthersKept() {
        let live = jsonObject(#"{"conversation_config": {"agent": {"prompt": {"tool_ids": ["tool_s", "tool_p"]}}}}"#)
        let named = ReferenceMap(state: state(), environment: "staging").naming(live, fields: Resource.agents.references)
        XCTAssertEqual(named["conversation_config"]?["agent"]?["prompt"]?["tool_ids"], .array([.string("tool:book"), .string("tool_p")]))
    }

    func testListItemsLoseTheMembersTheFileLeavesOutAtTheirDefault() {
        let live = jsonObject(#"{"response_mocks": [{"mock_result": "ok", "is_error": false, "parameter_conditions": []}]}"#)
        let trimmed = ListItems.trimmed(live, stated: jsonObject(#"{"response_mocks": [{"mock_result": "ok"}]}"#),
                                        defaults: Resource.tools.schema.defaultValue)
        XCTAssertEqual(trimmed, jsonObject(#"{"response_mocks": [{"mock_result": "ok"}]}"#))
        let stated = jsonObject(#"{"response_mocks": [{"mock_result": "ok", "is_error": false}]}"#)
        XCTAssertEqual(ListItems.trimmed(live, stated: stated, defaults: Resource.tools.schema.defaultValue), stated,
                       "a member the file states is kept, default or not")
        let changed = jsonObject(#"{"response_mocks": [{"mock_result": "ok", "is_error": true}]}"#)
        XCTAssertEqual(ListItems.trimmed(changed, stated: jsonObject("{}"), defaults: Resource.tools.schema.defaultValue),
                       changed, "a value other than the default is kept")
    }
}

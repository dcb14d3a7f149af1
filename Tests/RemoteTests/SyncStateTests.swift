import ConfigModel
import Foundation
@testable import Remote
import TestSupport
import XCTest

/// agentctl.lock: the format-1 file of the released tool still loads, and is written back as format 2.
final class SyncStateTests: XCTestCase {
    private func lock(_ text: String) throws -> String {
        let path = try temporaryDirectory(self) + "/agentctl.lock"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func testAFormatOneLockLoadsAsAgentsAndIsWrittenAsFormatThree() throws {
        let state = try SyncState.load(path: Fixtures.url("locks/agentctl-v1.lock").path)
        let entries = state.entries(of: .agents, in: "default")
        XCTAssertEqual(entries.keys.sorted(), ["agents/sales-agent-002.yaml", "agents/support-agent-001.yaml"])
        let sales = try XCTUnwrap(entries["agents/sales-agent-002.yaml"])
        XCTAssertEqual(sales.id, "agent_9hsew08y2ber1gjh1kvj5bfpcvt6")
        XCTAssertEqual(sales.remoteUpdatedAt, 1795247166)
        XCTAssertEqual(sales.baseHash.flatMap(state.bases.base)?["name"], .string("Sales agent 002"),
                       "the inline base moved to the base store")

        let written = state.text()
        XCTAssertTrue(written.hasPrefix("{\n  \"version\": 3,\n"), written)
        XCTAssertTrue(written.contains("""
                  "agents/sales-agent-002.yaml": {
                    "kind": "agent",
                    "agent_id": "agent_9hsew08y2ber1gjh1kvj5bfpcvt6",
                    "remote_updated_at": 1795247166,
                    "file_sha256": "\(sales.fileHash)",
                    "base_sha256": "\(sales.baseHash!)"
                  }
            """), written)
        XCTAssertFalse(written.contains("Sales agent 002"), "the lock holds no content")
        XCTAssertEqual(try SyncState.load(path: lock(written)), state, "format 3 reads back to the same state")
    }

    func testTheTextIsSortedWhateverTheOrderOfChanges() {
        var first = SyncState(), second = SyncState()
        let entries = [("production", "agents/b.yaml", "agent_2"), ("staging", "agents/a.yaml", "agent_1"),
                       ("production", "agents/a.yaml", "agent_3")]
        for (environment, file, id) in entries {
            first[environment, file] = first.tracking(.agents, id: id, remoteUpdatedAt: nil, base: JSONObject())
        }
        for (environment, file, id) in entries.reversed() {
            second[environment, file] = second.tracking(.agents, id: id, remoteUpdatedAt: nil, base: JSONObject())
        }
        XCTAssertEqual(first.text(), second.text())
        let text = first.text()
        let order = ["\"production\"", "\"agents/a.yaml\"", "\"agents/b.yaml\"", "\"staging\""].map { text.range(of: $0)!.lowerBound }
        XCTAssertEqual(order, order.sorted())
    }

    func testAnEntryIsFoundOnlyAsItsOwnKind() {
        var state = SyncState()
        state["default", "agents/a.yaml"] = state.tracking(.agents, id: "agent_1", remoteUpdatedAt: nil, base: JSONObject())
        XCTAssertEqual(state.entry("agents/a.yaml", of: .agents, in: "default")?.id, "agent_1")
        XCTAssertNil(state.entry("agents/a.yaml", of: widgets, in: "default"))
        XCTAssertEqual(state.file(for: "agent_1", of: .agents, in: "default"), "agents/a.yaml")
        XCTAssertNil(state.file(for: "agent_1", of: .agents, in: "production"))
        XCTAssertTrue(state.entries(of: widgets, in: "default").isEmpty)
    }

    func testProblemsAreLocatedDiagnostics() throws {
        let cases = [
            (#"{"version": 5, "environments": {}}"#, "the state file has format 5, written by a newer agentctl; upgrade agentctl"),
            (#"{"version": 4, "environments": {"default": {"a.yaml": {"kind": "agent", "agent_id": "a", "file_sha256": "f", "branch": "pilot"}}}}"#,
             "entry for agent a names branch `pilot` but has no branch_id"),
            (#"{"version": 3, "environments": {"default": {"a.yaml": {"kind": "agent", "agent_id": "a"}}}}"#,
             "entry for agent a has no file_sha256"),
            (#"{"version": 2, "environments": {"default": {"a.yaml": {"kind": "gadget", "gadget_id": "g"}}}}"#,
             "entry default/a.yaml has an unknown kind `gadget`"),
            (#"{"version": 2, "environments": {"default": {"a.yaml": {"agent_id": "a"}}}}"#,
             "entry default/a.yaml has an unknown kind ``"),
            (#"{"version": 2, "environments": {"default": {"a.yaml": {"kind": "agent", "id": "a"}}}}"#,
             "entry default/a.yaml has no agent_id"),
            (#"{"version": 1, "environments": {"default": {"a.yaml": {"base": {}}}}}"#, "entry default/a.yaml has no agent_id"),
        ]
        for (text, message) in cases {
            let path = try lock(text)
            XCTAssertThrowsError(try SyncState.load(path: path), text) { error in
                XCTAssertEqual((error as? Diagnostic)?.message, message)
                XCTAssertEqual((error as? Diagnostic)?.rule, .stateFile)
                XCTAssertEqual((error as? Diagnostic)?.mark.line, 1)
            }
        }
    }

    func testABranchIsKeptPerEntryAndOnlyALockWithOneIsFormat4() throws {
        var state = SyncState()
        state["default", "agents/a.yaml"] = state.tracking(.agents, id: "agent_1", remoteUpdatedAt: nil, base: JSONObject())
        XCTAssertTrue(state.text().hasPrefix("{\n  \"version\": 3,"), "no branch: older agentctl still reads it")
        state.workingBranches.byAgent["agent_2"] = AgentBranch(name: "pilot", id: "agtbranch_9")
        state["staging", "agents/a.yaml"] = try state.synced(.agents, id: "agent_2", remote: JSONObject(), file: JSONObject())
        let text = state.text()
        XCTAssertTrue(text.hasPrefix("{\n  \"version\": 4,"), text)
        XCTAssertTrue(text.contains("\"branch\": \"pilot\",\n        \"branch_id\": \"agtbranch_9\""), text)
        let read = try SyncState.load(path: try lock(text))
        XCTAssertEqual(read, state)
        XCTAssertEqual(read["staging", "agents/a.yaml"]?.branch, AgentBranch(name: "pilot", id: "agtbranch_9"))
        XCTAssertNil(read["default", "agents/a.yaml"]?.branch)
    }

    func testNoFileIsAnEmptyState() throws {
        XCTAssertEqual(try SyncState.load(path: temporaryDirectory(self) + "/agentctl.lock"), SyncState())
    }
}

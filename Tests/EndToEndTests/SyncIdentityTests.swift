import Foundation
import TestSupport
import XCTest

/// Identity follows the agent, not the path: a renamed file keeps its agent, and an agent deleted on the server is a
/// state like the others, not an error that blocks the repository.
final class SyncIdentityTests: XCTestCase {
    private var emulator: EmulatorProcess!
    private var dir: URL!

    override func setUp() async throws {
        emulator = try EmulatorProcess(self)
        dir = try AgentctlProcess.temporaryDirectory(self)
        for name in ["refund", "sales", "booking", "faq"] {
            try dir.write("name: \(name.capitalized) desk\nconversation_config:\n  agent:\n    first_message: Hi from \(name).\n",
                          to: "agents/\(name).yaml")
        }
        let push = try agentctl(["push", "--yes"])
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
    }

    private func agentctl(_ arguments: [String]) throws -> AgentctlProcess.Result {
        try AgentctlProcess.run(arguments, in: dir, environment: emulator.environment)
    }

    private func lockEntries() throws -> [String: String] {
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
        let entries = (lock["environments"] as! [String: [String: [String: Any]]])["default"] ?? [:]
        return entries.mapValues { $0["agent_id"] as! String }
    }

    private func move(_ from: String, _ to: String) throws {
        try FileManager.default.moveItem(at: dir.appendingPathComponent(from), to: dir.appendingPathComponent(to))
    }

    private func methods(after count: Int) async throws -> [String] {
        try await emulator.writes().dropFirst(count).map { "\($0["method"] as! String) \($0["path"] as! String)" }
    }

    func testARenamedFileKeepsItsAgentAndPruneOnlyDeletesWhatIsReallyGone() async throws {
        let ids = try lockEntries()
        let created = try await emulator.writes().count
        try move("agents/refund.yaml", "agents/refund-desk.yaml")
        // Renamed and edited: the content changed, the agent's name did not.
        try move("agents/sales.yaml", "agents/sales-team.yaml")
        try dir.write("name: Sales desk\nconversation_config:\n  agent:\n    first_message: Hello, sales here.\n",
                      to: "agents/sales-team.yaml")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("agents/faq.yaml"))

        let status = try agentctl(["status"])
        XCTAssertTrue(status.stdout.contains("agents/refund-desk.yaml  default  \(ids["agents/refund.yaml"]!)  in sync, renamed from agents/refund.yaml\n"), status.stdout)
        XCTAssertTrue(status.stdout.contains("agents/sales-team.yaml  default  \(ids["agents/sales.yaml"]!)  local changes, renamed from agents/sales.yaml\n"), status.stdout)
        XCTAssertTrue(status.stdout.contains("agents/faq.yaml  default  \(ids["agents/faq.yaml"]!)  file missing\n"), status.stdout)
        let diff = try agentctl(["diff"])
        XCTAssertTrue(diff.stdout.contains("> agents/refund.yaml -> agents/refund-desk.yaml  (renamed: still \(ids["agents/refund.yaml"]!) in default)"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("0 to create"), diff.stdout)

        let push = try agentctl(["push", "--prune", "--yes"])
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        XCTAssertTrue(push.stdout.contains("deleted \(ids["agents/faq.yaml"]!) (its file agents/faq.yaml was removed)\n"), push.stdout)
        XCTAssertTrue(push.stdout.hasSuffix("applied 1 agent, 0 failed, 1 deleted\n"), push.stdout)
        let sent = try await methods(after: created)
        XCTAssertEqual(sent.filter { $0.hasPrefix("POST") }, [], "nothing created again")
        XCTAssertEqual(sent.filter { $0.hasPrefix("DELETE") }, ["DELETE /v1/convai/agents/\(ids["agents/faq.yaml"]!)"])
        XCTAssertEqual(sent.filter { $0.hasPrefix("PATCH") }, ["PATCH /v1/convai/agents/\(ids["agents/sales.yaml"]!)"])
        XCTAssertEqual(try lockEntries(), ["agents/refund-desk.yaml": ids["agents/refund.yaml"]!,
                                           "agents/sales-team.yaml": ids["agents/sales.yaml"]!,
                                           "agents/booking.yaml": ids["agents/booking.yaml"]!])
        XCTAssertEqual(try agentctl(["status", "--exit-code"]).status, 0)
    }

    func testAGoneFileWhoseAgentMayLiveInSeveralFilesIsNeverPruned() throws {
        let id = try lockEntries()["agents/booking.yaml"]!
        for copy in ["booking-a", "booking-b"] {
            try dir.write("name: Booking desk\nconversation_config:\n  agent:\n    first_message: \(copy)\n", to: "agents/\(copy).yaml")
        }
        try FileManager.default.removeItem(at: dir.appendingPathComponent("agents/booking.yaml"))
        let plan = try agentctl(["push", "--prune", "--dry-run"])
        XCTAssertTrue(plan.stdout.contains("? agents/booking.yaml  (gone, but its agent may live on in agents/booking-a.yaml, agents/booking-b.yaml; not deleted)"), plan.stdout)
        XCTAssertFalse(plan.stdout.contains("will be deleted"), plan.stdout)
        let status = try agentctl(["status"]).stdout
        XCTAssertTrue(status.contains("agents/booking.yaml  default  \(id)  file missing, maybe renamed to agents/booking-a.yaml or agents/booking-b.yaml\n"), status)
        XCTAssertEqual(status.components(separatedBy: "agents/booking.yaml  ").count, 2, "one line for the gone file: \(status)")
    }

    func testMvKeepsTheAgentThroughARenameThatAlsoChangesItsName() async throws {
        let id = try lockEntries()["agents/refund.yaml"]!
        let writes = try await emulator.writes().count
        let move = try agentctl(["mv", "agents/refund.yaml", "agents/desks/refunds.yaml"])
        XCTAssertEqual(move.status, 0, move.stderr)
        XCTAssertEqual(move.stdout, "moved agents/refund.yaml -> agents/desks/refunds.yaml (its agent in default)\n")
        XCTAssertEqual(try lockEntries()["agents/desks/refunds.yaml"], id)
        try dir.write("name: Refunds and returns\nconversation_config:\n  agent:\n    first_message: Hi.\n",
                      to: "agents/desks/refunds.yaml")
        let push = try agentctl(["push", "--prune", "--yes"])
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        let sent = try await methods(after: writes)
        XCTAssertEqual(sent, ["PATCH /v1/convai/agents/\(id)"], "the same agent, patched: nothing created or deleted")

        XCTAssertEqual(try agentctl(["mv", "agents/nothing.yaml", "agents/x.yaml"]).status, 2)
        XCTAssertEqual(try agentctl(["mv", "agents/sales.yaml", "agents/booking.yaml"]).status, 2, "never overwrites")
        try dir.write("name: Untracked\n", to: "agents/untracked.yaml")
        let untracked = try agentctl(["mv", "agents/untracked.yaml", "agents/other.yaml"])
        XCTAssertEqual(untracked.status, 2)
        XCTAssertTrue(untracked.stderr.contains("is not tracked in agentctl.lock"), untracked.stderr)
    }

    func testAnAgentDeletedOnTheServerIsAStateNotABlocker() async throws {
        let ids = try lockEntries()
        let gone = ids["agents/sales.yaml"]!
        try await emulator.delete(gone)

        let status = try agentctl(["status"])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertEqual(status.stdout.split(separator: "\n").count, 4, status.stdout)
        XCTAssertTrue(status.stdout.contains("agents/sales.yaml  default  \(gone)  deleted remotely\n"), status.stdout)
        XCTAssertTrue(status.stdout.contains("agents/refund.yaml  default  \(ids["agents/refund.yaml"]!)  in sync\n"), status.stdout)
        XCTAssertEqual(try agentctl(["status", "--exit-code"]).status, 2)
        let diff = try agentctl(["diff"])
        XCTAssertTrue(diff.stdout.contains("- agents/sales.yaml  (deleted remotely: \(gone) no longer exists; push creates it again, or remove the file)"), diff.stdout)

        let pull = try agentctl(["pull"])
        XCTAssertEqual(pull.status, 0, pull.stdout + pull.stderr)
        XCTAssertTrue(pull.stdout.contains("- agents/sales.yaml  deleted remotely (\(gone) no longer exists); pull --prune removes the file and its entry\n"), pull.stdout)
        XCTAssertTrue(pull.stdout.hasSuffix("pulled 3 agents: 0 new, 0 updated, 3 unchanged, 1 deleted remotely\n"), pull.stdout)

        let recreate = try agentctl(["push", "--yes"])
        XCTAssertEqual(recreate.status, 0, recreate.stdout + recreate.stderr)
        XCTAssertTrue(recreate.stdout.contains("created agents/sales.yaml as agent_"), recreate.stdout)
        let again = try lockEntries()["agents/sales.yaml"]!
        XCTAssertNotEqual(again, gone)
        XCTAssertEqual(try agentctl(["status", "--exit-code"]).status, 0)

        try await emulator.delete(again)
        let prune = try agentctl(["pull", "--prune"])
        XCTAssertEqual(prune.status, 0, prune.stdout + prune.stderr)
        XCTAssertTrue(prune.stdout.contains("- agents/sales.yaml  deleted remotely (\(again) no longer exists); file and lock entry removed\n"), prune.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("agents/sales.yaml").path))
        XCTAssertNil(try lockEntries()["agents/sales.yaml"])

        // Deleted on the server and its file removed too: push --prune forgets it instead of failing on it.
        try await emulator.delete(ids["agents/faq.yaml"]!)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("agents/faq.yaml"))
        let pushPrune = try agentctl(["push", "--prune", "--yes"])
        XCTAssertEqual(pushPrune.status, 0, pushPrune.stdout + pushPrune.stderr)
        XCTAssertEqual(try lockEntries().keys.sorted(), ["agents/booking.yaml", "agents/refund.yaml"])
    }
}

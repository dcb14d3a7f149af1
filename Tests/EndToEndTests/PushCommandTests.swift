import Foundation
import TestSupport
import XCTest

final class PushCommandTests: XCTestCase {
    private var emulator: EmulatorProcess!
    private var dir: URL!

    override func setUp() async throws {
        emulator = try EmulatorProcess(self)
        dir = try AgentctlProcess.temporaryDirectory(self)
    }

    private func agentctl(_ arguments: [String]) throws -> AgentctlProcess.Result {
        try AgentctlProcess.run(arguments, in: dir, environment: emulator.environment)
    }

    private func write(_ name: String, turnTimeout: Int, eagerness: String = "normal") throws {
        try dir.write("""
            name: \(name)
            conversation_config:
              agent:
                first_message: Hello from \(name).
              turn:
                turn_timeout: \(turnTimeout)
                turn_eagerness: \(eagerness)

            """, to: "agents/\(name).yaml")
    }

    private func agentID(_ name: String) throws -> String {
        let state = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
        let entries = (state["environments"] as! [String: Any])["default"] as! [String: [String: Any]]
        return entries["agents/\(name).yaml"]!["agent_id"] as! String
    }

    func testCreateThenPatchOnlyTheChangedFieldThenNoOp() async throws {
        try write("desk", turnTimeout: 7)
        let create = try agentctl(["push", "--yes"])
        XCTAssertEqual(create.status, 0, create.stdout + create.stderr)
        XCTAssertTrue(create.stdout.contains("created agents/desk.yaml as agent_"), create.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".agentctl-push.lock").path),
                       "the push lock is removed after the push")
        let id = try agentID("desk")
        var writes = try await emulator.writes()
        XCTAssertEqual(writes.count, 1)
        XCTAssertEqual(writes[0]["method"] as? String, "POST")

        try write("desk", turnTimeout: 10)
        let diff = try agentctl(["diff", "--exit-code"])
        XCTAssertEqual(diff.status, 2)
        XCTAssertTrue(diff.stdout.contains("~ conversation_config.turn.turn_timeout: 7 -> 10"), diff.stdout)
        let update = try agentctl(["push", "--yes"])
        XCTAssertEqual(update.status, 0, update.stdout + update.stderr)
        writes = try await emulator.writes()
        XCTAssertEqual(writes.count, 2)
        XCTAssertEqual(writes[1]["method"] as? String, "PATCH")
        XCTAssertEqual(writes[1]["path"] as? String, "/v1/convai/agents/\(id)")
        let body = try JSONSerialization.data(withJSONObject: writes[1]["body"]!, options: .sortedKeys)
        XCTAssertEqual(String(decoding: body, as: UTF8.self), #"{"conversation_config":{"turn":{"turn_timeout":10}}}"#)
        let live = try await emulator.agent(id)
        XCTAssertEqual(((live["conversation_config"] as! [String: Any])["turn"] as! [String: Any])["turn_timeout"] as? Double, 10)

        let noop = try agentctl(["push", "--yes"])
        XCTAssertEqual(noop.status, 0)
        XCTAssertEqual(noop.stdout, "0 agents to change, 0 to create, 1 unchanged\n")
        let writeCount = try await emulator.writes().count
        XCTAssertEqual(writeCount, 2, "a no-op push sends nothing")
        XCTAssertEqual(try agentctl(["diff", "--exit-code"]).status, 0)
        XCTAssertEqual(try agentctl(["status"]).stdout, "agents/desk.yaml  default  \(id)  in sync\n")
    }

    func testEditOnTheLiveAgentIsRefusedUnlessForced() async throws {
        try write("desk", turnTimeout: 7)
        XCTAssertEqual(try agentctl(["push", "--yes"]).status, 0)
        let id = try agentID("desk")
        try await emulator.patch(id, #"{"conversation_config":{"turn":{"turn_timeout":15,"turn_eagerness":"eager"}}}"#)
        try write("desk", turnTimeout: 9)
        XCTAssertEqual(try agentctl(["status"]).stdout, "agents/desk.yaml  default  \(id)  conflict\n")
        let refused = try agentctl(["push", "--yes"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stdout.contains("! conversation_config.turn.turn_timeout: 15 -> 9  [conflict"), refused.stdout)
        XCTAssertTrue(refused.stdout.contains("refused agents/desk.yaml: the live agent changed since the last sync on conversation_config.turn.turn_timeout"), refused.stdout)
        let writeCount = try await emulator.writes().count
        XCTAssertEqual(writeCount, 2, "only the POST and the edit made behind agentctl's back: the push sent nothing")
        let forced = try agentctl(["push", "--yes", "--force"])
        XCTAssertEqual(forced.status, 0, forced.stdout)
        let turn = (try await emulator.agent(id)["conversation_config"] as! [String: Any])["turn"] as! [String: Any]
        XCTAssertEqual(turn["turn_timeout"] as? Double, 9)
        XCTAssertEqual(turn["turn_eagerness"] as? String, "normal", "--force also reverts drift to the file")
    }

    func testAPIRejectionIsShownAtTheLineOfTheFile() throws {
        try dir.write(try Fixtures.text("agents/retention-days-not-a-number.yaml"), to: "agents/x.yaml")
        let result = try agentctl(["push", "--yes"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("agents/x.yaml:7:21: error: [api] platform_settings.privacy.retention_days: Input should be a valid integer"), result.stdout)
    }

    func testValidationErrorsStopThePushBeforeAnyRequest() async throws {
        try write("desk", turnTimeout: 45)
        let result = try agentctl(["push", "--yes"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("agents/desk.yaml:6:19: error: [range]"), result.stderr)
        XCTAssertTrue(result.stderr.contains("nothing was sent"), result.stderr)
        let writeCount = try await emulator.writes().count
        XCTAssertEqual(writeCount, 0)
    }

    func testAFieldTheAPIDropsIsCaughtByTheReadBack() async throws {
        try write("desk", turnTimeout: 7)
        XCTAssertEqual(try agentctl(["push", "--yes"]).status, 0)
        try await emulator.control(#"{"drop_fields":["conversation_config.turn.turn_eagerness"]}"#)
        try write("desk", turnTimeout: 7, eagerness: "patient")
        let result = try agentctl(["push", "--yes"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("failed agents/desk.yaml: the API did not store what was sent: conversation_config.turn.turn_eagerness sent \"patient\", stored \"normal\""), result.stdout)
    }

    func testPartialFailureIsRecordedExactlyAndARerunConverges() async throws {
        for name in ["a", "b", "c"] { try write(name, turnTimeout: 7) }
        XCTAssertEqual(try agentctl(["push", "--yes"]).status, 0)
        let failing = try agentID("b")
        try await emulator.control(#"{"unavailable_agents":["\#(failing)"]}"#)
        for name in ["a", "b", "c"] { try write(name, turnTimeout: 12) }
        let partial = try agentctl(["push", "--yes"])
        XCTAssertEqual(partial.status, 1)
        XCTAssertTrue(partial.stdout.contains("updated agents/a.yaml (1 field)"), partial.stdout)
        XCTAssertTrue(partial.stdout.contains("failed agents/b.yaml"), partial.stdout)
        XCTAssertTrue(partial.stdout.contains("updated agents/c.yaml (1 field)"), partial.stdout)
        XCTAssertTrue(partial.stdout.hasSuffix("applied 2 agents, 1 failed\n"), partial.stdout)
        XCTAssertEqual(try agentctl(["status"]).stdout.split(separator: "\n").map { String($0.split(separator: " ").last!) },
                       ["sync", "changes", "sync"])
        try await emulator.control(#"{"unavailable_agents":[]}"#)
        let rerun = try agentctl(["push", "--yes"])
        XCTAssertEqual(rerun.status, 0, rerun.stdout)
        XCTAssertTrue(rerun.stdout.contains("updated agents/b.yaml (1 field)"), rerun.stdout)
        XCTAssertTrue(rerun.stdout.hasSuffix("applied 1 agent, 0 failed\n"), rerun.stdout)
        XCTAssertEqual(try agentctl(["diff", "--exit-code"]).status, 0)
    }

    func testWithoutATerminalAndWithoutYesNothingIsApplied() async throws {
        try write("desk", turnTimeout: 7)
        let result = try agentctl(["push"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("pass --yes to apply"), result.stderr)
        let writeCount = try await emulator.writes().count
        XCTAssertEqual(writeCount, 0)
        let dry = try agentctl(["push", "--dry-run"])
        XCTAssertEqual(dry.status, 0)
        XCTAssertTrue(dry.stdout.contains("+ agents/desk.yaml  (new agent in default)"), dry.stdout)
        let writesAfterDryRun = try await emulator.writes().count
        XCTAssertEqual(writesAfterDryRun, 0)
    }

    func testPruneDeletesOnlyTrackedAgentsWhoseFileWasRemoved() async throws {
        let outsider = try EmulatorProcess(self, arguments: ["--seed-agents", "2"])
        emulator = outsider
        for name in ["keep", "gone"] { try write(name, turnTimeout: 7) }
        XCTAssertEqual(try agentctl(["push", "--yes"]).status, 0)
        let gone = try agentID("gone")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("agents/gone.yaml"))
        XCTAssertTrue(try agentctl(["status"]).stdout.contains("agents/gone.yaml  default  \(gone)  file missing"))
        let withoutPrune = try agentctl(["push", "--yes"])
        XCTAssertEqual(withoutPrune.status, 0)
        XCTAssertFalse(withoutPrune.stdout.contains("deleted"))
        let unconfirmed = try agentctl(["push", "--prune"])
        XCTAssertEqual(unconfirmed.status, 1)
        XCTAssertTrue(unconfirmed.stdout.contains("- agents/gone.yaml  (live agent \(gone) will be deleted"), unconfirmed.stdout)
        let pruned = try agentctl(["push", "--prune", "--yes"])
        XCTAssertEqual(pruned.status, 0, pruned.stdout + pruned.stderr)
        let deletes = try await emulator.writes().filter { $0["method"] as? String == "DELETE" }
        XCTAssertEqual(deletes.map { $0["path"] as? String }, ["/v1/convai/agents/\(gone)"])
        let pull = try agentctl(["pull", "--dry-run"])
        XCTAssertTrue(pull.stdout.contains("would pull 3 agents: 2 new,"), "the 2 seeded agents are untouched: \(pull.stdout)")
    }
}

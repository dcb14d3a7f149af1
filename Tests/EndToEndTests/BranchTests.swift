import Foundation
import TestSupport
import XCTest

/// `--branch` on pull, push, diff and status through the real binary: only the branch changes (the main branch is
/// read back through the emulator's API), and the lock records the branch so plain commands stay on it.
final class BranchTests: XCTestCase {
    private var emulator: EmulatorProcess!
    private var dir: URL!

    override func setUp() async throws {
        emulator = try EmulatorProcess(self)
        dir = try AgentctlProcess.temporaryDirectory(self)
        try write(firstMessage: "Hello")
        XCTAssertEqual(try agentctl(["push", "--yes"]).status, 0)
    }

    private func write(firstMessage: String) throws {
        try dir.write("name: Front desk\nconversation_config:\n  agent:\n    first_message: \(firstMessage)\n", to: "agents/front-desk.yaml")
    }

    private func agentctl(_ arguments: [String]) throws -> AgentctlProcess.Result {
        try AgentctlProcess.run(arguments, in: dir, environment: emulator.environment)
    }

    private func lockEntry() throws -> [String: Any] {
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
        let files = (lock["environments"] as! [String: Any])["default"] as! [String: Any]
        return files["agents/front-desk.yaml"] as! [String: Any]
    }

    private func firstMessage(_ agent: String, branch: String? = nil) async throws -> String? {
        let path = "/v1/convai/agents/\(agent)" + (branch.map { "?branch_id=\($0)" } ?? "")
        let answer = try await emulator.request("GET", path) as! [String: Any]
        return ((answer["conversation_config"] as? [String: Any])?["agent"] as? [String: Any])?["first_message"] as? String
    }

    private func branches(_ agent: String) async throws -> [String: String] {
        let answer = try await emulator.request("GET", "/v1/convai/agents/\(agent)/branches") as! [String: Any]
        let results = answer["results"] as! [[String: Any]]
        return Dictionary(uniqueKeysWithValues: results.map { ($0["name"] as! String, $0["id"] as! String) })
    }

    func testPushToANewBranchCreatesItChangesOnlyItAndTheLockKeepsPlainCommandsOnIt() async throws {
        let agent = try lockEntry()["agent_id"] as! String
        try write(firstMessage: "Hi from the pilot")
        let push = try agentctl(["push", "--branch", "pilot", "--yes"])
        XCTAssertEqual(push.status, 0, push.stderr)
        XCTAssertTrue(push.stderr.contains("agentctl: note: agents/front-desk.yaml: branch `pilot` does not exist on this agent "
            + "in `default` yet; compared with the main branch, which a push copies to create it"), push.stderr)
        XCTAssertTrue(push.stdout.contains("~ conversation_config.agent.first_message"), push.stdout)
        let pilot = try await branches(agent)["pilot"]
        XCTAssertNotNil(pilot, "the branch was created")
        let onMain = try await firstMessage(agent)
        let onPilot = try await firstMessage(agent, branch: pilot)
        XCTAssertEqual(onMain, "Hello", "the main branch is untouched")
        XCTAssertEqual(onPilot, "Hi from the pilot")
        let entry = try lockEntry()
        XCTAssertEqual(entry["branch"] as? String, "pilot")
        XCTAssertEqual(entry["branch_id"] as? String, pilot)

        // A plain diff compares with the recorded branch: no change, and no note, since nothing switched.
        let diff = try agentctl(["diff"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertEqual(diff.stderr, "")
        XCTAssertTrue(diff.stdout.contains("0 agents to change, 0 to create, 1 unchanged"), diff.stdout)
        let status = try agentctl(["status"])
        XCTAssertTrue(status.stdout.hasSuffix("in sync\n"), status.stdout)

        // agentctl test runs on the recorded branch too.
        let greets = try await emulator.createTest(named: "Greets")
        try await emulator.control(#"{"test_outcomes": {"*": {"pending_polls": 0}}}"#)
        let test = try agentctl(["test", "front-desk", "--test", greets])
        XCTAssertEqual(test.status, 0, test.stderr)
        let run = try await emulator.writes().last { ($0["path"] as! String).hasSuffix("/run-tests") }
        XCTAssertEqual((run?["body"] as? [String: Any])?["branch_id"] as? String, pilot)
        let onMainTest = try agentctl(["test", "front-desk", "--test", greets, "--branch", "Main"])
        XCTAssertEqual(onMainTest.status, 0, onMainTest.stderr)
        let mainRun = try await emulator.writes().last { ($0["path"] as! String).hasSuffix("/run-tests") }
        XCTAssertNil((mainRun?["body"] as? [String: Any])?["branch_id"], "the main branch is the agent's own")
        let nowhere = try agentctl(["test", "front-desk", "--test", greets, "--branch", "nowhere"])
        XCTAssertEqual(nowhere.status, 2)
        XCTAssertTrue(nowhere.stderr.contains("no branch `nowhere` on the agent of agents/front-desk.yaml in `default`"), nowhere.stderr)

        // Against the main branch, the pilot's first message is a change, and the switch is told.
        let onMainDiff = try agentctl(["diff", "--branch", "Main"])
        XCTAssertEqual(onMainDiff.status, 0, onMainDiff.stderr)
        XCTAssertTrue(onMainDiff.stderr.contains("agents/front-desk.yaml: working on the main branch in `default`; it was last "
            + "synced with branch `pilot`"), onMainDiff.stderr)
        XCTAssertTrue(onMainDiff.stdout.contains("\"Hello\""), onMainDiff.stdout)
    }

    func testPullFromABranchWritesItsSettingsAndAPlainPullStaysOnIt() async throws {
        let agent = try lockEntry()["agent_id"] as! String
        let version = try await emulator.request("GET", "/v1/convai/agents/\(agent)") as! [String: Any]
        let created = try await emulator.request("POST", "/v1/convai/agents/\(agent)/branches", """
            {"parent_version_id": "\(version["version_id"] as! String)", "name": "evening", "description": "",
             "conversation_config": {"agent": {"first_message": "Good evening"}}}
            """) as! [String: Any]
        let evening = created["created_branch_id"] as! String

        let pull = try agentctl(["pull", "--branch", "evening"])
        XCTAssertEqual(pull.status, 0, pull.stderr)
        let file = try String(contentsOf: dir.appendingPathComponent("agents/front-desk.yaml"), encoding: .utf8)
        XCTAssertTrue(file.contains("first_message: Good evening"), file)
        XCTAssertEqual(try lockEntry()["branch_id"] as? String, evening)

        _ = try await emulator.request("PATCH", "/v1/convai/agents/\(agent)?branch_id=\(evening)",
                                       #"{"conversation_config": {"agent": {"first_message": "Good night"}}}"#)
        XCTAssertEqual(try agentctl(["pull"]).status, 0)
        let again = try String(contentsOf: dir.appendingPathComponent("agents/front-desk.yaml"), encoding: .utf8)
        XCTAssertTrue(again.contains("first_message: Good night"), again)
        let onMain = try await firstMessage(agent)
        XCTAssertEqual(onMain, "Hello")
        let writes = try await emulator.writes().filter { ($0["method"] as! String) != "POST" }
        XCTAssertEqual(writes.count, 1, "only the dashboard's edit: pull writes nothing to the API")
    }

    func testABranchAnAgentLacksOrANewAgentOnABranchIsRefused() async throws {
        let pull = try agentctl(["pull", "--branch", "nowhere"])
        XCTAssertEqual(pull.status, 1)
        XCTAssertTrue(pull.stderr.contains("has no branch `nowhere` in `default`; nothing was pulled"), pull.stderr)
        try dir.write("name: New\nconversation_config:\n  agent:\n    first_message: Hi\n", to: "agents/new.yaml")
        let push = try agentctl(["push", "--branch", "pilot", "--yes"])
        XCTAssertEqual(push.status, 2)
        XCTAssertTrue(push.stderr.contains("agents/new.yaml has no live agent in `default` yet, and a new agent starts on its "
            + "main branch, not on `pilot`: push it without --branch first"), push.stderr)
        let prune = try agentctl(["push", "--branch", "pilot", "--prune"])
        XCTAssertEqual(prune.status, 2)
        let stats = try await emulator.agentCount()
        XCTAssertEqual(stats, 1, "nothing was created")
    }
}

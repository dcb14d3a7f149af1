import Foundation
import TestSupport
import XCTest

/// `pull` through the real binary against the emulator: files edited in place (comments and layout kept byte for
/// byte), merged three ways with the last sync, conflicts reported with exit 3 and resolved by --theirs / --ours.
final class PullMergeTests: XCTestCase {
    private var emulator: EmulatorProcess!
    private var dir: URL!
    private var agentID = ""
    private let file = "agents/support-agent-001.yaml"

    /// The seeded agent, in sync, as a person would keep it: comments, blank lines, quoting, a flow list, a block.
    private let commented = """
        # yaml-language-server: $schema=../schemas/agent.schema.json
        # Support line: owned by the CX team; ask #cx-agents before changing the prompt.

        name: "Support agent 001"    # shown in the dashboard

        # Tags drive routing in the call center.
        tags: [seeded, support]      # flow list on purpose

        conversation_config:
          # --- what the caller hears first ---
          agent:
            first_message: 'Hello, this is the support line. How can I help?'   # A/B tested in October

            prompt:
              # The system prompt. Keep it short.
              prompt: |-
                You are support agent number 1. Be brief and friendly.

          turn:
            turn_timeout: 5   # seconds; callers complained at 3

        # end of file

        """

    override func setUp() async throws {
        emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "1"])
        dir = try AgentctlProcess.temporaryDirectory(self)
        let first = try pull([])
        XCTAssertEqual(first.status, 0, first.stderr)
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
        let entries = (lock["environments"] as! [String: Any])["default"] as! [String: [String: Any]]
        agentID = entries[file]!["agent_id"] as! String
    }

    private func pull(_ arguments: [String]) throws -> AgentctlProcess.Result {
        try AgentctlProcess.run(["pull"] + arguments, in: dir, environment: emulator.environment)
    }

    private func text() throws -> String {
        String(decoding: try Data(contentsOf: dir.appendingPathComponent(file)), as: UTF8.self)
    }

    private func modified() throws -> Date {
        try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent(file).path)[.modificationDate] as! Date
    }

    private func edit(_ old: String, _ new: String) throws {
        let current = try text()
        XCTAssertTrue(current.contains(old), current)
        try dir.write(current.replacingOccurrences(of: old, with: new), to: file)
    }

    func testACommentedFileKeepsEveryByteButTheThreeValuesThatChangedLive() async throws {
        try dir.write(commented, to: file)
        let mtime = try modified()
        let lock = try Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))
        try await Task.sleep(for: .milliseconds(1100))
        let same = try pull([])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertEqual(same.stdout, "pulled 1 agent: 0 new, 0 updated, 1 unchanged\n")
        XCTAssertEqual(Array(try text().utf8), Array(commented.utf8), "no live change: the file is not touched")
        XCTAssertEqual(try modified(), mtime, "not even its modification time")
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("agentctl.lock")), lock)

        try await emulator.patch(agentID, #"{"name":"Support desk","conversation_config":{"agent":{"first_message":"Hi, support here."},"#
            + #""turn":{"turn_timeout":9}}}"#)
        let changed = try pull([])
        XCTAssertEqual(changed.status, 0, changed.stdout + changed.stderr)
        XCTAssertEqual(changed.stdout, "~ \(file)  (updated)\npulled 1 agent: 0 new, 1 updated, 0 unchanged\n")
        let expected = commented
            .replacingOccurrences(of: #"name: "Support agent 001""#, with: #"name: "Support desk""#)
            .replacingOccurrences(of: "first_message: 'Hello, this is the support line. How can I help?'",
                                  with: "first_message: 'Hi, support here.'")
            .replacingOccurrences(of: "turn_timeout: 5   #", with: "turn_timeout: 9   #")
        let written = try text()
        XCTAssertEqual(Array(written.utf8), Array(expected.utf8), written)
        let status = try AgentctlProcess.run(["status"], in: dir, environment: emulator.environment)
        XCTAssertTrue(status.stdout.hasSuffix("in sync\n"), status.stdout)

        try await emulator.patch(agentID, #"{"conversation_config":{"tts":{"stability":0.8}}}"#)
        XCTAssertEqual(try pull([]).status, 0)
        XCTAssertEqual(try text(), expected.replacingOccurrences(
            of: "callers complained at 3\n", with: "callers complained at 3\n  tts:\n    stability: 0.8\n"),
                       "a new key goes after its last sibling, at their indentation")
    }

    func testTheFourSituationsOfAMergeAndAConflictsExitCode() async throws {
        try edit("first_message: Hello, this is the support line. How can I help?", "first_message: Ours only.  # local")
        try edit("turn_timeout: 5", "turn_timeout: 9")
        try edit("prompt: You are support agent number 1. Be brief and friendly.", "prompt: Ours.")
        let local = try text()
        try await emulator.patch(agentID, #"{"name":"Theirs only","conversation_config":{"turn":{"turn_timeout":9},"#
            + #""agent":{"prompt":{"prompt":"Theirs."}}}}"#)

        let open = try pull([])
        XCTAssertEqual(open.status, 3, open.stdout + open.stderr)
        XCTAssertEqual(open.stdout, """
            ~ \(file)  (updated)
                ! conflict conversation_config.agent.prompt.prompt: file "Ours.", live "Theirs."; changed on both sides \
            since the last sync; the file's value is kept (pull --theirs takes the live one, --ours keeps the file's)
            pulled 1 agent: 0 new, 1 updated, 0 unchanged, 1 conflict

            """)
        let merged = local.replacingOccurrences(of: "name: Support agent 001", with: "name: Theirs only")
        XCTAssertEqual(try text(), merged, "remote-only taken; local-only, same-on-both and the conflict as the file has them")

        let json = try pull(["--format", "json"])
        XCTAssertEqual(json.status, 3)
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items[0]["change"] as? String, "unchanged")
        let conflicts = items[0]["conflicts"] as! [[String: Any]]
        XCTAssertEqual(conflicts.count, 1)
        XCTAssertEqual(conflicts[0]["path"] as? String, "conversation_config.agent.prompt.prompt")
        XCTAssertEqual(conflicts[0]["file"] as? String, "Ours.")
        XCTAssertEqual(conflicts[0]["live"] as? String, "Theirs.")

        let taken = try pull(["--theirs"])
        XCTAssertEqual(taken.status, 0, taken.stdout + taken.stderr)
        XCTAssertTrue(taken.stdout.hasSuffix("1 conflict (took the live values)\n"), taken.stdout)
        XCTAssertEqual(try text(), merged.replacingOccurrences(of: "prompt: Ours.", with: "prompt: Theirs."))
        let settled = try pull([])
        XCTAssertEqual(settled.status, 0, settled.stdout)
        XCTAssertEqual(settled.stdout, "pulled 1 agent: 0 new, 0 updated, 1 unchanged\n", "the local-only edit stays local")

        try edit("prompt: Theirs.", "prompt: Ours again.")
        try await emulator.patch(agentID, #"{"conversation_config":{"agent":{"prompt":{"prompt":"Theirs again."}}}}"#)
        let kept = try pull(["--ours"])
        XCTAssertEqual(kept.status, 0, kept.stdout + kept.stderr)
        XCTAssertTrue(try text().contains("prompt: Ours again.\n"))
        let diff = try AgentctlProcess.run(["diff"], in: dir, environment: emulator.environment)
        XCTAssertTrue(diff.stdout.contains(#"~ conversation_config.agent.prompt.prompt: "Theirs again." -> "Ours again.""#), diff.stdout)
        XCTAssertFalse(diff.stdout.contains("conflict"), "after --ours the file's value is a plain local change: \(diff.stdout)")
        XCTAssertEqual(try pull(["--ours", "--theirs"]).status, 2)
    }

    func testForceKeepsALocalEditThatDoesNotConflict() async throws {
        try edit("first_message: Hello, this is the support line. How can I help?", "first_message: Ours.")
        try await emulator.patch(agentID, #"{"name":"Theirs"}"#)
        let forced = try pull(["--force"])
        XCTAssertEqual(forced.status, 0, forced.stdout + forced.stderr)
        XCTAssertTrue(try text().contains("name: Theirs\n"))
        XCTAssertTrue(try text().contains("first_message: Ours.\n"), "the local edit is kept")
    }

    func testWithoutTheBaseEveryDifferenceIsAConflictUntilASideIsTaken() async throws {
        try FileManager.default.removeItem(at: dir.appendingPathComponent(".agentctl/bases"))
        try edit("name: Support agent 001", "name: Ours")
        try await emulator.patch(agentID, #"{"conversation_config":{"turn":{"turn_timeout":9}}}"#)
        let local = try text()
        let open = try pull([])
        XCTAssertEqual(open.status, 3, open.stdout + open.stderr)
        XCTAssertTrue(open.stdout.contains("! \(file)  (not changed)\n"), open.stdout)
        XCTAssertTrue(open.stdout.contains(#"! conflict name: file "Ours", live "Support agent 001""#), open.stdout)
        XCTAssertTrue(open.stdout.contains("! conflict conversation_config.turn.turn_timeout: file 5, live 9"), open.stdout)
        XCTAssertEqual(try text(), local, "nothing tells who changed what: the file is left as it is")
        XCTAssertEqual(try pull(["--theirs"]).status, 0)
        let taken = try text()
        XCTAssertTrue(taken.contains("name: Support agent 001\n") && taken.contains("turn_timeout: 9\n"), taken)
    }

    func testAFileThatCannotBeMergedInPlaceIsLeftAloneWithTheReason() async throws {
        try await emulator.patch(agentID, #"{"name":"Theirs","tags":["x"]}"#)
        try dir.write("name: [unclosed\n", to: file)
        let broken = try pull([])
        XCTAssertEqual(broken.status, 1, broken.stdout + broken.stderr)
        XCTAssertTrue(broken.stdout.contains("! \(file)  kept: it is not valid YAML; fix it (`agentctl validate` shows where)"),
                      broken.stdout)
        XCTAssertEqual(try text(), "name: [unclosed\n")

        let anchored = "name: &shared Support agent 001\ntags: [seeded, support]\nconversation_config:\n  agent:\n"
            + "    first_message: *shared\n"
        try dir.write(anchored, to: file)
        let refused = try pull(["--theirs"])
        XCTAssertEqual(refused.status, 1, refused.stdout + refused.stderr)
        XCTAssertTrue(refused.stdout.contains("failed: \(file):1:7: error: [yaml] cannot edit the file in place: the value is "
            + "anchored (`&`); edit it by hand"), refused.stdout)
        XCTAssertEqual(try text(), anchored, "nothing half-written")
    }
}

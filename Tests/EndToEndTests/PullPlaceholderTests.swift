import Foundation
import TestSupport
import XCTest

/// `pull` over a file with `${NAME}` placeholders, through the real binary: a placeholder that still resolves to
/// the live value stays; one whose live value moved away is drift (exit 3), reported and never written; an unset
/// variable is an error at its line; no secret value in any output or any file.
final class PullPlaceholderTests: XCTestCase {
    private var emulator: EmulatorProcess!
    private var dir: URL!
    private var agentID = ""
    private let secretFromEnvironment = "tok-env-5f1e9b77"
    private let secretFromFile = "hooks-file-secret-91c3"
    private var outputs: [String] = []

    private let agent = """
        # The desk, promoted from staging with its own values.
        name: Desk   # renamed live in a test
        conversation_config:
          agent:
            first_message: ${GREETING_TOKEN}
          turn:
            turn_timeout: ${TIMEOUT}   # per environment
            turn_eagerness: ${EAGERNESS:-normal}
          tts:
            voice_id: "${VOICE}"

        """

    override func setUp() async throws {
        emulator = try EmulatorProcess(self)
        dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write(agent, to: "agents/desk.yaml")
        try dir.write("default_environment: production\nenvironments:\n  production:\n    variables: vars/production.yaml\n",
                      to: "agentctl.yaml")
        try dir.write("# production values\nTIMEOUT: 12\nVOICE:\n  value: \(secretFromFile)\n  secret: true\n",
                      to: "vars/production.yaml")
        let push = try agentctl(["push", "--yes"])
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
        let entries = (lock["environments"] as! [String: Any])["production"] as! [String: [String: Any]]
        agentID = entries["agents/desk.yaml"]!["agent_id"] as! String
    }

    private func agentctl(_ arguments: [String], _ environment: [String: String] = [:]) throws -> AgentctlProcess.Result {
        let result = try AgentctlProcess.run(arguments, in: dir, environment: emulator.environment
            .merging(["GREETING_TOKEN": secretFromEnvironment]) { $1 }.merging(environment) { $1 })
        outputs.append(result.stdout + result.stderr)
        return result
    }

    private func text() throws -> String {
        try String(contentsOf: dir.appendingPathComponent("agents/desk.yaml"), encoding: .utf8)
    }

    func testPlaceholdersStayAcrossAPullThatTakesAnotherLiveChange() async throws {
        let same = try agentctl(["pull"])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertEqual(try text(), agent, "every placeholder resolves to the live value: nothing to write")

        try await emulator.patch(agentID, #"{"name":"Front desk"}"#)
        let renamed = try agentctl(["pull"])
        XCTAssertEqual(renamed.status, 0, renamed.stdout + renamed.stderr)
        XCTAssertEqual(try text(), agent.replacingOccurrences(of: "name: Desk", with: "name: Front desk"))
        let status = try agentctl(["status"])
        XCTAssertTrue(status.stdout.hasSuffix("in sync\n"), status.stdout)
        assertNoSecretAnywhere()
    }

    func testALiveValueThatMovedAwayFromAPlaceholderIsDriftAndNeverWritten() async throws {
        try await emulator.patch(agentID, #"{"name":"Front desk","conversation_config":{"turn":{"turn_timeout":20},"#
            + #""tts":{"voice_id":"other-voice-77"},"agent":{"first_message":"Hello from the dashboard"}}}"#)
        let drift = try agentctl(["pull"])
        XCTAssertEqual(drift.status, 3, drift.stdout + drift.stderr)
        XCTAssertTrue(drift.stdout.contains("! drift conversation_config.turn.turn_timeout: ${TIMEOUT} = `12` from "
            + "vars/production.yaml:2, live 20; the placeholder is kept: change the variable to take the live value"), drift.stdout)
        XCTAssertTrue(drift.stdout.contains("! drift conversation_config.tts.voice_id: ${VOICE} = (secret hidden) from "
            + "vars/production.yaml:4, live differs (secret hidden)"), drift.stdout)
        XCTAssertTrue(drift.stdout.contains("! drift conversation_config.agent.first_message: ${GREETING_TOKEN} = (secret hidden) "
            + "from the process environment, live differs (secret hidden)"), drift.stdout)
        XCTAssertTrue(drift.stdout.hasSuffix("pulled 1 agent: 0 new, 1 updated, 0 unchanged, 3 placeholders drifted\n"), drift.stdout)
        XCTAssertEqual(try text(), agent.replacingOccurrences(of: "name: Desk", with: "name: Front desk"),
                       "the other live change is taken; every placeholder stays")
        let json = try agentctl(["pull", "--format", "json", "--theirs"])
        XCTAssertEqual(json.status, 3, "--theirs does not replace a placeholder")
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        let drifts = items[0]["drift"] as! [[String: Any]]
        guard drifts.count == 3 else { return XCTFail("\(drifts)") }
        XCTAssertEqual(drifts.map { $0["path"] as? String }, ["conversation_config.agent.first_message",
                                                               "conversation_config.turn.turn_timeout",
                                                               "conversation_config.tts.voice_id"])
        XCTAssertEqual(drifts[1]["file"] as? Double, 12)
        XCTAssertEqual(drifts[1]["live"] as? Double, 20)
        XCTAssertEqual(drifts[2]["live"] as? String, "(secret hidden)")

        try dir.write("TIMEOUT: 20\nVOICE:\n  value: other-voice-77\n  secret: true\n", to: "vars/production.yaml")
        let settled = try agentctl(["pull"], ["GREETING_TOKEN": "Hello from the dashboard"])
        XCTAssertEqual(settled.status, 0, settled.stdout + settled.stderr)
        XCTAssertEqual(try text(), agent.replacingOccurrences(of: "name: Desk", with: "name: Front desk"))
        assertNoSecretAnywhere()
    }

    func testAnUnsetVariableIsAnErrorAtItsLineAndTheFileIsLeftAlone() async throws {
        try await emulator.patch(agentID, #"{"name":"Front desk"}"#)
        try dir.write("VOICE:\n  value: \(secretFromFile)\n  secret: true\n", to: "vars/production.yaml")
        let unset = try agentctl(["pull"])
        XCTAssertEqual(unset.status, 1, unset.stdout + unset.stderr)
        XCTAssertTrue(unset.stdout.contains("! agents/desk.yaml  failed: agents/desk.yaml:7:19: error: [variable] ${TIMEOUT} is "
            + "not set and has no default"), unset.stdout)
        XCTAssertEqual(try text(), agent)
        assertNoSecretAnywhere()
    }

    /// Neither secret is in anything agentctl printed or in any file under the project (the variables file aside).
    private func assertNoSecretAnywhere(file: StaticString = #filePath, line: UInt = #line) {
        for output in outputs {
            XCTAssertFalse(output.contains(secretFromEnvironment) || output.contains(secretFromFile), output, file: file, line: line)
        }
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: dir.path)) ?? []
        XCTAssertTrue(paths.contains("agentctl.lock") && paths.contains { $0.hasPrefix(".agentctl/bases/") }, "\(paths)",
                      file: file, line: line)
        for path in paths where !path.hasPrefix("vars/") {
            let data = (try? Data(contentsOf: dir.appendingPathComponent(path))) ?? Data()
            let content = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(content.contains(secretFromEnvironment) || content.contains(secretFromFile), "\(path) holds a secret",
                           file: file, line: line)
        }
    }
}

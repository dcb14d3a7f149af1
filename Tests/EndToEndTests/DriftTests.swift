import Foundation
import TestSupport
import XCTest

/// A change on the live agent since the last sync is drift in any field, stated in the file or not, and with or
/// without the local base store (a fresh clone).
final class DriftTests: XCTestCase {
    private var emulator: EmulatorProcess!
    private var dir: URL!
    private var id = ""

    override func setUp() async throws {
        emulator = try EmulatorProcess(self)
        dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("""
            name: Desk
            conversation_config:
              agent:
                prompt:
                  prompt: |
                    You are the desk.
                    Be brief.

            """, to: "agents/desk.yaml")
        XCTAssertEqual(try agentctl(["push", "--yes"]).status, 0)
        XCTAssertEqual(try agentctl(["pull"]).status, 0)
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
        id = ((lock["environments"] as! [String: [String: [String: Any]]])["default"]!["agents/desk.yaml"]!["agent_id"] as! String)
    }

    private func agentctl(_ arguments: [String]) throws -> AgentctlProcess.Result {
        try AgentctlProcess.run(arguments, in: dir, environment: emulator.environment)
    }

    func testADefaultValuedFieldLeftOutOfTheFileStillDrifts() async throws {
        let file = try String(contentsOf: dir.appendingPathComponent("agents/desk.yaml"), encoding: .utf8)
        XCTAssertFalse(file.contains("stability"), "0.5 is the default, so pull leaves it out")
        try await emulator.patch(id, #"{"conversation_config":{"tts":{"stability":0.95}}}"#)

        for freshClone in [false, true] {
            if freshClone { try FileManager.default.removeItem(at: dir.appendingPathComponent(".agentctl")) }
            let status = try agentctl(["status", "--exit-code"])
            XCTAssertEqual(status.status, 2, "fresh clone: \(freshClone)")
            XCTAssertEqual(status.stdout, "agents/desk.yaml  default  \(id)  remote drift\n")
            let diff = try agentctl(["diff", "--exit-code"])
            XCTAssertEqual(diff.status, 2)
            XCTAssertTrue(diff.stdout.contains("    ! conversation_config.tts.stability: 0.95 -> 0.5  [drift: changed on the live agent since the last sync"), diff.stdout)
            let json = try agentctl(["diff", "--format", "json"])
            XCTAssertTrue(json.stdout.contains(#""kind": "drift""#), json.stdout)
        }

        let writes = try await emulator.writes().count
        let push = try agentctl(["push", "--yes"])
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        let sent = try await emulator.writes().count
        XCTAssertEqual(sent, writes, "push never overrides the drift silently")
        let live = try await emulator.agent(id)
        XCTAssertEqual(((live["conversation_config"] as! [String: Any])["tts"] as! [String: Any])["stability"] as? Double, 0.95)

        let force = try agentctl(["push", "--yes", "--force"])
        XCTAssertEqual(force.status, 0, force.stdout + force.stderr)
        let body = try JSONSerialization.data(withJSONObject: try await emulator.writes().last!["body"]!, options: .sortedKeys)
        XCTAssertEqual(String(decoding: body, as: UTF8.self), #"{"conversation_config":{"tts":{"stability":0.5}}}"#,
                       "push --force reverts it")
        XCTAssertEqual(try agentctl(["status", "--exit-code"]).status, 0)
    }

    func testMultiLineDriftIsMarkedAsDrift() async throws {
        try await emulator.patch(id, #"{"conversation_config":{"agent":{"prompt":{"prompt":"You are the desk.\nBe warm.\n"}}}}"#)
        let diff = try agentctl(["diff", "--exit-code"])
        XCTAssertEqual(diff.status, 2)
        XCTAssertTrue(diff.stdout.contains("    ! conversation_config.agent.prompt.prompt:  [drift:"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("      - Be warm.\n      + Be brief.\n"), diff.stdout)
        XCTAssertEqual(try agentctl(["status"]).stdout, "agents/desk.yaml  default  \(id)  remote drift\n")
    }
}

import Foundation
import TestSupport
import XCTest

/// The libraries name remedies by kind; the command line words them with its flags. These pin the words users see.
final class RemedyWordingTests: XCTestCase {
    func testRemediesNameTheFlags() async throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: Desk\n", to: "agents/desk.yaml")
        try dir.write("environments:\n  local:\n    api_key_env: AGENTCTL_TEST_UNSET_KEY\n", to: "agentctl.yaml")
        let noKey = try AgentctlProcess.run(["status"], in: dir)
        XCTAssertEqual(noKey.stderr, "agentctl: error: no API key: AGENTCTL_TEST_UNSET_KEY is not set; export it or pass --api-key-file\n")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("agentctl.yaml"))
        let credentials = try AgentctlProcess.run(["status", "--base-url", "https://user:secret@api.example.com"], in: dir,
                                                  environment: ["ELEVENLABS_API_KEY": "k"])
        XCTAssertEqual(credentials.stderr, "agentctl: error: the base URL must not contain a user name or password; "
            + "the API key comes from the environment or --api-key-file\n")

        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "1", "--rate-limit-every", "1", "--no-retry-after"])
        let limited = try AgentctlProcess.run(["pull"], in: dir, environment: emulator.environment)
        XCTAssertTrue(limited.stderr.contains("Wait that long and run again, or lower --concurrency."), limited.stderr)
    }

    func testDriftAndMaskedSecretsNameTheirFlags() async throws {
        let emulator = try EmulatorProcess(self)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("""
            name: Desk
            conversation_config:
              turn:
                turn_eagerness: normal
              agent:
                prompt:
                  custom_llm:
                    url: https://llm.example.com
                    request_headers:
                      Authorization: Bearer local

            """, to: "agents/desk.yaml")
        XCTAssertEqual(try AgentctlProcess.run(["push", "--yes"], in: dir, environment: emulator.environment).status, 0)
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
        let id = (lock["environments"] as! [String: [String: [String: Any]]])["default"]!["agents/desk.yaml"]!["agent_id"] as! String
        try await emulator.patch(id, #"{"conversation_config":{"turn":{"turn_eagerness":"eager"}}}"#)
        try dir.write(try String(contentsOf: dir.appendingPathComponent("agents/desk.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "Bearer local", with: "Bearer changed"), to: "agents/desk.yaml")
        let diff = try AgentctlProcess.run(["diff"], in: dir, environment: emulator.environment)
        XCTAssertTrue(diff.stdout.contains("push keeps it, push --force reverts it]"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("(secret hidden; --show-secrets shows it)"), diff.stdout)
        XCTAssertFalse(diff.stdout.contains("Bearer"), diff.stdout)
    }
}

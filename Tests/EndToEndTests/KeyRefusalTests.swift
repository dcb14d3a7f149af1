import Foundation
import TestSupport
import XCTest

/// A refused key (401, 403) stops the command after the first such answer, with one line that names the
/// environment and the key's variable, never the key.
final class KeyRefusalTests: XCTestCase {
    private var emulator: EmulatorProcess!
    private var dir: URL!
    private static let readOnlyKey = "read-only-key-4e1b-never-print-me"

    override func setUp() async throws {
        emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "6", "--read-only-api-key", Self.readOnlyKey])
        dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("environments:\n  staging:\n    base_url: \(emulator.baseURL)\n    api_key_env: STAGING_KEY\n",
                      to: "agentctl.yaml")
        let pull = try agentctl(["pull"], key: EmulatorProcess.key)
        XCTAssertEqual(pull.status, 0, pull.stderr)
    }

    private func agentctl(_ arguments: [String], key: String) throws -> AgentctlProcess.Result {
        try AgentctlProcess.run(arguments, in: dir, environment: ["STAGING_KEY": key, "ELEVENLABS_API_KEY": ""])
    }

    private func requests() async throws -> Int { try await emulator.stats()["requests"] as? Int ?? -1 }

    func testAWrongKeyStopsAfterTheFirstAnswerWithOneLine() async throws {
        let line = "agentctl: error: environment `staging`: \(emulator.baseURL.dropFirst("http://".count)) rejected the API key "
            + "from the environment variable STAGING_KEY (401 Unauthorized: \"Invalid API key\"); check that it holds a valid "
            + "ElevenLabs API key for this host's region; no further request was started\n"
        for command in [["status"], ["diff"], ["push", "--yes"], ["pull"]] {
            let before = try await requests()
            let result = try agentctl(command + ["--concurrency", "1"], key: "wrong-key")
            let sent = try await requests() - before
            XCTAssertEqual(result.status, 1, "\(command)")
            XCTAssertEqual(result.stderr, line, "\(command)")
            XCTAssertEqual(sent, 1, "\(command): one request, then the stop")
        }
    }

    func testAKeyWithoutWritePermissionStopsThePushAtTheFirstRefusal() async throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("agents").path) {
            let url = dir.appendingPathComponent("agents/" + file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "\nname: ", with: "\nname: Renamed ").write(to: url, atomically: true, encoding: .utf8)
        }
        let before = try await requests()
        let push = try agentctl(["push", "--yes", "--concurrency", "1"], key: Self.readOnlyKey)
        let sent = try await requests() - before
        XCTAssertEqual(push.status, 1)
        XCTAssertEqual(push.stderr.split(separator: "\n").count, 1, push.stderr)
        XCTAssertTrue(push.stderr.hasPrefix("agentctl: error: environment `staging`: "), push.stderr)
        XCTAssertTrue(push.stderr.contains("the API key from the environment variable STAGING_KEY (403 Forbidden"), push.stderr)
        XCTAssertFalse((push.stdout + push.stderr).contains(Self.readOnlyKey))
        XCTAssertFalse(push.stdout.contains("failed "), "no failure line per agent: \(push.stdout)")
        XCTAssertEqual(sent, 6 + 1, "six reads to plan, then the one refused write")
    }
}

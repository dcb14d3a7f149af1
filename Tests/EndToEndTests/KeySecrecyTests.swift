import Foundation
import TestSupport
import XCTest

/// The API key never reaches any output or file: every command, failing runs and --verbose included, against a
/// server that echoes the key it was sent in its 401 and 422 answers.
final class KeySecrecyTests: XCTestCase {
    func testTheKeyIsInNoOutputAndNoFileWhateverTheCommand() throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "2", "--echo-key"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let wrongKey = "wrong-key-5d1e88-never-print-me"
        let keyFile = try AgentctlProcess.temporaryDirectory(self).appendingPathComponent("key")
        try Data((EmulatorProcess.key + "\n").utf8).write(to: keyFile)
        let env = emulator.environment
        var runs: [(String, AgentctlProcess.Result)] = []
        func run(_ arguments: [String], environment: [String: String] = env, input: String? = nil) throws {
            runs.append((arguments.joined(separator: " "), try AgentctlProcess.run(arguments, in: dir, environment: environment,
                                                                                 input: input)))
        }

        try run(["init", "scaffold"])
        try run(["validate", "scaffold"])
        try run(["validate", "--format", "json", "scaffold"])
        try run(["simulate", "scaffold/agents/front-desk.yaml"])
        try run(["schema"])
        try run(["pull", "--verbose"])
        try run(["pull", "--verbose", "--api-key-file", keyFile.path], environment: ["ELEVENLABS_BASE_URL": emulator.baseURL])
        try run(["pull", "--verbose", "--api-key-file", "/dev/stdin"], environment: ["ELEVENLABS_BASE_URL": emulator.baseURL],
                input: EmulatorProcess.key)
        try run(["status", "--verbose"])
        try run(["diff", "--verbose"])
        try dir.write("name: Rejected\nplatform_settings:\n  privacy:\n    retention_days: many\n", to: "agents/rejected.yaml")
        try run(["push", "--yes", "--verbose"])
        try FileManager.default.removeItem(at: dir.appendingPathComponent("agents/rejected.yaml"))
        try dir.write("name: Desk\nconversation_config:\n  turn:\n    turn_timeout: 9\n", to: "agents/desk.yaml")
        try run(["push", "--yes", "--verbose"])
        try run(["diff", "--verbose", "--exit-code"])
        try run(["simulate", "agents/desk.yaml", "--format", "json"])
        var wrong = env
        wrong["ELEVENLABS_API_KEY"] = wrongKey
        try run(["pull", "--verbose"], environment: wrong)
        try run(["push", "--yes", "--verbose"], environment: wrong)
        try run(["status", "--verbose"], environment: wrong)

        let rejected = try XCTUnwrap(runs.first { $0.0 == "push --yes --verbose" }?.1)
        XCTAssertEqual(rejected.status, 1)
        XCTAssertTrue(rejected.stdout.contains("retention_days: Input should be a valid integer (xi-api-key: <redacted>)"),
                      "the echoed key is redacted from the 422 message: \(rejected.stdout)")
        let refused = try XCTUnwrap(runs.last?.1)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("Invalid API key (xi-api-key: <redacted>)"), refused.stderr)
        for (command, result) in runs {
            for key in [EmulatorProcess.key, wrongKey] {
                XCTAssertFalse(result.stdout.contains(key), "\(command) printed the key on stdout")
                XCTAssertFalse(result.stderr.contains(key), "\(command) printed the key on stderr")
            }
        }
        let files = try ProjectFiles.snapshot(dir)
        XCTAssertTrue(files.keys.contains("agentctl.lock"))
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            XCTAssertFalse(text.contains(EmulatorProcess.key) || text.contains(wrongKey), "\(path) holds the key")
        }
    }
}

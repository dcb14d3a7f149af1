import Foundation
import TestSupport
import XCTest

/// `${NAME}` placeholders through the real binary: located errors, the variable's source named, the resolved value
/// sent, and a secret value in no output and no file agentctl writes.
final class VariableCommandTests: XCTestCase {
    private var dir: URL!
    private let secretFromEnvironment = "tok-env-5f1e9b77"
    private let secretFromFile = "hooks-file-secret-91c3"

    override func setUp() async throws {
        dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("""
            name: Desk
            conversation_config:
              agent:
                first_message: ${GREETING_TOKEN}
              turn:
                turn_timeout: ${TIMEOUT}
                turn_eagerness: ${EAGERNESS:-normal}
              tts:
                voice_id: ${VOICE}

            """, to: "agents/desk.yaml")
        try dir.write("""
            default_environment: production
            environments:
              production:
                variables: vars/production.yaml

            """, to: "agentctl.yaml")
        try dir.write("""
            # production values
            TIMEOUT: 12
            VOICE:
              value: \(secretFromFile)
              secret: true

            """, to: "vars/production.yaml")
    }

    private func agentctl(_ arguments: [String], _ environment: [String: String] = [:]) throws -> AgentctlProcess.Result {
        try AgentctlProcess.run(arguments, in: dir, environment: ["GREETING_TOKEN": secretFromEnvironment].merging(environment) { $1 })
    }

    func testAnUnsetVariableIsAnErrorAtItsLine() throws {
        try dir.write("default_environment: production\nenvironments:\n  production: {}\n", to: "agentctl.yaml")
        let result = try agentctl(["validate"])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("agents/desk.yaml:6:19: error: [variable] ${TIMEOUT} is not set and has no default"),
                      result.stdout)
        XCTAssertTrue(result.stdout.contains("        turn_timeout: ${TIMEOUT}\n                      ^"), result.stdout)
    }

    func testAResolvedValueIsCheckedByTheFieldAtThePlaceholderNamingTheVariablesSource() throws {
        XCTAssertEqual(try agentctl(["validate"]).status, 0, "TIMEOUT=12 is the number 12 for a number field")
        try dir.write("TIMEOUT: 45\nVOICE: v\n", to: "vars/production.yaml")
        let fromFile = try agentctl(["validate", "--env", "production"])
        XCTAssertEqual(fromFile.status, 1)
        XCTAssertTrue(fromFile.stdout.contains("agents/desk.yaml:6:19: error: [range] `conversation_config.turn.turn_timeout` must be "
            + "between 1 and 30, found 45"), fromFile.stdout)
        XCTAssertTrue(fromFile.stdout.contains("(${TIMEOUT} = `45` from vars/production.yaml:1)"), fromFile.stdout)
        XCTAssertTrue(fromFile.stdout.contains("vars/production.yaml:1:10: note: `TIMEOUT` is set here\n"),
                      fromFile.stdout)
        let fromEnvironment = try agentctl(["validate"], ["TIMEOUT": "31"])
        XCTAssertTrue(fromEnvironment.stdout.contains("found 31 (ElevenLabs docs") && fromEnvironment.stdout.contains(
            "(${TIMEOUT} = `31` from the process environment)"), fromEnvironment.stdout)
        let unknown = try agentctl(["validate", "--env", "staging"])
        XCTAssertEqual(unknown.status, 2, "an unknown environment is a usage error")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("vars/production.yaml"))
        let missing = try agentctl(["validate"])
        XCTAssertEqual(missing.status, 2, "a variables file that cannot be read is a configuration error")
        XCTAssertTrue(missing.stderr.contains("vars/production.yaml:1:1: error: [yaml] cannot read the file"), missing.stderr)
    }

    func testSimulateUsesTheResolvedValues() throws {
        try dir.write("user: Hello?\nagent 1: Hi.\nsilence 20\n", to: "call.sim")
        let result = try agentctl(["simulate", "agents/desk.yaml", "--script", "call.sim", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\"turn_timeout\":12"), result.stdout)
        let text = try agentctl(["simulate", "agents/desk.yaml", "--script", "call.sim"])
        XCTAssertTrue(text.stdout.contains("(secret hidden)"), "the secret first message is hidden:\n\(text.stdout)")
        XCTAssertFalse((result.stdout + text.stdout + text.stderr).contains(secretFromEnvironment))
        let unset = try agentctl(["simulate", "agents/desk.yaml", "--script", "call.sim"], ["GREETING_TOKEN": ""])
        XCTAssertEqual(unset.status, 1)
        XCTAssertTrue(unset.stderr.contains("agents/desk.yaml:4:20: error: [variable] ${GREETING_TOKEN} is not set"), unset.stderr)
    }

    func testPushSendsTheResolvedValuesAndNoSecretIsShownOrWritten() async throws {
        let emulator = try EmulatorProcess(self)
        let environment = emulator.environment
        let push = try agentctl(["push", "--yes"], environment)
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        let writes = try await emulator.writes()
        let body = try XCTUnwrap(writes.first?["body"] as? [String: Any])
        let config = try XCTUnwrap(body["conversation_config"] as? [String: [String: Any]])
        XCTAssertEqual(config["turn"]?["turn_timeout"] as? Double, 12)
        XCTAssertEqual(config["turn"]?["turn_eagerness"] as? String, "normal")
        XCTAssertEqual(config["agent"]?["first_message"] as? String, secretFromEnvironment)
        XCTAssertEqual(config["tts"]?["voice_id"] as? String, secretFromFile)

        try dir.write("TIMEOUT: 14\nVOICE:\n  value: \(secretFromFile)-2\n  secret: true\n", to: "vars/production.yaml")
        let diff = try agentctl(["diff"], environment)
        XCTAssertTrue(diff.stdout.contains("~ conversation_config.turn.turn_timeout: 12 -> 14"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("~ conversation_config.tts.voice_id: (secret hidden; --show-secrets shows it) -> "
            + "(secret hidden; --show-secrets shows it)"), diff.stdout)
        let json = try agentctl(["diff", "--format", "json"], environment)
        let update = try agentctl(["push", "--yes"], environment)
        XCTAssertEqual(update.status, 0, update.stdout + update.stderr)
        let status = try agentctl(["status"], environment)
        XCTAssertTrue(status.stdout.hasSuffix("in sync\n"), status.stdout)
        for result in [push, diff, json, update, status] {
            for secret in [secretFromEnvironment, secretFromFile] {
                XCTAssertFalse(result.stdout.contains(secret) || result.stderr.contains(secret), result.stdout + result.stderr)
            }
        }
        try dir.write("TIMEOUT: 14\nVOICE:\n  value: \(secretFromFile)-3\n  secret: true\n", to: "vars/production.yaml")
        let shown = try agentctl(["diff", "--show-secrets"], environment)
        XCTAssertTrue(shown.stdout.contains("voice_id: \"\(secretFromFile)-2\" -> \"\(secretFromFile)-3\""), shown.stdout)
        let agentFile = try String(contentsOf: dir.appendingPathComponent("agents/desk.yaml"), encoding: .utf8)
        let pull = try agentctl(["pull", "--force"], environment)
        XCTAssertEqual(pull.status, 0, pull.stdout + pull.stderr)
        XCTAssertEqual(pull.stdout, "pulled 1 agent: 0 new, 0 updated, 1 unchanged\n",
                       "the live agent has not moved since the push: the changed secret is the file's own edit")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("agents/desk.yaml"), encoding: .utf8), agentFile,
                       "the placeholders stay")
        XCTAssertFalse((pull.stdout + pull.stderr).contains(secretFromFile) || (pull.stdout + pull.stderr).contains(secretFromEnvironment))
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix("vars/") }
        XCTAssertTrue(files.contains("agentctl.lock"))
        for file in files {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) else { continue }
            XCTAssertFalse(text.contains(secretFromEnvironment) || text.contains(secretFromFile), "\(file) holds a secret:\n\(text)")
        }
    }

    private func lockEntry() throws -> [String: Any] {
        let data = try Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))
        let lock = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let environments = try XCTUnwrap(lock["environments"] as? [String: [String: [String: Any]]])
        return try XCTUnwrap(environments["production"]?["agents/desk.yaml"])
    }

    private func sha256(_ text: String) throws -> String {
        let input = dir.appendingPathComponent("sha-input")
        try Data(text.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64).lowercased()
    }

    /// A hash of content with a secret in it would let anyone who reads the lock confirm a guess of the secret.
    func testTheLockHoldsNoHashOfASecretValueAfterPushAndPull() async throws {
        let emulator = try EmulatorProcess(self)
        let environment = emulator.environment
        XCTAssertEqual(try agentctl(["push", "--yes"], environment).status, 0)
        let first = try lockEntry()
        try dir.write("TIMEOUT: 12\nVOICE:\n  value: \(secretFromFile)-2\n  secret: true\n", to: "vars/production.yaml")
        let update = try agentctl(["push", "--yes"], environment.merging(["GREETING_TOKEN": "tok-env-other"]) { $1 })
        XCTAssertEqual(update.status, 0, update.stdout + update.stderr)
        XCTAssertTrue(update.stdout.contains("updated agents/desk.yaml (2 fields)"), update.stdout)
        let second = try lockEntry()
        XCTAssertEqual(second["file_sha256"] as? String, first["file_sha256"] as? String,
                       "the file's hash does not depend on the secrets' values")
        XCTAssertEqual(second["base_sha256"] as? String, first["base_sha256"] as? String)
        let pull = try agentctl(["pull", "--force"], environment.merging(["GREETING_TOKEN": "tok-env-other"]) { $1 })
        XCTAssertEqual(pull.status, 0, pull.stdout + pull.stderr)
        XCTAssertEqual(try lockEntry()["file_sha256"] as? String, second["file_sha256"] as? String,
                       "pull records the same secret-free hash push did, the one the plan compares with")
        let secrets = [secretFromEnvironment, secretFromFile, "\(secretFromFile)-2", "tok-env-other"]
        let hashes = try secrets.map(sha256)
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix("vars/") }
        XCTAssertTrue(files.contains("agentctl.lock"))
        for file in files {
            guard let text = try? String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) else { continue }
            for needle in secrets + hashes {
                XCTAssertFalse(text.contains(needle), "\(file) holds \(needle):\n\(text)")
            }
        }
    }

    /// A lock written before hashes left secrets out holds the hash of the content with the secret in: it is still
    /// the file as last synced, so on a fresh clone (no kept base) a live edit is drift, not a conflict.
    func testAnOldLockEntryHashedWithTheSecretIsStillRecognised() async throws {
        let emulator = try EmulatorProcess(self)
        let environment = emulator.environment
        let agent = try String(contentsOf: dir.appendingPathComponent("agents/desk.yaml"), encoding: .utf8)
        try dir.write(agent.replacingOccurrences(of: "${GREETING_TOKEN}", with: "Hello"), to: "agents/desk.yaml")
        try dir.write("TIMEOUT: 12\nVOICE: \(secretFromFile)\n", to: "vars/production.yaml")
        let push = try agentctl(["push", "--yes"], environment)
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        let id = try XCTUnwrap(try lockEntry()["agent_id"] as? String)
        // The same value, now secret: the lock's hash is the one old versions wrote, with the secret's value in it.
        try dir.write("TIMEOUT: 12\nVOICE:\n  value: \(secretFromFile)\n  secret: true\n", to: "vars/production.yaml")
        try FileManager.default.removeItem(at: dir.appendingPathComponent(".agentctl"))
        try await emulator.patch(id, #"{"conversation_config":{"turn":{"turn_timeout":20}}}"#)
        let diff = try agentctl(["diff"], environment)
        XCTAssertTrue(diff.stdout.contains("! conversation_config.turn.turn_timeout: 20 -> 12  [drift"), diff.stdout)
        let status = try agentctl(["status"], environment)
        XCTAssertTrue(status.stdout.hasSuffix("remote drift\n"), status.stdout)
    }
}

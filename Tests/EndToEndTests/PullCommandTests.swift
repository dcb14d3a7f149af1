import Foundation
import TestSupport
import XCTest

final class PullCommandTests: XCTestCase {
    private func files(in dir: URL) throws -> [String: String] {
        let agents = dir.appendingPathComponent("agents")
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: agents.path) {
            result[name] = try String(contentsOf: agents.appendingPathComponent(name), encoding: .utf8)
        }
        return result
    }

    func testPaginatedPullThenRepullIsANoOp() throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "130"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let first = try AgentctlProcess.run(["pull"], in: dir, environment: emulator.environment)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.hasSuffix("pulled 130 agents: 130 new, 0 updated, 0 unchanged\n"), first.stdout)
        let written = try files(in: dir)
        XCTAssertEqual(written.count, 130)
        XCTAssertTrue(written.values.allSatisfy { $0.hasPrefix("# yaml-language-server: $schema=../schemas/agent.schema.json\n") })
        let lock = try String(contentsOf: dir.appendingPathComponent("agentctl.lock"), encoding: .utf8)
        let second = try AgentctlProcess.run(["pull"], in: dir, environment: emulator.environment)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(second.stdout, "pulled 130 agents: 0 new, 0 updated, 130 unchanged\n")
        XCTAssertEqual(try files(in: dir), written, "same remote state, byte-identical files")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("agentctl.lock"), encoding: .utf8), lock)
        // The pulled files are valid agent files, without the server's defaults.
        let validate = try AgentctlProcess.run(["validate"], in: dir)
        XCTAssertEqual(validate.stdout, "130 files checked, no problems\n")
        XCTAssertFalse(written.values.contains { $0.contains("turn_model") || $0.contains("optimize_streaming_latency") })
    }

    func testFaultsStillEndInACorrectPull() throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "25", "--rate-limit-every", "4", "--retry-after", "0",
                                                             "--error-503-every", "7", "--latency-ms", "2-15", "--random-seed", "3"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let result = try AgentctlProcess.run(["pull", "--concurrency", "4"], in: dir, environment: emulator.environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("pulled 25 agents: 25 new, 0 updated, 0 unchanged\n"), result.stdout)
        let clean = try EmulatorProcess(self, arguments: ["--seed-agents", "25"])
        let reference = try AgentctlProcess.temporaryDirectory(self)
        _ = try AgentctlProcess.run(["pull"], in: reference, environment: clean.environment)
        XCTAssertEqual(try files(in: dir).count, 25)
        XCTAssertEqual(try files(in: dir).keys.sorted(), try files(in: reference).keys.sorted())
    }

    func testBadKeyIsAClearErrorAndTheKeyIsNeverWritten() throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "3"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        var env = emulator.environment
        env["ELEVENLABS_API_KEY"] = "wrong-key-1234567890"
        let bad = try AgentctlProcess.run(["pull", "--verbose"], in: dir, environment: env)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("rejected the API key from"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("ELEVENLABS_API_KEY"), bad.stderr)
        XCTAssertFalse((bad.stdout + bad.stderr).contains("wrong-key-1234567890"))
        let missing = try AgentctlProcess.run(["pull"], in: dir, environment: ["ELEVENLABS_BASE_URL": emulator.baseURL, "ELEVENLABS_API_KEY": ""])
        XCTAssertEqual(missing.status, 2, missing.stderr)

        let good = try AgentctlProcess.run(["pull", "--verbose"], in: dir, environment: emulator.environment)
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stderr.contains("GET \(emulator.baseURL)/v1/convai/agents"), "verbose shows requests: \(good.stderr)")
        XCTAssertFalse((good.stdout + good.stderr).contains(EmulatorProcess.key))
        let everything = try FileManager.default.subpathsOfDirectory(atPath: dir.path)
        for path in everything {
            let data = (try? Data(contentsOf: dir.appendingPathComponent(path))) ?? Data()
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(EmulatorProcess.key), path)
        }
    }

    func testPlainHTTPIsRefusedExceptToLoopback() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let result = try AgentctlProcess.run(["pull", "--base-url", "http://api.example.com"], in: dir,
                                             environment: ["ELEVENLABS_API_KEY": "k"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.lowercased().contains("http"), result.stderr)
    }

    func testABaseURLEndingInTheAPIVersionIsRefusedWithTheRightForm() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let flag = try AgentctlProcess.run(["pull", "--base-url", "https://api.elevenlabs.io/v1"], in: dir,
                                           environment: ["ELEVENLABS_API_KEY": "k"])
        XCTAssertEqual(flag.status, 2)
        XCTAssertEqual(flag.stderr, """
            agentctl: error: base URL "https://api.elevenlabs.io/v1" includes the API's /v1 path, which agentctl adds \
            itself; use "https://api.elevenlabs.io"

            """)
        try dir.write("environments:\n  local:\n    base_url: http://127.0.0.1:9/v1/\n", to: "agentctl.yaml")
        let file = try AgentctlProcess.run(["pull"], in: dir, environment: ["ELEVENLABS_API_KEY": "k"])
        XCTAssertEqual(file.status, 2)
        XCTAssertTrue(file.stderr.contains(#"use "http://127.0.0.1:9""#), file.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["agentctl.yaml"])
    }

    func testALocalEditIsMergedWithALiveChangeAndDryRunWritesNothing() async throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "2"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try AgentctlProcess.run(["pull"], in: dir, environment: emulator.environment).status, 0)
        let name = try files(in: dir).keys.sorted()[0]
        let file = dir.appendingPathComponent("agents/\(name)")
        let locallyEdited = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "Be brief", with: "Be very brief")
        try Data(locallyEdited.utf8).write(to: file)
        let lock = dir.appendingPathComponent("agentctl.lock")
        let state = try JSONSerialization.jsonObject(with: Data(contentsOf: lock)) as! [String: Any]
        let entries = (state["environments"] as! [String: Any])["default"] as! [String: [String: Any]]
        let agentID = entries["agents/\(name)"]!["agent_id"] as! String
        try await emulator.patch(agentID, #"{"conversation_config":{"turn":{"turn_timeout":21}}}"#)

        let dry = try AgentctlProcess.run(["pull", "--dry-run", "--force"], in: dir, environment: emulator.environment)
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("~ agents/\(name)  (would be updated)"), dry.stdout)
        XCTAssertTrue(dry.stdout.contains("+     turn_timeout: 21"), dry.stdout)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), locallyEdited, "dry run writes nothing")

        let merged = try AgentctlProcess.run(["pull"], in: dir, environment: emulator.environment)
        XCTAssertEqual(merged.status, 0, merged.stdout + merged.stderr)
        XCTAssertEqual(name, "sales-agent-002.yaml")
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), locallyEdited + "  turn:\n    turn_timeout: 21\n",
                       "the live change is taken (a new key after its siblings) and the local edit kept")
    }

    func testPullSelectsByNamePattern() throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "6"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let result = try AgentctlProcess.run(["pull", "--name", "Support*"], in: dir, environment: emulator.environment)
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = try files(in: dir).keys.sorted()
        XCTAssertFalse(names.isEmpty)
        XCTAssertTrue(names.allSatisfy { $0.hasPrefix("support-") }, "\(names)")
    }
}

/// agentctl.lock written by earlier releases (format 1, no resource kind; format 2, the synced content inline)
/// keeps working: read as it is, and rewritten as format 3 (hashes only) by the next pull.
final class LockFormatTests: XCTestCase {
    func testFormatOneAndTwoLocksAreReadAndWrittenBackAsFormatThree() async throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "3"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try AgentctlProcess.run(["pull"], in: dir, environment: emulator.environment).status, 0)
        let lockURL = dir.appendingPathComponent("agentctl.lock")
        let current = try String(contentsOf: lockURL, encoding: .utf8)
        XCTAssertTrue(current.hasPrefix("{\n  \"version\": 3,\n"), current)
        XCTAssertEqual(current.components(separatedBy: "\"kind\": \"agent\",\n").count - 1, 3)
        XCTAssertFalse(current.contains("Support agent"), "the lock holds IDs, versions and hashes, no content")
        for (version, keepKind) in [(2, true), (1, false)] {
            try Data(try await olderLock(current, version: version, keepKind: keepKind).utf8).write(to: lockURL)
            try? FileManager.default.removeItem(at: dir.appendingPathComponent(".agentctl"))
            let older = try String(contentsOf: lockURL, encoding: .utf8)

            let status = try AgentctlProcess.run(["status", "--exit-code"], in: dir, environment: emulator.environment)
            XCTAssertEqual(status.status, 0, status.stdout + status.stderr)
            XCTAssertEqual(status.stdout.components(separatedBy: "  in sync\n").count - 1, 3, status.stdout)
            XCTAssertEqual(try String(contentsOf: lockURL, encoding: .utf8), older, "status only reads the lock")

            let pull = try AgentctlProcess.run(["pull"], in: dir, environment: emulator.environment)
            XCTAssertEqual(pull.stdout, "pulled 3 agents: 0 new, 0 updated, 3 unchanged\n", pull.stderr)
            XCTAssertEqual(try String(contentsOf: lockURL, encoding: .utf8), current, "format \(version) written back as format 3")
        }

        /// The lock as an earlier release wrote it: each entry's synced content inline under `base`.
        func olderLock(_ text: String, version: Int, keepKind: Bool) async throws -> String {
            var root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
            var environments = root["environments"] as! [String: [String: [String: Any]]]
            for (environment, files) in environments {
                for (file, entry) in files {
                    let live = try await emulator.agent(entry["agent_id"] as! String)
                    var old: [String: Any] = ["agent_id": entry["agent_id"]!, "remote_updated_at": entry["remote_updated_at"]!]
                    old["base"] = live.filter { ["name", "tags", "conversation_config", "platform_settings", "workflow"].contains($0.key) }
                    if keepKind { old["kind"] = "agent" }
                    environments[environment]![file] = old
                }
            }
            root["environments"] = environments
            root["version"] = version
            return String(decoding: try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
        }
    }
}

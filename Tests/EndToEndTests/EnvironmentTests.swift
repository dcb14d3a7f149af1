import Foundation
import TestSupport
import XCTest

final class EnvironmentTests: XCTestCase {
    func testOneFileLivesInTwoEnvironmentsWithItsOwnIDs() throws {
        let staging = try EmulatorProcess(self)
        let production = try EmulatorProcess(self)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write(EmulatorProcess.stagingAndProduction(staging, production), to: "agentctl.yaml")
        try dir.write("name: Desk\nconversation_config:\n  turn:\n    turn_timeout: 8\n", to: "agents/desk.yaml")
        let keys = ["STAGING_KEY": EmulatorProcess.key, "PRODUCTION_KEY": EmulatorProcess.key]
        XCTAssertEqual(try AgentctlProcess.run(["push", "--yes"], in: dir, environment: keys).status, 0)
        let status = try AgentctlProcess.run(["status", "--env", "production"], in: dir, environment: keys)
        XCTAssertTrue(status.stdout.hasSuffix("not yet created\n"), status.stdout)
        XCTAssertEqual(try AgentctlProcess.run(["push", "--yes", "--env", "production"], in: dir, environment: keys).status, 0)
        let state = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
        let environments = state["environments"] as! [String: [String: [String: Any]]]
        XCTAssertEqual(Set(environments.keys), ["staging", "production"])
        XCTAssertNotNil(environments["staging"]?["agents/desk.yaml"]?["agent_id"])
        XCTAssertNotNil(environments["production"]?["agents/desk.yaml"]?["agent_id"])

        let unknown = try AgentctlProcess.run(["status", "--env", "qa"], in: dir, environment: keys)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stderr, "agentctl: error: no environment `qa` in agentctl.yaml; known: production, staging\n")
        let noKey = try AgentctlProcess.run(["status", "--env", "production"], in: dir, environment: ["STAGING_KEY": "x"])
        XCTAssertEqual(noKey.status, 2)
        XCTAssertTrue(noKey.stderr.contains("PRODUCTION_KEY"), noKey.stderr)
    }

    func testAPIKeyFromAFile() throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "1"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write(EmulatorProcess.key + "\n", to: "key.txt")
        let result = try AgentctlProcess.run(["pull", "--api-key-file", "key.txt", "--base-url", emulator.baseURL], in: dir,
                                             environment: ["ELEVENLABS_API_KEY": ""])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testTwoPushesCannotRunAtOnce() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: Desk\n", to: "agents/desk.yaml")
        // flock(1) holds the same lock agentctl takes while a second push starts.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [".agentctl-push.lock", "sleep", "5"]
        holder.currentDirectoryURL = dir
        try holder.run()
        defer { holder.terminate() }
        Thread.sleep(forTimeInterval: 0.3)
        let result = try AgentctlProcess.run(["push", "--yes"], in: dir, environment: ["ELEVENLABS_API_KEY": "k",
                                                                                     "ELEVENLABS_BASE_URL": "http://127.0.0.1:9"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("another agentctl push is running in this repository"), result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".agentctl-push.lock").path),
                      "the lock another process holds is left alone")
    }

    func testAFailedPushRemovesItsLockFile() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: Desk\n", to: "agents/desk.yaml")
        let result = try AgentctlProcess.run(["push", "--yes"], in: dir, environment: ["ELEVENLABS_API_KEY": "k",
                                                                                     "ELEVENLABS_BASE_URL": "http://127.0.0.1:9"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent(".agentctl-push.lock").path))
    }
}

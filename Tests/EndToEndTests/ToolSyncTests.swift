import Foundation
import TestSupport
import XCTest

/// Tools beside agents: an ID pull cannot name stays as it is with a located warning; a removed tool file is pruned.
final class ToolSyncTests: XCTestCase {
    func testPullKeepsAnIDNoFileNamesWithAWarning() throws {
        let emulator = try EmulatorProcess(self)
        let source = try AgentctlProcess.temporaryDirectory(self)
        try source.write("name: Desk\nconversation_config:\n  agent:\n    prompt:\n      tool_ids: [tool_elsewhere]\n",
                         to: "agents/desk.yaml")
        let pushed = try AgentctlProcess.run(["push", "--yes"], in: source, environment: emulator.environment)
        XCTAssertEqual(pushed.status, 0, pushed.stdout + pushed.stderr)

        let dir = try AgentctlProcess.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
        let pulled = try AgentctlProcess.run(["pull"], in: dir, environment: emulator.environment)
        XCTAssertEqual(pulled.status, 0, pulled.stderr)
        let agent = try String(contentsOf: dir.appendingPathComponent("agents/desk.yaml"), encoding: .utf8)
        XCTAssertTrue(agent.contains("        - tool_elsewhere\n"), agent)
        XCTAssertTrue(pulled.stderr.hasPrefix("agents/desk.yaml:7:11: warning: [reference] "
            + "`conversation_config.agent.prompt.tool_ids[0]` keeps the tool ID `tool_elsewhere`: no tools/*.yaml is "
            + "synced with it in environment `default`; pull the tools too to write its name\n"), pulled.stderr)
    }

    func testPushPruneDeletesTheToolOfARemovedFileAfterTheAgentStopsNamingIt() async throws {
        let emulator = try EmulatorProcess(self)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: Desk\nconversation_config:\n  agent:\n    prompt:\n      tool_ids: [tool:map]\n", to: "agents/desk.yaml")
        try dir.write("tool_config:\n  type: client\n  name: map\n  description: Shows a map\n", to: "tools/map.yaml")
        XCTAssertEqual(try AgentctlProcess.run(["push", "--yes"], in: dir, environment: emulator.environment).status, 0)
        let lock = { () throws -> [String: [String: Any]] in
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock")))
            return ((json as? [String: Any])?["environments"] as? [String: [String: [String: Any]]])?["default"] ?? [:]
        }
        let toolID = try XCTUnwrap(try lock()["tools/map.yaml"]?["tool_id"] as? String)

        try FileManager.default.removeItem(at: dir.appendingPathComponent("tools/map.yaml"))
        // A PATCH keeps what a file leaves out, so the agent says it has no tools.
        try dir.write("name: Desk\nconversation_config:\n  agent:\n    prompt:\n      tool_ids: []\n", to: "agents/desk.yaml")
        let status = try AgentctlProcess.run(["status"], in: dir, environment: emulator.environment)
        XCTAssertTrue(status.stdout.contains("tools/map.yaml  default  \(toolID)  file missing\n"), status.stdout)
        let pruned = try AgentctlProcess.run(["push", "--yes", "--prune"], in: dir, environment: emulator.environment)
        XCTAssertEqual(pruned.status, 0, pruned.stdout + pruned.stderr)
        XCTAssertTrue(pruned.stdout.contains("- tools/map.yaml  (live tool \(toolID) will be deleted: its file was removed)\n"
            + "1 tool to delete\n"), pruned.stdout)
        XCTAssertNil(try lock()["tools/map.yaml"])
        let live = try await emulator.resource("/v1/convai/tools/\(toolID)")
        XCTAssertNil(live["tool_config"], "the tool is gone: \(live)")
    }

    func testAToolCreateKilledBeforeTheLockWasSavedIsAdoptedNotMadeTwice() async throws {
        let emulator = try EmulatorProcess(self)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("tool_config:\n  type: client\n  name: map\n  description: Shows a map\n", to: "tools/map.yaml")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents"), withIntermediateDirectories: true)
        XCTAssertEqual(try AgentctlProcess.run(["push", "--yes"], in: dir, environment: emulator.environment).status, 0)
        // As a push killed after the server's create and before the lock's save leaves it: no entry, a pending mark.
        let lockURL = dir.appendingPathComponent("agentctl.lock")
        var lock = try JSONSerialization.jsonObject(with: Data(contentsOf: lockURL)) as! [String: Any]
        var environments = lock["environments"] as! [String: [String: Any]]
        environments["default"]?["tools/map.yaml"] = nil
        lock["environments"] = environments
        try JSONSerialization.data(withJSONObject: lock).write(to: lockURL)
        let hash = try sha256Hex("default\ntools/map.yaml")
        try dir.write("tools/map.yaml", to: ".agentctl/creating/\(hash).pending")

        let again = try AgentctlProcess.run(["push", "--yes"], in: dir, environment: emulator.environment)
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.contains("0 to create, 1 unchanged"), again.stdout)
        let tools = try await emulator.resource("/v1/convai/tools")["tools"] as? [Any]
        XCTAssertEqual(tools?.count, 1, "the tool is not created twice")
    }

    private func sha256Hex(_ text: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ")[0].description
    }
}

import Foundation
import TestSupport
import XCTest

/// An agent that names a tool by its file (`tool:book`) is never pushed with the name as an ID: when that file has no
/// ID in the environment and is not pushed with the agent, diff, status and push stop at its line and send nothing.
final class UnresolvedReferenceTests: XCTestCase {
    func testANameWithNoIDStopsBeforeAnyWrite() async throws {
        let emulator = try EmulatorProcess(self)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: Desk\nconversation_config:\n  agent:\n    prompt:\n      tool_ids: [tool:book]\n",
                      to: "agents/desk.yaml")
        try dir.write("tool_config:\n  type: client\n  name: book\n  description: Books a slot\n", to: "tools/book.yaml")
        let expected = """
            agents/desk.yaml:5:18: error: [reference] `conversation_config.agent.prompt.tool_ids[0]` names `tool:book`, \
            which has no ID in environment `default`: tools/book.yaml is not synced there; push it with this file (or \
            pull it) first
                      tool_ids: [tool:book]
                                 ^

            """
        for command in [["push", "--yes", "agents/desk.yaml"], ["diff", "agents/desk.yaml"], ["status", "agents/desk.yaml"]] {
            let result = try AgentctlProcess.run(command, in: dir, environment: emulator.environment)
            XCTAssertEqual(result.status, 1, "\(command): \(result.stderr)")
            XCTAssertEqual(result.stderr, expected, "\(command)")
        }
        let writes = try await emulator.writes()
        XCTAssertEqual(writes.count, 0, "nothing is sent: \(writes)")

        let validate = try AgentctlProcess.run(["validate"], in: dir)
        XCTAssertEqual(validate.status, 0, "the name is right offline: \(validate.stdout)")
    }
}

import Foundation
import TestSupport
import XCTest

/// What `validate` checks is exactly what `push` sends and `simulate` reads: explicit tags and nulls included.
final class OneReadingTests: XCTestCase {
    private static let tagged = """
        name: Tagged
        conversation_config:
          agent:
            first_message: !!str 1e3
          turn:
            turn_timeout: !!int "9"
            initial_wait_time: !!null
            interruption_ignore_terms: [!!str 7, ok]

        """

    func testTaggedValuesAreReadAlikeByValidatePushAndSimulate() async throws {
        let emulator = try EmulatorProcess(self)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write(Self.tagged, to: "agents/tagged.yaml")
        try dir.write("user: hello\nagent: hi\n", to: "call.sim")

        let validate = try AgentctlProcess.run(["validate"], in: dir)
        XCTAssertEqual(validate.status, 0, validate.stdout)

        let push = try AgentctlProcess.run(["push", "--yes"], in: dir, environment: emulator.environment)
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        let writes = try await emulator.writes()
        XCTAssertEqual(writes.count, 1)
        let body = try JSONSerialization.data(withJSONObject: writes.first?["body"] ?? [:], options: .sortedKeys)
        XCTAssertEqual(String(decoding: body, as: UTF8.self),
                       #"{"conversation_config":{"agent":{"first_message":"1e3"},"turn":{"initial_wait_time":null,"interruption_ignore_terms":["7","ok"],"turn_timeout":9}},"name":"Tagged"}"#)

        let simulate = try AgentctlProcess.run(["simulate", "agents/tagged.yaml", "--script", "call.sim"], in: dir)
        XCTAssertEqual(simulate.status, 0, simulate.stderr)
        for row in ["turn.turn_timeout = 9", "turn.initial_wait_time = unset", #"turn.interruption_ignore_terms = ["7","ok"]"#,
                    #"agent.first_message = "1e3""#] {
            XCTAssertTrue(simulate.stdout.contains("  \(row)\n"), row + "\n" + simulate.stdout)
        }
    }

    func testATaggedStringOrANullItemIsRefusedByEveryCommand() async throws {
        let emulator = try EmulatorProcess(self)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: Bad\nconversation_config:\n  turn:\n    turn_timeout: !!str 7\n    interruption_ignore_terms:\n      - ok\n      -\n",
                      to: "agents/bad.yaml")
        try dir.write("user: hello\n", to: "call.sim")
        let expected = [
            "agents/bad.yaml:4:19: error: [type] `conversation_config.turn.turn_timeout`: expected a number, found the text \"7\" (tagged !!str)",
            "agents/bad.yaml:7:8: error: [null-value] `conversation_config.turn.interruption_ignore_terms[1]` is empty (null); write the text, or remove the item",
        ]
        let validate = try AgentctlProcess.run(["validate"], in: dir)
        XCTAssertEqual(validate.status, 1)
        let push = try AgentctlProcess.run(["push", "--yes"], in: dir, environment: emulator.environment)
        XCTAssertEqual(push.status, 1)
        let diff = try AgentctlProcess.run(["diff"], in: dir, environment: emulator.environment)
        XCTAssertEqual(diff.status, 1)
        let simulate = try AgentctlProcess.run(["simulate", "agents/bad.yaml", "--script", "call.sim"], in: dir)
        XCTAssertEqual(simulate.status, 1)
        for (command, output) in [("validate", validate.stdout), ("push", push.stderr), ("diff", diff.stderr), ("simulate", simulate.stderr)] {
            for line in expected { XCTAssertTrue(output.contains(line), "\(command):\n\(output)") }
        }
        let writeCount = try await emulator.writes().count
        XCTAssertEqual(writeCount, 0, "nothing is sent")
    }
}

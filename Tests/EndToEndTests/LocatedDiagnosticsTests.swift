import TestSupport
import XCTest

/// validate, push and simulate show a problem at a place in a file the same way: `file:line:col: error: [rule]
/// message`, the source line, and a caret under the column.
final class LocatedDiagnosticsTests: XCTestCase {
    /// The one rendering every command shares, written out once here so all three are held to it.
    private func located(_ file: String, _ line: Int, _ column: Int, _ rule: String, _ message: String,
                         source: String) -> String {
        "\(file):\(line):\(column): error: [\(rule)] \(message)\n"
            + "    \(source)\n"
            + "    \(String(repeating: " ", count: column - 1))^\n"
    }

    func testValidatePushAndSimulateRenderAProblemAtItsLineAlike() throws {
        let emulator = try EmulatorProcess(self)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: X\nconversation_config:\n  turn:\n    turn_timeout: 45\n", to: "drafts/range.yaml")
        try dir.write(try Fixtures.text("agents/retention-days-not-a-number.yaml"), to: "agents/x.yaml")
        try dir.write("user: hello\n  agnet: hi\n", to: "call.sim")

        let validate = try AgentctlProcess.run(["validate", "drafts/range.yaml"], in: dir)
        XCTAssertEqual(validate.status, 1, validate.stderr)
        XCTAssertEqual(validate.stdout, located("drafts/range.yaml", 4, 19, "range",
            "`conversation_config.turn.turn_timeout` must be between 1 and 30, found 45 (ElevenLabs docs, Conversation "
                + "flow: \"Turn timeouts must be between 1 and 30 seconds.\")", source: "    turn_timeout: 45")
            + "1 error, 0 warnings in 1 of 1 file\n")

        let push = try AgentctlProcess.run(["push", "--yes"], in: dir, environment: emulator.environment)
        XCTAssertEqual(push.status, 1, push.stderr)
        XCTAssertTrue(push.stdout.contains("rejected agents/x.yaml by the API:\n"
            + located("agents/x.yaml", 7, 21, "api", "platform_settings.privacy.retention_days: Input should be a valid integer",
                      source: "    retention_days: many")), push.stdout)

        let simulate = try AgentctlProcess.run(["simulate", "agents/x.yaml", "--script", "call.sim"], in: dir)
        XCTAssertEqual(simulate.status, 1)
        XCTAssertEqual(simulate.stdout, "")
        XCTAssertEqual(simulate.stderr, located("call.sim", 2, 3, "script",
            "expected 'user', 'agent', 'silence' or 'expect' at the start of the line, found 'agnet'", source: "  agnet: hi"))
    }

    func testASimulatedCallThatCannotHappenIsShownAtItsScriptLine() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: ok\n", to: "ok.yaml")
        try dir.write("user: hello there\nuser @0.5: again\n", to: "overlap.sim")
        let result = try AgentctlProcess.run(["simulate", "ok.yaml", "--script", "overlap.sim"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("overlap.sim:2:6: error: [script] "), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("\n    user @0.5: again\n         ^\n"), result.stderr)
    }

    func testAFailureIsPrintedOnceWithItsExitStatus() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("environments:\n  staging: {}\n  production: {}\n", to: "agentctl.yaml")
        let ambiguous = try AgentctlProcess.run(["status"], in: dir, environment: ["ELEVENLABS_API_KEY": "k"])
        XCTAssertEqual(ambiguous.status, 2)
        XCTAssertEqual(ambiguous.stderr, "agentctl: error: agentctl.yaml defines several environments (production, staging); "
            + "choose one with --env\n")
        try dir.write("name: a\n", to: "agents/a.yaml")
        try dir.write("{not json", to: "agentctl.lock")
        let lock = try AgentctlProcess.run(["status", "--env", "staging"], in: dir, environment: ["ELEVENLABS_API_KEY": "k"])
        XCTAssertEqual(lock.status, 2)
        XCTAssertTrue(lock.stderr.hasPrefix("agentctl.lock:1:1: error: [state-file] the state file is not valid JSON"), lock.stderr)
        XCTAssertTrue(lock.stderr.hasSuffix("restore it from Git\n    {not json\n    ^\n"), lock.stderr)
    }
}

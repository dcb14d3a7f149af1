import Foundation
import TestSupport
import XCTest

final class DiffCommandTests: XCTestCase {
    private var emulator: EmulatorProcess!
    private var dir: URL!

    override func setUp() async throws {
        emulator = try EmulatorProcess(self)
        dir = try AgentctlProcess.temporaryDirectory(self)
    }

    private func agentctl(_ arguments: [String]) throws -> AgentctlProcess.Result {
        try AgentctlProcess.run(arguments, in: dir, environment: emulator.environment)
    }

    private func writeAgent(prompt lines: [String]) throws {
        try dir.write("name: Long prompt\nconversation_config:\n  agent:\n    prompt:\n      prompt: |\n"
                      + lines.map { "        \($0)\n" }.joined(), to: "agents/long.yaml")
    }

    func testOneChangedLineInALongPromptIsOneHunkAndFast() throws {
        var lines = (1...16_000).map { "Rule \($0): answer briefly and politely." }
        try writeAgent(prompt: lines)
        XCTAssertEqual(try agentctl(["push", "--yes"]).status, 0)
        lines[7_999] = "Rule changed: answer in one sentence."
        try writeAgent(prompt: lines)
        let started = Date()
        let diff = try agentctl(["diff"])
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertEqual(diff.stdout, """
            ~ agents/long.yaml  (\(try agentID()) in default)
                ~ conversation_config.agent.prompt.prompt:
                  @@ -7997,7 +7997,7 @@
                    Rule 7997: answer briefly and politely.
                    Rule 7998: answer briefly and politely.
                    Rule 7999: answer briefly and politely.
                  - Rule 8000: answer briefly and politely.
                  + Rule changed: answer in one sentence.
                    Rule 8001: answer briefly and politely.
                    Rule 8002: answer briefly and politely.
                    Rule 8003: answer briefly and politely.
                (1 unchanged field hidden)

            1 agent to change, 0 to create, 0 unchanged

            """)
        // A debug build; the quadratic diff took over a minute here, this one about a second.
        XCTAssertLessThan(elapsed, 10, "diff of a 16,000-line prompt took \(elapsed) s")
    }

    func testAPromptWithCRLFLineEndingsOnTheLiveAgentIsComparedLineByLine() async throws {
        try writeAgent(prompt: ["Greet the caller.", "Ask for the order number.", "Be brief."])
        XCTAssertEqual(try agentctl(["push", "--yes"]).status, 0)
        try await emulator.patch(try agentID(), #"{"conversation_config":{"agent":{"prompt":{"prompt":"Greet the caller.\r\nAsk for the order number.\r\nBe kind.\r\n"}}}}"#)
        let diff = try agentctl(["diff"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("""
                  @@ -1,3 +1,3 @@
                    Greet the caller.
                    Ask for the order number.
                  - Be kind.
                  + Be brief.

            """), diff.stdout)
    }

    private func agentID() throws -> String {
        let state = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
        let entries = (state["environments"] as! [String: Any])["default"] as! [String: [String: Any]]
        return entries["agents/long.yaml"]!["agent_id"] as! String
    }
}

import Foundation
import TestSupport
import XCTest

final class SimulateCommandTests: XCTestCase {
    private let agent = "agents/appointment-booking.yaml"
    private let script = "agents/scripts/appointment-booking.sim"

    /// The example agent and its script, through the real binary: pinned by a golden file, and byte-identical twice.
    func testExampleCallTimelineIsPinnedAndDeterministic() throws {
        let first = try AgentctlProcess.run(["simulate", agent, "--script", script])
        XCTAssertEqual(first.status, 0, first.stderr)
        assertGolden(first.stdout, named: "appointment-booking.timeline.txt")
        let second = try AgentctlProcess.run(["simulate", agent, "--script", script])
        XCTAssertEqual(first.stdout, second.stdout)
        XCTAssertTrue(first.stdout.contains("turn.turn_eagerness = \"patient\""), "settings come from the YAML file")
    }

    /// The JSON timeline is pinned by a golden file; the key times of the call, each the effect of one setting in
    /// the agent file, are asserted beside it so a re-record cannot quietly change them.
    func testJSONFromStandardInputIsPinnedWithItsKeyTimes() throws {
        let text = try String(contentsOf: AgentctlProcess.repositoryRoot.appendingPathComponent(script), encoding: .utf8)
        let result = try AgentctlProcess.run(["simulate", agent, "--format", "json"], input: text)
        XCTAssertEqual(result.status, 0, result.stderr)
        assertGolden(result.stdout, named: "appointment-booking.timeline.json")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let events = try XCTUnwrap(json["events"] as? [[String: Any]])
        func all(_ name: String) -> [[String: Any]] { events.filter { $0["event"] as? String == name } }
        func times(_ name: String) -> [Double] { all(name).compactMap { $0["t"] as? Double } }
        let close = 1e-6

        // tts.model_id eleven_flash_v2: the first message's audio starts after its 0.075 s text-to-speech latency.
        XCTAssertEqual(try XCTUnwrap(times("agent_speech_start").first), 0.075, accuracy: close)
        // turn_eagerness patient: every turn is taken 1.2 s after the user stops.
        XCTAssertEqual(all("user_turn_end").count, 7)
        for turn in all("user_turn_end") {
            let taken = try XCTUnwrap(turn["t"] as? Double), stopped = try XCTUnwrap(turn["user_stopped_at"] as? Double)
            XCTAssertEqual(taken - stopped, 1.2, accuracy: close, "\(turn)")
        }
        // soft_timeout_config.timeout_seconds 2.5: a filler 2.5 s into each reply slower than that (turns 2 and 3 only).
        let slowRequests = all("llm_request").filter { ($0["latency"] as? Double ?? 0) > 2.5 }.compactMap { $0["t"] as? Double }
        XCTAssertEqual(slowRequests.count, 2)
        XCTAssertEqual(times("soft_timeout").count, 2)
        for (request, filler) in zip(slowRequests, times("soft_timeout")) {
            XCTAssertEqual(filler - request, 2.5, accuracy: close)
        }
        XCTAssertEqual(times("soft_timeout"), [24.118421, 40.856579])
        // turn_timeout 12: the user's 9 s silence ends in a re-engagement 12 s after the agent finished.
        XCTAssertEqual(try XCTUnwrap(times("turn_timeout").first) - (try XCTUnwrap(times("user_silence").first)), 12, accuracy: close)
        XCTAssertEqual(times("turn_timeout"), [70.434211])
        // No interruption_ignore_terms: both times the user speaks over the agent, including "Mm-hmm.", interrupt it.
        XCTAssertEqual(times("interruption"), [46.457895, 53.232895])
        XCTAssertEqual(all("call_end").first?["reason"] as? String, "script_end")
        XCTAssertEqual(times("call_end"), [91.785526])
    }

    func testManyCallsAreSeededAndDeterministic() throws {
        let args = ["simulate", agent, "--script", script, "--runs", "500", "--seed", "9", "--llm-latency", "median=1.5,p95=5",
                    "--format", "json"]
        let first = try AgentctlProcess.run(args)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertEqual(first.stdout, try AgentctlProcess.run(args).stdout)
        let json = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(json["runs"] as? Int, 500)
    }

    func testAssumptionOverrideChangesTheTimelineAndIsShown() throws {
        let base = try AgentctlProcess.run(["simulate", agent, "--script", script])
        let slow = try AgentctlProcess.run(["simulate", agent, "--script", script, "--assume", "llm_latency=3"])
        XCTAssertEqual(slow.status, 0, slow.stderr)
        XCTAssertNotEqual(base.stdout, slow.stdout)
        XCTAssertTrue(slow.stdout.contains("[set]"), slow.stdout)
    }

    func testBadInputIsLocatedAndExitsNonZero() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("user: hello\nagnet: hi\n", to: "bad.sim")
        try dir.write("conversation_config:\n  turn:\n    turn_timeout: 45\n", to: "bad.yaml")
        try dir.write("name: ok\n", to: "ok.yaml")
        let badScript = try AgentctlProcess.run(["simulate", "ok.yaml", "--script", "bad.sim"], in: dir)
        XCTAssertEqual(badScript.status, 1)
        XCTAssertTrue(badScript.stderr.contains("bad.sim:2:1: error:"), badScript.stderr)
        let badAgent = try AgentctlProcess.run(["simulate", "bad.yaml", "--script", "bad.sim"], in: dir)
        XCTAssertEqual(badAgent.status, 1)
        XCTAssertTrue(badAgent.stderr.contains("bad.yaml:3:19: error: [range]"), badAgent.stderr)
        let missing = try AgentctlProcess.run(["simulate", "ok.yaml", "--script", "nope.sim"], in: dir)
        XCTAssertEqual(missing.status, 2)
        let unknown = try AgentctlProcess.run(["simulate", "ok.yaml", "--script", "bad.sim", "--assume", "warp_speed=9"], in: dir)
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("warp_speed"), unknown.stderr)
    }

    func testInteractiveModeOnATerminal() throws {
        // `script` gives the binary a pseudo-terminal; what the test writes is typed at the prompt.
        let binary = AgentctlProcess.productsDirectory.appendingPathComponent("agentctl").path
        let typed = "Hi, my thermostat is broken\n/silence 3\n/latency 4\nIt shows E4\n/quit\n"
        let result = try AgentctlProcess.run(["-qec", "\(binary) simulate agents/support-desk.yaml", "/dev/null"],
                                             input: typed, executable: "/usr/bin/script")
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.contains("user    \"Hi, my thermostat is broken\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("user    stays silent for 3.00 s"), result.stdout)
        XCTAssertTrue(result.stdout.contains("answers in 4.00 s"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[soft timeout] \"Hhmmmm...yeah.\""), "a 4 s reply passes the 3 s soft timeout")
        XCTAssertTrue(result.stdout.contains("call ended: script_end"), result.stdout)
    }
}

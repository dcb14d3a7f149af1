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
        XCTAssertTrue(first.stdout.contains("\"Mm-hmm.\"\n 53.23s  user    does not interrupt: an ignore term"), "the example teaches ignore terms")
        XCTAssertFalse(first.stdout.contains("placeholder"), "every reply in the example comes from the script")
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
        // turn_eagerness patient: every turn is taken 1.2 s after the user stops (six turns: the backchannel is none).
        XCTAssertEqual(all("user_turn_end").count, 6)
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
        XCTAssertEqual(times("turn_timeout"), [68.785527])
        // interruption_ignore_terms [mm-hmm]: "Wednesday at one works." interrupts the agent; the "Mm-hmm." at 53.23 s
        // is ignored, so the agent finishes its line and no reply to the backchannel is requested.
        XCTAssertEqual(times("interruption"), [46.457895])
        XCTAssertEqual(all("call_end").first?["reason"] as? String, "script_end")
        XCTAssertEqual(times("call_end"), [90.136842])
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

    /// Script syntax at the prompt (a timed line that interrupts, an agent line), unknown commands listed, /save
    /// writing a script that replays the same call, and --quiet without the header.
    func testInteractiveScriptLinesSaveAndQuiet() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let binary = AgentctlProcess.productsDirectory.appendingPathComponent("agentctl").path
        let agentPath = AgentctlProcess.repositoryRoot.appendingPathComponent("agents/support-desk.yaml").path
        let saved = dir.appendingPathComponent("saved.sim").path
        let typed = "Hi, my thermostat is broken\nuser +1: wait, it is the boiler\n/frobnicate\nexpect gap <= 1\nagent 2.5: Which model is it?\n/silence 9\n/save \(saved)\n/quit\n"
        let result = try AgentctlProcess.run(["-qec", "\(binary) simulate --quiet \(agentPath)", "/dev/null"],
                                             input: typed, executable: "/usr/bin/script")
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertFalse(result.stdout.contains("assumptions (not published"), "--quiet drops the header")
        XCTAssertTrue(result.stdout.contains("the call replays from 10.55 s"), result.stdout)
        XCTAssertTrue(result.stdout.contains(" 10.55s  user    interrupts the agent"), result.stdout)
        XCTAssertTrue(result.stdout.contains("unknown command /frobnicate; the commands are:\r\n  /silence N"), result.stdout)
        XCTAssertTrue(result.stdout.contains("[re-engagement] \"Which model is it?\""), result.stdout)
        XCTAssertTrue(result.stdout.contains("expect lines belong in a script file"), result.stdout)
        let replay = try AgentctlProcess.run(["simulate", "--quiet", "agents/support-desk.yaml", "--script", saved])
        XCTAssertEqual(replay.status, 0, replay.stderr)
        let sessionSummary = try XCTUnwrap(result.stdout.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "summary\n").last)
        let replaySummary = try XCTUnwrap(replay.stdout.components(separatedBy: "summary\n").last)
        XCTAssertEqual(sessionSummary, replaySummary, "the saved script replays the same call")
        XCTAssertTrue(replaySummary.contains("interruptions: 1"), replaySummary)
        XCTAssertTrue(replay.stdout.contains(" 10.55s  user    interrupts the agent"), replay.stdout)
    }

    /// The picture in the README is what `--format svg` draws for the example, and it is well-formed.
    func testTheReadmePictureIsTheExampleAsSVG() throws {
        let result = try AgentctlProcess.run(["simulate", agent, "--script", script, "--format", "svg"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let committed = try String(contentsOf: AgentctlProcess.repositoryRoot.appendingPathComponent("docs/appointment-booking-call.svg"), encoding: .utf8)
        XCTAssertEqual(result.stdout, committed, "regenerate docs/appointment-booking-call.svg with the command in the README")
        let readme = try String(contentsOf: AgentctlProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("![The example call as swim lanes](docs/appointment-booking-call.svg)"))
        XCTAssertTrue(readme.contains("--format svg > docs/appointment-booking-call.svg"))
        let runs = try AgentctlProcess.run(["simulate", agent, "--script", script, "--format", "svg", "--runs", "5"])
        XCTAssertEqual(runs.status, 2, "a picture is of one call")
    }
}

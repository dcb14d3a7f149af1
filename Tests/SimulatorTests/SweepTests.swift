import XCTest
@testable import Simulator

/// Tuning: script latencies kept or drawn, the per-turn report, and sweeps over a setting.
final class SweepTests: XCTestCase {
    private var settings: SimulationSettings {
        var settings = SimulationSettings()
        settings.agent.first_message = "Hello, how can I help?"
        settings.turn.soft_timeout_config.timeout_seconds = 2
        return settings
    }

    private let script = "user: Can I book a cleaning?\nagent 2.5: Yes, which day?\nuser: Thursday.\nagent: Thursday at three is free.\n"

    private func report(drawScripted: Bool, runs: Int = 300) throws -> MonteCarloReport {
        try MonteCarlo.run(settings: settings, script: ScriptReader.read(script, file: "t.sim"), runs: runs, seed: 5,
                           llmLatency: LatencyDistribution.parse("median=1,p95=3"), drawScriptedLatencies: drawScripted)
    }

    func testScriptLatenciesAreKeptUnlessAskedToDraw() throws {
        let kept = try report(drawScripted: false)
        XCTAssertEqual(kept.perTurn.count, 2)
        XCTAssertEqual(kept.perTurn[0].answer.p50, 600_000 + 2_500_000 + 75_000, "the filler ends before the reply is ready")
        XCTAssertEqual(kept.perTurn[0].answer.max, kept.perTurn[0].answer.p50, "the written 2.5 s is used in every run")
        XCTAssertEqual(kept.perTurn[0].turnsWithFiller, 300)
        XCTAssertNotEqual(kept.perTurn[1].answer.p50, kept.perTurn[1].answer.max, "the unwritten latency is drawn")
        XCTAssertTrue(kept.latencyUse.contains("script latencies kept"))
        let drawn = try report(drawScripted: true)
        XCTAssertNotEqual(drawn.perTurn[0].answer.p50, drawn.perTurn[0].answer.max)
        XCTAssertLessThan(drawn.perTurn[0].turnsWithFiller, 300)
        XCTAssertEqual(drawn.latencyUse, "every request")
    }

    func testPerTurnReportNamesTheLineAndAddsUp() throws {
        let result = try report(drawScripted: false)
        XCTAssertEqual(result.perTurn.map(\.line), [1, 3])
        XCTAssertEqual(result.perTurn.map(\.count), [300, 300])
        XCTAssertEqual(result.perTurn.reduce(0) { $0 + $1.turnsWithFiller }, result.turnsWithFiller)
        XCTAssertEqual(result.perTurn.map(\.reEngagementsAfter), [0, 0])
        let silent = try MonteCarlo.run(settings: settings, script: ScriptReader.read(script + "silence 7.5\nuser: Hello?\n", file: "t.sim"),
                                        runs: 50, seed: 5, llmLatency: LatencyDistribution.parse("median=1,p95=3"))
        XCTAssertEqual(silent.perTurn.map(\.reEngagementsAfter), [0, 50, 0], "the 7.5 s silence after turn 2 passes the 7 s turn timeout")
        XCTAssertEqual(silent.reEngagements, 50)
        let text = MonteCarloTextRenderer.render(result)
        XCTAssertTrue(text.contains("per caller turn (seconds from the caller stopping)\n  turn  line   calls  first audio p50   p95  answer p50   p95  with filler  re-engagements after\n     1     1     300             2.68  2.68        3.18  3.18       100.0%                     0\n"), text)
    }

    func testSweepGivesOneRowPerValueAndOffTurnsTheTimerOff() throws {
        let sweep = try Sweep.parse("turn.soft_timeout_config.timeout_seconds=1,2.5,off")
        let rows = try sweep.run(settings: settings, script: ScriptReader.read(script, file: "t.sim"), assumptions: Assumptions(),
                                 runs: nil, seed: 1, llmLatency: LatencyDistribution.parse("median=1,p95=2"), drawScriptedLatencies: false)
        XCTAssertEqual(rows.map(\.value), ["1", "2.5", "off"])
        XCTAssertEqual(rows.map { $0.report.turnsWithFiller }, [1, 0, 0], "1 s: the 2.5 s reply gets a filler, the 1 s reply ties and does not; 2.5 s: both tie or beat it")
        XCTAssertEqual(rows.map { $0.report.settings.turn.soft_timeout_config.timeout_seconds }, [1, 2.5, -1])
        let text = SweepTextRenderer.render(sweep, rows: rows)
        XCTAssertTrue(text.contains("\n  off  "), text)
        XCTAssertEqual(text.split(separator: "\n").count, 6)
    }

    func testSweepOverAnAssumptionAndBadSweeps() throws {
        XCTAssertEqual(try Sweep.parse("llm_latency=1,2").values, ["1", "2"])
        let cases = [
            ("turn.turn_eagerness=1", "is not a numeric setting"),
            ("turn.turn_timeout=5,x", "expected a number or off, found 'x'"),
            ("tts.speed=off", "'off' is only for timers"),
            ("turn.soft_timeout_config.max_soft_timeouts_per_generation=1.5", "expected a whole number of at least 1"),
            ("llm_latency=fast", "needs a number of seconds"),
            ("turn.turn_timeout", "expected path=value,value"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try Sweep.parse(text), text) { XCTAssertTrue(($0 as! SimulatorError).message.contains(message), "\($0)") }
        }
    }
}

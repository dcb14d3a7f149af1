import ConfigModel
import Foundation
import XCTest
@testable import Simulator

/// The `expect` grammar: what it reads, what it refuses (located), and both sides of every comparison.
final class ExpectationTests: XCTestCase {
    private var settings: SimulationSettings {
        var settings = SimulationSettings()
        settings.agent.first_message = "Hello, how can I help?"
        settings.turn.soft_timeout_config.timeout_seconds = 2
        return settings
    }

    /// Reply latency 2.5 s: the gap is 0.6 + 2 + 0.075 = 2.675 s (the filler), the answer 0.6 + 2.5 + ... after it.
    private func results(_ expectations: String, latency: String = "2.5") throws -> [ExpectationResult] {
        let script = try ScriptReader.read("\(expectations)\nuser: Can I book a cleaning?\nagent \(latency): Yes, which day?\n", file: "t.sim")
        return ExpectationCheck.evaluate(try Simulation.run(settings: settings, script: script))
    }

    func testEachFormReadsAndIsAboutTheUserLineBelow() throws {
        let script = try ScriptReader.read("""
        expect gap <= 1.5
        expect p95 answer < 3
        # a comment between
        expect fillers 0
        user: Hi.
        expect no interruption
        expect interruption
        user: Hello?
        expect re_engagements >= 1
        expect call_end silence_timeout before 60
        """, file: "t.sim")
        XCTAssertEqual(script.lines.count, 2, "expect lines are not events")
        XCTAssertEqual(script.expectations.map(\.description), [
            "gap <= 1.5 s", "p95 answer < 3 s", "fillers = 0", "no interruption", "interruption", "re_engagements >= 1",
            "call_end silence_timeout before 60",
        ])
        XCTAssertEqual(script.expectations.map(\.userLine), [0, 0, 0, 1, 1, nil, nil])
        XCTAssertEqual(script.expectations.map(\.line), [1, 2, 4, 6, 7, 9, 10])
    }

    func testBadExpectationsAreLocated() {
        let text = "expect pizza 3\nexpect gap 3\nexpect call_end nope\nexpect no gap <= 1\nexpect fillers -1\nexpect gap <= 1 s\nuser: Hi.\nexpect fillers 0\n"
        XCTAssertThrowsError(try ScriptReader.read(text, file: "t.sim")) { error in
            let lines = (error as! Diagnostics).problems.map(\.description)
            XCTAssertEqual(lines, [
                "t.sim:1:8: error: [script] expected \(ExpectationReader.grammar) after 'expect', found 'pizza'",
                "t.sim:2:12: error: [script] expected <=, <, >=, > or = after 'gap', found '3'",
                "t.sim:3:17: error: [script] expected how the call ends (script_end, silence_timeout, max_duration), found 'nope'",
                "t.sim:4:8: error: [script] 'no' goes with 'interruption' only",
                "t.sim:5:16: error: [script] expected a whole number after 'fillers', found '-1'",
                "t.sim:6:17: error: [script] unexpected text after the expectation",
                "t.sim:8:1: error: [script] expect fillers = 0 is about the caller turn below it, but no user line follows",
            ])
        }
    }

    func testGapOnBothSidesOfTheLimit() throws {
        XCTAssertEqual(try results("expect gap <= 2.675").map(\.passed), [true])
        let failed = try results("expect gap <= 2.674")
        XCTAssertEqual(failed.map(\.passed), [false])
        XCTAssertEqual(ExpectationRenderer.failures(ScriptCheck(file: "t.sim", results: failed)),
                       "t.sim:1: expected gap <= 2.674 s, found 2.675 s\n")
        XCTAssertEqual(try results("expect gap < 2.675").map(\.passed), [false])
        XCTAssertEqual(try results("expect gap > 2.674").map(\.passed), [true])
    }

    func testAnswerFillersAndInterruption() throws {
        XCTAssertEqual(try results("expect answer <= 3.175").map(\.passed), [true], "0.6 + 2.5 + 0.075")
        XCTAssertEqual(try results("expect answer <= 3.174").map(\.passed), [false])
        XCTAssertEqual(try results("expect fillers 1").map(\.passed), [true])
        XCTAssertEqual(try results("expect fillers 0", latency: "1.99").map(\.passed), [true])
        XCTAssertEqual(try results("expect fillers 0").map(\.found), ["1"])
        XCTAssertEqual(try results("expect no interruption").map(\.passed), [true])
        XCTAssertEqual(try results("expect interruption").map(\.found), ["line 2 does not interrupt"])
    }

    func testCallEndAndReEngagements() throws {
        var quiet = settings
        quiet.turn.silence_end_call_timeout = 10
        let script = { (silence: String) in try ScriptReader.read("expect call_end silence_timeout before 20\nexpect re_engagements 1\nuser: Hi.\nagent 1: Hello.\nsilence \(silence)\nuser: Still here.\n", file: "t.sim") }
        let ended = ExpectationCheck.evaluate(try Simulation.run(settings: quiet, script: script("12")))
        XCTAssertEqual(ended.map(\.passed), [true, true], "\(ended)")
        let kept = ExpectationCheck.evaluate(try Simulation.run(settings: quiet, script: script("6")))
        XCTAssertEqual(kept.map(\.passed), [false, false])
        XCTAssertTrue(kept[0].found.hasPrefix("script_end at"), kept[0].found)
    }

    func testPercentilesAndEveryRunOverManyCalls() throws {
        let script = try ScriptReader.read("expect p50 gap <= 2.7\nexpect p99 answer <= 2.7\nexpect gap <= 10\nuser: Hi.\nagent: Hello.\n", file: "t.sim")
        let report = try MonteCarlo.run(settings: settings, script: script, runs: 400, seed: 3,
                                        llmLatency: LatencyDistribution.parse("median=1.2,p95=4"))
        XCTAssertEqual(report.expectations.map(\.passed), [true, false, true])
        XCTAssertTrue(report.expectations[1].found.hasPrefix("p99 "), report.expectations[1].found)
        XCTAssertEqual(report.expectations[2].found, "it held in all 400 runs")
        XCTAssertTrue(ExpectationRenderer.message(report.expectations[2]).contains("in every run"))
    }

    func testGitHubAnnotationsAndJUnitXML() throws {
        let check = ScriptCheck(file: "scripts/a,b.sim", results: try results("expect gap <= 1\nexpect fillers 1"))
        XCTAssertEqual(ExpectationRenderer.github([check]),
                       "::error file=scripts/a%2Cb.sim,line=1,col=1,title=expect gap <= 1 s::expected gap <= 1 s, found 2.675 s\n")
        let xml = ExpectationRenderer.junit([check, ScriptCheck(file: "b.sim", results: [],
                                                                error: .error(.script, "\"bad\" <line>", at: SourceMark(file: "b.sim", line: 1, column: 1)))])
        let (counter, wellFormed) = ElementCounter.parse(xml)
        XCTAssertTrue(wellFormed, xml)
        XCTAssertEqual(counter.names["testsuite"], 2)
        XCTAssertEqual(counter.names["testcase"], 3)
        XCTAssertEqual(counter.names["failure"], 1)
        XCTAssertEqual(counter.names["error"], 1)
        XCTAssertEqual(counter.attributes["testsuites"]?["failures"], "1")
    }
}

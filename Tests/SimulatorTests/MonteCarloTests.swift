import ConfigModel
import Foundation
import TestSupport
import XCTest
@testable import Simulator

final class MonteCarloTests: XCTestCase {
    private let script = """
    user: I need to move my appointment.
    agent: Sure, which day works for you?
    user: Thursday afternoon, if you have anything.
    agent: Thursday at three is free.
    user: Perfect, book it.
    agent: Done. See you Thursday at three.
    """

    private func settings(softTimeout: Double) -> SimulationSettings {
        var settings = SimulationSettings()
        settings.agent.first_message = "Hello, how can I help?"
        settings.turn.soft_timeout_config.timeout_seconds = softTimeout
        return settings
    }

    private func report(softTimeout: Double = 3, seed: UInt64 = 7, latency: String = "median=1.2,p95=4", runs: Int = 500) throws -> MonteCarloReport {
        try MonteCarlo.run(settings: settings(softTimeout: softTimeout), script: ScriptReader.read(script, file: "mc.sim"),
                           runs: runs, seed: seed, llmLatency: LatencyDistribution.parse(latency))
    }

    func testSameSeedSameReportDifferentSeedDifferentReport() throws {
        XCTAssertEqual(try report(seed: 7), try report(seed: 7))
        XCTAssertEqual(MonteCarloJSONRenderer.render(try report(seed: 7)), MonteCarloJSONRenderer.render(try report(seed: 7)))
        XCTAssertNotEqual(try report(seed: 7).responseGapP50, try report(seed: 8).responseGapP50)
    }

    /// Pins the generator and the lognormal transform: the same numbers on every platform.
    func testReportIsPinned() throws {
        assertGolden(MonteCarloTextRenderer.render(try report()), named: "monte-carlo.txt")
        assertGolden(MonteCarloJSONRenderer.render(try report()), named: "monte-carlo.json")
    }

    func testPercentilesAreOrderedAndCountsAddUp() throws {
        let result = try report()
        let p50 = try XCTUnwrap(result.responseGapP50), p95 = try XCTUnwrap(result.responseGapP95)
        let p99 = try XCTUnwrap(result.responseGapP99), max = try XCTUnwrap(result.responseGapMax)
        XCTAssertLessThanOrEqual(p50, p95)
        XCTAssertLessThanOrEqual(p95, p99)
        XCTAssertLessThanOrEqual(p99, max)
        XCTAssertEqual(result.turns, 3 * 500)
        XCTAssertEqual(result.callsEndedBy.values.reduce(0, +), 500)
    }

    func testFastRepliesNeverNeedAFillerAndSlowRepliesAlwaysDo() throws {
        let fast = try report(softTimeout: 3, latency: "median=0.3,p95=0.6")
        XCTAssertEqual(fast.turnsWithFiller, 0)
        let slow = try report(softTimeout: 1, latency: "median=4,p95=8")
        XCTAssertEqual(slow.turnsWithFiller, slow.turns)
        XCTAssertLessThanOrEqual(try XCTUnwrap(slow.responseGapMax), 600_000 + 1_000_000 + 75_000, "a filler caps the gap")
    }

    func testSampledLatenciesFollowTheDistribution() {
        var sampler = LognormalLatency(try! LatencyDistribution(median: 1_200_000, p95: 4_000_000), random: RandomSource(seed: 1))
        let samples = (0..<20_000).map { _ in sampler.next() }.sorted()
        XCTAssertEqual(Double(samples[10_000]), 1_200_000, accuracy: 60_000)
        XCTAssertEqual(Double(samples[19_000]), 4_000_000, accuracy: 300_000)
    }

    func testLatencyDistributionParsing() throws {
        XCTAssertEqual(try LatencyDistribution.parse("p95=4,median=1.2"), try LatencyDistribution(median: 1_200_000, p95: 4_000_000))
        let cases = [
            ("median=1.2", "llm latency 'median=1.2': give both median and p95, such as median=1.2,p95=4"),
            ("median=2,p95=1", "llm latency p95 must be at least the median"),
            ("median=0,p95=1", "llm latency median must be more than 0 seconds"),
            ("mean=1,p95=2", "llm latency 'mean=1,p95=2': unknown key 'mean'; expected median and p95"),
            ("median=fast,p95=2", "llm latency 'median=fast,p95=2': expected median=SECONDS,p95=SECONDS such as median=1.2,p95=4"),
        ]
        for (input, message) in cases {
            XCTAssertThrowsError(try LatencyDistribution.parse(input)) { XCTAssertEqual(($0 as? SimulatorError)?.message, message) }
        }
    }

    func testGeneratorKnownAnswers() {
        var random = RandomSource(seed: 42)
        XCTAssertEqual([random.next(), random.next(), random.next()], [1_546_998_764_402_558_742, 6_990_951_692_964_543_102, 12_544_586_762_248_559_009])
    }

    func testPortableMathMatchesTheSystemLibrary() {
        for x in stride(from: 1e-6, through: 1e4, by: 0.731) {
            XCTAssertEqual(PortableMath.log(x), Foundation.log(x), accuracy: 1e-13 * Swift.max(1, abs(Foundation.log(x))))
        }
        for x in stride(from: -30.0, through: 30.0, by: 0.0173) {
            XCTAssertEqual(PortableMath.exp(x), Foundation.exp(x), accuracy: 1e-13 * Foundation.exp(x))
        }
    }

    func testARunThatCannotHappenNamesTheRun() throws {
        let script = try ScriptReader.read("user: Hi.\nagent: Hello there.\nuser @3.5: hello?\n", file: "mc.sim")
        XCTAssertNoThrow(try Simulation.run(settings: SimulationSettings(), script: script), "fine with the scripted latency")
        XCTAssertThrowsError(try MonteCarlo.run(settings: SimulationSettings(), script: script, runs: 10, seed: 1,
                                                llmLatency: LatencyDistribution.parse("median=1,p95=2"))) { error in
            XCTAssertEqual((error as? Diagnostic)?.description, "mc.sim:3:6: error: [script] in run 1 of 10 (seed 1): this line starts at 3.50 s, before the previous line's event at 3.79 s")
        }
    }
}

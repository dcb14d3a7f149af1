import ConfigModel
import XCTest
@testable import Simulator

/// Bad or extreme input gives an error or a bounded result, never a crash or a hang.
final class RobustnessTests: XCTestCase {
    func testEveryAssumptionNameHasACatalogEntry() {
        XCTAssertEqual(Assumption.catalog.map(\.name), AssumptionName.allCases)
    }

    func testNonASCIIDigitsAreRejectedNotTrapped() {
        XCTAssertThrowsError(try ScriptReader.read("silence 5\u{303}\nagent \u{0661}: hi\n", file: "u.sim")) { error in
            XCTAssertEqual((error as? Diagnostics)?.problems.count, 2)
        }
    }

    func testRandomLinesNeverCrashTheReader() {
        var random = RandomSource(seed: 3)
        let alphabet = Array("user agent silence :+@#.0123456789 \t\r\n-é\u{303}\u{0661}xyz")
        var scripts = 0, located = 0
        for _ in 0..<3_000 {
            let length = Int(random.next() % 40)
            let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            let lineCount = max(1, text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).count)
            do {
                let script = try ScriptReader.read(text, file: "fuzz.sim")
                scripts += 1
                var settings = SimulationSettings()
                settings.conversation.max_duration_seconds = 120
                do { _ = try Simulation.run(settings: settings, script: script) } catch {
                    XCTAssertTrue(error is Diagnostic || error is SimulatorError, "\(text.debugDescription): \(error)")
                }
            } catch {
                // Every input that is not a script ends in at least one problem at a real place in it.
                XCTAssertFalse(error.problems.isEmpty, text.debugDescription)
                for problem in error.problems {
                    XCTAssertEqual(problem.mark.file, "fuzz.sim")
                    XCTAssertTrue((1...lineCount).contains(problem.mark.line) && problem.mark.column >= 1, "\(text.debugDescription): \(problem)")
                }
                located += 1
            }
        }
        XCTAssertEqual(scripts + located, 3_000)
        XCTAssertGreaterThan(scripts, 100, "the alphabet must also make valid scripts, or the run proves little")
        XCTAssertGreaterThan(located, 100)
    }

    func testExtremeSettingsStayBounded() throws {
        var settings = SimulationSettings()
        settings.turn.soft_timeout_config.timeout_seconds = 0.5
        settings.turn.soft_timeout_config.max_soft_timeouts_per_generation = 1_000_000
        settings.tts.speed = 1e-300
        let script = try ScriptReader.read("user: hello\nagent 30: hi\n", file: "x.sim")
        let timeline = try Simulation.run(settings: settings, script: script)
        XCTAssertEqual(timeline.events.last?.kind, .callEnd(.maxDuration))
    }

    func testExtremeLatencyDistributionStaysBounded() throws {
        let script = try ScriptReader.read("user: hello\nagent: hi\nuser: bye\n", file: "x.sim")
        let report = try MonteCarlo.run(settings: SimulationSettings(), script: script, runs: 50, seed: 9,
                                        llmLatency: LatencyDistribution.parse("median=0.000001,p95=999999999"))
        XCTAssertEqual(report.callsEndedBy.values.reduce(0, +), 50)
    }

    func testNoTimeLimitAndAnEndlessSilenceIsAnErrorNotAHang() throws {
        var settings = SimulationSettings()
        settings.conversation.max_duration_seconds = 0
        settings.turn.turn_timeout = 1
        let script = try ScriptReader.read("silence 999999999\n", file: "long.sim")
        XCTAssertThrowsError(try Simulation.run(settings: settings, script: script)) { error in
            XCTAssertEqual((error as? Diagnostic)?.description, "long.sim:1:1: error: [script] the call did not end after 1000000 events; set conversation.max_duration_seconds")
        }
    }

    func testNonFiniteSettingsAreErrors() {
        var settings = SimulationSettings()
        settings.turn.turn_timeout = .infinity
        XCTAssertThrowsError(try Simulation.run(settings: settings, script: Script(file: "x", lines: []))) { error in
            XCTAssertEqual((error as? SimulatorError)?.message, "turn.turn_timeout must be a finite number of seconds")
        }
    }
}

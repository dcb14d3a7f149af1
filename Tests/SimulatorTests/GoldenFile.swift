import Foundation
import XCTest
@testable import Simulator

/// Compares output with `Golden/<name>`; `AGENTCTL_RECORD_GOLDEN=1` rewrites the file (and fails, so a recording is never a pass).
func assertGolden(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["AGENTCTL_RECORD_GOLDEN"] == "1" {
        XCTAssertNoThrow(try actual.write(to: url, atomically: true, encoding: .utf8), file: file, line: line)
        XCTFail("recorded \(name); run again without AGENTCTL_RECORD_GOLDEN", file: file, line: line)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        XCTFail("missing golden file \(name); record it with AGENTCTL_RECORD_GOLDEN=1", file: file, line: line)
        return
    }
    if actual != expected {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(actualLines.count, expectedLines.count)
        let got = first < actualLines.count ? String(actualLines[first]) : "<end>"
        let want = first < expectedLines.count ? String(expectedLines[first]) : "<end>"
        XCTFail("\(name) differs at line \(first + 1):\n  expected: \(want)\n  actual:   \(got)", file: file, line: line)
    }
}

/// Simulates `script` with `settings` and pins the text timeline in `Golden/<name>.txt`.
func assertTimeline(_ name: String, _ settings: SimulationSettings, _ script: String, assumptions: Assumptions = Assumptions(),
                    file: StaticString = #filePath, line: UInt = #line) throws {
    let parsed = try ScriptReader.read(script, file: name + ".sim")
    let timeline = try Simulation.run(settings: settings, script: parsed, assumptions: assumptions)
    assertGolden(TimelineTextRenderer.render(timeline), named: name + ".txt", file: file, line: line)
}

/// The events of a simulated call, for assertions on single facts next to the golden files.
func events(_ settings: SimulationSettings, _ script: String) throws -> [TimelineEvent] {
    try Simulation.run(settings: settings, script: ScriptReader.read(script, file: "test.sim")).events
}

func names(_ events: [TimelineEvent]) -> [String] { events.map(\.kind.name) }

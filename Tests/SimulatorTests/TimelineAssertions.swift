import Foundation
import TestSupport
import XCTest
@testable import Simulator

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

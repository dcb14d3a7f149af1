import Foundation
import Simulator

/// `simulate` on a terminal with no script: each typed line is the user speaking, the timeline prints as it unfolds.
struct InteractiveSession {
    let settings: SimulationSettings
    let assumptions: Assumptions

    func run() throws {
        var simulation = try InteractiveSimulation(settings: settings, assumptions: assumptions)
        Terminal.output(TimelineTextRenderer.header(simulation.timeline))
        Terminal.error("Type what the caller says. /silence N waits N seconds, /latency S sets the LLM latency, /quit ends.")
        show(simulation.timeline.events, in: simulation)
        while !simulation.hasEnded {
            FileHandle.standardError.write(Data("> ".utf8))
            guard let line = readLine() else { break }
            let words = line.split(separator: " ", maxSplits: 1).map(String.init)
            do {
                switch words.first {
                case "/quit"?: break
                case "/silence"?: show(try simulation.staySilent(for: number(words)), in: simulation); continue
                case "/latency"?: try simulation.setLatency(seconds: number(words)); continue
                case nil: continue
                default: show(try simulation.say(line), in: simulation); continue
                }
                break
            } catch {
                Terminal.error("\(error)")
            }
        }
        if !simulation.hasEnded { show((try? simulation.hangUp()) ?? [], in: simulation) }
        Terminal.output(TimelineTextRenderer.summary(simulation.timeline))
    }

    private func number(_ words: [String]) throws -> Double {
        guard words.count == 2, let value = Double(words[1]) else {
            throw InputError("expected a number of seconds, e.g. /silence 5")
        }
        return value
    }

    private func show(_ events: [TimelineEvent], in simulation: InteractiveSimulation) {
        for event in events { Terminal.output(TimelineTextRenderer.line(for: event, in: simulation.timeline) + "\n") }
    }
}

/// A line typed at the prompt that is not understood.
struct InputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

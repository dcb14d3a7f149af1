import ConfigModel
import Foundation
import Simulator

/// `simulate` on a terminal with no script: each typed line is the user speaking (or any script line), the
/// timeline prints as it unfolds.
struct InteractiveSession {
    let settings: SimulationSettings
    let assumptions: Assumptions
    let quiet: Bool

    static let commands = [
        ("/silence N", "the caller stays silent for N seconds"),
        ("/latency S", "LLM latency for the replies from now on"),
        ("/save FILE", "write the session so far as a script that replays it"),
        ("/help", "this list"),
        ("/quit", "hang up and print the summary"),
    ]

    func run() throws {
        var simulation = try InteractiveSimulation(settings: settings, assumptions: assumptions)
        Terminal.output(quiet ? TimelineTextRenderer.warningsSection(settings.warnings) : TimelineTextRenderer.header(simulation.timeline))
        Terminal.error("Type what the caller says, or any script line (user +0.5: ..., agent 2: ..., silence 5). /help lists the commands.")
        show(simulation.timeline.events, in: simulation)
        while !simulation.hasEnded {
            FileHandle.standardError.write(Data("> ".utf8))
            guard let line = readLine() else { break }
            do {
                guard try handle(line.trimmingCharacters(in: .whitespaces), in: &simulation) else { break }
            } catch {
                Terminal.error("\(error)")
            }
        }
        if !simulation.hasEnded { show((try? simulation.hangUp()) ?? [], in: simulation) }
        Terminal.output(TimelineTextRenderer.summary(simulation.timeline))
    }

    /// One typed line; false ends the session.
    private func handle(_ line: String, in simulation: inout InteractiveSimulation) throws -> Bool {
        let words = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let first = words.first else { return true }
        switch first {
        case "/quit": return false
        case "/silence": show(try simulation.staySilent(for: number(words)), in: simulation)
        case "/latency": try simulation.setLatency(seconds: number(words))
        case "/save": try save(words, simulation)
        case "/help": Terminal.error(Self.help)
        case _ where first.hasPrefix("/"):
            throw InputError("unknown command \(first); the commands are:\n" + Self.help)
        default:
            if let scriptLine = try Self.scriptLine(line, number: simulation.timeline.script.lines.count + 1) {
                let shownUntil = simulation.timeline.events.last?.t ?? 0
                let events = try simulation.feed(scriptLine)
                if let first = events.first, first.t < shownUntil {
                    Terminal.error("(the line starts before the call got there: the call replays from \(Seconds.format(first.t, decimals: 2)) s)")
                }
                show(events, in: simulation)
            } else {
                show(try simulation.say(line), in: simulation)
            }
        }
        return true
    }

    /// A typed line in script syntax (`user +0.5: ...`, `agent 2: ...`, `silence 5`); nil for plain speech.
    static func scriptLine(_ text: String, number: Int) throws -> ScriptLine? {
        let keyword = text.prefix { $0.isLetter }
        let second = text.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        let subjects = ["gap", "answer", "fillers", "re_engagements", "interruption", "no", "call_end"]
        if keyword == "expect" && (subjects.contains(second) || second.first == "p" && second.dropFirst().allSatisfy(\.isNumber)) {
            throw InputError("expect lines belong in a script file: run it with --script, or a folder with --check")
        }
        guard ["user", "agent", "silence"].contains(keyword) else { return nil }
        let rest = text.dropFirst(keyword.count).drop { $0 == " " }
        guard let next = rest.first, next == ":" || next == "+" || next == "@" || next.isNumber || rest.hasPrefix("spelling") else {
            return nil
        }
        return try ScriptReader.readLine(text, number: number, file: "<typed>")
    }

    private func save(_ words: [String], _ simulation: InteractiveSimulation) throws {
        guard words.count == 2 else { throw InputError("expected a file name, e.g. /save call.sim") }
        let header = "# Saved from an interactive session of agentctl simulate; replay it with --script.\n"
        try AtomicFile.write(ScriptWriter.text(of: simulation.timeline, header: header), to: words[1])
        Terminal.error("saved \(words[1])")
    }

    static var help: String {
        commands.map { "  " + $0.0.padding(toLength: 12, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }

    private func number(_ words: [String]) throws -> Double {
        guard words.count == 2, let value = Double(words[1]) else {
            throw InputError("expected a number of seconds, e.g. \(words[0]) 5")
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

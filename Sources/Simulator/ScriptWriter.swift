/// Writes a simulated call back as a script that replays it: the lines as given, plus an `agent LATENCY:` line
/// for every reply or re-engagement the simulator had to make up, so latencies set with `/latency` survive.
public enum ScriptWriter {
    public static func text(of timeline: Timeline, header: String) -> String {
        let lines = timeline.script.lines
        var inserted = [[String]](repeating: [], count: lines.count + 1)
        var latestStimulus = -1
        var turnLatestLine: [Int: Int] = [:]
        // The latest made-up request of each purpose: the engine has one request in flight at a time.
        var pending: [Generation.Purpose: (generation: Generation, latency: Microseconds, stimulus: Int)] = [:]
        for event in timeline.events {
            switch event.kind {
            case .userSpeechStart(let line), .userSilence(let line, _): latestStimulus = line
            case .userTurnEnd(let turn, _, _, let range): turnLatestLine[turn] = range.upperBound
            case .llmRequest(let generation, let latency) where generation.line == nil:
                pending[generation.purpose] = (generation, latency, latestStimulus)
            case .agentSpeechStart(let speech):
                let purpose: Generation.Purpose
                switch speech {
                case .reply(nil): purpose = .reply
                case .reEngagement(nil): purpose = .reEngagement
                default: continue
                }
                guard let (generation, latency, stimulus) = pending.removeValue(forKey: purpose) else { continue }
                // A reply goes below its turn's latest user line, a re-engagement below the line before its request.
                let below = generation.turn.flatMap { turnLatestLine[$0] } ?? stimulus
                let (text, _) = timeline.text(of: speech)
                inserted[below + 1].append("agent \(Seconds.shortest(latency)): \(text)")
            default: continue
            }
        }
        var output = header
        for index in 0...lines.count {
            output += inserted[index].map { $0 + "\n" }.joined()
            if index < lines.count { output += lines[index].source + "\n" }
        }
        return output
    }
}

extension ScriptLine {
    /// The line in script syntax: `user +0.5 spelling: ...`, `agent 2: ...`, `silence 20`.
    public var source: String {
        switch kind {
        case .user(let text, let timing):
            var prefix = "user"
            switch timing {
            case .whenFloorIsFree: break
            case .after(let offset): prefix += " +\(Seconds.shortest(offset))"
            case .at(let time): prefix += " @\(Seconds.shortest(time))"
            }
            return prefix + (spelling ? " spelling" : "") + ": " + text
        case .agent(let text, let latency):
            return "agent" + (latency.map { " \(Seconds.shortest($0))" } ?? "") + ": " + text
        case .silence(let duration):
            return "silence \(Seconds.shortest(duration))"
        }
    }
}

/// Many simulated calls of one script with LLM latencies drawn from a distribution.
public enum MonteCarlo {
    /// Runs `runs` calls in order from one seeded generator: the same inputs give the same report everywhere.
    /// Requests answered by an `agent` line with a latency keep it unless `drawScriptedLatencies`; all others draw.
    public static func run(settings: SimulationSettings, script: Script, assumptions: Assumptions = Assumptions(),
                           runs: Int, seed: UInt64, llmLatency: LatencyDistribution,
                           drawScriptedLatencies: Bool = false) throws -> MonteCarloReport {
        guard runs > 0 else { throw SimulatorError("the number of runs must be at least 1") }
        let config = try CallConfig(settings: settings, assumptions: assumptions)
        let prepared = PreparedScript(script, config: config)
        var latency = LatencySource.sampled(LognormalLatency(llmLatency, random: RandomSource(seed: seed)),
                                            keepScripted: !drawScriptedLatencies)
        var summary = CallSummary()
        var tally = Tally()
        var expectations = ExpectationTally(script.expectations)
        for run in 1...runs {
            var engine = CallEngine(config: config, script: prepared, sink: summary, latency: latency)
            do {
                try engine.run()
            } catch let problem {
                throw problem.prefixed("in run \(run) of \(runs) (seed \(seed)): ")
            }
            latency = engine.latency
            summary = engine.sink
            tally.add(summary)
            if !expectations.expectations.isEmpty { expectations.add(summary) }
            summary.reset()
        }
        let scriptLatencies = drawScriptedLatencies || !script.lines.contains { if case .agent(_, _?) = $0.kind { true } else { false } }
            ? "every request" : "requests without a latency in the script; script latencies kept"
        tally.sortValues()
        return MonteCarloReport(settings: settings, assumptions: assumptions, script: script, runs: runs, seed: seed,
                                llmLatency: llmLatency, latencyUse: scriptLatencies, tally: tally,
                                expectations: expectations.results)
    }
}

extension MonteCarlo {
    /// One call with the script's own latencies, reported like many (a sweep without `--runs`).
    static func once(settings: SimulationSettings, script: Script, assumptions: Assumptions) throws -> MonteCarloReport {
        let timeline = try Simulation.run(settings: settings, script: script, assumptions: assumptions)
        var tally = Tally()
        tally.add(timeline.summary)
        tally.sortValues()
        var expectations = ExpectationTally(script.expectations)
        expectations.add(timeline.summary)
        return MonteCarloReport(settings: settings, assumptions: assumptions, script: script, runs: 1, seed: 0,
                                llmLatency: nil, latencyUse: "one call with the script's latencies",
                                tally: tally, expectations: expectations.results)
    }
}

/// Counts gathered over all runs, overall and per caller turn (the n-th turn of each call).
struct Tally {
    struct TurnTally {
        /// The turn's first user line (index in `Script.lines`) the first time it was seen.
        let firstLine: Int
        var count = 0
        var gaps: [Microseconds] = []
        var answers: [Microseconds] = []
        var withFiller = 0
        var reEngagementsAfter = 0
    }

    var turns = 0
    var turnsWithFiller = 0
    var reEngagements = 0
    var callsWithReEngagement = 0
    var callsEndedBy = [Int](repeating: 0, count: CallEndReason.allCases.count)
    var perTurn: [TurnTally] = []

    mutating func add(_ summary: CallSummary) {
        turns += summary.turns.count
        for (index, turn) in summary.turns.enumerated() {
            if index == perTurn.count { perTurn.append(TurnTally(firstLine: turn.lines.lowerBound)) }
            perTurn[index].count += 1
            if let gap = turn.responseGap { perTurn[index].gaps.append(gap) }
            if let reply = turn.replyAt { perTurn[index].answers.append(reply - turn.userStoppedAt) }
            perTurn[index].reEngagementsAfter += turn.reEngagementsAfter
            if turn.fillers > 0 {
                turnsWithFiller += 1
                perTurn[index].withFiller += 1
            }
        }
        reEngagements += summary.reEngagements
        if summary.reEngagements > 0 { callsWithReEngagement += 1 }
        if let reason = summary.endReason { callsEndedBy[CallEndReason.allCases.firstIndex(of: reason)!] += 1 }
    }

    /// Sorts each turn's values once; the overall values are the sorted runs joined, which the standard library's
    /// run-detecting sort merges cheaply.
    mutating func sortValues() {
        for index in perTurn.indices {
            perTurn[index].gaps.sort()
            perTurn[index].answers.sort()
        }
    }

    var responseGaps: [Microseconds] { perTurn.flatMap(\.gaps).sorted() }
    var answers: [Microseconds] { perTurn.flatMap(\.answers).sorted() }
}

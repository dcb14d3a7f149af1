/// Many simulated calls of one script with LLM latencies drawn from a distribution.
public enum MonteCarlo {
    /// Runs `runs` calls in order from one seeded generator: the same inputs give the same report everywhere.
    /// Every LLM request draws its latency; latencies written in the script are not used.
    public static func run(settings: SimulationSettings, script: Script, assumptions: Assumptions = Assumptions(),
                           runs: Int, seed: UInt64, llmLatency: LatencyDistribution) throws -> MonteCarloReport {
        guard runs > 0 else { throw SimulatorError("the number of runs must be at least 1") }
        let config = try CallConfig(settings: settings, assumptions: assumptions)
        let prepared = PreparedScript(script, config: config)
        var latency = LatencySource.sampled(LognormalLatency(llmLatency, random: RandomSource(seed: seed)))
        var summary = CallSummary()
        var tally = Tally()
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
            summary.reset()
        }
        return MonteCarloReport(settings: settings, assumptions: assumptions, scriptFile: script.file, runs: runs,
                                seed: seed, llmLatency: llmLatency, tally: tally)
    }
}

/// Counts gathered over all runs.
struct Tally {
    var responseGaps: [Microseconds] = []
    var turns = 0
    var turnsWithFiller = 0
    var reEngagements = 0
    var callsWithReEngagement = 0
    var callsEndedBy = [Int](repeating: 0, count: CallEndReason.allCases.count)

    mutating func add(_ summary: CallSummary) {
        turns += summary.turns.count
        for turn in summary.turns {
            if let gap = turn.responseGap { responseGaps.append(gap) }
            if turn.fillers > 0 { turnsWithFiller += 1 }
        }
        reEngagements += summary.reEngagements
        if summary.reEngagements > 0 { callsWithReEngagement += 1 }
        if let reason = summary.endReason { callsEndedBy[CallEndReason.allCases.firstIndex(of: reason)!] += 1 }
    }
}

/// The distributions a team reads to pick `timeout_seconds`: response gaps, filler share, re-engagements, endings.
public struct MonteCarloReport: Equatable, Sendable {
    public let settings: SimulationSettings
    public let assumptions: Assumptions
    public let scriptFile: String
    public let runs: Int
    public let seed: UInt64
    public let llmLatency: LatencyDistribution
    /// User turns over all calls.
    public let turns: Int
    /// Turns that got agent audio (the others ended with the call).
    public let answeredTurns: Int
    /// Response gap (user stops -> first agent audio) percentiles by nearest rank; nil without answered turns.
    public let responseGapP50: Microseconds?
    public let responseGapP95: Microseconds?
    public let responseGapP99: Microseconds?
    public let responseGapMax: Microseconds?
    public let turnsWithFiller: Int
    public let reEngagements: Int
    public let callsWithReEngagement: Int
    /// Calls per ending, in `CallEndReason.allCases` order.
    public let callsEndedBy: [CallEndReason: Int]

    init(settings: SimulationSettings, assumptions: Assumptions, scriptFile: String, runs: Int, seed: UInt64,
         llmLatency: LatencyDistribution, tally: Tally) {
        self.settings = settings
        self.assumptions = assumptions
        self.scriptFile = scriptFile
        self.runs = runs
        self.seed = seed
        self.llmLatency = llmLatency
        turns = tally.turns
        let gaps = tally.responseGaps.sorted()
        answeredTurns = gaps.count
        func percentile(_ p: Int) -> Microseconds? {
            gaps.isEmpty ? nil : gaps[max(0, (gaps.count * p + 99) / 100 - 1)]
        }
        responseGapP50 = percentile(50)
        responseGapP95 = percentile(95)
        responseGapP99 = percentile(99)
        responseGapMax = gaps.last
        turnsWithFiller = tally.turnsWithFiller
        reEngagements = tally.reEngagements
        callsWithReEngagement = tally.callsWithReEngagement
        var endings: [CallEndReason: Int] = [:]
        for (index, reason) in CallEndReason.allCases.enumerated() { endings[reason] = tally.callsEndedBy[index] }
        callsEndedBy = endings
    }

    /// `part / whole` in millionths, rounded, so shares print identically everywhere.
    static func share(_ part: Int, of whole: Int) -> Microseconds {
        whole == 0 ? 0 : (Microseconds(part) * 1_000_000 + Microseconds(whole) / 2) / Microseconds(whole)
    }
}

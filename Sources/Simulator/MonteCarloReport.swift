/// Nearest-rank percentiles of a set of times; nil when the set is empty.
public struct Percentiles: Equatable, Sendable {
    public let p50: Microseconds?
    public let p95: Microseconds?
    public let p99: Microseconds?
    public let max: Microseconds?

    /// `sorted` must be in ascending order.
    init(sorted: [Microseconds]) {
        func percentile(_ p: Int) -> Microseconds? {
            sorted.isEmpty ? nil : sorted[Swift.max(0, (sorted.count * p + 99) / 100 - 1)]
        }
        p50 = percentile(50)
        p95 = percentile(95)
        p99 = percentile(99)
        max = sorted.last
    }
}

/// The distributions a team reads to pick `timeout_seconds`: response gaps and answers, overall and per caller
/// turn, filler share, re-engagements, endings.
public struct MonteCarloReport: Equatable, Sendable {
    /// The n-th caller turn over all calls.
    public struct TurnReport: Equatable, Sendable {
        public let number: Int
        /// The 1-based script line the turn started with (in the first call that reached it).
        public let line: Int
        public let count: Int
        /// Caller stops -> first agent audio (a filler or the reply).
        public let firstAudio: Percentiles
        /// Caller stops -> the reply itself.
        public let answer: Percentiles
        public let turnsWithFiller: Int
        /// Re-engagements after this turn's reply, over all calls.
        public let reEngagementsAfter: Int
    }

    public let settings: SimulationSettings
    public let assumptions: Assumptions
    public let scriptFile: String
    public let runs: Int
    public let seed: UInt64
    /// nil: one call with the script's latencies (a sweep without runs).
    public let llmLatency: LatencyDistribution?
    /// Which requests drew their latency, in words for the header.
    public let latencyUse: String
    /// User turns over all calls.
    public let turns: Int
    /// Turns that got agent audio (the others ended with the call).
    public let answeredTurns: Int
    /// Response gap (user stops -> first agent audio) percentiles by nearest rank; nil without answered turns.
    public let responseGapP50: Microseconds?
    public let responseGapP95: Microseconds?
    public let responseGapP99: Microseconds?
    public let responseGapMax: Microseconds?
    /// User stops -> the real answer (fillers do not count).
    public let answer: Percentiles
    public let perTurn: [TurnReport]
    public let turnsWithFiller: Int
    public let reEngagements: Int
    public let callsWithReEngagement: Int
    /// Calls per ending, in `CallEndReason.allCases` order.
    public let callsEndedBy: [CallEndReason: Int]
    /// The script's `expect` lines over all runs.
    public let expectations: [ExpectationResult]

    init(settings: SimulationSettings, assumptions: Assumptions, script: Script, runs: Int, seed: UInt64,
         llmLatency: LatencyDistribution?, latencyUse: String, tally: Tally, expectations: [ExpectationResult]) {
        self.settings = settings
        self.assumptions = assumptions
        self.scriptFile = script.file
        self.runs = runs
        self.seed = seed
        self.llmLatency = llmLatency
        self.latencyUse = latencyUse
        self.expectations = expectations
        turns = tally.turns
        let allGaps = tally.responseGaps
        answeredTurns = allGaps.count
        let gaps = Percentiles(sorted: allGaps)
        responseGapP50 = gaps.p50
        responseGapP95 = gaps.p95
        responseGapP99 = gaps.p99
        responseGapMax = gaps.max
        answer = Percentiles(sorted: tally.answers)
        perTurn = tally.perTurn.enumerated().map { index, turn in
            TurnReport(number: index + 1, line: script.lines[turn.firstLine].line, count: turn.count,
                       firstAudio: Percentiles(sorted: turn.gaps), answer: Percentiles(sorted: turn.answers), turnsWithFiller: turn.withFiller,
                       reEngagementsAfter: turn.reEngagementsAfter)
        }
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

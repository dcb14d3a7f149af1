/// Whether an expectation held, and what the call showed instead: `expected gap <= 1.5 s, found 2.31 s`.
public struct ExpectationResult: Equatable, Sendable {
    public let expectation: Expectation
    public let passed: Bool
    public let found: String
    /// Over many runs without a percentile, the expectation had to hold in every one.
    public var inEveryRun = false
}

extension Expectation {
    /// The caller turn that `userLine` spoke in, if the call got that far.
    private func turn(in summary: CallSummary) -> CallSummary.Turn? {
        guard let userLine else { return nil }
        return summary.turns.first { $0.lines.contains(userLine) }
    }

    /// This call's number (microseconds for times, a count otherwise); nil when there is nothing to measure.
    func measure(_ summary: CallSummary) -> Microseconds? {
        switch subject {
        case .gap: return turn(in: summary)?.responseGap
        case .answer: return turn(in: summary).flatMap { turn in turn.replyAt.map { $0 - turn.userStoppedAt } }
        case .fillers: return turn(in: summary).map { Microseconds($0.fillers) }
        case .reEngagements: return Microseconds(summary.reEngagements)
        case .interruption: return summary.interruptingLines.contains(userLine ?? -1) ? 1 : 0
        case .callEnd(let reason, let before):
            return summary.endReason == reason && before.map { summary.endedAt < $0 } ?? true ? 1 : 0
        }
    }

    func holds(_ value: Microseconds?) -> Bool {
        guard let value else { return false }
        switch subject {
        case .interruption(let expected): return (value == 1) == expected
        case .callEnd: return value == 1
        default: return comparison.holds(value, limit)
        }
    }

    /// What one call showed, in the expectation's own terms.
    func found(_ summary: CallSummary, script: Script) -> String {
        let lineNumber = userLine.map { script.lines[$0].line } ?? 0
        switch subject {
        case .interruption:
            return summary.interruptingLines.contains(userLine ?? -1) ? "line \(lineNumber) interrupts the agent" : "line \(lineNumber) does not interrupt"
        case .callEnd:
            guard let reason = summary.endReason else { return "no call end" }
            return "\(reason.rawValue) at \(Seconds.format(summary.endedAt, decimals: 2)) s"
        default:
            guard let value = measure(summary) else {
                return turn(in: summary) == nil ? "no caller turn for line \(lineNumber)" : "no agent audio after line \(lineNumber)"
            }
            return format(value)
        }
    }

    func format(_ value: Microseconds) -> String {
        isTime ? "\(Seconds.shortest(value)) s" : "\(value)"
    }
}

public enum ExpectationCheck {
    /// The expectations of one simulated call.
    public static func evaluate(_ timeline: Timeline) -> [ExpectationResult] {
        let summary = timeline.summary
        return timeline.script.expectations.map { expectation in
            ExpectationResult(expectation: expectation, passed: expectation.holds(expectation.measure(summary)),
                              found: expectation.found(summary, script: timeline.script))
        }
    }
}

/// Expectation values gathered over many runs: every run must hold, or the stated percentile must.
struct ExpectationTally {
    let expectations: [Expectation]
    private var values: [[Microseconds?]]
    private var failures: [Int]
    private var runs = 0

    init(_ expectations: [Expectation]) {
        self.expectations = expectations
        values = expectations.map { _ in [] }
        failures = expectations.map { _ in 0 }
    }

    mutating func add(_ summary: CallSummary) {
        runs += 1
        for (index, expectation) in expectations.enumerated() {
            let value = expectation.measure(summary)
            if !expectation.holds(value) { failures[index] += 1 }
            if expectation.percentile != nil { values[index].append(value) }
        }
    }

    var results: [ExpectationResult] {
        expectations.indices.map { index in
            let expectation = expectations[index]
            guard let percentile = expectation.percentile else {
                let failed = failures[index]
                return ExpectationResult(expectation: expectation, passed: failed == 0,
                                         found: failed == 0 ? "it held in all \(runs) runs" : "it failed in \(failed) of \(runs) runs",
                                         inEveryRun: true)
            }
            // A run without a value (the turn never got audio) ranks above every number.
            let sorted = values[index].map { $0 ?? Seconds.never }.sorted()
            let value = sorted[max(0, (sorted.count * percentile + 99) / 100 - 1)]
            let found = value == Seconds.never ? "p\(percentile) has no value (turn unanswered)" : "p\(percentile) \(expectation.format(value))"
            return ExpectationResult(expectation: expectation, passed: value != Seconds.never && expectation.comparison.holds(value, expectation.limit),
                                     found: found)
        }
    }
}

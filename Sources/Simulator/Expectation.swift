/// One `expect` line of a script: something about the call that must hold (docs/simulator.md, "Expectations").
public struct Expectation: Equatable, Sendable {
    public enum Subject: Equatable, Sendable {
        /// Caller stops -> first agent audio, in the caller turn of `userLine`.
        case gap
        /// Caller stops -> the reply itself (not a filler).
        case answer
        /// Fillers spoken in that caller turn.
        case fillers
        /// Whether that user line interrupts the agent.
        case interruption(expected: Bool)
        /// Re-engagements in the whole call.
        case reEngagements
        /// How the call ends, and optionally before when.
        case callEnd(CallEndReason, before: Microseconds?)
    }

    public enum Comparison: String, Equatable, Sendable, CaseIterable {
        case atMost = "<=", atLeast = ">=", below = "<", above = ">", equal = "="

        func holds(_ found: Microseconds, _ limit: Microseconds) -> Bool {
            switch self {
            case .atMost: found <= limit
            case .atLeast: found >= limit
            case .below: found < limit
            case .above: found > limit
            case .equal: found == limit
            }
        }
    }

    public let subject: Subject
    public let comparison: Comparison
    /// Seconds in microseconds for times, a plain count otherwise.
    public let limit: Microseconds
    /// `p95`: over many runs, the 95th percentile must hold; nil: every run must hold.
    public let percentile: Int?
    /// Index in `Script.lines` of the user line a turn expectation is about (the first one below it).
    public let userLine: Int?
    public let line: Int
    public let column: Int

    /// The expectation as written, normalised: `p95 gap <= 2 s`.
    public var description: String {
        let prefix = percentile.map { "p\($0) " } ?? ""
        switch subject {
        case .gap: return prefix + "gap \(comparison.rawValue) \(Seconds.shortest(limit)) s"
        case .answer: return prefix + "answer \(comparison.rawValue) \(Seconds.shortest(limit)) s"
        case .fillers: return prefix + "fillers \(comparison.rawValue) \(limit)"
        case .reEngagements: return prefix + "re_engagements \(comparison.rawValue) \(limit)"
        case .interruption(let expected): return expected ? "interruption" : "no interruption"
        case .callEnd(let reason, let before):
            return "call_end \(reason.rawValue)" + (before.map { " before \(Seconds.shortest($0))" } ?? "")
        }
    }

    var isAboutATurn: Bool {
        switch subject {
        case .gap, .answer, .fillers, .interruption: true
        case .reEngagements, .callEnd: false
        }
    }

    var isTime: Bool {
        switch subject {
        case .gap, .answer: true
        default: false
        }
    }
}

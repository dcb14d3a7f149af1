/// What a call came to: per user turn the response gap and fillers, plus re-engagements, interruptions and the ending.
public struct CallSummary: Equatable, Sendable, EventSink {
    public struct Turn: Equatable, Sendable {
        public let number: Int
        /// When the user stopped speaking (the last time, if the turn was resumed).
        public var userStoppedAt: Microseconds
        /// The first agent audio after that: a filler or the reply.
        public var firstAudioAt: Microseconds?
        public var replyAt: Microseconds?
        public var fillers = 0
        /// Re-engagements after this turn's reply, before the caller spoke again.
        public var reEngagementsAfter = 0
        /// The turn's user lines (indices in `Script.lines`), first to latest.
        public var lines: ClosedRange<Int>

        /// User stops -> first agent audio.
        public var responseGap: Microseconds? { firstAudioAt.map { $0 - userStoppedAt } }
    }

    public private(set) var turns: [Turn] = []
    public private(set) var reEngagements = 0
    /// Fillers spoken while a re-engagement was being generated.
    public private(set) var reEngagementFillers = 0
    public private(set) var interruptions = 0
    /// The user lines (indices in `Script.lines`) that interrupted the agent.
    public private(set) var interruptingLines: [Int] = []
    public private(set) var ignoredInterruptions = 0
    public private(set) var endReason: CallEndReason?
    public private(set) var endedAt: Microseconds = 0
    private var awaitingReply: Int?

    public init() {}

    public init(events: [TimelineEvent]) {
        for event in events { record(event) }
    }

    public mutating func record(_ event: TimelineEvent) {
        switch event.kind {
        case .userTurnEnd(let number, let stoppedAt, _, let lines):
            if let last = turns.indices.last, turns[last].number == number {
                turns[last].userStoppedAt = stoppedAt
                turns[last].firstAudioAt = nil
                turns[last].lines = min(turns[last].lines.lowerBound, lines.lowerBound)...lines.upperBound
            } else {
                turns.append(Turn(number: number, userStoppedAt: stoppedAt, lines: lines))
            }
            awaitingReply = turns.count - 1
        case .agentSpeechStart(let speech):
            // The closing message at max duration ends the call; it answers nobody.
            guard let index = awaitingReply, speech != .maxDurationMessage else { return }
            if turns[index].firstAudioAt == nil { turns[index].firstAudioAt = event.t }
            if case .reply = speech {
                turns[index].replyAt = event.t
                awaitingReply = nil
            }
        case .softTimeout:
            if let index = awaitingReply { turns[index].fillers += 1 } else { reEngagementFillers += 1 }
        case .turnTimeout:
            reEngagements += 1
            if let last = turns.indices.last { turns[last].reEngagementsAfter += 1 }
        case .interruption(let line):
            interruptions += 1
            interruptingLines.append(line)
        case .interruptionIgnored: ignoredInterruptions += 1
        case .callEnd(let reason):
            endReason = reason
            endedAt = event.t
        default: break
        }
    }

    /// Clears the summary for the next call, keeping its storage (Monte Carlo runs reuse one).
    mutating func reset() {
        turns.removeAll(keepingCapacity: true)
        reEngagements = 0
        reEngagementFillers = 0
        interruptions = 0
        interruptingLines.removeAll(keepingCapacity: true)
        ignoredInterruptions = 0
        endReason = nil
        endedAt = 0
        awaitingReply = nil
    }
}

/// When to look at a test run again: waits that double from `firstWait` up to `longestWait`, and no look after
/// `limit` in all, so a run that never finishes ends the command with a clear error instead of a hang.
public struct PollSchedule: Sendable, Equatable {
    public var firstWait: Duration
    public var longestWait: Duration
    public var limit: Duration

    public init(limit: Duration, firstWait: Duration = .milliseconds(500), longestWait: Duration = .seconds(10)) {
        self.limit = limit
        self.firstWait = firstWait
        self.longestWait = longestWait
    }

    /// The wait before look `number` (1 is the first after the start), `elapsed` since the run started; the last
    /// wait is cut to end at the limit, and nil means the limit is reached: stop.
    public func wait(beforeLook number: Int, elapsed: Duration) -> Duration? {
        let left = limit - elapsed
        guard left > .zero else { return nil }
        var wait = firstWait
        for _ in 1..<max(number, 1) where wait < longestWait { wait = wait * 2 }
        return min(wait, longestWait, left)
    }
}

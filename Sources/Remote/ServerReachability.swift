/// Whether the server still answers, judged from every attempt of a run in the order they end, so a run stops
/// starting requests once the server is gone instead of retrying each of hundreds in turn.
///
/// The server is gone after `threshold` attempts in a row got no answer at all (refused, reset, timed out), at least
/// one of them a retry: a retry comes after a backoff, so a momentary blip that fails every request in flight at
/// once is not enough. Any HTTP answer, even an error status, shows the server is there and starts the count again.
/// Once gone, it stays gone for the run.
public struct ServerReachability: Sendable, Equatable {
    public let threshold: Int
    public private(set) var consecutiveFailures = 0
    private var retryFailed = false
    /// Why the last attempt got no answer ("connection refused").
    public private(set) var lastFailure: String?
    public private(set) var isGone = false

    public init(threshold: Int) {
        self.threshold = max(1, threshold)
    }

    /// Records one attempt: whether any HTTP answer arrived, its number for its request (1 for the first try),
    /// and, when no answer came, why.
    public mutating func record(answered: Bool, attempt: Int, failure: String? = nil) {
        guard !isGone else { return }
        guard !answered else {
            (consecutiveFailures, retryFailed, lastFailure) = (0, false, nil)
            return
        }
        consecutiveFailures += 1
        retryFailed = retryFailed || attempt > 1
        lastFailure = failure
        isGone = consecutiveFailures >= threshold && retryFailed
    }

    /// For messages: "5 attempts in a row got no answer, the last: connection refused".
    public var explanation: String {
        "\(consecutiveFailures) attempts in a row got no answer" + (lastFailure.map { ", the last: \($0)" } ?? "")
    }
}

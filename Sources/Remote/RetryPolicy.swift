import Foundation

/// How often and how long to retry a failed request.
///
/// Bounds: at most `maxAttempts` attempts, each limited by the client's timeout, and at most
/// `maxTotalWait` spent waiting between them; a Retry-After longer than `maxRetryAfter` ends the
/// retries at once rather than stalling a run. After `unreachableAfter` attempts in a row get no answer (see
/// `ServerReachability`), the server is gone and no request is started any more.
public struct RetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var unreachableAfter: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    public var maxRetryAfter: Duration
    public var maxTotalWait: Duration

    public init(maxAttempts: Int = 5, baseDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(8),
                maxRetryAfter: Duration = .seconds(60), maxTotalWait: Duration = .seconds(90), unreachableAfter: Int = 3) {
        self.maxAttempts = max(1, maxAttempts)
        self.unreachableAfter = max(1, unreachableAfter)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.maxTotalWait = maxTotalWait
    }

    public static let none = RetryPolicy(maxAttempts: 1)

    /// Exponential backoff with equal jitter: half of `base * 2^(n-1)` (capped) plus a random half,
    /// so delays grow but concurrent requests spread out. `random` is in 0..<1.
    public func backoff(afterAttempt attempt: Int, random: Double) -> Duration {
        let exponent = Double(min(attempt - 1, 30))
        let ceiling = min(seconds(maxDelay), seconds(baseDelay) * pow(2, exponent))
        return .seconds(ceiling / 2 + ceiling / 2 * random)
    }

    /// The wait for a Retry-After: what the server asked, plus up to 10% so clients do not retry in lockstep.
    public func wait(forRetryAfter requested: Duration, random: Double) -> Duration {
        .seconds(seconds(requested) * (1 + 0.1 * random))
    }

    /// Parses Retry-After: delay-seconds, or an HTTP-date (IMF-fixdate, RFC 850 or asctime) relative to `now`.
    public static func retryAfter(_ value: String, now: Date) -> Duration? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let delay = Double(text), delay.isFinite, delay >= 0 { return .seconds(delay) }
        let formats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"]
        for format in formats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) {
                return .seconds(max(0, date.timeIntervalSince(now)))
            }
        }
        return nil
    }
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

/// Which requests the emulator answers badly, counted over API requests in arrival order (1-based).
/// When several rules pick the same request, the first in `Fault`'s order wins.
public struct FaultPlan: Sendable {
    public enum Fault: String, Sendable, CaseIterable {
        /// Close the connection without answering; the request is not processed.
        case drop = "dropped"
        /// 429 with Retry-After; not processed.
        case rateLimit = "rate_limited"
        /// 500; not processed.
        case serverError = "server_error"
        /// 503; not processed.
        case unavailable = "unavailable"
    }

    /// Milliseconds of delay before every API request: fixed when the bounds are equal, else uniform.
    public var latency: ClosedRange<Int>?
    public var dropEvery: Int?
    public var rateLimitEvery: Int?
    public var serverErrorEvery: Int?
    public var unavailableEvery: Int?
    /// Every N-th request is processed, then its response body is cut short.
    public var malformedEvery: Int?
    public var retryAfterSeconds = 1
    /// Send Retry-After as an HTTP-date instead of seconds.
    public var retryAfterAsDate = false

    public init() {}

    public func fault(forRequest number: Int) -> Fault? {
        let rules: [(Fault, Int?)] = [
            (.drop, dropEvery), (.rateLimit, rateLimitEvery),
            (.serverError, serverErrorEvery), (.unavailable, unavailableEvery),
        ]
        return rules.first { Self.hits(number, $0.1) }?.0
    }

    public func corruptsBody(ofRequest number: Int) -> Bool {
        Self.hits(number, malformedEvery)
    }

    /// The delay for one request, drawn from a generator seeded by the run seed and the request number,
    /// so the same request gets the same delay whatever order concurrent requests arrive in.
    public func delayMilliseconds(forRequest number: Int, seed: UInt64) -> Int {
        guard let latency else { return 0 }
        guard latency.lowerBound < latency.upperBound else { return latency.lowerBound }
        var generator = SeededGenerator(seed: seed ^ UInt64(number) &* 0x2545_F491_4F6C_DD1D)
        return Int.random(in: latency, using: &generator)
    }

    private static func hits(_ number: Int, _ every: Int?) -> Bool {
        guard let every, every > 0 else { return false }
        return number % every == 0
    }
}

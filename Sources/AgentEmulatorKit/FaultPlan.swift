/// Which requests the emulator answers badly, counted over API requests in arrival order (1-based).
/// When several rules pick the same request, the first in `Fault`'s order wins.
public struct FaultPlan: Sendable {
    public enum Fault: String, Sendable, CaseIterable {
        /// Close the connection without answering; the request is not processed.
        case drop = "dropped"
        /// Reset the connection (TCP RST, not FIN) without answering; the request is not processed.
        case reset = "reset"
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
    public var resetEvery: Int?
    public var rateLimitEvery: Int?
    public var serverErrorEvery: Int?
    public var unavailableEvery: Int?
    /// Every N-th request is processed, then its response body is cut short.
    public var malformedEvery: Int?
    public var retryAfterSeconds = 1
    /// Send Retry-After as an HTTP-date instead of seconds.
    public var retryAfterAsDate = false
    /// Send 429 with no Retry-After at all.
    public var retryAfterOmitted = false
    /// Any status for every N-th request (`502`, `504`, `408`...), not processed; checked after `Fault`'s rules.
    public var statusEvery: [(status: Int, every: Int)] = []
    /// Every N-th request is processed, then answered with its full Content-Length but only half its body,
    /// and the connection is closed.
    public var cutBodyEvery: Int?
    /// Every N-th request is answered as a server that closes late does: without the `Connection: close` its request
    /// asked for, and with the connection left open `lateCloseDelay` after the answer before it is closed. A client
    /// that takes such a connection for another request has that request cut off (and reset) under it.
    public var closeLateEvery: Int?
    public var lateCloseDelay = Duration.milliseconds(500)
    /// Every N-th request is answered 200 with an endless-looking body of `hugeAnswerBytes`, sent chunked (or with
    /// its Content-Length when `hugeAnswerDeclared`).
    public var hugeAnswerEvery: Int?
    public var hugeAnswerBytes = 64 * 1024 * 1024
    /// Send the huge answer with its Content-Length, announcing its size before the body.
    public var hugeAnswerDeclared = false
    /// After this many API requests the server stops listening and closes every connection: the server is gone.
    public var unreachableAfter: Int?

    public init() {}

    public func fault(forRequest number: Int) -> Fault? {
        let rules: [(Fault, Int?)] = [
            (.drop, dropEvery), (.reset, resetEvery), (.rateLimit, rateLimitEvery),
            (.serverError, serverErrorEvery), (.unavailable, unavailableEvery),
        ]
        return rules.first { Self.hits(number, $0.1) }?.0
    }

    /// The status for a request picked by `statusEvery` (the first that matches).
    public func status(forRequest number: Int) -> Int? {
        statusEvery.first { Self.hits(number, $0.every) }?.status
    }

    public func corruptsBody(ofRequest number: Int) -> Bool {
        Self.hits(number, malformedEvery)
    }

    public func cutsBody(ofRequest number: Int) -> Bool {
        Self.hits(number, cutBodyEvery)
    }

    public func closesLate(afterRequest number: Int) -> Bool {
        Self.hits(number, closeLateEvery)
    }

    public func answersHuge(toRequest number: Int) -> Bool {
        Self.hits(number, hugeAnswerEvery)
    }

    public func isGone(atRequest number: Int) -> Bool {
        unreachableAfter.map { number > $0 } ?? false
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

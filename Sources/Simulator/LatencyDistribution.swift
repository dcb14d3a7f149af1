/// LLM latency for Monte Carlo runs: lognormal, given by its median and 95th percentile.
public struct LatencyDistribution: Equatable, Sendable {
    public let median: Microseconds
    public let p95: Microseconds

    /// The standard normal's 95th percentile, turning (median, p95) into the lognormal's sigma.
    static let z95 = 1.644_853_626_951_472_2

    public init(median: Microseconds, p95: Microseconds) throws(SimulatorError) {
        guard median > 0 else { throw SimulatorError("llm latency median must be more than 0 seconds") }
        guard p95 >= median else { throw SimulatorError("llm latency p95 must be at least the median") }
        self.median = median
        self.p95 = p95
    }

    /// Parses `median=1.2,p95=4` (either order).
    public static func parse(_ text: String) throws(SimulatorError) -> LatencyDistribution {
        var median: Microseconds?
        var p95: Microseconds?
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let pair = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, let value = Seconds.parse(Substring(String(pair[1]).trimmingCharacters)) else {
                throw SimulatorError("llm latency '\(text)': expected median=SECONDS,p95=SECONDS such as median=1.2,p95=4")
            }
            switch String(pair[0]).trimmingCharacters {
            case "median": median = value
            case "p95": p95 = value
            default: throw SimulatorError("llm latency '\(text)': unknown key '\(pair[0])'; expected median and p95")
            }
        }
        guard let median, let p95 else {
            throw SimulatorError("llm latency '\(text)': give both median and p95, such as median=1.2,p95=4")
        }
        return try LatencyDistribution(median: median, p95: p95)
    }

    /// `median=1.2,p95=4`, the form `parse` reads.
    public var description: String { "median=\(Seconds.shortest(median)),p95=\(Seconds.shortest(p95))" }
}

/// Draws latencies from a `LatencyDistribution` with a seeded generator.
struct LognormalLatency {
    private var random: RandomSource
    private let mu: Double
    private let sigma: Double

    init(_ distribution: LatencyDistribution, random: RandomSource) {
        self.random = random
        mu = PortableMath.log(Double(distribution.median) / 1_000_000)
        sigma = (PortableMath.log(Double(distribution.p95) / 1_000_000) - mu) / LatencyDistribution.z95
    }

    mutating func next() -> Microseconds {
        Seconds.microseconds(PortableMath.exp(mu + sigma * random.normal()))
    }
}

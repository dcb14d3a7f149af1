/// One numeric setting or assumption tried at several values: `turn.soft_timeout_config.timeout_seconds=1,2,3,off`.
public struct Sweep: Equatable, Sendable {
    public let path: String
    /// The values as written (`off` included), in order.
    public let values: [String]

    /// The settings fields a sweep can vary; assumptions are swept by their names.
    static let settingPaths = [
        "turn.turn_timeout", "turn.initial_wait_time", "turn.silence_end_call_timeout",
        "turn.soft_timeout_config.timeout_seconds", "turn.soft_timeout_config.max_soft_timeouts_per_generation",
        "conversation.max_duration_seconds", "tts.speed",
    ]

    /// Parses `path=v1,v2,off`; every value is checked before anything runs.
    public static func parse(_ text: String) throws(SimulatorError) -> Sweep {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw SimulatorError("--sweep '\(text)': expected path=value,value such as turn.turn_timeout=5,7,10") }
        let sweep = Sweep(path: String(parts[0]).trimmingCharacters,
                          values: parts[1].split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingCharacters })
        var settings = SimulationSettings()
        var assumptions = Assumptions()
        for value in sweep.values { try sweep.apply(value, to: &settings, &assumptions) }
        return sweep
    }

    /// Sets the swept field to `value`; `off` is the API's -1 for timers.
    public func apply(_ value: String, to settings: inout SimulationSettings, _ assumptions: inout Assumptions) throws(SimulatorError) {
        if AssumptionName(rawValue: path) != nil {
            do { try AssumptionReader.apply("\(path)=\(value)", to: &assumptions) } catch { throw SimulatorError("--sweep \(error.message)") }
            return
        }
        guard Self.settingPaths.contains(path) else {
            throw SimulatorError("--sweep: '\(path)' is not a numeric setting the simulator reads; use one of \(Self.settingPaths.joined(separator: ", ")) or an assumption name")
        }
        let timers = ["turn.turn_timeout", "turn.initial_wait_time", "turn.silence_end_call_timeout", "turn.soft_timeout_config.timeout_seconds"]
        let number: Double
        if value == "off" {
            guard timers.contains(path) else { throw SimulatorError("--sweep \(path): 'off' is only for timers; give a number") }
            number = -1
        } else if let seconds = Seconds.parse(Substring(value)) {
            number = Double(seconds) / 1_000_000
        } else {
            throw SimulatorError("--sweep \(path): expected a number or off, found '\(value)'")
        }
        let whole = Int(exactly: number)
        switch path {
        case "turn.turn_timeout": settings.turn.turn_timeout = number
        case "turn.initial_wait_time": settings.turn.initial_wait_time = number
        case "turn.silence_end_call_timeout": settings.turn.silence_end_call_timeout = number
        case "turn.soft_timeout_config.timeout_seconds": settings.turn.soft_timeout_config.timeout_seconds = number
        case "turn.soft_timeout_config.max_soft_timeouts_per_generation":
            guard let whole, whole >= 1 else { throw SimulatorError("--sweep \(path): expected a whole number of at least 1, found '\(value)'") }
            settings.turn.soft_timeout_config.max_soft_timeouts_per_generation = whole
        case "conversation.max_duration_seconds":
            guard let whole else { throw SimulatorError("--sweep \(path): expected a whole number of seconds, found '\(value)'") }
            settings.conversation.max_duration_seconds = whole
        default:
            guard number > 0 else { throw SimulatorError("--sweep \(path): expected more than 0, found '\(value)'") }
            settings.tts.speed = number
        }
    }
}

/// One row of a sweep: the value and what the call (or calls) came to with it.
public struct SweepRow: Equatable, Sendable {
    public let value: String
    public let report: MonteCarloReport
}

extension Sweep {
    /// The script once per value: one call with the script's latencies, or `runs` calls each from the same seed.
    public func run(settings: SimulationSettings, script: Script, assumptions: Assumptions, runs: Int?, seed: UInt64,
                    llmLatency: LatencyDistribution, drawScriptedLatencies: Bool) throws -> [SweepRow] {
        try values.map { value in
            var swept = settings
            var assumed = assumptions
            try apply(value, to: &swept, &assumed)
            if let runs {
                return SweepRow(value: value, report: try MonteCarlo.run(
                    settings: swept, script: script, assumptions: assumed, runs: runs, seed: seed, llmLatency: llmLatency,
                    drawScriptedLatencies: drawScriptedLatencies))
            }
            return SweepRow(value: value, report: try MonteCarlo.once(settings: swept, script: script, assumptions: assumed))
        }
    }
}

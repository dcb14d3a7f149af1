// Times Monte Carlo runs of the 20-turn benchmark call; prints the report numbers so the peer can be checked against them.
import Foundation
import Simulator

let arguments = CommandLine.arguments
let path = arguments.count > 1 ? arguments[1] : "Benchmarks/simulate/twenty-turns.sim"
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 10_000 : 10_000
let repetitions = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5

var settings = SimulationSettings()
settings.agent.first_message = "Hi, this is Ava from Bright Smile Dental. How can I help you today?"
settings.turn.soft_timeout_config.timeout_seconds = 3
settings.turn.soft_timeout_config.max_soft_timeouts_per_generation = 2
settings.turn.silence_end_call_timeout = 20

do {
    let script = try ScriptReader.read(String(contentsOfFile: path, encoding: .utf8), file: path)
    let latency = try LatencyDistribution.parse("median=1.2,p95=4")
    var times: [Double] = []
    var report: MonteCarloReport?
    for _ in 0..<repetitions {
        let start = ContinuousClock.now
        report = try MonteCarlo.run(settings: settings, script: script, runs: runs, seed: 42, llmLatency: latency)
        let elapsed = ContinuousClock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    times.sort()
    let result = report!
    print("swift: \(runs) calls, \(result.turns) user turns, \(repetitions) repetitions: best \(String(format: "%.3f", times[0])) s, median \(String(format: "%.3f", times[times.count / 2])) s")
    let gaps = [result.responseGapP50, result.responseGapP95, result.responseGapP99].map { String($0 ?? -1) }
    print("report: turns=\(result.turns) gap_us_p50_p95_p99=\(gaps.joined(separator: ",")) turns_with_filler=\(result.turnsWithFiller) re_engagements=\(result.reEngagements) ended_by_silence=\(result.callsEndedBy[.silenceTimeout] ?? 0)")
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}

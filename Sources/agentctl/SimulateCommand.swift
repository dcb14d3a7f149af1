import ArgumentParser
import ConfigModel
import Foundation
import Simulator

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Preview an agent's turn-taking over time, offline and deterministically, from a text script.",
        discussion: """
        The script has one event per line: `user: text`, `user +0.5: text`, `user @42: text`, \
        `agent 4.5: reply`, `agent: reply`, `silence 20`, and `# comments`. Without --script, the script is \
        read from standard input; on a terminal, each typed line is said by the user (/silence N, /latency S, \
        /quit). Numbers the vendor does not publish are named assumptions, printed in the header and set with \
        --assume. See docs/simulator.md.

        EXAMPLES
          agentctl simulate agents/appointment-booking.yaml --script agents/scripts/appointment-booking.sim
          agentctl simulate agents/support-desk.yaml --script call.sim --assume llm_latency=2.5 --format json
          agentctl simulate agents/support-desk.yaml --script call.sim --runs 10000 --seed 7 --llm-latency median=1.2,p95=4

        EXIT CODES
          0  simulated
          1  the agent file or the script has errors
          2  usage error, or a file that cannot be read
        """
    )

    @Argument(help: "The agent file whose settings drive the simulation.")
    var agentFile: String

    @Option(help: "The script file (default: standard input).")
    var script: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("assume"), help: "Override an assumption, e.g. --assume llm_latency=2.5 (repeatable).")
    var assumptions: [String] = []

    @Option(help: "A file of `name=value` assumption lines.")
    var assumptionsFile: String?

    @Option(help: "Simulate this many calls with random LLM latency and report distributions.")
    var runs: Int?

    @Option(help: "Seed for --runs (same seed, same report).")
    var seed: UInt64 = 1

    @Option(help: "LLM latency distribution for --runs: lognormal from median and p95 seconds.")
    var llmLatency: String = "median=1.2,p95=4"

    func run() throws {
        let definition = try SimulationInputs.agent(agentFile)
        let settings = SimulationSettings(agent: definition)
        let assumed = try SimulationInputs.assumptions(assumptions, file: assumptionsFile)
        guard let scriptText = try SimulationInputs.scriptText(script) else {
            return try InteractiveSession(settings: settings, assumptions: assumed).run()
        }
        let scriptFile = script ?? "<stdin>"
        let parsed = try SimulationInputs.parse(scriptText, file: scriptFile)
        do {
            if let runs {
                guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
                let latency = try LatencyDistribution.parse(llmLatency)
                let report = try MonteCarlo.run(settings: settings, script: parsed, assumptions: assumed, runs: runs,
                                                seed: seed, llmLatency: latency)
                Terminal.output(format == .json ? MonteCarloJSONRenderer.render(report) : MonteCarloTextRenderer.render(report))
                return
            }
            let timeline = try Simulation.run(settings: settings, script: parsed, assumptions: assumed)
            Terminal.output(format == .json ? TimelineJSONRenderer.render(timeline) : TimelineTextRenderer.render(timeline))
        } catch let error as ValidationError {
            throw error
        } catch let problem as Diagnostic {
            throw CommandFailure.located([problem], sources: [scriptFile: scriptText], status: .findings)
        } catch let error as SimulatorError {
            throw CommandFailure.findings(error.message)
        }
    }
}

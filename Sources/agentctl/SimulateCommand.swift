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
        `user spelling: K O W A L S K I`, `agent 4.5: reply`, `agent: reply`, `silence 20`, and `# comments`. \
        `expect` lines state what must hold: `expect gap <= 1.5`, `expect p95 answer <= 3`, `expect fillers 0`, \
        `expect no interruption` (about the caller turn below), `expect re_engagements 0`, \
        `expect call_end silence_timeout before 60`. Without --script, the script is read from standard input; \
        on a terminal, each typed line is said by the user, or read as a script line (/help lists the commands). Numbers the vendor does \
        not publish are named assumptions, printed in the header and set with --assume. See docs/simulator.md.

        EXAMPLES
          agentctl simulate agents/appointment-booking.yaml --script agents/scripts/appointment-booking.sim
          agentctl simulate agents/support-desk.yaml --script call.sim --assume llm_latency=2.5 --format json
          agentctl simulate agents/support-desk.yaml --script call.sim --runs 10000 --seed 7 --llm-latency median=1.2,p95=4
          agentctl simulate --check agents/scripts --format junit > simulate.xml
          agentctl simulate agents/appointment-booking.yaml --script agents/scripts/appointment-booking.sim --format svg > call.svg
          agentctl simulate agents/support-desk.yaml --script call.sim --runs 2000 --sweep turn.soft_timeout_config.timeout_seconds=1,2,3,off

        EXIT CODES
          0  simulated; every expectation held
          1  an expectation failed, or the agent file or a script has errors
          2  usage error, or a file that cannot be read
        """
    )

    @Argument(help: "The agent file whose settings drive the simulation (with --check: optional, see --check).")
    var agentFile: String?

    @Option(help: "The script file (default: standard input).")
    var script: String?

    @Option(help: "Output format: text, json, github or junit (expectation results for CI), or svg (swim lanes).")
    var format: SimulateFormat = .text

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

    @Flag(help: "With --runs, draw every LLM latency, also those written in the script (kept as given by default).")
    var drawScriptLatencies = false

    @Option(help: ArgumentHelp(
        "Run the script once per value of a numeric setting or assumption and print one row per value.",
        discussion: "e.g. --sweep turn.soft_timeout_config.timeout_seconds=1,2,3,off (off: the timer's -1)."))
    var sweep: String?

    @Flag(help: "Leave out the header of settings and assumptions (text timeline and interactive mode).")
    var quiet = false

    @Option(help: ArgumentHelp(
        "Check the expectations of every .sim script in a folder (or of one script) as a suite.",
        discussion: "Each scripts/NAME.sim (or NAME.variant.sim) runs against NAME.yaml in the folder above the script unless an agent file is given."))
    var check: String?

    @Option(name: .customLong("env"),
            help: "The environment whose variables file resolves ${NAME} values (default: the default or only one).")
    var environment: String?

    func run() throws {
        if check != nil && (script != nil || sweep != nil) {
            throw ValidationError("--check runs the scripts it finds; leave out --script and --sweep")
        }
        let variables = try VariableLoading.offline(requested: environment)
        if let check {
            let suite = SimulationSuite(agentFile: agentFile, assumptions: assumptions, assumptionsFile: assumptionsFile,
                                        monteCarlo: try monteCarlo(), variables: variables)
            let (checks, inputErrors) = try suite.run(path: check)
            try SimulationOutput(format: format, variables: variables).suite(checks, inputErrors: inputErrors)
            return
        }
        guard let agentFile else { throw ValidationError("give the agent file, or --check with a folder of scripts") }
        let settings = SimulationSettings(agent: try SimulationInputs.agent(agentFile, variables: variables))
        let assumed = try SimulationInputs.assumptions(assumptions, file: assumptionsFile)
        guard let scriptText = try SimulationInputs.scriptText(script) else {
            return try InteractiveSession(settings: settings, assumptions: assumed, quiet: quiet).run()
        }
        let scriptFile = script ?? "<stdin>"
        let parsed = try SimulationInputs.parse(scriptText, file: scriptFile)
        do {
            if let sweep {
                let parsedSweep: Sweep
                do { parsedSweep = try Sweep.parse(sweep) } catch { throw ValidationError(error.message) }
                let options = try monteCarlo()
                let rows = try parsedSweep.run(settings: settings, script: parsed, assumptions: assumed, runs: options?.runs,
                                               seed: seed, llmLatency: try LatencyDistribution.parse(llmLatency),
                                               drawScriptedLatencies: drawScriptLatencies)
                try SimulationOutput(format: format, variables: variables).sweep(parsedSweep, rows: rows)
                return
            }
            if let monteCarlo = try monteCarlo() {
                let report = try MonteCarlo.run(settings: settings, script: parsed, assumptions: assumed, runs: monteCarlo.runs,
                                                seed: monteCarlo.seed, llmLatency: monteCarlo.latency,
                                                drawScriptedLatencies: monteCarlo.drawScripted)
                try SimulationOutput(format: format, variables: variables).report(report)
                return
            }
            let timeline = try Simulation.run(settings: settings, script: parsed, assumptions: assumed)
            try SimulationOutput(format: format, variables: variables).timeline(timeline, quiet: quiet)
        } catch let error as ValidationError {
            throw error
        } catch let problem as Diagnostic {
            throw CommandFailure.located([problem], sources: [scriptFile: scriptText], status: .findings)
        } catch let error as SimulatorError {
            throw CommandFailure.findings(error.message)
        }
    }

    /// `--runs` with its latency distribution, checked before any work starts.
    private func monteCarlo() throws -> MonteCarloOptions? {
        guard let runs else { return nil }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        do {
            return MonteCarloOptions(runs: runs, seed: seed, latency: try LatencyDistribution.parse(llmLatency), drawScripted: drawScriptLatencies)
        } catch {
            throw ValidationError("--llm-latency: \(error)")
        }
    }
}

/// `--runs`, `--seed` and `--llm-latency` together.
struct MonteCarloOptions {
    let runs: Int
    let seed: UInt64
    let latency: LatencyDistribution
    let drawScripted: Bool
}

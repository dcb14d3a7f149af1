import ArgumentParser
import ConfigModel
import Simulator

/// Writes a simulation in the chosen format; failed expectations go to stderr, located, and exit 1. Values of
/// secret variables never appear in what is written.
struct SimulationOutput {
    let format: SimulateFormat
    let variables: Variables

    private func output(_ text: String) { Terminal.output(variables.redact(text)) }

    func timeline(_ timeline: Timeline, quiet: Bool) throws {
        let results = ExpectationCheck.evaluate(timeline)
        switch format {
        case .text: output(TimelineTextRenderer.render(timeline, header: !quiet) + ExpectationRenderer.section(results))
        case .json: output(TimelineJSONRenderer.render(timeline))
        case .github, .junit: break
        case .svg: output(TimelineSVGRenderer.render(timeline))
        }
        try finish(ScriptCheck(file: timeline.script.file, results: results))
    }

    func report(_ report: MonteCarloReport) throws {
        switch format {
        case .text: output(MonteCarloTextRenderer.render(report) + ExpectationRenderer.section(report.expectations))
        case .json: output(MonteCarloJSONRenderer.render(report))
        case .github, .junit: break
        case .svg: throw ValidationError("--format svg draws one call; leave out --runs")
        }
        try finish(ScriptCheck(file: report.scriptFile, results: report.expectations))
    }

    /// A sweep is a table for people or programs; its rows' expectations are not checked.
    func sweep(_ sweep: Sweep, rows: [SweepRow]) throws {
        switch format {
        case .text: output(SweepTextRenderer.render(sweep, rows: rows))
        case .json: output(SweepJSONRenderer.render(sweep, rows: rows))
        case .github, .junit, .svg: throw ValidationError("--sweep writes text or json")
        }
    }

    /// `inputErrors`: the rendered errors of agent files and scripts that could not be simulated, shown on stderr.
    func suite(_ checks: [ScriptCheck], inputErrors: String) throws {
        switch format {
        case .text: output(ExpectationRenderer.text(checks))
        case .github: output(ExpectationRenderer.github(checks))
        case .junit: output(ExpectationRenderer.junit(checks))
        case .json, .svg: throw ValidationError("--check writes text, github or junit")
        }
        if !checks.allSatisfy(\.passed) { throw CommandFailure(.findings, details: variables.redact(inputErrors)) }
    }

    /// CI formats print the results; every format reports failures on stderr and exits 1.
    private func finish(_ check: ScriptCheck) throws {
        switch format {
        case .github: output(ExpectationRenderer.github([check]))
        case .junit: output(ExpectationRenderer.junit([check]))
        case .text, .json, .svg: break
        }
        guard check.passed else { throw CommandFailure(.findings, details: variables.redact(ExpectationRenderer.failures(check))) }
    }
}

import ArgumentParser
import Simulator

/// Writes a simulation in the chosen format; failed expectations go to stderr, located, and exit 1.
enum SimulationOutput {
    static func timeline(_ timeline: Timeline, format: SimulateFormat, quiet: Bool) throws {
        let results = ExpectationCheck.evaluate(timeline)
        switch format {
        case .text: Terminal.output(TimelineTextRenderer.render(timeline, header: !quiet) + ExpectationRenderer.section(results))
        case .json: Terminal.output(TimelineJSONRenderer.render(timeline))
        case .github, .junit: break
        case .svg: Terminal.output(TimelineSVGRenderer.render(timeline))
        }
        try finish(ScriptCheck(file: timeline.script.file, results: results), format: format)
    }

    static func report(_ report: MonteCarloReport, format: SimulateFormat) throws {
        switch format {
        case .text: Terminal.output(MonteCarloTextRenderer.render(report) + ExpectationRenderer.section(report.expectations))
        case .json: Terminal.output(MonteCarloJSONRenderer.render(report))
        case .github, .junit: break
        case .svg: throw ValidationError("--format svg draws one call; leave out --runs")
        }
        try finish(ScriptCheck(file: report.scriptFile, results: report.expectations), format: format)
    }

    /// A sweep is a table for people or programs; its rows' expectations are not checked.
    static func sweep(_ sweep: Sweep, rows: [SweepRow], format: SimulateFormat) throws {
        switch format {
        case .text: Terminal.output(SweepTextRenderer.render(sweep, rows: rows))
        case .json: Terminal.output(SweepJSONRenderer.render(sweep, rows: rows))
        case .github, .junit, .svg: throw ValidationError("--sweep writes text or json")
        }
    }

    /// `inputErrors`: the rendered errors of agent files and scripts that could not be simulated, shown on stderr.
    static func suite(_ checks: [ScriptCheck], inputErrors: String, format: SimulateFormat) throws {
        switch format {
        case .text: Terminal.output(ExpectationRenderer.text(checks))
        case .github: Terminal.output(ExpectationRenderer.github(checks))
        case .junit: Terminal.output(ExpectationRenderer.junit(checks))
        case .json, .svg: throw ValidationError("--check writes text, github or junit")
        }
        if !checks.allSatisfy(\.passed) { throw CommandFailure(.findings, details: inputErrors) }
    }

    /// CI formats print the results; every format reports failures on stderr and exits 1.
    private static func finish(_ check: ScriptCheck, format: SimulateFormat) throws {
        switch format {
        case .github: Terminal.output(ExpectationRenderer.github([check]))
        case .junit: Terminal.output(ExpectationRenderer.junit([check]))
        case .text, .json, .svg: break
        }
        guard check.passed else { throw CommandFailure(.findings, details: ExpectationRenderer.failures(check)) }
    }
}

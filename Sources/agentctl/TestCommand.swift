import ArgumentParser
import ConfigModel
import Foundation
import Remote

struct TestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run an agent's tests on the live agent and report each result.",
        discussion: """
        Runs the agent's own tests (platform_settings.testing.attached_tests in its file) or those named with \
        --test, on the live agent that agentctl.lock ties the file to in the environment, on the branch the lock \
        records for it (the main branch if none) or the one --branch names. Starts one run per agent, then looks at it again, waiting longer each time (from \
        half a second up to 10 seconds), until every test has finished or --max-wait runs out.

        EXAMPLES
          agentctl test agents/support-desk.yaml
          agentctl test support-desk --env staging --test tst_greets_caller
          agentctl test agents/ --format junit > test-results.xml      (in CI)
          agentctl test support-desk --branch pilot

        EXIT CODES
          0  every test passed
          1  a test failed, a run did not finish within --max-wait, a request failed, or invalid files
          2  usage or configuration error: an agent not in agentctl.lock for the environment, no --branch of that \
        name on an agent, a test name with \
        no ID, no agent with any test (an agent without tests is otherwise skipped, with a note)
        """
    )

    @Argument(help: "Agent files, directories, or agent file names without .yaml (support-desk).")
    var agents: [String]

    @Option(name: .customLong("test"), help: "Run this test (its ID) instead of the agent's attached tests; repeatable.")
    var tests: [String] = []

    @Option(help: "Output format: text, json, github (annotations) or junit (XML).")
    var format: TestFormat = .text

    @Option(help: ArgumentHelp("Run on each agent's branch of this name instead of the branch agentctl.lock records "
        + "(by default the main branch).", valueName: "name"))
    var branch: String?

    @Option(help: "Seconds to wait in all for a run to finish before giving up.")
    var maxWait: Double = 600

    @OptionGroup var remote: RemoteOptions

    func validate() throws {
        guard maxWait > 0, maxWait <= 86_400 else { throw ValidationError("--max-wait must be more than 0 and at most 86400 seconds") }
    }

    func run() async throws {
        let connection = try Connection.open(remote, agentPaths: agents)
        let paths = agents.map {
            AgentNaming.path($0, inProject: connection.project.path($0), agentsDirectory: connection.settings.agentsDirectory)
        }
        let documents = try AgentFileLoading.load(paths: paths, defaultDirectory: connection.settings.agentsDirectory,
                                                  variables: connection.variables)
        let state = try connection.loadState()
        let plans: [AgentTestPlan]
        let references = ReferenceMap(state: state, environment: connection.environment)
        switch AgentTestPlan.plans(documents, named: tests, state: state, environment: connection.environment,
                                   lookup: { references.id(of: $0, slug: $1) }) {
        case .success(let found):
            plans = found.plans
            for file in found.untested { Terminal.error("agentctl: note: \(VisibleText.escape(file)) names no tests; skipped") }
        case .failure(let problems): throw CommandFailure.located(problems.diagnostics, status: .usage)
        }
        let branches = try await connection.workingBranches(branch, files: plans.map(\.file), state: state, tellSwitches: false)
        if let branch, !branches.missing.isEmpty {
            let lacking = plans.filter { branches.missing.contains($0.agentID) }.map { VisibleText.escape($0.file) }
            throw CommandFailure.usage("no branch `\(VisibleText.escape(branch))` on the agent of \(lacking.joined(separator: ", ")) "
                + "in `\(connection.environment)`; push to it first (push --branch creates it)")
        }
        let runner = TestRunner(client: connection.client, schedule: PollSchedule(limit: .seconds(maxWait)))
        let progress = ProgressLine(label: "running tests")
        let reports = await plans.boundedMap(limit: remote.concurrency, finished: { done, _ in progress.update(done, plans.count) }) {
            await runner.run($0.tests, agentID: $0.agentID, branchID: branches.byAgent[$0.agentID]?.id, file: $0.file)
        }
        progress.finish()
        try connection.stopIfKeyRefused()
        switch format {
        case .text: Terminal.output(TestReportRendering.text(reports, environment: connection.environment,
                                                             style: TextStyle(enabled: Terminal.stdoutWantsColour)))
        case .json: Terminal.output(TestReportRendering.json(reports, environment: connection.environment))
        case .github: Terminal.output(TestReportRendering.github(reports))
        case .junit: Terminal.output(TestReportRendering.junit(reports))
        }
        let unfinished = reports.filter(\.timedOut).map { report in
            "\(VisibleText.escape(report.file)): test run \(report.invocationID ?? "") still had \(report.pending.count) of "
                + "\(report.results.count) tests pending after \(JSONText.number(maxWait)) s; raise --max-wait to wait longer"
        }
        let failedRequests = reports.compactMap { report in report.problem.map { "\(VisibleText.escape(report.file)): \($0)" } }
        if !reports.allSatisfy(\.passed) { throw CommandFailure(.findings, messages: unfinished + failedRequests) }
    }
}

/// `test --format`: results for people, programs, GitHub annotations or JUnit XML.
enum TestFormat: String, ArgumentChoice {
    case text, json, github, junit
}

/// An agent named as the user would: a file or folder, or a file name in the agents folder without `.yaml`.
enum AgentNaming {
    /// `inProject`: the name taken from where the user stands, kept when it exists or names no agent file.
    static func path(_ named: String, inProject: String, agentsDirectory: String) -> String {
        let file = "\(agentsDirectory)/\(named).yaml"
        let isSlug = !named.contains("/") && !FileManager.default.fileExists(atPath: inProject)
        return isSlug && FileManager.default.fileExists(atPath: file) ? file : inProject
    }
}

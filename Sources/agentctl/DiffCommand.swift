import ArgumentParser
import Remote

struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show what a push would change on the live agents, field by field.",
        discussion: """
        Only what a file states is compared (the API keeps what a file leaves out); numbers compare by value. \
        With the sync state from the last pull or push, changes are told apart: yours (~), someone's edit on \
        the live agent since (drift, `!`, in any field, stated in the file or not), or both (conflict). A renamed \
        file is shown as renamed (it keeps its agent); an agent deleted on the server as deleted remotely. \
        With --branch NAME each agent is worked on its branch of that name, recorded in agentctl.lock so later \
        commands stay on it (--branch Main returns to the main branch); a change of branch is told on stderr.

        EXAMPLES
          agentctl diff
          agentctl diff agents/support-desk.yaml --env production
          agentctl diff --format json --exit-code      (in CI)
          agentctl diff --branch pilot                  (against each agent's branch `pilot`)

        EXIT CODES
          0  no differences (or, without --exit-code, the diff was shown)
          1  error: invalid files, or the API could not be reached
          2  with --exit-code: there are differences; without it: usage or configuration error
        """
    )

    @Argument(help: "Agent files or directories (default: the agents directory).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Exit 2 when there are differences, 0 when there are none (like terraform plan -detailed-exitcode).")
    var exitCode = false

    @Flag(help: "Show values that look like secrets (API keys, auth headers, secret variables) instead of masking them.")
    var showSecrets = false

    @OptionGroup var branchOption: BranchOption

    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        let connection = try Connection.open(remote, agentPaths: paths)
        let (plans, _, reconciled, _) = try await connection.plan(paths, concurrency: remote.concurrency,
                                                                  branch: branchOption.branch)
        let comparisons = plans.map(\.comparison)
        let shown: String
        switch format {
        case .text:
            shown = PlanReport.text(plans, reconciled: reconciled, pruned: [], environment: connection.environment,
                                    showSecrets: showSecrets, colour: Terminal.stdoutWantsColour)
        case .json:
            shown = PlanRendering.json(comparisons, environment: connection.environment, showSecrets: showSecrets,
                                       secretPaths: Connection.secretPaths(plans), wording: .commandLine)
        }
        Terminal.output(showSecrets ? shown : connection.variables.redact(shown))
        if exitCode && comparisons.contains(where: \.hasChanges) { throw CommandFailure(.differences) }
    }
}

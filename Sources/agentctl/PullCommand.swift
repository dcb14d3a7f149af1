import ArgumentParser
import ConfigModel
import Remote

struct PullCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Write live agents into agent files and record their IDs in agentctl.lock.",
        discussion: """
        New agents get a file named after them in the agents directory; tracked agents update their own file. \
        Values equal to the documented default are left out (unless --full or the file already states them). \
        A tracked file with local edits since the last sync is never overwritten without --force.

        EXAMPLES
          agentctl pull
          agentctl pull --env production --name 'Support*'
          agentctl pull agents/support-desk.yaml --dry-run

        EXIT CODES
          0  pulled (or nothing to do)
          1  an agent could not be pulled, or a file with local edits was kept
          2  usage or configuration error
        """
    )

    @Argument(help: "Agent files or agent IDs to pull (default: every agent).")
    var selectors: [String] = []

    @Option(help: "Only agents whose name matches this shell pattern, e.g. 'Support*'.")
    var name: String?

    @Flag(help: "Write every field, including values equal to the documented default.")
    var full = false

    @Flag(help: "Overwrite files that have local edits since the last sync.")
    var force = false

    @Flag(help: "Show what would change on disk and write nothing.")
    var dryRun = false

    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        let connection = try Connection.open(remote)
        var state = try Connection.loadState()
        var options = Puller.Options(environment: connection.environment, directory: connection.settings.agentsDirectory)
        options.selectors = selectors
        options.namePattern = name
        options.full = full
        options.force = force
        options.dryRun = dryRun
        options.concurrency = remote.concurrency
        let progress = ProgressLine(label: "fetching agents")
        let results: [Puller.FileResult]
        do {
            results = try await Puller(.agents, service: connection.service).pull(options, state: &state, progress: progress.update)
        } catch {
            progress.finish()
            throw Connection.fail(error)
        }
        progress.finish()
        Terminal.output(PullReport.text(results, dryRun: dryRun, colour: Terminal.stdoutWantsColour))
        if !dryRun { try Connection.saveState(state) }
        if results.contains(where: { !PullReport.isSuccess($0.change) }) {
            throw CommandFailure(.findings)
        }
    }
}

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
        A tracked file with local edits since the last sync is never overwritten without --force. Each agent is \
        recorded in agentctl.lock as it is written, so an interrupted pull (Ctrl-C, SIGTERM, a kill, a full disk) is \
        finished by running it again. A renamed file keeps its agent. A tracked agent deleted on the server is \
        reported; with --prune its file and entry are removed.

        EXAMPLES
          agentctl pull
          agentctl pull --env production --name 'Support*'
          agentctl pull agents/support-desk.yaml --dry-run
          agentctl pull --prune          (also remove files of agents deleted on the server)

        EXIT CODES
          0  pulled (or nothing to do)
          1  an agent could not be pulled, or a file with local edits was kept
          2  usage or configuration error
          130, 143  interrupted by Ctrl-C or SIGTERM (run it again to finish)
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

    @Flag(help: "Remove the file and the lock entry of a tracked agent that was deleted on the server.")
    var prune = false

    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        let connection = try Connection.open(remote)
        var state = try connection.loadState()
        let candidates = AgentFileLoading.renameCandidates(state: state, environment: connection.environment,
                                                           directory: connection.settings.agentsDirectory)
        _ = Reconciling.renames(.agents, files: candidates, environment: connection.environment, state: &state)
        var options = Puller.Options(environment: connection.environment, directory: connection.settings.agentsDirectory)
        // A selector naming a file is taken from where the user stands; an agent ID is kept as it is.
        options.selectors = selectors.map { AgentFileFinder.isAgentFile($0) ? connection.project.path($0) : $0 }
        options.namePattern = name
        options.full = full
        options.force = force
        options.dryRun = dryRun
        options.prune = prune
        options.concurrency = remote.concurrency
        let progress = ProgressLine(label: "fetching agents")
        let results: [Puller.FileResult]
        let checkpoint = LockCheckpoint()
        if !dryRun { Interruption.stopCleanly("pull", saving: checkpoint) }
        do {
            results = try await Puller(.agents, service: connection.service)
                .pull(options, state: &state, progress: progress.update, recorded: checkpoint.record)
        } catch {
            progress.finish()
            try connection.stopIfKeyRefused()
            throw Connection.fail(error)
        }
        progress.finish()
        // After a refused key every failure is that refusal again: it is told once, after what was pulled.
        let refused = connection.client.keyRefusal != nil
        Terminal.output(PullReport.text(refused ? results.filter { PullReport.isSuccess($0.change) } : results,
                                        dryRun: dryRun, colour: Terminal.stdoutWantsColour))
        if !dryRun { try Connection.saveState(state) }
        try connection.stopIfKeyRefused()
        if results.contains(where: { !PullReport.isSuccess($0.change) }) {
            throw CommandFailure(.findings)
        }
    }
}

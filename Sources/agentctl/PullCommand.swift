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
        A tracked file is merged with its live agent against what both agreed on at the last sync, and edited in \
        place: only the values that change are rewritten; comments, blank lines, key order and quoting stay as they \
        are, and a pull with no live change does not touch the file. A field changed only on the live agent is \
        taken, one changed only in the file is kept, and one changed differently on both sides is a conflict: \
        listed with both values and left as the file has it, unless --theirs (take the live value) or --ours. \
        Without that agreed state (a first pull over an existing file, .agentctl/bases deleted), every field that \
        differs is a conflict. A `${NAME}` placeholder stays in the file when it resolves to the live value; when \
        it does not, that is reported as drift and the placeholder is kept (a secret's value is never written). \
        Each agent is \
        recorded in agentctl.lock as it is written, so an interrupted pull (Ctrl-C, SIGTERM, a kill, a full disk) is \
        finished by running it again. A renamed file keeps its agent. A tracked agent deleted on the server is \
        reported; with --prune its file and entry are removed.

        EXAMPLES
          agentctl pull
          agentctl pull --env production --name 'Support*'
          agentctl pull agents/support-desk.yaml --dry-run
          agentctl pull --prune          (also remove files of agents deleted on the server)
          agentctl pull --theirs         (a conflict takes the live value)

        EXIT CODES
          0  pulled (or nothing to do)
          1  an agent could not be pulled (a failed request, an unset variable, a file that is not valid YAML)
          2  usage or configuration error
          3  a conflict left as the file has it, or placeholder drift (1 wins when both happen)
          130, 143  interrupted by Ctrl-C or SIGTERM (run it again to finish)
        """
    )

    @Argument(help: "Agent files or agent IDs to pull (default: every agent).")
    var selectors: [String] = []

    @Option(help: "Only agents whose name matches this shell pattern, e.g. 'Support*'.")
    var name: String?

    @Flag(help: "Write every field, including values equal to the documented default.")
    var full = false

    @Flag(help: "On a conflict, take the live value.")
    var theirs = false

    @Flag(help: "On a conflict, keep the file's value and record the sync (a push then sends it).")
    var ours = false

    @Flag(help: "The same as --theirs.")
    var force = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Show what would change on disk and write nothing.")
    var dryRun = false

    @Flag(help: "Remove the file and the lock entry of a tracked agent that was deleted on the server.")
    var prune = false

    @OptionGroup var remote: RemoteOptions

    func validate() throws {
        if ours && (theirs || force) { throw ValidationError("--ours cannot be combined with --theirs or --force") }
    }

    func run() async throws {
        let connection = try Connection.open(remote)
        var state = try connection.loadState()
        let documents = AgentFileLoading.renameCandidates(state: state, environment: connection.environment,
                                                          directory: connection.settings.agentsDirectory)
        _ = Reconciling.renames(.agents, documents: documents, environment: connection.environment, state: &state)
        var options = Puller.Options(environment: connection.environment, directory: connection.settings.agentsDirectory)
        // A selector naming a file is taken from where the user stands; an agent ID is kept as it is.
        options.selectors = selectors.map { AgentFileFinder.isAgentFile($0) ? connection.project.path($0) : $0 }
        options.namePattern = name
        options.full = full
        options.taking = ours ? .ours : (theirs || force ? .theirs : nil)
        options.variables = connection.variables
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
        let shown = refused ? results.filter { PullReport.isSuccess($0.change) } : results
        Terminal.output(connection.variables.redact(format == .json ? PullReport.json(shown)
            : PullReport.text(shown, dryRun: dryRun, taking: options.taking, colour: Terminal.stdoutWantsColour)))
        if !dryRun { try Connection.saveState(state) }
        try connection.stopIfKeyRefused()
        if results.contains(where: { !PullReport.isSuccess($0.change) }) {
            throw CommandFailure(.findings)
        }
        if results.contains(where: { PullReport.isOpen($0, taking: options.taking) }) { throw CommandFailure(.conflicts) }
    }
}

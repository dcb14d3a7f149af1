import AgentSchema
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
        reported; with --prune its file and entry are removed. \
        With --branch NAME each agent is worked on its branch of that name, recorded in agentctl.lock so later \
        commands stay on it (--branch Main returns to the main branch); a change of branch is told on stderr.

        EXAMPLES
          agentctl pull
          agentctl pull --env production --name 'Support*'
          agentctl pull agents/support-desk.yaml --dry-run
          agentctl pull --prune          (also remove files of agents deleted on the server)
          agentctl pull agents/support-desk.yaml --branch pilot
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

    @OptionGroup var branchOption: BranchOption

    @OptionGroup var remote: RemoteOptions

    func validate() throws {
        if prune && branchOption.branch != nil {
            throw ValidationError("--prune removes files of agents deleted on the server: it cannot be combined with --branch")
        }
        if ours && (theirs || force) { throw ValidationError("--ours cannot be combined with --theirs or --force") }
    }

    func run() async throws {
        let connection = try Connection.open(remote)
        var state = try connection.loadState()
        let taking: ThreeWayMerge.Side? = ours ? .ours : (theirs || force ? .theirs : nil)
        let checkpoint = LockCheckpoint()
        if !dryRun { Interruption.stopCleanly("pull", saving: checkpoint) }
        var results: [Puller.FileResult] = []
        var warnings: [Diagnostic] = []
        // Tools and tests first, so the agents pulled after them name them by file. A branch is an agent's only.
        for resource in Resource.all where branchOption.branch == nil || resource == .agents {
            guard var chosen = try await selectors(of: resource, connection: connection) else { continue }
            let directory = connection.settings.directory(of: resource)
            let candidates = AgentFileLoading.renameCandidates(resource, state: state, environment: connection.environment,
                                                               directory: directory)
            _ = Reconciling.renames(resource, files: candidates, environment: connection.environment, state: &state)
            var service = connection.service
            if resource == .agents {
                chosen = try branchSelectors(chosen, state: state, environment: connection.environment)
                state.workingBranches = try await branches(connection, selectors: chosen, state: state)
                service = connection.service(on: state.workingBranches)
            }
            var options = Puller.Options(environment: connection.environment, directory: directory)
            options.selectors = chosen
            options.namePattern = name
            options.full = full
            options.taking = taking
            options.variables = connection.variables
            options.dryRun = dryRun
            options.prune = prune
            options.concurrency = remote.concurrency
            let progress = ProgressLine(label: "fetching \(resource.plural)")
            do {
                let pulled = try await Puller(resource, service: service)
                    .pull(options, state: &state, progress: progress.update, recorded: checkpoint.record)
                results += pulled
                warnings += PullWarnings.unmappedIDs(pulled, of: resource, state: state, environment: connection.environment)
                    + PullWarnings.secretPlaceholders(pulled)
            } catch {
                progress.finish()
                try connection.stopIfKeyRefused()
                throw Connection.fail(error)
            }
            progress.finish()
        }
        // After a refused key every failure is that refusal again: it is told once, after what was pulled.
        let refused = connection.client.keyRefusal != nil
        let shown = refused ? results.filter { PullReport.isSuccess($0.change) } : results
        Terminal.output(connection.variables.redact(format == .json ? PullReport.json(shown)
            : PullReport.text(shown, dryRun: dryRun, taking: taking, colour: Terminal.stdoutWantsColour)))
        PullWarnings.tell(warnings)
        if !dryRun { try Connection.saveState(state) }
        try connection.stopIfKeyRefused()
        if results.contains(where: { !PullReport.isSuccess($0.change) }) {
            throw CommandFailure(.findings)
        }
        if results.contains(where: { PullReport.isOpen($0, taking: taking) }) { throw CommandFailure(.conflicts) }
    }

    /// With `--branch` and no selector: every tracked agent (a branch is looked up on agents that exist).
    private func branchSelectors(_ chosen: [String], state: SyncState, environment: String) throws -> [String] {
        guard branchOption.branch != nil, chosen.isEmpty else { return chosen }
        let tracked = state.entries(of: .agents, in: environment).keys.sorted()
        guard !tracked.isEmpty else {
            throw CommandFailure.usage("pull --branch works on agents already tracked in `\(environment)`: "
                + "name agent files or agent IDs to pull")
        }
        return tracked
    }

    /// The working branch of each agent the selectors name (each tracked agent when there are none); pulling from a
    /// branch an agent lacks is an error before anything is written.
    private func branches(_ connection: Connection, selectors: [String], state: SyncState) async throws -> WorkingBranches {
        let tracked = state.entries(of: .agents, in: connection.environment)
        let fileOfID = Dictionary(tracked.map { ($0.value.id, $0.key) }, uniquingKeysWith: { first, _ in first })
        let files = selectors.isEmpty ? tracked.keys.sorted() : selectors.compactMap { tracked[$0] != nil ? $0 : fileOfID[$0] }
        let ids = selectors.filter { tracked[$0] == nil && fileOfID[$0] == nil }
        let branches = try await connection.workingBranches(branchOption.branch, files: files, ids: ids, state: state)
        guard let branch = branchOption.branch, !branches.missing.isEmpty else { return branches }
        throw CommandFailure(.findings, messages: branches.missing.sorted().map {
            "agent \($0) has no branch `\(VisibleText.escape(branch))` in `\(connection.environment)`; nothing was pulled"
        })
    }

    /// The selectors that choose items of `resource` (a file by its kind, an ID by the list it is in); nil when the
    /// selectors choose none of them. No selector chooses every item.
    private func selectors(of resource: Resource, connection: Connection) async throws -> [String]? {
        guard !selectors.isEmpty else { return [] }
        var chosen: [String] = []
        var listing: [ResourceListing]?
        for selector in selectors {
            if AgentFileFinder.isAgentFile(selector) {
                // A selector naming a file is taken from where the user stands.
                let file = connection.project.path(selector)
                let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
                if FileKind(path: file, text: text).rawValue == resource.kind { chosen.append(file) }
                continue
            }
            if resource == .agents {
                chosen.append(selector)
                continue
            }
            do { if listing == nil { listing = try await connection.service.list(resource) } } catch {
                try connection.stopIfKeyRefused()
                throw Connection.fail(error)
            }
            if listing?.contains(where: { $0.id == selector }) == true { chosen.append(selector) }
        }
        return chosen.isEmpty ? nil : chosen
    }
}

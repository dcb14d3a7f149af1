import ArgumentParser
import Foundation
import ConfigModel
import Remote

struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Apply agent files to the live agents: create new ones, patch only what changed.",
        discussion: """
        Validates first: any error stops the push before a single request is sent. Prints the plan, asks for \
        confirmation on a terminal, then creates or patches each agent (never the whole document), reads it back \
        and checks that every field was stored as sent. Refuses to overwrite edits made on the live agent since \
        the last sync unless --force. A file renamed (git mv) keeps its agent: the plan says "renamed". An agent \
        deleted on the server is planned to be created again. Each agent is recorded in agentctl.lock as it is \
        done, so an interrupted push is finished by running it again, without creating anything twice. \
        With --branch NAME each agent is worked on its branch of that name, recorded in agentctl.lock so later \
        commands stay on it (--branch Main returns to the main branch); a change of branch is told on stderr.

        EXAMPLES
          agentctl push --dry-run
          agentctl push agents/support-desk.yaml --env production --yes
          agentctl push --prune          (also delete live agents whose file was removed)
          agentctl push --branch pilot   (only each agent's branch `pilot`, made if missing)

        EXIT CODES
          0  everything applied (or nothing to do)
          1  an agent failed, was refused or rejected; or invalid files; or no confirmation
          2  usage or configuration error
          130, 143  interrupted by Ctrl-C or SIGTERM (run it again to finish)
        """
    )

    @Argument(help: "Agent files or directories (default: the agents directory).")
    var paths: [String] = []

    @Flag(name: .shortAndLong, help: "Do not ask for confirmation.")
    var yes = false

    @Flag(help: "Print the plan and send nothing.")
    var dryRun = false

    @Flag(help: "Overwrite fields that were also changed on the live agent since the last sync.")
    var force = false

    @Flag(help: "Delete live agents tracked in agentctl.lock whose file was removed (asks first).")
    var prune = false

    @Flag(help: "Show values that look like secrets (secret variables too) instead of masking them.")
    var showSecrets = false

    @OptionGroup var branchOption: BranchOption

    @OptionGroup var remote: RemoteOptions

    func validate() throws {
        if prune && branchOption.branch != nil {
            throw ValidationError("--prune deletes whole agents, every branch of them: it cannot be combined with --branch")
        }
    }

    func run() async throws {
        let connection = try Connection.open(remote, agentPaths: paths)
        let lock = try Connection.lockRepository()
        defer { lock.release() }
        var (plans, state, reconciled, files) = try await connection.plan(paths, concurrency: remote.concurrency,
                                                                          branch: branchOption.branch)
        // Agents are deleted before the tools and tests they name.
        let pruned = prune ? Resource.all.reversed().flatMap { Pruning.candidates($0, state: state, environment: connection.environment,
                                                                       unsure: Set(reconciled.unsure.keys)) } : []
        let variables = connection.variables, showSecrets = showSecrets
        let hide: @Sendable (String) -> String = { text in showSecrets ? text : variables.redact(text) }
        Terminal.output(hide(PlanReport.text(plans, reconciled: reconciled, pruned: pruned, environment: connection.environment,
                                             showSecrets: showSecrets, colour: Terminal.stdoutWantsColour)))
        let changing = plans.filter(\.comparison.hasChanges)
        guard !changing.isEmpty || !pruned.isEmpty else {
            if !dryRun && reconciled.changedState { try Connection.saveState(state) }
            return
        }
        if dryRun { return }
        try confirm()
        let checkpoint = LockCheckpoint()
        Interruption.stopCleanly("push", saving: checkpoint)
        let style = TextStyle(enabled: Terminal.stdoutWantsColour)
        let client = connection.client
        let changingAgents = changing.filter { $0.resource == .agents }.compactMap(\.id)
        let unbranched = await state.workingBranches.createMissing(on: changingAgents, client: client)
        guard unbranched.isEmpty else {
            try connection.stopIfKeyRefused()
            throw CommandFailure(.findings, messages: unbranched.map { "agent \($0.id): \($0.problem); nothing was pushed" })
        }
        var outcomes: [(file: String, outcome: Pusher.Outcome)] = []
        // Tools and tests first, each kind done before the next, so an agent's names resolve to IDs that exist.
        for resource in Resource.all {
            let plans = changing.filter { $0.resource == resource }
            guard !plans.isEmpty else { continue }
            let progress = ProgressLine(label: "pushing \(resource.plural)")
            progress.update(0, plans.count)
            let service = resource == .agents ? connection.service(on: state.workingBranches) : connection.service
            outcomes += await Pusher(resource, service: service)
                .push(plans, reading: files.read, environment: connection.environment, force: force, concurrency: remote.concurrency,
                      state: &state, recorded: checkpoint.recordPushed) { file, outcome in
                    // After a refused key every failure is that refusal again: it is told once, at the end.
                    let told = outcome.succeeded || client.keyRefusal == nil
                    progress.advance(reporting: told ? hide(PushReport.line(file, outcome, style: style)) : "")
                }
            progress.finish()
        }
        let (deleted, pruneFailures) = await Pruning.delete(pruned, service: connection.service,
                                                            environment: connection.environment, state: &state)
        try Connection.saveState(state)
        try connection.stopIfKeyRefused()
        Terminal.output(hide(PushReport.summary(outcomes, deleted: deleted, style: style)))
        if outcomes.contains(where: { !$0.outcome.succeeded }) || !pruneFailures.isEmpty {
            throw CommandFailure(.findings, messages: pruneFailures)
        }
    }

    private func confirm() throws {
        if yes { return }
        guard Terminal.isInteractive else {
            throw CommandFailure.findings("push needs confirmation, and there is no terminal to ask on; "
                + "pass --yes to apply, or --dry-run to only show the plan")
        }
        guard Terminal.confirm("Apply these changes to \(remote.environment ?? "the live agents")?") else {
            throw CommandFailure.findings("nothing was applied")
        }
    }
}

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
        done, so an interrupted push is finished by running it again, without creating anything twice.

        EXAMPLES
          agentctl push --dry-run
          agentctl push agents/support-desk.yaml --env production --yes
          agentctl push --prune          (also delete live agents whose file was removed)

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

    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        let connection = try Connection.open(remote, agentPaths: paths)
        let lock = try Connection.lockRepository()
        defer { lock.release() }
        var (plans, state, reconciled, files) = try await connection.plan(paths, concurrency: remote.concurrency)
        let pruned = prune ? Pruning.candidates(.agents, state: state, environment: connection.environment,
                                                unsure: Set(reconciled.unsure.keys)) : []
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
        let progress = ProgressLine(label: "pushing agents")
        progress.update(0, changing.count)
        let client = connection.client
        let outcomes = await Pusher(.agents, service: connection.service)
            .push(changing, reading: files.read, environment: connection.environment, force: force, concurrency: remote.concurrency,
                  state: &state, recorded: checkpoint.recordNow) { file, outcome in
                // After a refused key every failure is that refusal again: it is told once, at the end.
                let told = outcome.succeeded || client.keyRefusal == nil
                progress.advance(reporting: told ? hide(PushReport.line(file, outcome, style: style)) : "")
            }
        progress.finish()
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

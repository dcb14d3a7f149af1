import ArgumentParser
import ConfigModel
import Remote

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "One line per agent file: in sync, local changes, remote drift, conflict, not yet created, deleted remotely, or file missing.",
        discussion: """
        EXAMPLES
          agentctl status
          agentctl status --env production --exit-code
          agentctl status --branch pilot

        EXIT CODES
          0  every agent in sync (or, without --exit-code, the status was shown)
          1  error: invalid files, or the API could not be reached
          2  with --exit-code: something is not in sync; without it: usage or configuration error
        """
    )

    @Argument(help: "Agent files or directories (default: the agents directory).")
    var paths: [String] = []

    @Flag(help: "Exit 2 when anything is not in sync (as diff --exit-code).")
    var exitCode = false

    @OptionGroup var branchOption: BranchOption

    @OptionGroup var remote: RemoteOptions

    func run() async throws {
        let connection = try Connection.open(remote, agentPaths: paths)
        let (plans, state, reconciled, _) = try await connection.plan(paths, concurrency: remote.concurrency,
                                                                      branch: branchOption.branch)
        let missing = paths.isEmpty ? Resource.all.flatMap { Pruning.candidates($0, state: state, environment: connection.environment,
                                                                                unsure: Set(reconciled.unsure.keys)) } : []
        let lines = plans.map { SyncStatus(plan: $0) }.map { ($0.file, $0.id, $0.label) }
            + missing.map { ($0.file, $0.id, "file missing") }
            + reconciled.unsure.map { ($0.key, state[connection.environment, $0.key]?.id, "file missing, maybe renamed to "
                + $0.value.joined(separator: " or ")) }
        var out = ""
        for (file, id, label) in lines.sorted(by: { $0.0 < $1.0 }) {
            out += [file, connection.environment, id ?? "-", label].map(VisibleText.escape).joined(separator: "  ") + "\n"
        }
        Terminal.output(out)
        if exitCode && lines.contains(where: { $0.2 != SyncStatus.inSync }) { throw CommandFailure(.differences) }
    }
}

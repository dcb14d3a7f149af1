import ArgumentParser

struct AgentCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agentctl",
        abstract: "Keep ElevenLabs voice agents as reviewed, versioned configuration.",
        discussion: """
        Each agent is a YAML file in Git. agentctl validates it offline against the documented ranges, \
        diffs it with the live agent, pushes exactly the changed fields, and previews its turn-taking offline.

        EXAMPLES
          agentctl init                       (set up a repository for agents)
          agentctl validate agents/
          agentctl pull && agentctl diff && agentctl push
          agentctl simulate agents/support.yaml --script call.sim
          agentctl -C ~/voice-agents status      (run as if started in that folder)
          agentctl --generate-completion-script bash

        PROJECT
          Every command finds agentctl.yaml in the current folder or the nearest one above it (up to the top of the \
        Git repository) and works from there. -C DIR / --chdir DIR, before the command, runs as if started in DIR.

        EXIT CODES
          0  success
          1  problems found: validation errors (with --strict, warnings too), or an API request that failed
          2  usage or configuration error (such as an error in agentctl.yaml), or a file that cannot be read;
             with diff/status --exit-code: differences found
          3  pull: a conflict left as the file has it (no --theirs or --ours), or placeholder drift
        """,
        version: Version.description,
        subcommands: [
            ValidateCommand.self, PullCommand.self, DiffCommand.self, PushCommand.self, StatusCommand.self,
            TestCommand.self, MoveCommand.self, SimulateCommand.self, SchemaCommand.self, InitCommand.self,
        ]
    )
}

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
          agentctl --generate-completion-script bash

        EXIT CODES
          0  success
          1  problems found: validation errors (with --strict, warnings too), or an API request that failed
          2  usage or configuration error, or a file that cannot be read;
             with diff/status --exit-code: differences found
        """,
        version: Version.description,
        subcommands: [
            ValidateCommand.self, PullCommand.self, DiffCommand.self, PushCommand.self, StatusCommand.self,
            MoveCommand.self, SimulateCommand.self, SchemaCommand.self, InitCommand.self,
        ]
    )
}

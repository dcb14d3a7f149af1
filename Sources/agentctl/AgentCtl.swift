import ArgumentParser

struct AgentCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agentctl",
        abstract: "Keep ElevenLabs voice agents as reviewed, versioned configuration.",
        discussion: """
        Each agent is a YAML file in Git. agentctl validates it offline against the documented ranges, \
        and previews and applies changes to the live agent.

        EXAMPLES
          agentctl init                       (set up a repository for agents)
          agentctl validate agents/
          agentctl --generate-completion-script bash

        EXIT CODES
          0  success
          1  problems found (validation errors; with --strict, warnings too)
          2  usage error, or a file or directory that cannot be read
        """,
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, PullCommand.self, DiffCommand.self, PushCommand.self, StatusCommand.self,
            SimulateCommand.self, SchemaCommand.self, InitCommand.self,
        ]
    )
}

/// The exit codes every subcommand shares.
enum ExitStatus {
    static let findings: Int32 = 1
    static let usage: Int32 = 2
}

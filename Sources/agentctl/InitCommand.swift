import ArgumentParser
import ConfigModel
import AgentSchema

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set up a repository for agents: an example agent, project settings, pre-commit and the schema.",
        discussion: """
        Writes agents/front-desk.yaml (a commented example agent), agentctl.yaml (environments, API base URL \
        and the name of the environment variable holding each API key; never a key), .pre-commit-config.yaml \
        (validates agent files on every commit) and schemas/agent.schema.json, tool.schema.json and test.schema.json \
        (for editors: the modelines of the agent, tool and test files agentctl writes point at them), and adds .env \
        lines to .gitignore. Existing files are left alone unless --force is given; then the replaced ones are \
        listed. Each file is written atomically.

        EXAMPLES
          agentctl init
          agentctl init my-agents
          agentctl init --force        (replace the files init writes)

        EXIT CODES
          0  the files were written
          1  some files already exist; nothing was written (use --force)
          2  usage error, or a file cannot be written
        """
    )

    @Argument(help: "The directory to set up; created when missing.", completion: .directory)
    var directory = "."

    @Flag(help: "Replace files that already exist.")
    var force = false

    func run() throws {
        let changes: [(path: String, change: ProjectScaffold.Change)]
        do {
            let others = [FileKind.tool, .test].map { (name: $0.schemaFileName, text: FileJSONSchema($0).text) }
            changes = try ProjectScaffold(schema: FileJSONSchema(.agent).text, otherSchemas: others)
                .write(into: directory, force: force)
        } catch {
            if case .existing = error { throw CommandFailure.findings("\(error) (use --force to replace them)") }
            throw CommandFailure.usage("\(error)")
        }
        var out = ""
        for (path, change) in changes {
            let shown = ProjectScaffold.join(directory, path)
            switch change {
            case .created: out += "created \(shown)\n"
            case .replaced: out += "replaced \(shown)\n"
            case .extended(let lines): out += "added \(lines) line\(lines == 1 ? "" : "s") to \(shown)\n"
            }
        }
        out += "\nNext:\n" + (directory == "." ? "" : "  cd \(directory)\n")
        out += "  agentctl validate     check the agents in agents/\n"
        out += "  pre-commit install    validate them on every commit (in a Git repository)\n"
        Terminal.output(out)
    }
}

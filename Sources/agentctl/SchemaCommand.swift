import AgentSchema
import ArgumentParser
import ConfigModel
import Validation

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of an agent, tool or test file, or the configuration reference in Markdown.",
        discussion: """
        Both come from the rules table that validate checks. Editors on the YAML language server (VS Code, \
        Neovim) read the schema from the first line of a file:
          # yaml-language-server: $schema=../schemas/agent.schema.json
        The line also tells validate the kind of a file outside agents/, tools/ and tests/.
        Inside typed sections the schema rejects keys it does not know, as validate --strict does: JSON Schema \
        cannot tell a typo from a field the API added later. Editors show these as warnings.

        EXAMPLES
          agentctl schema --output schemas/agent.schema.json
          agentctl schema --format markdown --output docs/configuration.md
          agentctl schema --kind tool --output schemas/tool.schema.json
          agentctl schema --kind test --format markdown --output docs/test-files.md
          agentctl schema --kind project --output schemas/project.schema.json

        EXIT CODES
          0  printed or written
          2  usage error, or the output file cannot be written
        """
    )

    enum Format: String, ArgumentChoice {
        case json, markdown
    }

    @Option(help: "What to produce: json (the JSON Schema) or markdown (the configuration reference).")
    var format: Format = .json

    @Option(help: "Which kind of file: agent, tool, test, or project (agentctl.yaml).")
    var kind: SchemaKind = .agent

    @Option(name: [.short, .long], help: "Write to this file (atomically) instead of stdout.", completion: .file())
    var output: String?

    /// The kinds of file with a schema: the resource files, and the project file.
    enum SchemaKind: String, ArgumentChoice {
        case agent, tool, test, project

        var file: FileKind? { FileKind(rawValue: rawValue) }
    }

    func validate() throws {
        if kind == .project, format == .markdown {
            throw ValidationError("the project file has no Markdown reference: its keys are described in its JSON Schema "
                + "(agentctl schema --kind project) and the README")
        }
    }

    func run() throws {
        let text = switch (kind.file, format) {
        case (let file?, .json): FileJSONSchema(file).text
        case (let file?, .markdown): ConfigurationReference(file).markdown
        case (nil, _): FileJSONSchema.project.text
        }
        guard let output else { return Terminal.output(text) }
        do {
            try AtomicFile.write(text, to: output)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
    }
}


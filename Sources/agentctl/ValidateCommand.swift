import AgentSchema
import ArgumentParser
import ConfigModel
import Foundation
import Remote
import Validation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check agent, tool and test files offline against the documented fields, ranges and guidance.",
        discussion: """
        Directories are walked for *.yaml and *.yml files (by default the project's agents folder, and tools/ and \
        tests/ beside it, those that exist, with agentctl.yaml itself). A file's kind is the schema its modeline names (# yaml-language-server: \
        $schema=../schemas/tool.schema.json), else its folder (tools/, tests/, agents/), else agent. Agents name \
        tools and tests by file (tool:book-appointment for tools/book-appointment.yaml); each name must be a file \
        in the tools/ or tests/ folder beside the agent's folder. Every problem in every file is reported, as \
        file:line:col with the source line, a caret and the rule id.

        EXAMPLES
          agentctl validate
          agentctl validate agents/support.yaml --strict
          agentctl validate tools/ tests/
          agentctl validate --format github        (annotations in GitHub Actions)
          agentctl validate - --stdin-filename agents/support.yaml < support.yaml

        EXIT CODES
          0  no errors (warnings may remain unless --strict)
          1  errors found (with --strict, warnings too)
          2  usage error, a path that does not exist or cannot be read, or errors in agentctl.yaml
        """
    )

    @Argument(help: "Files or directories to check (default: agents, tools and tests); `-` reads standard input.",
              completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []

    @Option(help: "The file name to show in messages about standard input (`-`).")
    var stdinFilename: String?

    @Option(help: "Output format: text, json or github.")
    var format: DiagnosticRenderer.Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .customLong("env"),
            help: "The environment whose variables file resolves ${NAME} values (default: the default or only one).")
    var environment: String?

    func validate() throws {
        if stdinFilename != nil, !paths.contains("-") {
            throw ValidationError("--stdin-filename names standard input, which is read only when `-` is among the paths")
        }
    }

    func run() throws {
        let project = try Project.enter()
        var sources: [ValidationReport.Source] = []
        if paths.contains("-") {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            sources.append(.text(name: stdinFilename.map(project.path) ?? "<stdin>", bytes: bytes))
        }
        if paths.isEmpty, project.folder.hasSettingsFile { sources.append(.file(ProjectFile.fileName)) }
        let searched = paths.isEmpty ? try Self.defaultFolders(project) : project.paths(paths.filter { $0 != "-" })
        let files: [String]
        do {
            files = try AgentFileFinder.files(in: searched)
        } catch {
            let hint = if case .notAFile = error { "; to check text from a pipe, pass `-` (standard input)" } else { "" }
            throw CommandFailure.usage("\(error)\(hint)")
        }
        sources += files.map(ValidationReport.Source.file)
        guard !sources.isEmpty else {
            throw CommandFailure.usage("no files (*.yaml, *.yml) in \(searched.joined(separator: ", "))")
        }
        let variables = try VariableLoading.offline(requested: environment, projectFileIsChecked: true)
        let report = ValidationReport(sources: sources, strict: strict, validator: Validator(variables: variables))
        Terminal.output(variables.redact(report.rendered(format, style: TextStyle(enabled: Terminal.stdoutWantsColour))))
        // The problems are on stdout already; only the exit status is left to give.
        // An unreadable file, or a project file with errors (a configuration error, as every command reports it).
        let projectBroken = report.files.contains { $0.file == ProjectFile.fileName && $0.diagnostics.contains { $0.severity == .error } }
        if projectBroken || report.files.contains(where: { $0.text == nil }) { throw CommandFailure(.usage) }
        if report.hasErrors { throw CommandFailure(.findings) }
    }

    /// The project's agents folder and the tools and tests folders beside it, those that exist. None is a problem
    /// (saying to run `agentctl init` where there is no project file) unless agentctl.yaml has problems of its own.
    private static func defaultFolders(_ project: Project) throws -> [String] {
        let settings = (try? ProjectSettings.load()) ?? ProjectSettings()
        let agents = settings.agentsDirectory
        let beside = (agents as NSString).deletingLastPathComponent
        let folders = [agents] + [FileKind.tool, .test].map { beside.isEmpty ? $0.folder : beside + "/" + $0.folder }
        let existing = folders.filter { FileManager.default.fileExists(atPath: $0) }
        if existing.isEmpty, project.settingsProblems()?.hasErrors != true { _ = try project.agentsFolder(settings) }
        return existing
    }
}

extension DiagnosticRenderer.Format: ArgumentChoice {}

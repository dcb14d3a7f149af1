import AgentSchema
import ArgumentParser
import ConfigModel
import Foundation
import Validation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check agent, tool and test files offline against the documented fields, ranges and guidance.",
        discussion: """
        Directories are walked for *.yaml and *.yml files (by default agents/, tools/ and tests/, those that \
        exist). A file's kind is the schema its modeline names (# yaml-language-server: \
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
          2  usage error, or a path that does not exist or cannot be read
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

    func validate() throws {
        if stdinFilename != nil, !paths.contains("-") {
            throw ValidationError("--stdin-filename names standard input, which is read only when `-` is among the paths")
        }
    }

    func run() throws {
        var sources: [ValidationReport.Source] = []
        if paths.contains("-") {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            sources.append(.text(name: stdinFilename ?? "<stdin>", bytes: bytes))
        }
        let searched = paths.isEmpty ? Self.defaultFolders : paths.filter { $0 != "-" }
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
        let report = ValidationReport(sources: sources, strict: strict)
        Terminal.output(report.rendered(format, style: TextStyle(enabled: Terminal.stdoutWantsColour)))
        // The problems are on stdout already; only the exit status is left to give.
        if report.files.contains(where: { $0.text == nil }) { throw CommandFailure(.usage) }
        if report.hasErrors { throw CommandFailure(.findings) }
    }

    /// The folders of every kind that exist here; `agents` alone when none does, so its absence is reported.
    private static var defaultFolders: [String] {
        let existing = FileKind.allCases.map(\.folder).filter { FileManager.default.fileExists(atPath: $0) }
        return existing.isEmpty ? [FileKind.agent.folder] : existing
    }
}

extension DiagnosticRenderer.Format: ExpressibleByArgument {}

import ArgumentParser
import ConfigModel
import Foundation
import Validation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check agent files offline against the documented fields, ranges and guidance.",
        discussion: """
        Directories are walked for *.yaml and *.yml files. Every problem in every file is reported, \
        as file:line:col with the source line, a caret and the rule id.

        EXAMPLES
          agentctl validate
          agentctl validate agents/support.yaml --strict
          agentctl validate --format github        (annotations in GitHub Actions)
          agentctl validate - --stdin-filename agents/support.yaml < support.yaml

        EXIT CODES
          0  no errors (warnings may remain unless --strict)
          1  errors found (with --strict, warnings too)
          2  usage error, or a path that does not exist or cannot be read
        """
    )

    @Argument(help: "Agent files or directories to check; `-` reads standard input.",
              completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = ["agents"]

    @Option(help: "The file name to show in messages about standard input (`-`).")
    var stdinFilename: String?

    @Option(help: "Output format: text, json or github.")
    var format: DiagnosticRendering.Format = .text

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
        let files: [String]
        do {
            files = try AgentFileFinder.files(in: paths.filter { $0 != "-" })
        } catch {
            let hint = if case .notAFile = error { "; to check text from a pipe, pass `-` (standard input)" } else { "" }
            Terminal.error("agentctl: error: \(error)\(hint)")
            throw ExitCode(ExitStatus.usage)
        }
        sources += files.map(ValidationReport.Source.file)
        guard !sources.isEmpty else {
            Terminal.error("agentctl: error: no agent files (*.yaml, *.yml) in \(paths.joined(separator: ", "))")
            throw ExitCode(ExitStatus.usage)
        }
        let report = ValidationReport(sources: sources, strict: strict)
        Terminal.output(DiagnosticRendering.render(report, format: format, colour: Terminal.stdoutWantsColour))
        if report.files.contains(where: { $0.text == nil }) { throw ExitCode(ExitStatus.usage) }
        if report.hasErrors { throw ExitCode(ExitStatus.findings) }
    }
}

extension DiagnosticRendering.Format: ExpressibleByArgument {}

import ArgumentParser
import ConfigModel
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

        EXIT CODES
          0  no errors (warnings may remain unless --strict)
          1  errors found (with --strict, warnings too)
          2  usage error, or a path that does not exist or cannot be read
        """
    )

    @Argument(help: "Agent files or directories to check.", completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = ["agents"]

    @Option(help: "Output format: text, json or github.")
    var format: DiagnosticRendering.Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let files: [String]
        do {
            files = try AgentFileFinder.files(in: paths)
        } catch {
            Terminal.error("agentctl: error: \(error)")
            throw ExitCode(ExitStatus.usage)
        }
        guard !files.isEmpty else {
            Terminal.error("agentctl: error: no agent files (*.yaml, *.yml) in \(paths.joined(separator: ", "))")
            throw ExitCode(ExitStatus.usage)
        }
        let report = ValidationReport(paths: files, strict: strict)
        Terminal.output(DiagnosticRendering.render(report, format: format, colour: Terminal.stdoutWantsColour))
        if report.files.contains(where: { $0.text == nil }) { throw ExitCode(ExitStatus.usage) }
        if report.hasErrors { throw ExitCode(ExitStatus.findings) }
    }
}

extension DiagnosticRendering.Format: ExpressibleByArgument {}

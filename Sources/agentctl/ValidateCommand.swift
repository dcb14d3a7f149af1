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
    var format: DiagnosticRenderer.Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .customLong("env"), help: "The environment whose variables file resolves ${NAME} values (default: the default or only one).")
    var environment: String?

    func run() throws {
        let files: [String]
        do {
            files = try AgentFileFinder.files(in: paths)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        guard !files.isEmpty else {
            throw CommandFailure.usage("no agent files (*.yaml, *.yml) in \(paths.joined(separator: ", "))")
        }
        let variables = try VariableLoading.offline(requested: environment)
        let report = ValidationReport(paths: files, strict: strict, validator: Validator(variables: variables))
        Terminal.output(variables.redact(report.rendered(format, style: TextStyle(enabled: Terminal.stdoutWantsColour))))
        // The problems are on stdout already; only the exit status is left to give.
        if report.files.contains(where: { $0.text == nil }) { throw CommandFailure(.usage) }
        if report.hasErrors { throw CommandFailure(.findings) }
    }
}

extension DiagnosticRenderer.Format: ExpressibleByArgument {}

import ArgumentParser
import Foundation

/// Runs the command and turns every outcome into the documented exit code: 0 success, 1 findings, 2 usage or I/O.
@main
enum Entry {
    static func main() async {
        if let message = UnknownCommand.message(for: Array(CommandLine.arguments.dropFirst())) {
            Terminal.error(message)
            exit(ExitStatus.usage)
        }
        do {
            var command = try AgentCtl.parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = AgentCtl.exitCode(for: error)
            let message = AgentCtl.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                exit(0)
            }
            if !message.isEmpty { Terminal.error(message) }
            exit(code == .validationFailure ? ExitStatus.usage : code.rawValue)
        }
    }
}

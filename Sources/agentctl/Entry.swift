import ArgumentParser
import Foundation

/// Runs the command and turns every outcome into the documented exit code: 0 success, 1 findings, 2 usage or I/O.
/// This is the one place a failure is printed.
@main
enum Entry {
    static func main() async {
        do {
            let (folders, arguments) = try GlobalOptions.split(Array(CommandLine.arguments.dropFirst()))
            try GlobalOptions.enter(folders)
            if let message = UnknownCommand.message(for: arguments) {
                throw CommandFailure.usage(message)
            }
            var command = try AgentCtl.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            if !failure.text.isEmpty { Terminal.error(failure.text) }
            exit(failure.status.code)
        } catch {
            let code = AgentCtl.exitCode(for: error)
            let message = AgentCtl.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                exit(0)
            }
            if !message.isEmpty { Terminal.error(message) }
            exit(code == .validationFailure ? ExitStatus.usage.code : code.rawValue)
        }
    }
}

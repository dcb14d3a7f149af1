import ArgumentParser
import Validation

/// A first word that names no command gets a did-you-mean, as `git` gives, instead of "Unexpected argument".
enum UnknownCommand {
    /// The problem with `arguments` (after the program name) when they start with, or ask help for, an unknown command.
    static func message(for arguments: [String]) -> String? {
        let names = AgentCtl.configuration.subcommands.compactMap { $0.configuration.commandName }
        let asksHelp = arguments.first == "help"
        guard let word = asksHelp ? arguments.dropFirst().first : arguments.first,
              !word.hasPrefix("-"), !(names + ["help"]).contains(word) else { return nil }
        let hint = DidYouMean.suggestion(for: word, among: names).map { "did you mean '\($0)'?" }
            ?? "the commands are \(names.joined(separator: ", "))"
        return "unknown command '\(word)'; \(hint) (see 'agentctl --help')"
    }
}

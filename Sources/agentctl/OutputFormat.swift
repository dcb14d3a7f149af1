import ArgumentParser

/// `--format` for commands whose output is either for people or for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

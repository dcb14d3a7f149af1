import ArgumentParser

/// `--format` for commands whose output is either for people or for programs.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `simulate --format`: the timeline for people or programs, or expectation results for CI.
enum SimulateFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, junit
}

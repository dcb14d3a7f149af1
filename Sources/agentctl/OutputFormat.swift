import ArgumentParser

/// `--format` for commands whose output is either for people or for programs.
enum OutputFormat: String, ArgumentChoice {
    case text, json
}

/// `simulate --format`: the timeline for people or programs, expectation results for CI, or a picture.
enum SimulateFormat: String, ArgumentChoice {
    case text, json, github, junit, svg
}

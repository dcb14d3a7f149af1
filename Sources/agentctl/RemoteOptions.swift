import ArgumentParser

/// The options every command that talks to the API shares.
struct RemoteOptions: ParsableArguments {
    @Option(name: .customLong("env"), help: "The environment in agentctl.yaml to use (default: its default_environment).")
    var environment: String?

    @Option(help: "API base URL or residency name (overrides ELEVENLABS_BASE_URL and agentctl.yaml).")
    var baseURL: String?

    @Option(help: "Read the API key from this file instead of the environment variable.")
    var apiKeyFile: String?

    @Option(help: "How many requests may be in flight at once.")
    var concurrency: Int = 8

    @Option(help: "Seconds to wait for one answer before the attempt counts as failed.")
    var timeout: Double = 30

    @Flag(help: "Print each request (method, URL, status, time) to stderr. The API key is never printed.")
    var verbose = false

    func validate() throws {
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
        guard timeout > 0, timeout <= 600 else { throw ValidationError("--timeout must be more than 0 and at most 600 seconds") }
    }
}

/// `--branch` of the commands that read or change agents: pull, diff, push and status.
struct BranchOption: ParsableArguments {
    @Option(help: ArgumentHelp("Work on each agent's branch of this name instead of the branch agentctl.lock records "
        + "(by default the main branch); push creates it, from the main branch, on an agent that lacks it.",
        valueName: "name"))
    var branch: String?
}

import ConfigModel
import Foundation
import Remote

/// Everything a remote command needs before its first request: the project (entered), its checked settings, the
/// chosen environment, and a client with that environment's base URL and key. Problems here are configuration
/// errors (exit 2).
struct Connection {
    let project: Project
    let settings: ProjectSettings
    let environment: String
    let client: APIClient
    let service: any ResourceService
    /// What `${NAME}` placeholders resolve to in this environment.
    let variables: Variables

    /// `agentPaths`: the files a command works on, when it works on agent files (not pull); none means the agents
    /// folder, whose absence is told before any missing key.
    static func open(_ options: RemoteOptions, agentPaths: [String]? = nil) throws -> Connection {
        let project = try Project.enter()
        let settings = try project.settings()
        let name: String
        do { name = try settings.environmentName(options.environment) } catch {
            throw configuration(commandLineMessage(error))
        }
        if agentPaths?.isEmpty == true { _ = try project.agentsFolder(settings) }
        let access: APIAccess
        do {
            access = try APIAccess(baseURLFlag: options.baseURL, apiKeyFileFlag: options.apiKeyFile.map(project.path),
                                   settings: settings.environment(name))
        } catch {
            throw configuration(commandLineMessage(error))
        }
        var trace: (@Sendable (RequestTrace) -> Void)?
        if options.verbose {
            trace = { (request: RequestTrace) in Terminal.error("agentctl: \(request)") }
        }
        var configuration = APIClient.Configuration(baseURL: access.baseURL, apiKey: access.apiKey,
                                                    concurrency: options.concurrency, timeout: .seconds(options.timeout),
                                                    trace: trace)
        configuration.wording = .commandLine
        let client = APIClient(configuration)
        return Connection(project: project, settings: settings, environment: name, client: client,
                          service: RemoteResources(client: client),
                          variables: try VariableLoading.variables(settings: settings, environment: name))
    }

    /// The agent files under `paths` (validated) set against their live agents in this environment, with the state
    /// (renamed files and interrupted creates already reconciled in it). Files are read one at a time, and again for
    /// each comparison (`files` reads them), so memory is bounded by the concurrency, not the workspace.
    func plan(_ paths: [String], concurrency: Int) async throws
        -> (plans: [PlannedFile], state: SyncState, reconciled: Reconciling.Reconciled, files: AgentFileLoading) {
        let named = paths.isEmpty ? [try project.agentsFolder(settings)] : project.paths(paths)
        var state = try loadState()
        let files = AgentFileLoading(variables: variables)
        let found = try files.scan(paths: named, defaultDirectory: settings.agentsDirectory,
                                   hashed: Reconciling.needsHashes(.agents, environment: environment, state: state))
        var reconciled = Reconciling.renames(.agents, files: found, environment: environment, state: &state)
        do {
            reconciled.adopted = try await Reconciling.adoptInterruptedCreates(.agents, files: found.map(\.file), reading: files.read,
                                                                               environment: environment, service: service, state: &state)
        } catch {
            try stopIfKeyRefused()
            throw Self.fail(error)
        }
        let progress = ProgressLine(label: "reading live agents")
        let results = await Planner(.agents, service: service)
            .plan(found.map(\.file), reading: files.read, environment: environment, state: state, concurrency: concurrency,
                  renames: reconciled.renamed, progress: progress.update)
        progress.finish()
        try stopIfKeyRefused()
        return (try Self.plans(results), state, reconciled, files)
    }

    /// Per file, the fields whose value came from a secret variable.
    static func secretPaths(_ plans: [PlannedFile]) -> [String: [[String]]] {
        Dictionary(plans.map { ($0.file, $0.secretPaths) }, uniquingKeysWith: { first, _ in first })
    }

    /// Once the server refused the key (401, 403), one line for the whole command: every later failure is that
    /// refusal again, and no request was started after it.
    func stopIfKeyRefused() throws {
        guard let refusal = client.keyRefusal?.keyRefusal else { return }
        throw CommandFailure.findings("environment `\(environment)`: \(refusal); no further request was started")
    }

    /// The lock, after removing what killed writes left behind (their temporary files).
    func loadState() throws -> SyncState {
        AtomicFile.removeLeftovers(in: ".")
        AtomicFile.removeLeftovers(in: settings.agentsDirectory)
        do { return try SyncState.load() } catch {
            throw CommandFailure.located([error], status: .usage)
        }
    }

    /// The final save of a command: the lock, then the bases it no longer names are dropped.
    static func saveState(_ state: SyncState) throws {
        do { try state.saveAndCollect() } catch {
            throw CommandFailure.findings("\(error)")
        }
    }

    static func lockRepository() throws -> RepositoryLock {
        do { return try RepositoryLock.acquire() } catch {
            throw CommandFailure.findings("\(error)")
        }
    }

    /// The plans, or every reason some could not be made (a live agent that cannot be read stops the command).
    static func plans(_ results: [Result<PlannedFile, Planner.Failure>]) throws -> [PlannedFile] {
        var plans: [PlannedFile] = []
        var failures: [String] = []
        for result in results {
            switch result {
            case .success(let plan): plans.append(plan)
            case .failure(let failure): failures.append("\(failure)")
            }
        }
        guard failures.isEmpty else { throw CommandFailure(.findings, messages: failures) }
        return plans
    }

    /// A request that failed outright: its message (which never holds the key) and exit 1.
    static func fail(_ error: any Error) -> CommandFailure {
        CommandFailure.findings("\(error)")
    }

    private static func configuration(_ message: String) -> CommandFailure {
        CommandFailure.usage(message)
    }
}

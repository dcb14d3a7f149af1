import ConfigModel
import Foundation
import Remote

/// Everything a remote command needs before its first request: the project's settings, the chosen environment,
/// and a client with that environment's base URL and key. Problems here are configuration errors (exit 2).
struct Connection {
    let settings: ProjectSettings
    let environment: String
    let service: any ResourceService
    /// What `${NAME}` placeholders resolve to in this environment.
    let variables: Variables

    static func open(_ options: RemoteOptions) throws -> Connection {
        let settings: ProjectSettings
        do { settings = try ProjectSettings.load() } catch {
            throw CommandFailure.located([error], status: .usage)
        }
        let name: String
        do { name = try settings.environmentName(options.environment) } catch {
            throw configuration("\(error)")
        }
        let access: APIAccess
        do {
            access = try APIAccess(baseURLFlag: options.baseURL, apiKeyFileFlag: options.apiKeyFile,
                                   settings: settings.environment(name))
        } catch {
            throw configuration("\(error)")
        }
        var trace: (@Sendable (RequestTrace) -> Void)?
        if options.verbose {
            trace = { (request: RequestTrace) in Terminal.error("agentctl: \(request)") }
        }
        let client = APIClient(.init(baseURL: access.baseURL, apiKey: access.apiKey, concurrency: options.concurrency,
                                     timeout: .seconds(options.timeout), trace: trace))
        return Connection(settings: settings, environment: name, service: RemoteResources(client: client),
                          variables: try VariableLoading.variables(settings: settings, environment: name))
    }

    /// The agent files under `paths` (validated) set against their live agents in this environment, with the state.
    func plan(_ paths: [String], concurrency: Int) async throws -> (plans: [PlannedFile], state: SyncState) {
        let documents = try AgentFileLoading.load(paths: paths, defaultDirectory: settings.agentsDirectory,
                                                   variables: variables)
        let state = try Self.loadState()
        let results = await Planner(.agents, service: service)
            .plan(documents, environment: environment, state: state, concurrency: concurrency)
        return (try Self.plans(results), state)
    }

    /// Per file, the fields whose value came from a secret variable.
    static func secretPaths(_ plans: [PlannedFile]) -> [String: [[String]]] {
        Dictionary(plans.map { ($0.file, $0.document.secretPaths) }, uniquingKeysWith: { first, _ in first })
    }

    static func loadState() throws -> SyncState {
        do { return try SyncState.load() } catch {
            throw CommandFailure.located([error], status: .usage)
        }
    }

    static func saveState(_ state: SyncState) throws {
        do { try state.save() } catch {
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

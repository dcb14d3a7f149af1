import ConfigModel
import Foundation
import Remote

/// Everything a remote command needs before its first request: the project's settings, the chosen environment,
/// and a client with that environment's base URL and key. Problems here are configuration errors (exit 2).
struct Connection {
    let settings: ProjectSettings
    let environment: String
    let service: any AgentsService

    static let baseURLVariable = "ELEVENLABS_BASE_URL"

    static func open(_ options: RemoteOptions) throws -> Connection {
        let settings: ProjectSettings
        do { settings = try ProjectSettings.load() } catch {
            throw CommandFailure.located([error], status: .usage)
        }
        let name: String
        do { name = try settings.environmentName(options.environment) } catch {
            throw configuration("\(error)")
        }
        let environment = settings.environment(name)
        // Precedence: the flag, then the environment variable, then agentctl.yaml, then the global host.
        let urlText = options.baseURL ?? ProcessInfo.processInfo.environment[baseURLVariable] ?? environment.base_url
        let baseURL: APIBaseURL
        do { baseURL = try urlText.map(APIBaseURL.init) ?? .production } catch {
            throw configuration("\(error)")
        }
        let key: APIKey
        do {
            if let file = options.apiKeyFile ?? environment.api_key_file {
                key = try APIKey.fromFile(file)
            } else {
                key = try APIKey.fromEnvironment(variable: environment.api_key_env ?? APIKey.defaultVariable)
            }
        } catch {
            throw configuration("\(error)")
        }
        var trace: (@Sendable (RequestTrace) -> Void)?
        if options.verbose {
            trace = { (request: RequestTrace) in Terminal.error("agentctl: \(request)") }
        }
        let client = APIClient(.init(baseURL: baseURL, apiKey: key, concurrency: options.concurrency, trace: trace))
        return Connection(settings: settings, environment: name, service: AgentsAPI(client: client))
    }

    /// The agent files under `paths` (validated) set against their live agents in this environment, with the state.
    func plan(_ paths: [String], concurrency: Int) async throws -> (plans: [PlannedAgent], state: SyncState) {
        let documents = try AgentFileLoading.load(paths: paths, defaultDirectory: settings.agentsDirectory)
        let state = try Self.loadState()
        let results = await Planner(service: service)
            .plan(documents, environment: environment, state: state, concurrency: concurrency)
        return (try Self.plans(results), state)
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
    static func plans(_ results: [Result<PlannedAgent, Planner.Failure>]) throws -> [PlannedAgent] {
        var plans: [PlannedAgent] = []
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

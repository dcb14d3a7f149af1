import ConfigModel
import Foundation
import Remote

/// Everything a remote command needs before its first request: the project's settings, the chosen environment,
/// and a client with that environment's base URL and key. Problems here are configuration errors (exit 2).
struct Connection {
    let settings: ProjectSettings
    let environment: String
    let service: any ResourceService

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
        return Connection(settings: settings, environment: name, service: RemoteResources(client: client))
    }

    /// The agent files under `paths` (validated) set against their live agents in this environment, with the state
    /// (renamed files and interrupted creates already reconciled in it).
    func plan(_ paths: [String], concurrency: Int) async throws
        -> (plans: [PlannedFile], state: SyncState, reconciled: Reconciling.Reconciled) {
        let documents = try AgentFileLoading.load(paths: paths, defaultDirectory: settings.agentsDirectory)
        var state = try loadState()
        var reconciled = Reconciling.renames(.agents, documents: documents, environment: environment, state: &state)
        do {
            reconciled.adopted = try await Reconciling.adoptInterruptedCreates(.agents, documents: documents, environment: environment,
                                                              service: service, state: &state)
        } catch {
            throw Self.fail(error)
        }
        let results = await Planner(.agents, service: service)
            .plan(documents, environment: environment, state: state, concurrency: concurrency, renames: reconciled.renamed)
        return (try Self.plans(results), state, reconciled)
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

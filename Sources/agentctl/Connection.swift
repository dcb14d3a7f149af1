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

    /// The files under `paths` (validated; by default the agents, tools and tests folders) set against their live
    /// resources in this environment, each agent on its working branch (`branch`, else the one the lock records), with
    /// the state (renamed files and interrupted creates already reconciled in it, and the working branches). Every name
    /// a file gives another resource must have an ID here, or be a file this command creates first. Files are read one
    /// at a time, and again for each comparison (`files` reads them), so memory is bounded by the concurrency, not the
    /// workspace.
    func plan(_ paths: [String], concurrency: Int, branch: String? = nil) async throws
        -> (plans: [PlannedFile], state: SyncState, reconciled: Reconciling.Reconciled, files: AgentFileLoading) {
        let named = paths.isEmpty ? try resourceFolders() : project.paths(paths)
        var state = try loadState()
        let files = AgentFileLoading(variables: variables)
        // Asked once a resource, not once a file: each asking looks at every tracked file on disk.
        let hashing = Resource.all.filter { Reconciling.needsHashes($0, environment: environment, state: state) }
        let found = try files.scan(paths: named, defaultDirectory: settings.agentsDirectory,
                                   references: ReferenceMap(state: state, environment: environment)) { hashing.contains($0) }
        var plans: [PlannedFile] = []
        var reconciled = Reconciling.Reconciled()
        for resource in Resource.all {
            let planned = try await plan(resource, found: found.filter { $0.resource == resource }, files: files,
                                         concurrency: concurrency, branch: branch, state: &state)
            plans += planned.plans
            reconciled.renamed += planned.reconciled.renamed
            reconciled.unsure.merge(planned.reconciled.unsure) { first, _ in first }
            reconciled.adopted += planned.reconciled.adopted
        }
        return (plans, state, reconciled, files)
    }

    private func plan(_ resource: Resource, found: [LocalFile], files: AgentFileLoading, concurrency: Int, branch: String?,
                      state: inout SyncState) async throws
        -> (plans: [PlannedFile], reconciled: Reconciling.Reconciled) {
        var reconciled = Reconciling.renames(resource, files: found, environment: environment, state: &state)
        guard !found.isEmpty else { return ([], reconciled) }
        let paths = found.map(\.file)
        do {
            reconciled.adopted = try await Reconciling.adoptInterruptedCreates(resource, files: paths, reading: files.read,
                                                                               environment: environment, service: service, state: &state)
        } catch {
            try stopIfKeyRefused()
            throw Self.fail(error)
        }
        var planned = service
        if resource == .agents {
            if let branch, let new = paths.first(where: { state.entry($0, of: .agents, in: environment) == nil }) {
                throw CommandFailure.usage("\(VisibleText.escape(new)) has no live agent in `\(environment)` yet, and a new "
                    + "agent starts on its main branch, not on `\(VisibleText.escape(branch))`: push it without --branch first")
            }
            state.workingBranches = try await workingBranches(branch, files: paths, state: state)
            planned = service(on: state.workingBranches)
        }
        let progress = ProgressLine(label: "reading live \(resource.plural)")
        let results = await Planner(resource, service: planned)
            .plan(paths, reading: files.read, environment: environment, state: state, concurrency: concurrency,
                  renames: reconciled.renamed, progress: progress.update)
        progress.finish()
        try stopIfKeyRefused()
        return (try Self.plans(results), reconciled)
    }

    /// The agents folder (which must exist), and the tools and tests folders where there are any.
    func resourceFolders() throws -> [String] {
        let agents = try project.agentsFolder(settings)
        return [agents] + Resource.all.filter { $0 != .agents }.map(settings.directory)
            .filter { FileManager.default.fileExists(atPath: $0) }
    }

    /// The working branch of each tracked file's agent: `requested` (looked up on each agent), else the branch the lock
    /// records; each file that changes branch is told on stderr (when `tellSwitches`: a switch matters to a
    /// comparison with the last sync). `ids`: untracked agents, by ID.
    func workingBranches(_ requested: String?, files: [String], ids: [String] = [], state: SyncState,
                         tellSwitches: Bool = true) async throws -> WorkingBranches {
        let tracked = files.compactMap { file in state.entry(file, of: .agents, in: environment).map { (file: file, entry: $0) } }
        let agents = tracked.map { (id: $0.entry.id, recorded: $0.entry.branch) } + ids.map { (id: $0, recorded: AgentBranch?.none) }
        let branches: WorkingBranches
        do {
            branches = try await WorkingBranches.resolve(requested, agents: agents,
                                                         client: client, concurrency: client.configuration.concurrency)
        } catch {
            try stopIfKeyRefused()
            throw Self.fail(error)
        }
        for note in tellSwitches ? branches.switches(tracked, environment: environment) : [] {
            Terminal.error("agentctl: note: \(note)")
        }
        return branches
    }

    /// The API with each agent on its working branch.
    func service(on branches: WorkingBranches) -> any ResourceService {
        branches.isEmpty ? service : BranchedResources(client: client, branches: branches)
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
        for resource in Resource.all { AtomicFile.removeLeftovers(in: settings.directory(of: resource)) }
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

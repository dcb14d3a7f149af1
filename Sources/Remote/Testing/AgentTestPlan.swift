import AgentSchema
import ConfigModel

/// One agent to test: its file, its live ID in the environment (from agentctl.lock) and the tests to run on it.
public struct AgentTestPlan: Sendable {
    public let file: String
    public let agentID: String
    public let tests: [SelectedTest]

    /// Each agent file set against the lock and its tests: the tests named on the command line (`named`), else the
    /// file's attached tests; the agents with none are `untested`. Every problem is told at once, located: a file not
    /// in the lock for `environment`, a test name with no ID there, no agent with any test.
    public static func plans(_ documents: [AgentDocument], named: [String], state: SyncState, environment: String,
                             lookup: ReferenceLookup) -> Result<(plans: [AgentTestPlan], untested: [String]), TestSelection.LocatedProblems> {
        var plans: [AgentTestPlan] = []
        var untested: [AgentDocument] = []
        var problems: [Diagnostic] = []
        for document in documents {
            let top = SourceMark(file: document.file, line: 1, column: 1)
            guard let entry = state.entry(document.file, of: .agents, in: environment) else {
                problems.append(.error(.notSynced, "this agent is not in \(SyncState.fileName) for environment `\(environment)`, "
                    + "so it has no live agent to test there: push or pull it first", at: top))
                continue
            }
            let chosen: Result<[SelectedTest], TestSelection.LocatedProblems>
            if named.isEmpty {
                chosen = TestSelection.attached(in: document, lookup: lookup)
            } else {
                chosen = TestSelection.named(named, for: document, lookup: lookup)
                    .mapError { TestSelection.LocatedProblems(diagnostics: [.error(.unresolvedReference, "\($0)", at: top)]) }
            }
            switch chosen {
            case .failure(let located): problems += located.diagnostics
            case .success(let tests) where tests.isEmpty: untested.append(document)
            case .success(let tests): plans.append(AgentTestPlan(file: document.file, agentID: entry.id, tests: tests))
            }
        }
        if problems.isEmpty && plans.isEmpty {
            problems = untested.map { document in
                .error(.noTests, "this agent names no tests (platform_settings.testing.attached_tests); attach tests to it, "
                    + "or name tests by ID on the command line", at: SourceMark(file: document.file, line: 1, column: 1))
            }
        }
        guard problems.isEmpty else { return .failure(TestSelection.LocatedProblems(diagnostics: problems)) }
        return .success((plans, untested.map(\.file)))
    }
}

extension Diagnostic.Rule {
    /// A file that agentctl.lock does not tie to a live resource in the environment.
    public static let notSynced = Diagnostic.Rule(rawValue: "not-synced")
    /// An agent with no tests to run.
    public static let noTests = Diagnostic.Rule(rawValue: "no-tests")
}

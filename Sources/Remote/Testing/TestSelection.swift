import AgentSchema
import ConfigModel

/// A test to run on an agent: its ID in this environment, and where it was named (for located results).
public struct SelectedTest: Sendable, Equatable {
    public let id: String
    public let mark: SourceMark

    public init(id: String, mark: SourceMark) {
        self.id = id
        self.mark = mark
    }
}

/// A resource's name (`test:greets-caller`, by kind and slug) to its ID in one environment; nil when it has none.
public typealias ReferenceLookup = @Sendable (FileKind, String) -> String?

/// Which tests `agentctl test` runs: those named on the command line, else the agent file's own
/// (`platform_settings.testing.attached_tests`). A name goes through the one `lookup`; a raw ID is sent as written.
public enum TestSelection {
    /// The agent file's attached tests, in file order, or a located error at each name that has no ID.
    public static func attached(in document: AgentDocument, lookup: ReferenceLookup) -> Result<[SelectedTest], LocatedProblems> {
        let named = ReferenceField.agent.filter { $0.kind == .test }.flatMap { $0.values(in: document.root) }
        var tests: [SelectedTest] = []
        var problems: [Diagnostic] = []
        for (node, text, path) in named {
            if let id = ResourceReference(text).resolved(by: lookup) {
                tests.append(SelectedTest(id: id, mark: node.mark))
            } else {
                problems.append(.error(.unresolvedReference, "`\(path)` names `\(text)`, which has no ID in this environment: "
                    + "push the test file first, or write the test's ID", at: node.mark))
            }
        }
        return problems.isEmpty ? .success(tests) : .failure(LocatedProblems(diagnostics: problems))
    }

    /// Tests named on the command line (IDs, or `test:slug` names), each placed at the top of the agent file; the
    /// texts that name nothing in this environment are returned instead.
    public static func named(_ texts: [String], for document: AgentDocument,
                             lookup: ReferenceLookup) -> Result<[SelectedTest], UnknownTests> {
        let top = SourceMark(file: document.file, line: 1, column: 1)
        let resolved = texts.map { ($0, ResourceReference($0).resolved(by: lookup)) }
        let unknown = resolved.filter { $0.1 == nil }.map(\.0)
        guard unknown.isEmpty else { return .failure(UnknownTests(names: unknown)) }
        return .success(resolved.compactMap { $0.1.map { SelectedTest(id: $0, mark: top) } })
    }

    public struct LocatedProblems: Error, Sendable {
        public let diagnostics: [Diagnostic]
    }

    public struct UnknownTests: Error, Sendable, CustomStringConvertible {
        public let names: [String]
        public var description: String {
            "no ID in this environment for " + names.map { "`\($0)`" }.joined(separator: ", ")
                + ": push the test files first, or name tests by ID"
        }
    }
}

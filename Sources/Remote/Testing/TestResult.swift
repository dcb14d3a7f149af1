import ConfigModel

/// One test's result in a run, as the invocation answer reports it.
public struct TestResult: Sendable, Equatable {
    /// The reference's `TestRunStatus`.
    public enum Status: String, Sendable {
        case passed, failed, pending
    }

    public let testID: String
    public let name: String
    public let status: Status
    /// The condition's evaluation (`success`, `failure`) once there is one.
    public let conditionResult: String?
    /// Why, in the evaluator's words: the rationale's summary, else its messages.
    public let reason: String?
    /// Where the agent file (or the command line, at the file's top) named the test.
    public let mark: SourceMark
}

/// One agent's run: what `agentctl test` reports for it.
public struct AgentTestReport: Sendable {
    public let file: String
    public let agentID: String
    /// The invocation, once the run was started.
    public let invocationID: String?
    public let results: [TestResult]
    /// The run was still going when the time limit ran out.
    public let timedOut: Bool
    /// Why the run could not be started or followed (a failed request).
    public let problem: String?

    public var failed: [TestResult] { results.filter { $0.status == .failed } }
    public var pending: [TestResult] { results.filter { $0.status == .pending } }
    /// Every test ran and passed.
    public var passed: Bool { problem == nil && !timedOut && !results.isEmpty && results.allSatisfy { $0.status == .passed } }
}

extension TestResult {
    /// The runs of a `GetTestSuiteInvocationResponseModel`, each placed where its test was named; nil when the
    /// answer is not that shape.
    static func runs(in answer: JSONValue, marks: [String: SourceMark], fallback: SourceMark) -> [TestResult]? {
        guard let runs = answer["test_runs"]?.arrayValue else { return nil }
        var results: [TestResult] = []
        for run in runs {
            guard let id = run["test_id"]?.stringValue, let status = run["status"]?.stringValue.flatMap(Status.init) else {
                return nil
            }
            let condition = run["condition_result"]
            let rationale = condition?["rationale"]
            let summary = rationale?["summary"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            let messages = rationale?["messages"]?.arrayValue?.compactMap(\.stringValue) ?? []
            results.append(TestResult(testID: id, name: run["test_name"]?.stringValue ?? id, status: status,
                                      conditionResult: condition?["result"]?.stringValue,
                                      reason: summary ?? (messages.isEmpty ? nil : messages.joined(separator: "; ")),
                                      mark: marks[id] ?? fallback))
        }
        return results
    }
}

import ConfigModel
import Foundation

/// Starts a run of an agent's tests (`POST /v1/convai/agents/{agent_id}/run-tests`) and follows it
/// (`GET /v1/convai/test-invocations/{id}`) on a `PollSchedule` until no test is pending or the limit is reached.
/// Each request is retried by the client as any other; the start is not, since a second start is a second run.
public struct TestRunner: Sendable {
    public typealias Sleeper = @Sendable (Duration) async throws -> Void

    let client: APIClient
    let schedule: PollSchedule
    let sleep: Sleeper
    let clock: ContinuousClock

    public init(client: APIClient, schedule: PollSchedule, sleep: @escaping Sleeper = { try await Task.sleep(for: $0) }) {
        self.client = client
        self.schedule = schedule
        self.sleep = sleep
        clock = ContinuousClock()
    }

    /// The run's report: every result when it finished, what it showed last when the limit ran out, or the problem.
    public func run(_ tests: [SelectedTest], agentID: String, branchID: String?, file: String) async -> AgentTestReport {
        let marks = Dictionary(tests.map { ($0.id, $0.mark) }, uniquingKeysWith: { first, _ in first })
        let top = SourceMark(file: file, line: 1, column: 1)
        let report = { (invocation: String?, results: [TestResult], timedOut: Bool, problem: String?) in
            AgentTestReport(file: file, agentID: agentID, invocationID: invocation, results: results, timedOut: timedOut,
                            problem: problem)
        }
        let start = clock.now
        var answer: JSONValue
        do {
            answer = try await client.json(startRequest(tests, agentID: agentID, branchID: branchID))
        } catch {
            return report(nil, [], false, "\(error)")
        }
        guard let invocation = answer["id"]?.stringValue else {
            return report(nil, [], false, "the run-tests answer has no invocation id")
        }
        var look = 1
        while true {
            guard let results = TestResult.runs(in: answer, marks: marks, fallback: top) else {
                return report(invocation, [], false, "the answer for test invocation \(invocation) is not the documented shape")
            }
            guard results.contains(where: { $0.status == .pending }) else { return report(invocation, results, false, nil) }
            guard let wait = schedule.wait(beforeLook: look, elapsed: clock.now - start) else {
                return report(invocation, results, true, nil)
            }
            do {
                try await sleep(wait)
                answer = try await client.json(APIRequest(method: "GET", path: "/v1/convai/test-invocations/" + APIBaseURL.encode(invocation),
                                                   idempotent: true, operation: "get test invocation \(invocation)"))
            } catch {
                return report(invocation, results, false, "\(error)")
            }
            look += 1
        }
    }

    private func startRequest(_ tests: [SelectedTest], agentID: String, branchID: String?) -> APIRequest {
        var body = JSONObject([("tests", .array(tests.map { .object(JSONObject([("test_id", .string($0.id))])) }))])
        if let branchID { body["branch_id"] = .string(branchID) }
        return APIRequest(method: "POST", path: "/v1/convai/agents/" + APIBaseURL.encode(agentID) + "/run-tests",
                          body: Data(JSONText.encode(.object(body)).utf8), idempotent: false,
                          operation: "start tests of agent \(agentID)")
    }
}

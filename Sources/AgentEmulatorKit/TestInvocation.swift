/// How a test run ends in the emulator, scripted with `POST /_emulator/control` `{"test_outcomes": {...}}`.
struct ScriptedOutcome: Sendable {
    var passes = true
    /// How many polls of the invocation still show the run pending (the run-tests answer is poll 0).
    var pendingPolls = 1
    var rationale: String?

    /// `{"status": "passed" | "failed", "pending_polls": N, "rationale": "..."}`; what is left out keeps its default.
    init(_ json: JSONValue = .object([:])) {
        if let status = json["status"]?.stringValue { passes = status != "failed" }
        if let polls = json["pending_polls"]?.intValue { pendingPolls = max(0, polls) }
        rationale = json["rationale"]?.stringValue
    }
}

/// One run of `POST /v1/convai/agents/{agent_id}/run-tests` and the results it shows as it is polled.
struct TestInvocation: Sendable {
    struct Run: Sendable {
        let id: String
        let test: StoredAgentTest
        let outcome: ScriptedOutcome
    }

    let id: String
    let agentID: String
    let branchID: String?
    let createdAt: Int
    let repeatCount: Int
    let runs: [Run]
    /// GETs of the invocation so far.
    var polls = 0

    private func status(_ run: Run) -> String {
        polls <= run.outcome.pendingPolls ? "pending" : run.outcome.passes ? "passed" : "failed"
    }

    private static let testTypes = ["llm": "llm", "tool": "tool_call", "simulation": "simulation"]

    private func runDocument(_ run: Run) -> JSONValue {
        let status = status(run)
        let reason = run.outcome.rationale ?? (run.outcome.passes ? "The response met the success condition."
                                                                   : "The response did not meet the success condition.")
        let condition: JSONValue = status == "pending" ? .null : .object([
            "result": .string(run.outcome.passes ? "success" : "failure"),
            "rationale": .object(["messages": .array([.string(reason)]), "summary": .string(reason)]),
        ])
        return .object([
            "test_run_id": .string(run.id),
            "test_info": run.test.settings,
            "test_invocation_id": .string(id),
            "agent_id": .string(agentID),
            "branch_id": branchID.map(JSONValue.string) ?? .null,
            "status": .string(status),
            "test_id": .string(run.test.id),
            "test_name": .string(run.test.name),
            "condition_result": condition,
            "last_updated_at_unix": .int(createdAt),
            "metadata": .object([
                "workspace_id": "emulator",
                "test_name": .string(run.test.name),
                "ran_by_user_email": "emulator@example.com",
                "test_type": .string(Self.testTypes[run.test.type] ?? "llm"),
            ]),
        ])
    }

    /// GetTestSuiteInvocationResponseModel as of the current poll.
    var document: JSONValue {
        .object([
            "id": .string(id),
            "agent_id": .string(agentID),
            "branch_id": branchID.map(JSONValue.string) ?? .null,
            "created_at": .int(createdAt),
            "folder_id": .null,
            "repeat_count": .int(repeatCount),
            "test_runs": .array(runs.map(runDocument)),
        ])
    }

    /// TestInvocationSummaryResponseModel, as the list endpoint returns it.
    var summary: JSONValue {
        let statuses = runs.map(status)
        return .object([
            "id": .string(id),
            "agent_id": .string(agentID),
            "branch_id": branchID.map(JSONValue.string) ?? .null,
            "created_at_unix_secs": .int(createdAt),
            "test_run_count": .int(runs.count),
            "passed_count": .int(statuses.filter { $0 == "passed" }.count),
            "failed_count": .int(statuses.filter { $0 == "failed" }.count),
            "pending_count": .int(statuses.filter { $0 == "pending" }.count),
            "title": .string(runs.count == 1 ? runs[0].test.name : "\(runs.count) tests"),
            "access_info": StoredAgent.accessInfo,
            "repeat_count": .int(repeatCount),
        ])
    }
}

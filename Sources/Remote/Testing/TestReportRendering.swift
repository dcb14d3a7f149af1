import ConfigModel

/// `agentctl test` results for people (text), programs (one JSON document) and CI (GitHub annotations, JUnit XML).
/// Test names and reasons come from the server: text escapes their control characters, XML and annotations their
/// own special characters.
public enum TestReportRendering {
    public static func text(_ reports: [AgentTestReport], environment: String, style: TextStyle) -> String {
        var out = ""
        for report in reports {
            let invocation = report.invocationID.map { "  (run \(shown($0)))" } ?? ""
            out += style.bold("\(shown(report.file))  \(shown(report.agentID))  \(shown(environment))") + invocation + "\n"
            for result in report.results {
                switch result.status {
                case .passed: out += "  " + style.green("PASS") + "  \(shown(result.name))\n"
                case .failed: out += "  " + style.red("FAIL") + "  \(shown(result.name)): \(shown(reason(result)))\n"
                case .pending: out += "  " + style.yellow("WAIT") + "  \(shown(result.name)): still pending\n"
                }
            }
            if let problem = report.problem { out += "  " + style.red("ERROR") + " \(shown(problem))\n" }
        }
        let results = reports.flatMap(\.results)
        let count = { (status: TestResult.Status) in results.filter { $0.status == status }.count }
        out += "\(results.count) test\(results.count == 1 ? "" : "s"): \(count(.passed)) passed, \(count(.failed)) failed"
        return out + (count(.pending) > 0 ? ", \(count(.pending)) pending\n" : "\n")
    }

    public static func json(_ reports: [AgentTestReport], environment: String) -> String {
        let results = reports.flatMap(\.results)
        let count = { (status: TestResult.Status) in JSONValue.number(JSONNumber(results.filter { $0.status == status }.count)) }
        let root = JSONObject([
            ("environment", .string(environment)),
            ("passed", count(.passed)), ("failed", count(.failed)), ("pending", count(.pending)),
            ("agents", .array(reports.map(agentJSON))),
        ])
        return JSONText.encode(.object(root), pretty: true, numbers: .shortest) + "\n"
    }

    private static func agentJSON(_ report: AgentTestReport) -> JSONValue {
        let outcome = report.problem != nil ? "error" : report.timedOut ? "timed_out" : report.passed ? "passed" : "failed"
        var object = JSONObject([("file", .string(report.file)), ("agent_id", .string(report.agentID))])
        object["invocation_id"] = report.invocationID.map(JSONValue.string) ?? .null
        object["outcome"] = .string(outcome)
        object["error"] = report.problem.map(JSONValue.string) ?? .null
        object["tests"] = .array(report.results.map { result in
            .object(JSONObject([
                ("test_id", .string(result.testID)), ("name", .string(result.name)), ("status", .string(result.status.rawValue)),
                ("condition_result", result.conditionResult.map(JSONValue.string) ?? .null),
                ("reason", result.reason.map(JSONValue.string) ?? .null),
                ("file", .string(result.mark.file)), ("line", .number(JSONNumber(result.mark.line))),
            ]))
        })
        return .object(object)
    }

    /// An `::error` annotation at each failed or unfinished test (where the agent file names it) and each run
    /// that could not be started or followed.
    public static func github(_ reports: [AgentTestReport]) -> String {
        var out = ""
        for report in reports {
            for result in report.results where result.status != .passed {
                let title = "test \(result.name) " + (result.status == .failed ? "failed" : "did not finish")
                out += DiagnosticRenderer.annotation("error", at: result.mark, title: title,
                                                     result.status == .failed ? reason(result) : "still pending")
            }
            if let problem = report.problem {
                out += DiagnosticRenderer.annotation("error", at: SourceMark(file: report.file, line: 1, column: 1),
                                                     title: "agent tests not run", problem)
            }
        }
        return out
    }

    /// JUnit XML: a test suite per agent file, a test case per test run.
    public static func junit(_ reports: [AgentTestReport]) -> String {
        let all = reports.flatMap(\.results)
        let errors = { (report: AgentTestReport) in report.pending.count + (report.problem == nil ? 0 : 1) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"agentctl test\" tests=\"\(all.count + reports.filter { $0.problem != nil }.count)\" "
            + "failures=\"\(all.filter { $0.status == .failed }.count)\" errors=\"\(reports.map(errors).reduce(0, +))\">\n"
        for report in reports {
            let file = XMLText.escaped(report.file)
            out += "  <testsuite name=\"\(file)\" tests=\"\(report.results.count + (report.problem == nil ? 0 : 1))\" "
                + "failures=\"\(report.failed.count)\" errors=\"\(errors(report))\">\n"
            for result in report.results {
                out += "    <testcase classname=\"\(file)\" name=\"\(XMLText.escaped(result.name))\""
                switch result.status {
                case .passed: out += "/>\n"
                case .failed:
                    out += ">\n      <failure message=\"\(XMLText.escaped(reason(result)))\">"
                        + XMLText.escaped("\(result.mark.file):\(result.mark.line): \(reason(result))") + "</failure>\n    </testcase>\n"
                case .pending: out += ">\n      <error message=\"still pending when the time limit ran out\"/>\n    </testcase>\n"
                }
            }
            if let problem = report.problem {
                out += "    <testcase classname=\"\(file)\" name=\"run\">\n      <error message=\"\(XMLText.escaped(problem))\"/>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// The evaluator's reason with the condition's result, or the result alone.
    static func reason(_ result: TestResult) -> String {
        let condition = result.conditionResult.map { "condition \($0)" }
        return [result.reason, condition].compactMap { $0 }.joined(separator: " — ").nilIfEmpty ?? "no reason given"
    }

    private static func shown(_ text: String) -> String { VisibleText.escape(text) }
}

private extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

import ConfigModel
@testable import Remote
import XCTest

/// Reading an invocation answer and writing the reports of runs that did not finish or could not start.
final class TestReportTests: XCTestCase {
    private let top = SourceMark(file: "agents/a.yaml", line: 1, column: 1)

    func testRunsAreReadWithTheirReasonAndPlacedWhereTheFileNamesThem() throws {
        let answer = try JSONParser.parse(Array(#"""
            {"id": "inv_1", "test_runs": [
              {"test_id": "t1", "test_name": "Greets", "status": "failed",
               "condition_result": {"result": "failure", "rationale": {"messages": ["No hello", "Too long"], "summary": ""}}},
              {"test_id": "t2", "status": "pending", "condition_result": null}]}
            """#.utf8))
        let mark = SourceMark(file: "agents/a.yaml", line: 9, column: 17)
        let runs = try XCTUnwrap(TestResult.runs(in: answer, marks: ["t1": mark], fallback: top))
        XCTAssertEqual(runs.map(\.status), [.failed, .pending])
        XCTAssertEqual(runs[0].reason, "No hello; Too long", "an empty summary gives way to the messages")
        XCTAssertEqual(runs[0].mark, mark)
        XCTAssertEqual(runs[1].name, "t2", "a run without a name is shown by its test's ID")
        XCTAssertEqual(runs[1].mark, top)
        XCTAssertNil(TestResult.runs(in: try JSONParser.parse(Array(#"{"test_runs": [{"status": "running"}]}"#.utf8)),
                                     marks: [:], fallback: top), "a status the reference does not have is not read")
    }

    func testUnfinishedAndUnstartedRunsAreErrorsInJUnitAndNeverPass() {
        let pending = TestResult(testID: "t1", name: "Slow", status: .pending, conditionResult: nil, reason: nil, mark: top)
        let timedOut = AgentTestReport(file: "agents/a.yaml", agentID: "agent_1", invocationID: "inv_1", results: [pending],
                                       timedOut: true, problem: nil)
        let refused = AgentTestReport(file: "agents/b.yaml", agentID: "agent_2", invocationID: nil, results: [],
                                      timedOut: false, problem: "start tests of agent agent_2 failed: 404 <not found>")
        XCTAssertFalse(timedOut.passed)
        XCTAssertFalse(refused.passed)
        let xml = TestReportRendering.junit([timedOut, refused])
        XCTAssertTrue(xml.contains(#"<testsuites name="agentctl test" tests="2" failures="0" errors="2">"#), xml)
        XCTAssertTrue(xml.contains(#"<error message="start tests of agent agent_2 failed: 404 &lt;not found&gt;"/>"#), xml)
        XCTAssertEqual(TestReportRendering.github([refused]),
                       "::error file=agents/b.yaml,line=1,col=1,title=agent tests not run::start tests of agent agent_2 failed: 404 <not found>\n")
    }
}

import Foundation
import TestSupport
import XCTest

/// `agentctl test` through the real binary against the emulator's scripted test runs.
final class TestCommandTests: XCTestCase {
    private var emulator: EmulatorProcess!
    private var dir: URL!
    private var greets = "", books = ""

    override func setUp() async throws {
        emulator = try EmulatorProcess(self)
        dir = try AgentctlProcess.temporaryDirectory(self)
        greets = try await emulator.createTest(named: "Greets the caller")
        books = try await emulator.createTest(named: "Books <appointment> & \"confirms\"")
        // workflow_node_id is stated: the read-back compares a list whole, and the API fills the null into each item.
        try dir.write("""
            name: Front desk
            conversation_config:
              agent:
                first_message: Hello
            platform_settings:
              testing:
                attached_tests:
                  - test_id: \(greets)
                    workflow_node_id: null
                  - test_id: \(books)
                    workflow_node_id: null

            """, to: "agents/front-desk.yaml")
        XCTAssertEqual(try agentctl(["push", "--yes"]).status, 0)
    }

    private func agentctl(_ arguments: [String]) throws -> AgentctlProcess.Result {
        try AgentctlProcess.run(arguments, in: dir, environment: emulator.environment)
    }

    private func agentID() throws -> String {
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
        let files = (lock["environments"] as! [String: Any])["default"] as! [String: Any]
        return (files["agents/front-desk.yaml"] as! [String: Any])["agent_id"] as! String
    }

    func testEveryAttachedTestPassingExitsZeroAndNamesEachTest() async throws {
        try await emulator.control(#"{"test_outcomes": {"*": {"pending_polls": 2}}}"#)
        let result = try agentctl(["test", "front-desk"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines[0].hasPrefix("agents/front-desk.yaml  \(try agentID())  default  (run "), lines[0])
        XCTAssertEqual(Array(lines.dropFirst()), ["  PASS  Greets the caller", "  PASS  Books <appointment> & \"confirms\"",
                                                  "2 tests: 2 passed, 0 failed"])
        let runs = try await emulator.writes().filter { ($0["path"] as! String).hasSuffix("/run-tests") }
        XCTAssertEqual(runs.count, 1, "one run started, however many polls")
        let sent = (runs[0]["body"] as! [String: Any])["tests"] as! [[String: Any]]
        XCTAssertEqual(sent.map { $0["test_id"] as! String }, [greets, books])
    }

    func testOneFailingTestExitsOneWithItsReason() async throws {
        try await emulator.control(#"{"test_outcomes": {"Greets the caller": {"status": "failed", "rationale": "The agent never said hello."}, "*": {"pending_polls": 0}}}"#)
        let result = try agentctl(["test", "agents/front-desk.yaml"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("  FAIL  Greets the caller: The agent never said hello. — condition failure\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("  PASS  Books"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("2 tests: 1 passed, 1 failed\n"), result.stdout)
    }

    func testJSONGitHubAndJUnitOutputs() async throws {
        try await emulator.control(#"{"test_outcomes": {"\#(books)": {"status": "failed", "rationale": "Said <no> & \"left\"\u0001"}, "*": {"pending_polls": 0}}}"#)
        let json = try agentctl(["test", "front-desk", "--format", "json"])
        XCTAssertEqual(json.status, 1, json.stderr)
        let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(document["passed"] as? Int, 1)
        XCTAssertEqual(document["failed"] as? Int, 1)
        let agent = (document["agents"] as! [[String: Any]])[0]
        XCTAssertEqual(agent["outcome"] as? String, "failed")
        let tests = agent["tests"] as! [[String: Any]]
        XCTAssertEqual(tests.map { $0["status"] as! String }, ["passed", "failed"])
        XCTAssertEqual(tests[1]["reason"] as? String, "Said <no> & \"left\"\u{1}")
        XCTAssertEqual(tests[1]["line"] as? Int, 10, "where the file attaches the test")

        let github = try agentctl(["test", "front-desk", "--format", "github"])
        XCTAssertEqual(github.status, 1)
        XCTAssertEqual(github.stdout, "::error file=agents/front-desk.yaml,line=10,col=18,title=test Books <appointment> & \"confirms\" "
            + "failed::Said <no> & \"left\"\u{1} — condition failure\n")

        let junit = try agentctl(["test", "front-desk", "--format", "junit"])
        XCTAssertEqual(junit.status, 1)
        let xml = dir.appendingPathComponent("results.xml")
        try junit.stdout.write(to: xml, atomically: true, encoding: .utf8)
        let parsed = try AgentctlProcess.run(["python3", "-c", """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            cases = root.findall('testsuite/testcase')
            print(root.get('tests'), root.get('failures'), [c.get('name') for c in cases], cases[1].find('failure').get('message'))
            """, xml.path], executable: "/usr/bin/env")
        XCTAssertEqual(parsed.stderr, "")
        XCTAssertEqual(parsed.stdout, "2 1 ['Greets the caller', 'Books <appointment> & \"confirms\"'] Said <no> & \"left\"\u{FFFD} — condition failure\n")
    }

    func testARunThatNeverFinishesStopsAtTheTimeLimit() async throws {
        try await emulator.control(#"{"test_outcomes": {"*": {"pending_polls": 100000}}}"#)
        let started = Date()
        let result = try agentctl(["test", "front-desk", "--max-wait", "2"])
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("  WAIT  Greets the caller: still pending"), result.stdout)
        XCTAssertTrue(result.stderr.contains("agents/front-desk.yaml: test run ") && result.stderr.contains(
            " still had 2 of 2 tests pending after 2 s; raise --max-wait to wait longer"), result.stderr)
        XCTAssertLessThan(elapsed, 10, "the limit bounds the wait")
        XCTAssertGreaterThanOrEqual(elapsed, 2, "it waits the whole limit")
    }

    func testAnAgentNotInTheLockIsALocatedError() throws {
        try dir.write("name: Not pushed\n", to: "agents/new.yaml")
        let result = try agentctl(["test", "agents/new.yaml", "--test", greets])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, """
            agents/new.yaml:1:1: error: [not-synced] this agent is not in agentctl.lock for environment `default`, so it has no live agent to test there: push or pull it first
                name: Not pushed
                ^

            """)
        XCTAssertEqual(result.stdout, "")
    }

    func testTestsNamedOnTheCommandLineReplaceTheAttachedOnes() async throws {
        try await emulator.control(#"{"test_outcomes": {"*": {"pending_polls": 0}}}"#)
        let result = try agentctl(["test", "front-desk", "--test", books])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("1 test: 1 passed, 0 failed\n"), result.stdout)
        let unknown = try agentctl(["test", "front-desk", "--test", "test:greets"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("[reference] no ID in this environment for `test:greets`"), unknown.stderr)
    }

    func testAnAgentWithoutTestsIsSkippedUnlessNoAgentHasAny() async throws {
        try dir.write("name: Plain\nconversation_config:\n  agent:\n    first_message: Hi\n", to: "agents/plain.yaml")
        XCTAssertEqual(try agentctl(["push", "--yes"]).status, 0)
        try await emulator.control(#"{"test_outcomes": {"*": {"pending_polls": 0}}}"#)
        let folder = try agentctl(["test", "agents"])
        XCTAssertEqual(folder.status, 0, folder.stderr)
        XCTAssertEqual(folder.stderr, "agentctl: note: agents/plain.yaml names no tests; skipped\n")
        XCTAssertTrue(folder.stdout.hasSuffix("2 tests: 2 passed, 0 failed\n"), folder.stdout)
        let alone = try agentctl(["test", "plain"])
        XCTAssertEqual(alone.status, 2)
        XCTAssertTrue(alone.stderr.hasPrefix("agents/plain.yaml:1:1: error: [no-tests] this agent names no tests"), alone.stderr)
    }
}

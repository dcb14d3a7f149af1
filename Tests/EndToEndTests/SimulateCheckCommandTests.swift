import Foundation
import TestSupport
import XCTest

/// `simulate` as a CI check: expect lines, exit 1 with located failures, suites, and the CI formats.
final class SimulateCheckCommandTests: XCTestCase {
    private let agent = "name: Front desk\nconversation_config:\n  turn:\n    soft_timeout_config:\n      timeout_seconds: 2\n"

    /// A folder laid out as `agentctl init` and the hook expect: agents/NAME.yaml and agents/scripts/NAME*.sim.
    private func project(_ scripts: [String: String]) throws -> URL {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("agents/scripts"), withIntermediateDirectories: true)
        try dir.write(agent, to: "agents/front-desk.yaml")
        for (name, text) in scripts { try dir.write(text, to: "agents/scripts/\(name)") }
        return dir
    }

    private let passing = "expect gap <= 2.675\nuser: Can I book a cleaning?\nagent 2.5: Yes, which day?\n"
    private let failing = "user: Hi.\nagent: Hello.\n\n\nexpect gap <= 1.5\nexpect no interruption\nuser: Can I book a cleaning?\nagent 2.5: Yes, which day?\n"

    func testAFailedExpectationExitsOneWithALocatedMessage() throws {
        let dir = try project(["front-desk.sim": passing, "front-desk.slow.sim": failing])
        let ok = try AgentctlProcess.run(["simulate", "agents/front-desk.yaml", "--script", "agents/scripts/front-desk.sim"], in: dir)
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("expectations\n  ok    line 1: gap <= 2.675 s (found 2.675 s)\n  1 passed, 0 failed\n"), ok.stdout)
        let failed = try AgentctlProcess.run(["simulate", "agents/front-desk.yaml", "--script", "agents/scripts/front-desk.slow.sim"], in: dir)
        XCTAssertEqual(failed.status, 1)
        XCTAssertEqual(failed.stderr, "agents/scripts/front-desk.slow.sim:5: expected gap <= 1.5 s, found 2.675 s\n")
        XCTAssertTrue(failed.stdout.contains("timeline"), "the timeline is still printed")
    }

    func testAFolderRunsAsOneSuite() throws {
        let dir = try project(["front-desk.sim": passing, "front-desk.slow.sim": failing, "nobody.sim": passing])
        let result = try AgentctlProcess.run(["simulate", "--check", "agents/scripts"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
        ok    agents/scripts/front-desk.sim (1 expectation)
        FAIL  agents/scripts/front-desk.slow.sim
          agents/scripts/front-desk.slow.sim:5: expected gap <= 1.5 s, found 2.675 s
        error agents/scripts/nobody.sim
          agents/scripts/nobody.sim:1:1: error: [script] no agent file for this script: expected agents/nobody.yaml, or pass the agent file
        3 scripts, 1 passed, 2 failed

        """)
        let fixed = try project(["front-desk.sim": passing, "front-desk.slow.sim": failing.replacingOccurrences(of: "<= 1.5", with: "<= 3")])
        let passed = try AgentctlProcess.run(["simulate", "--check", "agents/scripts"], in: fixed)
        XCTAssertEqual(passed.status, 0, passed.stdout + passed.stderr)
        XCTAssertTrue(passed.stdout.hasSuffix("2 scripts, 2 passed, 0 failed\n"), passed.stdout)
        let oneAgent = try AgentctlProcess.run(["simulate", "agents/front-desk.yaml", "--check", "agents/scripts/front-desk.sim"], in: dir)
        XCTAssertEqual(oneAgent.status, 0, oneAgent.stdout + oneAgent.stderr)
    }

    /// A script or agent that cannot be read is an error of that script; the others still run, and the located
    /// errors are printed once, on stderr, with their source lines.
    func testAnUnreadableScriptIsAnErrorWithItsLocatedProblemsOnStderr() throws {
        let dir = try project(["front-desk.sim": passing, "front-desk.typo.sim": "expect gap <= 3\nuser: Hi.\nagnet: Hello.\n"])
        let result = try AgentctlProcess.run(["simulate", "--check", "agents/scripts"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
        ok    agents/scripts/front-desk.sim (1 expectation)
        error agents/scripts/front-desk.typo.sim
          agents/scripts/front-desk.typo.sim:1:1: error: [script] not simulated (with agents/front-desk.yaml): see the errors on stderr
        2 scripts, 1 passed, 1 failed

        """)
        XCTAssertEqual(result.stderr, """
        agents/scripts/front-desk.typo.sim:3:1: error: [script] expected 'user', 'agent', 'silence' or 'expect' at the start of the line, found 'agnet'
            agnet: Hello.
            ^

        """)
        let missing = try AgentctlProcess.run(["simulate", "--check", "agents/nothing-here"], in: dir)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "agentctl: error: no such file or folder: agents/nothing-here\n")
    }

    func testGitHubAndJUnitFormats() throws {
        let dir = try project(["front-desk.sim": passing, "front-desk.slow.sim": failing])
        let github = try AgentctlProcess.run(["simulate", "--check", "agents/scripts", "--format", "github"], in: dir)
        XCTAssertEqual(github.status, 1)
        XCTAssertEqual(github.stdout, "::error file=agents/scripts/front-desk.slow.sim,line=5,col=1,title=expect gap <= 1.5 s::expected gap <= 1.5 s, found 2.675 s\n")
        let junit = try AgentctlProcess.run(["simulate", "--check", "agents/scripts", "--format", "junit"], in: dir)
        XCTAssertEqual(junit.status, 1)
        XCTAssertTrue(junit.stdout.hasPrefix("<?xml"), junit.stdout)
        XCTAssertTrue(junit.stdout.contains("<testsuites name=\"agentctl simulate\" tests=\"3\" failures=\"1\" errors=\"0\">"), junit.stdout)
        XCTAssertTrue(junit.stdout.contains("<failure message=\"expected gap &lt;= 1.5 s, found 2.675 s\">"), junit.stdout)
    }

    func testPercentilesWithRuns() throws {
        let dir = try project(["front-desk.sim": "expect p50 answer <= 2.5\nexpect p95 answer <= 2.5\nuser: Can I book a cleaning?\nagent: Yes, which day?\n"])
        let result = try AgentctlProcess.run(["simulate", "--check", "agents/scripts", "--runs", "500", "--seed", "4"], in: dir)
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stdout.contains("front-desk.sim:2: expected p95 answer <= 2.5 s, found p95 "), result.stdout)
        XCTAssertFalse(result.stdout.contains("front-desk.sim:1:"), "the median holds")
    }

    func testTheRepositoryExamplesPassTheirOwnChecks() throws {
        let result = try AgentctlProcess.run(["simulate", "--check", "agents/scripts"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("ok    agents/scripts/appointment-booking.sim (4 expectations)"), result.stdout)
    }
}

/// The sweep shown in the README is the output of the command shown above it.
final class SimulateSweepCommandTests: XCTestCase {
    func testTheReadmeSweepIsWhatTheCommandPrints() throws {
        let result = try AgentctlProcess.run(["simulate", "agents/support-desk.yaml", "--script", "Benchmarks/simulate/twenty-turns.sim",
                                              "--runs", "2000", "--sweep", "turn.soft_timeout_config.timeout_seconds=1,2,3,off"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").count, 7, result.stdout)
        let readme = try String(contentsOf: AgentctlProcess.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains("--sweep turn.soft_timeout_config.timeout_seconds=1,2,3,off\n" + result.stdout), "re-run the command and paste its output into the README")
        let json = try AgentctlProcess.run(["simulate", "agents/support-desk.yaml", "--script", "Benchmarks/simulate/twenty-turns.sim",
                                            "--sweep", "llm_latency=1,3", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        XCTAssertEqual((object["rows"] as! [[String: Any]]).map { $0["value"] as! String }, ["1", "3"])
        let bad = try AgentctlProcess.run(["simulate", "agents/support-desk.yaml", "--script", "Benchmarks/simulate/twenty-turns.sim",
                                           "--sweep", "turn.turn_timeout=5,soon"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("expected a number or off, found 'soon'"), bad.stderr)
    }
}

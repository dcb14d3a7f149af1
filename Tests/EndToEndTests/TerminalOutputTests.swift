import Foundation
import TestSupport
import XCTest

/// Progress on a terminal and nothing when piped; no value from a file or the server reaches the terminal raw.
final class TerminalOutputTests: XCTestCase {
    private var emulator: EmulatorProcess!
    private var dir: URL!

    override func setUp() async throws {
        emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "3"])
        dir = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try AgentctlProcess.run(["pull"], in: dir, environment: emulator.environment).status, 0)
    }

    /// `agentctl ARGUMENTS` on a pseudo-terminal (`script`): stdout and stderr together, as a person sees them.
    private func onTerminal(_ arguments: String) throws -> String {
        let binary = AgentctlProcess.productsDirectory.appendingPathComponent("agentctl").path
        return try AgentctlProcess.run(["-qec", "\(binary) \(arguments)", "/dev/null"], in: dir, environment: emulator.environment,
                                       executable: "/usr/bin/script").stdout
    }

    private func renameEveryAgent() throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("agents").path) {
            let url = dir.appendingPathComponent("agents/" + file)
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "\nname: ", with: "\nname: Renamed ").write(to: url, atomically: true, encoding: .utf8)
        }
    }

    func testDiffAndStatusShowProgressOnATerminalAndNothingWhenPiped() throws {
        for command in ["status", "diff"] {
            XCTAssertTrue(try onTerminal(command).contains("\rreading live agents: 3/3"), command)
            let piped = try AgentctlProcess.run([command], in: dir, environment: emulator.environment)
            XCTAssertEqual(piped.status, 0)
            XCTAssertEqual(piped.stderr, "", command)
        }
    }

    func testPushReportsEachAgentAsItFinishes() throws {
        try renameEveryAgent()
        let screen = try onTerminal("push --yes --concurrency 1")
        var positions: [String.Index] = []
        for mark in ["updated agents/", "pushing agents: 1/3", "updated agents/", "pushing agents: 2/3", "updated agents/",
                     "pushing agents: 3/3", "applied 3 agents, 0 failed"] {
            let from = positions.last.map { screen.index(after: $0) } ?? screen.startIndex
            guard let found = screen.range(of: mark, range: from..<screen.endIndex) else {
                return XCTFail("\(mark) not in order in: \(screen.debugDescription)")
            }
            positions.append(found.lowerBound)
        }
        try renameEveryAgent()
        let piped = try AgentctlProcess.run(["push", "--yes"], in: dir, environment: emulator.environment)
        XCTAssertEqual(piped.status, 0, piped.stderr)
        XCTAssertEqual(piped.stderr, "")
        XCTAssertEqual(piped.stdout.components(separatedBy: "\nupdated agents/").count - 1, 3, piped.stdout)
    }

    func testControlCharactersFromTheServerAndFileNamesAreEscaped() async throws {
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
        let entries = (lock["environments"] as! [String: [String: [String: Any]]])["default"]!
        let (file, entry) = entries.min { $0.key < $1.key }!
        try await emulator.patch(entry["agent_id"] as! String,
                                 #"{"conversation_config":{"agent":{"prompt":{"prompt":"Hello\u001b[2J\nagents/x.yaml:1:1: error: forged\n"}}}}"#)
        let diff = try AgentctlProcess.run(["diff"], in: dir, environment: emulator.environment)
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertFalse(diff.stdout.contains("\u{1B}"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains(file), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("Hello\\u{1B}[2J"), diff.stdout)

        try dir.write("name: [\n", to: "agents/evil\nagents/forged.yaml:9:9: error: [x] fake\u{1B}[31m.yaml")
        let validate = try AgentctlProcess.run(["validate"], in: dir)
        XCTAssertEqual(validate.status, 1)
        XCTAssertFalse(validate.stdout.contains("\u{1B}"), validate.stdout)
        XCTAssertFalse(validate.stdout.split(separator: "\n").contains { $0.hasPrefix("agents/forged.yaml") }, validate.stdout)
        XCTAssertTrue(validate.stdout.contains("agents/evil\\nagents/forged.yaml:9:9: error: [x] fake\\u{1B}[31m.yaml:"), validate.stdout)
    }
}

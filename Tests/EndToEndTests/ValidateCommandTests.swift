import Foundation
import TestSupport
import XCTest

final class ValidateCommandTests: XCTestCase {
    /// `turn_timeout: 45` on line 12, column 19: out of the documented range 1-30.
    private func turnTimeoutOnLine12() throws -> String { try Fixtures.text("agents/turn-timeout-45-on-line-12.yaml") }

    /// The example webhook tool takes its token from `${BOOKING_API_TOKEN}`, which validate needs set.
    static let exampleVariables = ["BOOKING_API_TOKEN": "Bearer example-token"]

    func testExampleAgentsValidateClean() throws {
        let result = try AgentctlProcess.run(["validate"], environment: Self.exampleVariables)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "10 files checked, no problems\n")
        XCTAssertEqual(result.stderr, "")
    }

    func testOutOfRangeErrorPointsAtTheLineWithTheDocumentedRange() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write(turnTimeoutOnLine12(), to: "agents/support.yaml")
        let result = try AgentctlProcess.run(["validate"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, """
            agents/support.yaml:12:19: error: [range] `conversation_config.turn.turn_timeout` must be between 1 and 30, found 45 (ElevenLabs docs, Conversation flow: "Turn timeouts must be between 1 and 30 seconds.")
                    turn_timeout: 45
                                  ^
            1 error, 0 warnings in 1 of 1 file

            """)
    }

    func testJSONFormat() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write(turnTimeoutOnLine12(), to: "a.yaml")
        let result = try AgentctlProcess.run(["validate", "a.yaml", "--format", "json"], in: dir)
        XCTAssertEqual(result.status, 1)
        let items = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        XCTAssertEqual(items.count, 1)
        XCTAssertEqual(items[0]["file"] as? String, "a.yaml")
        XCTAssertEqual(items[0]["line"] as? Int, 12)
        XCTAssertEqual(items[0]["column"] as? Int, 19)
        XCTAssertEqual(items[0]["severity"] as? String, "error")
        XCTAssertEqual(items[0]["rule"] as? String, "range")
        XCTAssertEqual(items[0]["path"] as? String, "conversation_config.turn.turn_timeout")
    }

    func testGitHubFormat() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write(turnTimeoutOnLine12(), to: "a.yaml")
        let result = try AgentctlProcess.run(["validate", "a.yaml", "--format", "github"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("::error file=a.yaml,line=12,col=19,title=agentctl [range]::`conversation_config.turn.turn_timeout` must be between 1 and 30"), result.stdout)
    }

    func testWarningsFailOnlyWithStrict() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: x\nconversation_config:\n  turn:\n    future_field: 1\n", to: "a.yaml")
        let relaxed = try AgentctlProcess.run(["validate", "a.yaml"], in: dir)
        XCTAssertEqual(relaxed.status, 0)
        XCTAssertTrue(relaxed.stdout.contains("a.yaml:4:5: warning: [unknown-field]"), relaxed.stdout)
        let strict = try AgentctlProcess.run(["validate", "a.yaml", "--strict"], in: dir)
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stdout.contains("a.yaml:4:5: error: [unknown-field]"), strict.stdout)
    }

    func testEveryBadInputIsALocatedErrorNeverACrash() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let cases: [(String, [UInt8], String)] = [
            ("empty.yaml", [], "empty.yaml:1:1: error: [yaml] the file is empty"),
            ("list.yaml", Array("- a\n".utf8), "list.yaml:1:1: error: [yaml] an agent file must be a mapping"),
            ("two.yaml", Array("name: a\n---\nname: b\n".utf8), "two.yaml:2:1: error: [yaml] a second YAML document"),
            ("dup.yaml", Array("name: a\nname: b\n".utf8), "dup.yaml:2:1: error: [yaml] duplicate key `name`"),
            ("alias.yaml", Array("name: *x\n".utf8), "alias.yaml:1:7: error: [yaml] the alias *x refers to no anchor"),
            ("tab.yaml", Array("conversation_config:\n\tturn: {}\n".utf8), "tab.yaml:2:1: error: [yaml] a tab is used for indentation"),
            ("utf8.yaml", Array("name: ".utf8) + [0xFF] + Array("\n".utf8), "utf8.yaml:1:7: error: [yaml] the file is not valid UTF-8"),
            ("deep.yaml", Array(("a: " + String(repeating: "[", count: 5000)).utf8), "deep.yaml:1:"),
            ("syntax.yaml", Array("name: [open\n".utf8), "syntax.yaml:2:1: error: [yaml] invalid YAML"),
        ]
        var bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { bomb += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let all = cases + [("bomb.yaml", Array(bomb.utf8), "bomb.yaml:4:")]
        for (name, bytes, _) in all { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let result = try AgentctlProcess.run(["validate", "."], in: dir)
        XCTAssertEqual(result.status, 1)
        for (_, _, expected) in all {
            XCTAssertTrue(result.stdout.contains(expected), "missing \(expected) in\n\(result.stdout)")
        }
        XCTAssertTrue(result.stdout.hasSuffix("10 errors, 0 warnings in 10 of 10 files\n"), result.stdout)
    }

    func testDirectoriesAreWalkedAndHiddenOnesSkipped() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: a\n", to: "agents/team/a.yaml")
        try dir.write("name: b\n", to: "agents/b.yml")
        try dir.write("not: [valid\n", to: "agents/.hidden/c.yaml")
        try dir.write("ignored", to: "agents/notes.txt")
        let result = try AgentctlProcess.run(["validate"], in: dir)
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertEqual(result.stdout, "2 files checked, no problems\n")
    }

    func testMissingPathAndBadUsageExitTwo() throws {
        let missing = try AgentctlProcess.run(["validate", "no/such/file.yaml"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stdout, "")
        XCTAssertEqual(missing.stderr, "agentctl: error: no such file or directory: no/such/file.yaml\n")
        let usage = try AgentctlProcess.run(["validate", "--format", "xml"])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("xml"), usage.stderr)
        let empty = try AgentctlProcess.temporaryDirectory(self)
        let none = try AgentctlProcess.run(["validate", "."], in: empty)
        XCTAssertEqual(none.status, 2)
        XCTAssertEqual(none.stderr, "agentctl: error: no files (*.yaml, *.yml) in .\n")
    }

    func testColourOnlyOnATerminalAndNeverWithNoColor() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write(turnTimeoutOnLine12(), to: "a.yaml")
        let piped = try AgentctlProcess.run(["validate", "a.yaml"], in: dir)
        XCTAssertFalse(piped.stdout.contains("\u{1B}["))
        // `script` gives the binary a pseudo-terminal, as an interactive shell would.
        let binary = AgentctlProcess.productsDirectory.appendingPathComponent("agentctl").path
        let tty = try AgentctlProcess.run(["-qec", "\(binary) validate a.yaml", "/dev/null"], in: dir, executable: "/usr/bin/script")
        XCTAssertTrue(tty.stdout.contains("\u{1B}[1;31merror:"), tty.stdout)
        let noColor = try AgentctlProcess.run(["-qec", "\(binary) validate a.yaml", "/dev/null"], in: dir,
                                              environment: ["NO_COLOR": "1"], executable: "/usr/bin/script")
        XCTAssertFalse(noColor.stdout.contains("\u{1B}["), noColor.stdout)
        XCTAssertTrue(noColor.stdout.contains("a.yaml:12:19: error:"), noColor.stdout)
    }

    func testHelpDocumentsExitCodesAndAnExample() throws {
        let help = try AgentctlProcess.run(["validate", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("EXIT CODES"))
        XCTAssertTrue(help.stdout.contains("agentctl validate agents/support.yaml --strict"))
    }
}

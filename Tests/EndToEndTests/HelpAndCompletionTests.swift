import Foundation
import TestSupport
import XCTest

final class HelpAndCompletionTests: XCTestCase {
    /// The subcommands the binary registers, read from its own help dump so a new one cannot be missed.
    private func subcommands() throws -> [String] {
        let dump = try AgentctlProcess.run(["--experimental-dump-help"])
        XCTAssertEqual(dump.status, 0, dump.stderr)
        let json = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any]
        let command = json?["command"] as? [String: Any]
        let entries = command?["subcommands"] as? [[String: Any]] ?? []
        return entries.compactMap { $0["commandName"] as? String }.filter { $0 != "help" }
    }

    func testEverySubcommandsHelpHasExamplesAndExitCodes() throws {
        let names = try subcommands()
        XCTAssertTrue(Set(["validate", "schema", "init"]).isSubset(of: names), "\(names)")
        for name in names {
            let help = try AgentctlProcess.run([name, "--help"])
            XCTAssertEqual(help.status, 0, "\(name): \(help.stderr)")
            guard let examples = help.stdout.range(of: "\nEXAMPLES\n"), let exits = help.stdout.range(of: "\nEXIT CODES\n") else {
                XCTFail("`agentctl \(name) --help` lacks EXAMPLES or EXIT CODES:\n\(help.stdout)")
                continue
            }
            XCTAssertTrue(help.stdout[examples.upperBound...].hasPrefix("  agentctl \(name)"), "\(name): \(help.stdout)")
            let codes = help.stdout[exits.upperBound...]
            XCTAssertTrue(codes.contains("  0  ") && codes.contains("  2  "), "\(name): \(help.stdout)")
        }
        let root = try AgentctlProcess.run(["--help"])
        XCTAssertTrue(root.stdout.contains("\nEXAMPLES\n") && root.stdout.contains("\nEXIT CODES\n"), root.stdout)
    }

    func testAMistypedCommandGetsADidYouMeanAndExitsTwo() throws {
        let typo = try AgentctlProcess.run(["vaildate", "agents"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertEqual(typo.stdout, "")
        XCTAssertEqual(typo.stderr, "agentctl: error: unknown command 'vaildate'; did you mean 'validate'? (see 'agentctl --help')\n")
        let unknown = try AgentctlProcess.run(["help", "nosuch"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stdout, "")
        XCTAssertTrue(unknown.stderr.hasPrefix("agentctl: error: unknown command 'nosuch'; the commands are validate, pull,"), unknown.stderr)
        let known = try AgentctlProcess.run(["help", "validate"])
        XCTAssertEqual(known.status, 0)
        XCTAssertTrue(known.stdout.contains("agentctl validate"), known.stdout)
    }

    func testVersionNamesTheReleaseAndTheCommitOrSaysItIsUnknown() throws {
        let version = try AgentctlProcess.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("0.1.0 (commit "), version.stdout)
    }

    func testCompletionScriptsForEveryShellNameTheSubcommands() throws {
        let names = try subcommands()
        for shell in ["bash", "zsh", "fish"] {
            let script = try AgentctlProcess.run(["--generate-completion-script", shell])
            XCTAssertEqual(script.status, 0, "\(shell): \(script.stderr)")
            XCTAssertGreaterThan(script.stdout.count, 1000, shell)
            for name in names { XCTAssertTrue(script.stdout.contains(name), "\(shell) script lacks \(name)") }
            XCTAssertTrue(script.stdout.contains("format") && script.stdout.contains("force"), "\(shell) script lacks options")
        }
        XCTAssertTrue(try AgentctlProcess.run(["--generate-completion-script", "bash"]).stdout.contains("complete -"))
        XCTAssertTrue(try AgentctlProcess.run(["--generate-completion-script", "zsh"]).stdout.hasPrefix("#compdef agentctl"))
    }
}

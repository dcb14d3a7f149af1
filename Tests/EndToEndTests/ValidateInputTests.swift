import Foundation
import TestSupport
import XCTest

/// Where validate reads from: standard input with `-`, and paths that are not files.
final class ValidateInputTests: XCTestCase {
    private static let outOfRange = "name: Desk\nconversation_config:\n  turn:\n    turn_timeout: 45\n"

    func testDashReadsStandardInputNamedByStdinFilename() throws {
        let named = try AgentctlProcess.run(["validate", "-", "--stdin-filename", "agents/desk.yaml"], input: Self.outOfRange)
        XCTAssertEqual(named.status, 1, named.stderr)
        XCTAssertTrue(named.stdout.hasPrefix("agents/desk.yaml:4:19: error: [range] `conversation_config.turn.turn_timeout`"), named.stdout)
        XCTAssertTrue(named.stdout.hasSuffix("1 error, 0 warnings in 1 of 1 file\n"), named.stdout)

        let unnamed = try AgentctlProcess.run(["validate", "-", "--format", "json"], input: "name: [\n")
        XCTAssertEqual(unnamed.status, 1)
        XCTAssertTrue(unnamed.stdout.contains(#""file": "<stdin>""#), unnamed.stdout)

        let clean = try AgentctlProcess.run(["validate", "-"], input: "name: Desk\n")
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual(clean.stdout, "1 file checked, no problems\n")
    }

    func testAFileWithCRLFLineEndingsShowsTheSourceLineUnderTheError() throws {
        let result = try AgentctlProcess.run(["validate", "-", "--stdin-filename", "desk.yaml"],
                                             input: Self.outOfRange.replacingOccurrences(of: "\n", with: "\r\n"))
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("desk.yaml:4:19: error: [range]"), result.stdout)
        XCTAssertTrue(result.stdout.contains(")\n        turn_timeout: 45\n                      ^\n"), result.stdout)
    }

    func testStdinFilenameWithoutDashIsAUsageError() throws {
        let result = try AgentctlProcess.run(["validate", "agents", "--stdin-filename", "x.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("--stdin-filename names standard input"), result.stderr)
    }

    func testAFIFOOrADeviceIsNamedForWhatItIsAndNeverRead() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let fifo = dir.appendingPathComponent("agent.yaml").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // Nobody writes to the FIFO: reading it would hang, so a pass here also shows it was not opened.
        let pipe = try AgentctlProcess.run(["validate", "agent.yaml"], in: dir)
        XCTAssertEqual(pipe.status, 2)
        XCTAssertEqual(pipe.stdout, "")
        XCTAssertEqual(pipe.stderr, "agentctl: error: agent.yaml is a named pipe (FIFO), not a file; to check text from a pipe, pass `-` (standard input)\n")
        let walked = try AgentctlProcess.run(["validate", "."], in: dir)
        XCTAssertEqual(walked.status, 2)
        XCTAssertTrue(walked.stderr.contains("agent.yaml is a named pipe (FIFO), not a file"), walked.stderr)

        let device = try AgentctlProcess.run(["validate", "/dev/null"])
        XCTAssertEqual(device.status, 2)
        XCTAssertEqual(device.stdout, "")
        XCTAssertTrue(device.stderr.hasPrefix("agentctl: error: /dev/null is a device, not a file"), device.stderr)
        XCTAssertFalse(device.stderr.contains("permission"), device.stderr)
    }
}

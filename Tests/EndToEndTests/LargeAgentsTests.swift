import Foundation
import TestSupport
import XCTest

/// Agents with megabyte prompts: the lock stays a short list of IDs, versions and hashes, and a pull's memory is
/// bounded by its concurrency, not by the size of the workspace.
final class LargeAgentsTests: XCTestCase {
    func testTheLockStaysSmallAndPullMemoryIsBoundedByConcurrency() async throws {
        let time = "/usr/bin/time"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: time), "needs GNU time to measure peak memory")
        let emulator = try EmulatorProcess(self)
        let line = String(repeating: "You answer questions about refunds politely and briefly. ", count: 20) + "\\n"
        let prompt = String(repeating: line, count: 440)
        for number in 10...21 {
            _ = try await emulator.create(#"{"name": "Big agent \#(number)", "conversation_config": {"agent": {"prompt": {"prompt": "\#(prompt)"}}}}"#)
        }
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let agentctl = AgentctlProcess.productsDirectory.appendingPathComponent("agentctl").path
        func peakOfPull(_ arguments: [String]) throws -> Int {
            let pull = try AgentctlProcess.run(["-f", "peak %M KB", agentctl, "pull", "--concurrency", "2"] + arguments, in: dir,
                                               environment: emulator.environment, executable: time)
            XCTAssertEqual(pull.status, 0, pull.stdout + pull.stderr)
            return try XCTUnwrap(pull.stderr.split(separator: "\n").last.flatMap { Int($0.split(separator: " ")[1]) })
        }
        let one = try peakOfPull(["--name", "Big agent 10"])
        let twelve = try peakOfPull([])
        // Twelve half-megabyte prompts held at once (with their copies) would add well over 15 MB.
        XCTAssertLessThan(twelve - one, 15_000, "peak KB: \(one) for one agent, \(twelve) for twelve")
        let lock = try Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))
        XCTAssertLessThan(lock.count, 12 * 400, "a few hundred bytes per agent, whatever the prompts")
        XCTAssertEqual(try AgentctlProcess.run(["status", "--exit-code"], in: dir, environment: emulator.environment).status, 0)
    }
}

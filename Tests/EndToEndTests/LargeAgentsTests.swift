import Foundation
import TestSupport
import XCTest

/// Agents with megabyte prompts: the lock stays a short list of IDs, versions and hashes, and the memory of pull,
/// status, diff and push is bounded by their concurrency, not by the size of the workspace.
final class LargeAgentsTests: XCTestCase {
    private let time = "/usr/bin/time"

    /// An emulator with twelve agents of half-megabyte prompts.
    private func bigAgents() async throws -> EmulatorProcess {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: time), "needs GNU time to measure peak memory")
        let emulator = try EmulatorProcess(self)
        let line = String(repeating: "You answer questions about refunds politely and briefly. ", count: 20) + "\\n"
        let prompt = String(repeating: line, count: 440)
        for number in 10...21 {
            _ = try await emulator.create(#"{"name": "Big agent \#(number)", "conversation_config": {"agent": {"prompt": {"prompt": "\#(prompt)"}}}}"#)
        }
        return emulator
    }

    /// The peak resident memory in KB of `agentctl ARGUMENTS --concurrency 2`, which must exit 0.
    private func peak(_ arguments: [String], in dir: URL, _ emulator: EmulatorProcess, line: UInt = #line) throws -> Int {
        let agentctl = AgentctlProcess.productsDirectory.appendingPathComponent("agentctl").path
        let run = try AgentctlProcess.run(["-f", "peak %M KB", agentctl] + arguments + ["--concurrency", "2"], in: dir,
                                          environment: emulator.environment, executable: time)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr, line: line)
        return try XCTUnwrap(run.stderr.split(separator: "\n").last.flatMap { Int($0.split(separator: " ")[1]) }, line: line)
    }

    func testTheLockStaysSmallAndPullMemoryIsBoundedByConcurrency() async throws {
        let emulator = try await bigAgents()
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let one = try peak(["pull", "--name", "Big agent 10"], in: dir, emulator)
        let twelve = try peak(["pull"], in: dir, emulator)
        // Twelve half-megabyte prompts held at once (with their copies) would add well over 15 MB.
        XCTAssertLessThan(twelve - one, 15_000, "peak KB: \(one) for one agent, \(twelve) for twelve")
        let lock = try Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))
        XCTAssertLessThan(lock.count, 12 * 400, "a few hundred bytes per agent, whatever the prompts")
        XCTAssertEqual(try AgentctlProcess.run(["status", "--exit-code"], in: dir, environment: emulator.environment).status, 0)
    }

    /// Each file is read (and validated) one at a time, then read again only while it is compared: twelve files
    /// cost about what one does (5 MB more, measured), where holding every document during planning added 15 MB.
    func testStatusDiffAndPushMemoryIsBoundedByConcurrency() async throws {
        let emulator = try await bigAgents()
        let dir = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try AgentctlProcess.run(["pull"], in: dir, environment: emulator.environment).status, 0)
        let first = try XCTUnwrap(ProjectFiles.agentFiles(dir).first)
        for command in [["status"], ["diff", "--exit-code"], ["push", "--yes"]] {
            let one = try peak(command + [first], in: dir, emulator)
            let twelve = try peak(command, in: dir, emulator)
            XCTAssertLessThan(twelve - one, 10_000, "\(command[0]) peak KB: \(one) for one agent, \(twelve) for twelve")
        }
    }
}

import Foundation
import TestSupport
import XCTest

/// Pull and push stopped at any moment (SIGKILL, Ctrl-C, SIGTERM) leave files and a lock that parse, and a rerun
/// ends exactly where an uninterrupted run does, with nothing created twice.
final class InterruptedSyncTests: XCTestCase {
    private func agentctl(_ arguments: [String], in dir: URL, _ emulator: EmulatorProcess) throws -> AgentctlProcess.Result {
        try AgentctlProcess.run(arguments, in: dir, environment: emulator.environment)
    }

    func testPullsKilledAtRandomMomentsConvergeToAnUninterruptedPull() async throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "60", "--latency-ms", "2-12"])
        let reference = try AgentctlProcess.temporaryDirectory(self)
        let start = ContinuousClock.now
        XCTAssertEqual(try agentctl(["pull", "--concurrency", "4"], in: reference, emulator).status, 0)
        // Kill points spread over the second half of a whole run, where files are being written.
        let whole = Int((ContinuousClock.now - start) / .milliseconds(1))
        let dir = try AgentctlProcess.temporaryDirectory(self)
        var kills = 0
        for (run, delay) in SyncTestSupport.delays(seed: 10, count: 6, within: whole / 2...whole).enumerated() {
            let killed = try await SyncTestSupport.run(["pull", "--concurrency", "4"], in: dir, environment: emulator.environment,
                                                        signal: SIGKILL, after: delay)
            // A rerun with less left to do may finish before its kill point.
            XCTAssertTrue([SIGKILL, 0].contains(killed.status), "run \(run): \(killed.stderr)")
            kills += killed.status == SIGKILL ? 1 : 0
            try SyncTestSupport.assertEverythingParses(in: dir, "kill \(run) at \(delay)")
        }
        XCTAssertGreaterThan(kills, 0)
        let rerun = try agentctl(["pull", "--concurrency", "4"], in: dir, emulator)
        XCTAssertEqual(rerun.status, 0, rerun.stdout + rerun.stderr)
        XCTAssertEqual(try SyncTestSupport.files(in: dir), try SyncTestSupport.files(in: reference),
                       "same files (no -2 copies, no temporary files) and the same lock as a clean pull")
        try assertPushCreatesNothing(in: dir, emulator)
    }

    func testAPullWhoseLockWasNotSavedAdoptsTheFilesItWrote() async throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "5"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try agentctl(["pull"], in: dir, emulator).status, 0)
        let clean = try SyncTestSupport.files(in: dir)
        // Killed after the files were renamed into place, before the lock was written; a write was cut short too.
        try FileManager.default.removeItem(at: dir.appendingPathComponent("agentctl.lock"))
        try dir.write("name: half", to: "agents/.support-agent-001.yaml.tmp-Ab12Cd")
        try dir.write("{\"vers", to: ".agentctl.lock.tmp-Zz98Yy")
        let rerun = try agentctl(["pull"], in: dir, emulator)
        XCTAssertEqual(rerun.status, 0, rerun.stdout + rerun.stderr)
        XCTAssertEqual(try SyncTestSupport.files(in: dir), clean, "no -2 copies, the temporary files are gone")
        try assertPushCreatesNothing(in: dir, emulator)
    }

    func testAnUpdatePullKilledBeforeItsLockDoesNotLeaveLocalEditsBehind() async throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "3"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try agentctl(["pull"], in: dir, emulator).status, 0)
        let lockURL = dir.appendingPathComponent("agentctl.lock")
        let before = try Data(contentsOf: lockURL)
        let lock = try JSONSerialization.jsonObject(with: before) as! [String: Any]
        let entries = (lock["environments"] as! [String: [String: [String: Any]]])["default"]!
        for entry in entries.values {
            try await emulator.patch(entry["agent_id"] as! String, #"{"conversation_config":{"turn":{"turn_timeout":21}}}"#)
        }
        XCTAssertEqual(try agentctl(["pull"], in: dir, emulator).status, 0)
        let after = try SyncTestSupport.files(in: dir)
        // The files were updated, the lock was not: as a pull killed between the two leaves them.
        try before.write(to: lockURL)
        for _ in 0..<2 {
            let rerun = try agentctl(["pull"], in: dir, emulator)
            XCTAssertEqual(rerun.status, 0, rerun.stdout + rerun.stderr)
            XCTAssertFalse(rerun.stdout.contains("kept"), rerun.stdout)
        }
        XCTAssertEqual(try SyncTestSupport.files(in: dir), after)
    }

    func testCtrlCAndSIGTERMStopCleanlyWithAMessageAndARerunFinishes() async throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "40", "--latency-ms", "20"])
        let reference = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try agentctl(["pull"], in: reference, emulator).status, 0)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        for (signal, status) in [(SIGINT, 130), (SIGTERM, 143)] {
            let stopped = try await SyncTestSupport.run(["pull", "--concurrency", "2"], in: dir, environment: emulator.environment,
                                                         signal: signal, after: .milliseconds(400))
            XCTAssertEqual(stopped.status, Int32(status), stopped.stderr)
            XCTAssertTrue(stopped.stderr.contains("every agent finished so far is recorded in agentctl.lock; "
                + "run `agentctl pull` again to finish"), stopped.stderr)
            try SyncTestSupport.assertEverythingParses(in: dir, "signal \(signal)")
            // The lock was saved on the way out: at most the agents in flight (2) have a file but no entry yet.
            let files = try SyncTestSupport.files(in: dir).keys.filter { $0.hasPrefix("agents/") }
            let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("agentctl.lock"))) as! [String: Any]
            let tracked = ((lock["environments"] as! [String: [String: Any]])["default"] ?? [:]).count
            XCTAssertLessThanOrEqual(files.count - tracked, 2, "signal \(signal): \(files.count) files, \(tracked) tracked")
        }
        XCTAssertEqual(try agentctl(["pull"], in: dir, emulator).status, 0)
        XCTAssertEqual(try SyncTestSupport.files(in: dir), try SyncTestSupport.files(in: reference))
    }

    func testPushesKilledAtRandomMomentsCreateEveryAgentExactlyOnce() async throws {
        let emulator = try EmulatorProcess(self, arguments: ["--latency-ms", "5-25"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.writeDeskAgents(1...16) { $0 + 2 }
        for (run, delay) in SyncTestSupport.delays(seed: 20, count: 6, within: 100...700).enumerated() {
            let killed = try await SyncTestSupport.run(["push", "--yes", "--concurrency", "2"], in: dir,
                                                        environment: emulator.environment, signal: SIGKILL, after: delay)
            XCTAssertTrue([SIGKILL, 0].contains(killed.status), "run \(run): \(killed.stderr)")
            try SyncTestSupport.assertEverythingParses(in: dir, "kill \(run) at \(delay)")
        }
        let rerun = try agentctl(["push", "--yes"], in: dir, emulator)
        XCTAssertEqual(rerun.status, 0, rerun.stdout + rerun.stderr)
        let count = try await emulator.agentCount()
        XCTAssertEqual(count, 16, "each agent exists once: \(rerun.stdout)")
        XCTAssertEqual(try agentctl(["status", "--exit-code"], in: dir, emulator).status, 0)
        try assertPushCreatesNothing(in: dir, emulator)
    }

    func testAPullThatRunsOutOfDiskSpaceIsFinishedByARerun() async throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        // A small file system of its own (needs the right to mount, as root in CI containers has).
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=96k", "tmpfs", dir.path]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        try XCTSkipUnless(mount.terminationStatus == 0, "cannot mount a small file system here")
        addTeardownBlock { _ = try? Process.run(URL(fileURLWithPath: "/bin/umount"), arguments: [dir.path]).waitUntilExit() }
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "30"])
        let reference = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try agentctl(["pull"], in: reference, emulator).status, 0)

        let full = try agentctl(["pull"], in: dir, emulator)
        XCTAssertEqual(full.status, 1, full.stdout + full.stderr)
        XCTAssertTrue((full.stdout + full.stderr).contains("No space left on device"), full.stdout + full.stderr)
        try SyncTestSupport.assertEverythingParses(in: dir, "a full disk")

        let remount = try Process.run(URL(fileURLWithPath: "/bin/mount"), arguments: ["-o", "remount,size=16m", dir.path])
        remount.waitUntilExit()
        let rerun = try agentctl(["pull"], in: dir, emulator)
        XCTAssertEqual(rerun.status, 0, rerun.stdout + rerun.stderr)
        XCTAssertEqual(try SyncTestSupport.files(in: dir), try SyncTestSupport.files(in: reference))
        try assertPushCreatesNothing(in: dir, emulator)
    }

    private func assertPushCreatesNothing(in dir: URL, _ emulator: EmulatorProcess,
                                          file: StaticString = #filePath, line: UInt = #line) throws {
        let plan = try agentctl(["push", "--dry-run"], in: dir, emulator)
        XCTAssertTrue(plan.stdout.hasSuffix(" 0 to create, \(try SyncTestSupport.files(in: dir).keys.filter { $0.hasPrefix("agents/") }.count) unchanged\n"),
                      plan.stdout + plan.stderr, file: file, line: line)
    }
}

import Foundation
import TestSupport
import XCTest

/// The local curves of BENCHMARKS.md (target 5) guarded by counting file-system work, not seconds: pull, status,
/// diff and push of ten times the agents may not do more work an agent. status, diff and push once stat-ed every lock
/// entry for every file (N x N calls, 100+ s at 10,000 agents) and nothing caught it; this would have.
final class FileWorkScaleTests: XCTestCase {
    private struct Work {
        let pull: FileWork, status: FileWork, diff: FileWork, push: FileWork
    }

    private func work(agents: Int) throws -> Work {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", String(agents)])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        func counted(_ arguments: [String]) throws -> FileWork {
            try FileWork.of(arguments, in: dir, environment: emulator.environment).per(agents)
        }
        return Work(pull: try counted(["pull"]), status: try counted(["status", "--exit-code"]),
                    diff: try counted(["diff", "--exit-code"]), push: try counted(["push", "--yes"]))
    }

    func testPullStatusDiffAndPushDoNoMoreFileWorkAnAgentAtTenTimesTheAgents() throws {
        let small = try work(agents: 30)
        let large = try work(agents: 300)
        // What every run does once (loading libraries, reading agentctl.yaml) is shared by fewer agents in the small
        // run, so linear work costs less an agent in the large one; N x N work costs ten times more. A file rewritten
        // whole once an agent also costs ten times more an agent; pull's lock, saved at doubling sizes as it goes
        // (LockCheckpoint), at most three times more.
        for (command, few, many) in [("pull", small.pull, large.pull), ("status", small.status, large.status),
                                     ("diff", small.diff, large.diff), ("push", small.push, large.push)] {
            XCTAssertLessThanOrEqual(many.callsNamingAFile, few.callsNamingAFile,
                                     "\(command): an agent of 30 \(few), of 300 \(many)")
            XCTAssertLessThanOrEqual(many.bytesWrittenToOneFile, few.bytesWrittenToOneFile * 4,
                                     "\(command): an agent of 30 \(few), of 300 \(many)")
        }
    }
}

import Foundation
import TestSupport
import XCTest

/// The local curves of BENCHMARKS.md (target 5) guarded by counting file-system work, not seconds: pull, status,
/// diff and push (of nothing, then of every agent edited) of ten times the agents may not do more work an agent.
/// status, diff and push once stat-ed every lock entry for every file (N x N calls, 100+ s at 10,000 agents), and
/// push saved the whole lock after every agent (N x N bytes); nothing caught either, and this would have.
final class FileWorkScaleTests: XCTestCase {
    private struct Work {
        let pull: FileWork, status: FileWork, diff: FileWork, push: FileWork, pushOfEveryAgent: FileWork
    }

    private func work(agents: Int) throws -> Work {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", String(agents)])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        func counted(_ arguments: [String]) throws -> FileWork {
            try FileWork.of(arguments, in: dir, environment: emulator.environment).per(agents)
        }
        let (pull, status, diff) = (try counted(["pull"]), try counted(["status", "--exit-code"]),
                                    try counted(["diff", "--exit-code"]))
        let push = try counted(["push", "--yes"])
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("agents").path)
        for file in files {
            let url = dir.appendingPathComponent("agents/\(file)")
            let text = try String(contentsOf: url, encoding: .utf8)
            let name = try XCTUnwrap(text.range(of: "\nname: "), text)
            let nameEnds = try XCTUnwrap(text[name.upperBound...].firstIndex(of: "\n"))
            try (text[..<nameEnds] + " edited" + text[nameEnds...]).write(to: url, atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(files.count, agents)
        return Work(pull: pull, status: status, diff: diff, push: push, pushOfEveryAgent: try counted(["push", "--yes"]))
    }

    func testPullStatusDiffAndPushDoNoMoreFileWorkAnAgentAtTenTimesTheAgents() throws {
        let small = try work(agents: 30)
        let large = try work(agents: 300)
        // What every run does once (loading libraries, reading agentctl.yaml) is shared by fewer agents in the small
        // run, so linear work costs less an agent in the large one; N x N work costs ten times more. A file rewritten
        // whole once an agent also costs ten times more an agent; pull's lock, saved at doubling sizes as it goes
        // (LockCheckpoint), at most three times more.
        for (command, few, many) in [("pull", small.pull, large.pull), ("status", small.status, large.status),
                                     ("diff", small.diff, large.diff), ("push", small.push, large.push),
                                     ("push of every agent", small.pushOfEveryAgent, large.pushOfEveryAgent)] {
            XCTAssertLessThanOrEqual(many.callsNamingAFile, few.callsNamingAFile,
                                     "\(command): an agent of 30 \(few), of 300 \(many)")
            XCTAssertLessThanOrEqual(many.bytesWrittenToOneFile, few.bytesWrittenToOneFile * 4,
                                     "\(command): an agent of 30 \(few), of 300 \(many)")
        }
    }
}

import Foundation
import TestSupport
import XCTest

/// The network curves of BENCHMARKS.md (target 5) guarded by counting work, not seconds: pull, status and diff send
/// one request an agent (pull also the list pages), so ten times the agents is ten times the requests, and the
/// network floor, ceil(N / concurrency) x latency (plus the pages for pull), is the bound on their time.
final class RequestScaleTests: XCTestCase {
    private struct Counts: Equatable {
        let pull: Int, status: Int, diff: Int
    }

    private func requests(agents: Int) async throws -> Counts {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", String(agents)])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        func requestsSoFar() async throws -> Int {
            let stats = try await emulator.stats()
            return try XCTUnwrap(stats["requests"] as? Int)
        }
        func counted(_ arguments: [String]) async throws -> Int {
            let before = try await requestsSoFar()
            let run = try AgentctlProcess.run(arguments, in: dir, environment: emulator.environment)
            XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
            return try await requestsSoFar() - before
        }
        return Counts(pull: try await counted(["pull"]), status: try await counted(["status", "--exit-code"]),
                      diff: try await counted(["diff", "--exit-code"]))
    }

    func testPullStatusAndDiffSendOneRequestAnAgentPlusTheListPages() async throws {
        let small = try await requests(agents: 30)
        let large = try await requests(agents: 300)
        // 270 more agents: pull sends 270 more GETs and two more list pages of 100 (three pages instead of one);
        // status and diff get each tracked agent and list nothing.
        XCTAssertEqual(large.pull - small.pull, 270 + 2, "pull: \(small.pull) then \(large.pull) requests")
        XCTAssertEqual([small.status, large.status], [30, 300], "status")
        XCTAssertEqual([small.diff, large.diff], [30, 300], "diff")
    }
}

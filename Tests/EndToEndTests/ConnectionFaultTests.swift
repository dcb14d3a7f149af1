import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TestSupport
import XCTest

/// A connection reset (TCP RST) and an answer that announces more than agentctl reads, through the real binary:
/// bounded retries into the same result as a clean run, or a clear error with files and lock as before.
final class ConnectionFaultTests: XCTestCase {
    /// What a raw client sees after sending one request: `reset` (ECONNRESET) or `closed` (end of stream, FIN).
    private func ending(of baseURL: String) throws -> String {
        let port = try XCTUnwrap(UInt16(baseURL.split(separator: ":").last ?? ""))
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        XCTAssertEqual(connected, 0)
        let request = "GET /v1/convai/agents HTTP/1.1\r\nHost: 127.0.0.1\r\nxi-api-key: \(EmulatorProcess.apiKey)\r\n\r\n"
        _ = request.withCString { send(socket, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(socket, &buffer, buffer.count, 0)
        if count < 0 { return errno == ECONNRESET ? "reset" : "error \(errno)" }
        return count == 0 ? "closed" : "answered"
    }

    func testTheResetFaultIsATCPResetNotAClose() throws {
        let resetting = try EmulatorProcess(self, arguments: ["--reset-every", "1"])
        let dropping = try EmulatorProcess(self, arguments: ["--drop-every", "1"])
        let answering = try EmulatorProcess(self)
        XCTAssertEqual(try ending(of: resetting.baseURL), "reset")
        XCTAssertEqual(try ending(of: dropping.baseURL), "closed")
        XCTAssertEqual(try ending(of: answering.baseURL), "answered")
    }

    /// Resets on every fourth request while pushing creates and updates: an update (never processed) is retried; a
    /// create is sent once, so a reset one fails and the next run sends it. Every run leaves each file's lock entry as
    /// before or after its completed step; the runs end with one live agent per file, none twice.
    func testPushThroughResetsConvergesWithNothingCreatedTwice() async throws {
        let emulator = try EmulatorProcess(self, arguments: ["--reset-every", "4"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.writeDeskAgents(1...6)
        var runs = 0
        var result: AgentctlProcess.Result
        repeat {
            result = try AgentctlProcess.run(["push", "--yes", "--concurrency", "2"], in: dir, environment: emulator.environment)
            runs += 1
            XCTAssertTrue([0, 1].contains(result.status), result.stdout + result.stderr)
            try assertLockNamesLiveAgentsOnce(dir, emulator)
        } while result.status != 0 && runs < 8
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let agents = try await emulator.stats()["agents"] as? Int
        XCTAssertEqual(agents, 6, "one live agent per file")
        XCTAssertEqual(try ProjectFiles.lockedIDs(dir).count, 6)

        try dir.writeDeskAgents(1...6) { $0 + 10 }
        let started = Date()
        let update = try AgentctlProcess.run(["push", "--yes", "--concurrency", "2"], in: dir, environment: emulator.environment)
        XCTAssertEqual(update.status, 0, "updates are retried through resets: " + update.stdout + update.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20, "a reset PATCH is retried at once, not after the 30 s timeout")
        let status = try AgentctlProcess.run(["status", "--exit-code"], in: dir, environment: emulator.environment)
        XCTAssertEqual(status.status, 0, status.stdout + status.stderr)
        let faults = try await emulator.stats()["faults"] as? [String: Int]
        XCTAssertGreaterThan(faults?["reset"] ?? 0, 0, "the fault was injected")
    }

    /// The lock never names an agent that does not exist, nor one agent twice.
    private func assertLockNamesLiveAgentsOnce(_ dir: URL, _ emulator: EmulatorProcess, line: UInt = #line) throws {
        let ids = try ProjectFiles.lockedIDs(dir)
        XCTAssertEqual(Set(ids.values).count, ids.count, "\(ids)", line: line)
    }

    func testAnAnswerThatAnnouncesMoreThanTheBoundIsRefusedWithBoundedMemory() throws {
        // Request 4 (the first agent read, after the lists of tools, tests and agents) announces 1 GB in its
        // Content-Length: refused before its body is read.
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "2", "--huge-answer-every", "4",
                                                             "--huge-answer-declared", "--huge-answer-bytes", "1073741824"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let time = "/usr/bin/time"
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: time), "needs GNU time to measure peak memory")
        let agentctl = AgentctlProcess.productsDirectory.appendingPathComponent("agentctl").path
        let started = Date()

        let result = try AgentctlProcess.run(["-f", "peak %M KB", agentctl, "pull", "--concurrency", "1"], in: dir,
                                             environment: emulator.environment, executable: time)

        XCTAssertEqual(result.status, 1, result.stderr)
        let peak = try XCTUnwrap(result.stderr.split(separator: "\n").last.flatMap { Int($0.split(separator: " ")[1]) })
        XCTAssertLessThan(peak, 120_000, "peak KB: the answer is not held")
        XCTAssertTrue(result.stdout.contains("is larger than 16 MB, the most agentctl reads; it stopped reading"), result.stdout)
        XCTAssertTrue(result.stdout.contains("pulled 2 agents: 1 new, 0 updated, 0 unchanged, 1 not pulled"), result.stdout)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "1 GB is not read")
        XCTAssertEqual(ProjectFiles.agentFiles(dir), try ProjectFiles.lockedIDs(dir).keys.sorted())
    }
}

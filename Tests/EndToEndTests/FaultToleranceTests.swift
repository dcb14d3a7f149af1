import Foundation
import TestSupport
import XCTest

/// The real binary against a server that fails: each fault ends in a correct pull after bounded retries, or in a
/// clear error and a non-zero exit with the files and lock as they were or as each completed agent left them.
final class FaultToleranceTests: XCTestCase {
    private func pull(_ emulator: EmulatorProcess, in dir: URL, _ extra: [String] = []) throws -> AgentctlProcess.Result {
        try AgentctlProcess.run(["pull", "--concurrency", "4"] + extra, in: dir, environment: emulator.environment)
    }

    /// Every file pulled is in the lock under its agent, and the lock names no file that is missing.
    private func assertFilesMatchLock(_ dir: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(ProjectFiles.agentFiles(dir), try ProjectFiles.lockedIDs(dir).keys.sorted(), file: file, line: line)
        let validate = try AgentctlProcess.run(["validate"], in: dir)
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr, file: file, line: line)
    }

    func testAServerGoneMidPullStopsWithinSecondsAndKeepsWhatWasPulled() throws {
        // 769 agents: once the server stops listening at request 60, every request left used to be retried five
        // times (545 s); now the pull stops starting requests after three attempts in a row get no answer.
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "769", "--unreachable-after", "60"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let started = Date()
        let result = try pull(emulator, in: dir, ["--concurrency", "8"])
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertLessThan(elapsed, 15, "a gone server must fail fast")
        XCTAssertTrue(result.stdout.contains("is unreachable (3 attempts in a row got no answer")
                      || result.stdout.contains("attempts in a row got no answer"), result.stdout)
        XCTAssertTrue(result.stdout.contains("not pulled"), result.stdout)
        XCTAssertFalse(ProjectFiles.agentFiles(dir).isEmpty, "the agents read before the server went are kept")
        try assertFilesMatchLock(dir)
    }

    func testATLSCertificateErrorIsNeverRetried() throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", Fixtures.url("tls/server.py").path]
        let output = Pipe(), input = Pipe()
        server.standardOutput = output
        server.standardInput = input
        try server.run()
        defer { try? input.fileHandleForWriting.close(); server.waitUntilExit() }
        let reader = LineReader(output.fileHandleForReading)
        let listening = try XCTUnwrap(reader.next(), "the TLS server did not start")
        let url = String(try XCTUnwrap(listening.split(separator: " ").last))
        let dir = try AgentctlProcess.temporaryDirectory(self)

        let result = try AgentctlProcess.run(["pull", "--base-url", url, "--verbose"], in: dir,
                                             environment: ["ELEVENLABS_API_KEY": "tls-test-key"])

        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("no secure connection to 127.0.0.1:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("certificate"), result.stderr)
        XCTAssertTrue(result.stderr.contains("Not retried"), result.stderr)
        XCTAssertEqual(result.stderr.components(separatedBy: "(attempt ").count - 1, 1, result.stderr)
        try? input.fileHandleForWriting.close()
        server.waitUntilExit()
        XCTAssertEqual(reader.rest().filter { $0.hasPrefix("connection ") }.count, 1, "one connection, no retry")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("agentctl.lock").path))
    }

    func testAnAnswerOfTheWrongShapeIsAnErrorForThatAgentOnly() async throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "3"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try pull(emulator, in: dir).status, 0)
        let ids = try ProjectFiles.lockedIDs(dir)
        let files = ids.keys.sorted()
        guard files.count == 3 else { return XCTFail("the first pull tracked \(files)") }
        let (oopsFile, numberFile, goodFile) = (files[0], files[1], files[2])
        let before = try ProjectFiles.snapshot(dir)
        try await emulator.control("""
            {"answer_overrides": {"\(ids[oopsFile]!)": {"conversation_config": "oops"}, "\(ids[numberFile]!)": {"name": 42},
                                  "\(ids[goodFile]!)": {"conversation_config.turn.turn_timeout": 12}}}
            """)

        let result = try pull(emulator, in: dir)

        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("! \(oopsFile)  failed: get agent \(ids[oopsFile]!) failed: the answer from "), result.stdout)
        XCTAssertTrue(result.stdout.contains(#"conversation_config is text ("oops"), not an object"#), result.stdout)
        XCTAssertTrue(result.stdout.contains("name is a number (42), not text"), result.stdout)
        XCTAssertTrue(result.stdout.contains("~ \(goodFile)  (updated)"), result.stdout)
        let after = try ProjectFiles.snapshot(dir)
        XCTAssertEqual(after[oopsFile], before[oopsFile])
        XCTAssertEqual(after[numberFile], before[numberFile])
        XCTAssertTrue(String(decoding: after[goodFile]!, as: UTF8.self).contains("turn_timeout: 12"))
        try assertFilesMatchLock(dir)
    }

    func testAHugeAnswerIsAnErrorNotMemoryExhaustion() throws {
        // Request 4 (the first agent read, after the lists of tools, tests and agents) gets a 64 MB chunked body with
        // no Content-Length: the reader stops at 16 MB.
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "2", "--huge-answer-every", "4"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let started = Date()

        let result = try pull(emulator, in: dir, ["--concurrency", "1"])

        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("is larger than 16 MB, the most agentctl reads; it stopped reading"), result.stdout)
        XCTAssertTrue(result.stdout.contains("pulled 2 agents: 1 new, 0 updated, 0 unchanged, 1 not pulled"), result.stdout)
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
        try assertFilesMatchLock(dir)
    }

    func testTransientFaultsAreRetriedIntoACorrectPull() throws {
        let reference = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try pull(try EmulatorProcess(self, arguments: ["--seed-agents", "8"]), in: reference).status, 0)
        let expected = try ProjectFiles.snapshot(reference).filter { $0.key.hasPrefix("agents/") }
        let faults: [[String]] = [
            ["--rate-limit-every", "3", "--no-retry-after"], ["--rate-limit-every", "3", "--retry-after", "0"],
            ["--error-every", "502:3", "--error-every", "504:5", "--error-every", "408:7"],
            ["--drop-every", "3"], ["--reset-every", "3"], ["--cut-body-every", "3"], ["--malformed-every", "3"],
        ]
        for fault in faults {
            let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "8"] + fault)
            let dir = try AgentctlProcess.temporaryDirectory(self)
            let result = try pull(emulator, in: dir)
            XCTAssertEqual(result.status, 0, "\(fault): \(result.stdout)\(result.stderr)")
            XCTAssertEqual(try ProjectFiles.snapshot(dir).filter { $0.key.hasPrefix("agents/") }, expected, "\(fault)")
            try assertFilesMatchLock(dir)
        }
    }

    func testPersistentFaultsEndInAClearErrorWithNothingChanged() async throws {
        let cases: [(fault: [String], message: String)] = [
            // A persistent 429 with Retry-After and persistent malformed bodies: RetryTests.
            (["--rate-limit-every", "1", "--no-retry-after"], "kept answering 429 Too Many Requests after 5 attempts"),
            (["--error-every", "502:1"], "answered 502 Bad Gateway: \"Bad Gateway\" after 5 attempts"),
            (["--cut-body-every", "1"], "is unreachable (3 attempts in a row got no answer"),
            (["--reset-every", "1"], "is unreachable (3 attempts in a row got no answer"),
            (["--latency-ms", "3000"], "is unreachable (3 attempts in a row got no answer, the last: timed out after 1 s)"),
        ]
        for (fault, message) in cases {
            let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "2"])
            let dir = try AgentctlProcess.temporaryDirectory(self)
            XCTAssertEqual(try pull(emulator, in: dir).status, 0)
            let before = try ProjectFiles.snapshot(dir)
            let broken = try EmulatorProcess(self, arguments: ["--seed-agents", "2"] + fault)
            let started = Date()
            let result = try pull(broken, in: dir, ["--timeout", "1"])
            XCTAssertEqual(result.status, 1, "\(fault): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), "\(fault): \(result.stderr)")
            XCTAssertLessThan(Date().timeIntervalSince(started), 20, "\(fault): retries are bounded")
            XCTAssertEqual(try ProjectFiles.snapshot(dir), before, "\(fault): files and lock as before")
        }
    }
}

/// Reads a child's output line by line.
final class LineReader {
    private let handle: FileHandle
    private var buffer = Data()

    init(_ handle: FileHandle) {
        self.handle = handle
    }

    func next() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let chunk = handle.availableData
            if chunk.isEmpty { return nil }
            buffer += chunk
        }
    }

    /// Every line until end of output.
    func rest() -> [String] {
        var lines: [String] = []
        while let line = next() { lines.append(line) }
        return lines
    }
}

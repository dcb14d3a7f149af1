import Foundation
import TestSupport
import XCTest

/// How agentctl is pointed at the API: a key from a pipe or FIFO, and a server on the IPv6 loopback.
final class ConnectionOptionsTests: XCTestCase {
    func testTheKeyFileMayBeAPipeOrAFIFO() throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "1"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let noKey = ["ELEVENLABS_BASE_URL": emulator.baseURL, "ELEVENLABS_API_KEY": ""]

        // `--api-key-file <(pass show elevenlabs)` hands agentctl a pipe, as /dev/stdin is here.
        let piped = try AgentctlProcess.run(["pull", "--api-key-file", "/dev/stdin"], in: dir, environment: noKey,
                                            input: EmulatorProcess.key + "\n")
        XCTAssertEqual(piped.status, 0, piped.stderr)

        let fifo = dir.appendingPathComponent("key.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        // A separate writer, as `pass` would be; stopped afterwards in case agentctl never opened the FIFO.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "printf %s \"$0\" > \"$1\"", EmulatorProcess.key, fifo]
        try writer.run()
        defer { if writer.isRunning { writer.terminate() }; writer.waitUntilExit() }
        let fromFIFO = try AgentctlProcess.run(["pull", "--api-key-file", fifo], in: dir, environment: noKey)
        XCTAssertEqual(fromFIFO.status, 0, fromFIFO.stderr)
        XCTAssertEqual(fromFIFO.stdout, "pulled 1 agent: 0 new, 0 updated, 1 unchanged\n")
    }

    func testAServerOnTheIPv6LoopbackIsReachedThroughLocalhost() throws {
        let emulator = Process()
        emulator.executableURL = AgentctlProcess.productsDirectory.appendingPathComponent("agentctl-emulator")
        emulator.arguments = ["--host", "::1", "--api-key", EmulatorProcess.key, "--seed-agents", "1", "--exit-on-stdin-close"]
        let output = Pipe(), input = Pipe()
        emulator.standardOutput = output
        emulator.standardInput = input
        emulator.standardError = FileHandle.nullDevice
        try emulator.run()
        defer { try? input.fileHandleForWriting.close(); emulator.waitUntilExit() }
        guard let line = LineReader(output.fileHandleForReading).next(), line.hasPrefix("listening on http://[::1]:") else {
            throw XCTSkip("this machine has no IPv6 loopback")
        }
        let port = String(line.split(separator: ":").last!)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let key = ["ELEVENLABS_API_KEY": EmulatorProcess.key]

        let viaLocalhost = try AgentctlProcess.run(["pull", "--base-url", "http://localhost:\(port)"], in: dir, environment: key)
        XCTAssertEqual(viaLocalhost.status, 0, viaLocalhost.stderr)
        XCTAssertEqual(viaLocalhost.stdout.split(separator: "\n").last, "pulled 1 agent: 1 new, 0 updated, 0 unchanged")

        let literal = try AgentctlProcess.run(["pull", "--base-url", "http://[::1]:\(port)"], in: dir, environment: key)
        #if os(Linux)
        XCTAssertEqual(literal.status, 2, literal.stderr)
        XCTAssertTrue(literal.stderr.contains("for ::1 use http://localhost:\(port), which reaches a server listening on ::1"),
                      literal.stderr)
        #else
        XCTAssertEqual(literal.status, 0, literal.stderr)
        #endif
    }
}

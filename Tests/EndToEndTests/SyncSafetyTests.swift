import Foundation
import TestSupport
import XCTest

/// Behaviours that once could be broken without a test noticing: creates never repeated, pull's atomic writes,
/// and one PATCH for several fields under one parent.
final class SyncSafetyTests: XCTestCase {
    func testACreateAnsweredWithAStatusThatMayFollowTheWriteIsSentExactlyOnce() async throws {
        for status in [500, 502, 504, 408] {
            let emulator = try EmulatorProcess(self, arguments: ["--error-every", "\(status):1"])
            let dir = try AgentctlProcess.temporaryDirectory(self)
            try dir.write("name: Once\n", to: "agents/once.yaml")

            let result = try AgentctlProcess.run(["push", "--yes"], in: dir, environment: emulator.environment)

            XCTAssertEqual(result.status, 1, "\(status): \(result.stderr)")
            XCTAssertTrue((result.stdout + result.stderr).contains("create agent may or may not have happened"),
                          "\(status): \(result.stdout)")
            let requests = try await emulator.stats()["requests"] as? Int
            XCTAssertEqual(requests, 1, "\(status): a retried create could create the agent twice")
            XCTAssertEqual(try ProjectFiles.lockedIDs(dir), [:])
        }
    }

    func testPullWritesThroughTheAtomicWriter() async throws {
        let emulator = try EmulatorProcess(self, arguments: ["--seed-agents", "1"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try AgentctlProcess.run(["pull"], in: dir, environment: emulator.environment).status, 0)
        let (file, id) = try XCTUnwrap(try ProjectFiles.lockedIDs(dir).first)
        let prompt = String(repeating: "Answer the caller kindly and check the order number first. ", count: 80)
        try await emulator.patch(id, #"{"conversation_config":{"agent":{"prompt":{"prompt":"\#(prompt)"}}}}"#)
        let before = try ProjectFiles.snapshot(dir)
        XCTAssertLessThan(before[file]!.count, 2048)

        // A file size limit of 2 KB makes every write of the new, longer file fail part way, as a full disk would.
        let agentctl = AgentctlProcess.productsDirectory.appendingPathComponent("agentctl").path
        let result = try AgentctlProcess.run(["-c", "trap '' XFSZ; ulimit -f 2; exec \"$0\" pull", agentctl], in: dir,
                                             environment: emulator.environment, executable: "/bin/bash")

        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("! \(file)  failed: cannot write"), result.stdout)
        XCTAssertEqual(try ProjectFiles.snapshot(dir), before, "the old file intact, the lock unchanged, no temporary file left")
    }

    func testAPatchCarriesEveryChangedFieldUnderOneParent() async throws {
        let emulator = try EmulatorProcess(self)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        func write(timeout: Int, eagerness: String, greeting: String) throws {
            try dir.write("""
                name: Desk
                conversation_config:
                  agent:
                    first_message: \(greeting)
                  turn:
                    turn_timeout: \(timeout)
                    turn_eagerness: \(eagerness)

                """, to: "agents/desk.yaml")
        }
        try write(timeout: 7, eagerness: "normal", greeting: "Hello.")
        XCTAssertEqual(try AgentctlProcess.run(["push", "--yes"], in: dir, environment: emulator.environment).status, 0)
        try write(timeout: 12, eagerness: "eager", greeting: "Hi there.")

        let result = try AgentctlProcess.run(["push", "--yes"], in: dir, environment: emulator.environment)

        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertTrue(result.stdout.contains("updated agents/desk.yaml (3 fields)"), result.stdout)
        let writes = try await emulator.writes()
        XCTAssertEqual(writes.count, 2)
        let body = try JSONSerialization.data(withJSONObject: writes[1]["body"]!, options: .sortedKeys)
        XCTAssertEqual(String(decoding: body, as: UTF8.self), """
            {"conversation_config":{"agent":{"first_message":"Hi there."},"turn":{"turn_eagerness":"eager","turn_timeout":12}}}
            """)
    }
}

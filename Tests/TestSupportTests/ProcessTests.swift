import Foundation
import TestSupport
import XCTest

/// The process runners every end-to-end test stands on: exit status and output kept apart, the emulator stopped.
final class ProcessTests: XCTestCase {
    func testAgentctlOutputAndStatusAreCapturedApart() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: x\nconversation_config:\n  turn:\n    turn_timeout: 45\n", to: "bad.yaml")
        let result = try AgentctlProcess.run(["validate", "bad.yaml", "--format", "json"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("["), result.stdout)
        XCTAssertEqual(try AgentctlProcess.run(["validate", "missing.yaml"], in: dir).status, 2)
    }

    func testAMissingProductSaysHowToBuildIt() {
        XCTAssertThrowsError(try AgentctlProcess.run([], executable: "no-such-product")) { error in
            XCTAssertTrue("\(error)".contains("no-such-product is missing: run `swift build --build-tests`"), "\(error)")
        }
    }

    func testTheEmulatorAnswersAndStops() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "2"])
        XCTAssertTrue(emulator.baseURL.hasPrefix("http://127.0.0.1:"), emulator.baseURL)
        let stats = try await emulator.stats()
        XCTAssertEqual(stats["agents"] as? Int, 2, "\(stats)")
        emulator.stop()
        XCTAssertFalse(emulator.process.isRunning)
    }

    func testFixturesAreFilesOfTheRepository() throws {
        XCTAssertTrue(try Fixtures.text("agents/turn-timeout-45-on-line-12.yaml").contains("turn_timeout: 45"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: Fixtures.repositoryRoot.appendingPathComponent("Package.swift").path))
    }
}

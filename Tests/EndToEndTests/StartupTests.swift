import Foundation
import TestSupport
import XCTest

/// What a run loads before it does anything (docs/architecture.md, "Start-up"), in the dynamic linker's own words.
final class StartupTests: XCTestCase {
    /// An offline command never loads libcurl: `agentctl` does not name it, and only the first request opens it. A
    /// build with Foundation as shared libraries loads it for `libFoundationNetworking.so`, which names it itself.
    func testValidatingAFileLoadsNoLibcurl() throws {
        let run = try AgentctlProcess.run(["validate", "agents/support-desk.yaml"], environment: ["LD_DEBUG": "files"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let loads = run.stderr.split(separator: "\n").filter { $0.contains("file=") && $0.contains("needed by") }
        XCTAssertTrue(loads.contains { $0.contains("file=libyaml") }, "LD_DEBUG=files names every library loaded:\n\(run.stderr)")
        let curl = loads.filter { $0.contains("file=libcurl") }
        XCTAssertEqual(curl.filter { !$0.contains("libFoundationNetworking.so") }, [], "loaded for agentctl itself")
    }
}

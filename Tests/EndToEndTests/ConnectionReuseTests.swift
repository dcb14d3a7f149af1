import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import XCTest

/// The create that waited out its whole timeout once in about 2,000 requests (scripts/bench-memory.sh): it was sent on
/// a connection the server had just closed, kept by libcurl because the answer before it did not say `Connection:
/// close`. libcurl then resent it on a new connection with an empty body (Foundation cannot rewind one), and the
/// server waited for the body it had been promised. The emulator now says it closes; agentctl sends each request with
/// a body on a session of its own, so no server can have one sent on a connection it is closing.
final class ConnectionReuseTests: XCTestCase {
    func testAnAnswerToARequestThatAsksToCloseSaysTheConnectionCloses() async throws {
        let emulator = try EmulatorProcess(self)
        var request = URLRequest(url: try XCTUnwrap(URL(string: emulator.baseURL + "/v1/convai/agents")))
        request.setValue(EmulatorProcess.apiKey, forHTTPHeaderField: "xi-api-key")
        request.setValue("close", forHTTPHeaderField: "Connection")
        let (_, response) = try await URLSession.shared.data(for: request)
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        XCTAssertEqual(http.statusCode, 200)
        XCTAssertEqual(http.value(forHTTPHeaderField: "Connection")?.lowercased(), "close")
    }

    /// A server that does not say it closes and closes half a second after each answer: every create is made, none is
    /// reported as "may or may not have happened".
    func testCreatesAfterAServerThatClosesLateAreAllMadeAtOnce() async throws {
        let emulator = try EmulatorProcess(self, arguments: ["--close-late-every", "1"])
        let dir = try AgentctlProcess.temporaryDirectory(self)
        for number in 1...4 {
            try dir.write("name: Desk \(number)\nconversation_config:\n  turn:\n    turn_timeout: \(number)\n",
                          to: "agents/desk-\(number).yaml")
        }
        let push = try AgentctlProcess.run(["push", "--yes", "--concurrency", "1", "--timeout", "5"], in: dir,
                                           environment: emulator.environment)
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        XCTAssertFalse(push.stdout.contains("may or may not"), push.stdout)
        let stats = try await emulator.stats()
        XCTAssertEqual(stats["agents"] as? Int, 4)
        XCTAssertEqual((stats["faults"] as? [String: Any])?["closed_late"] as? Int, stats["requests"] as? Int)
    }
}

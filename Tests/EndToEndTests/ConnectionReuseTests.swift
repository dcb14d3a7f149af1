import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
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
        try dir.writeDeskAgents(1...4)
        let push = try AgentctlProcess.run(["push", "--yes", "--concurrency", "1", "--timeout", "5"], in: dir,
                                           environment: emulator.environment)
        XCTAssertEqual(push.status, 0, push.stdout + push.stderr)
        XCTAssertFalse(push.stdout.contains("may or may not"), push.stdout)
        let stats = try await emulator.stats()
        XCTAssertEqual(stats["agents"] as? Int, 4)
        XCTAssertEqual((stats["faults"] as? [String: Any])?["closed_late"] as? Int, stats["requests"] as? Int)
    }

    /// A server whose queue of connections is full never completes a connect: a create that timed out before a
    /// byte of its body was sent cannot have been acted on, so it is retried like a refused connection, and the
    /// message says the server was not reached, not that the create may have happened.
    func testACreateThatTimedOutBeforeItsBodyWasSentIsRetried() throws {
        let (listener, port) = try fullListener()
        defer { close(listener) }
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("name: Desk\nconversation_config:\n  turn:\n    turn_timeout: 3\n", to: "agents/desk.yaml")
        let push = try AgentctlProcess.run(["push", "--yes", "--timeout", "1"], in: dir, environment: [
            "ELEVENLABS_BASE_URL": "http://127.0.0.1:\(port)", "ELEVENLABS_API_KEY": EmulatorProcess.apiKey,
        ])
        XCTAssertEqual(push.status, 1, push.stdout + push.stderr)
        XCTAssertFalse(push.stdout.contains("may or may not"), push.stdout)
        XCTAssertTrue(push.stdout.contains("failed agents/desk.yaml: create agent failed after 3 attempts: 127.0.0.1:\(port) is "
            + "unreachable (3 attempts in a row got no answer, the last: timed out after 1 s before the request was sent)"),
                      push.stdout)
    }

    /// A listening socket that never accepts, with its one place in the queue taken: the next connect never completes.
    private func fullListener() throws -> (Int32, UInt16) {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, length) == 0 && listen(listener, 0) == 0 && getsockname(listener, $0, &length) == 0
            }
        }
        XCTAssertTrue(bound)
        let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(filler, $0, length) }
        }
        XCTAssertEqual(connected, 0)
        addTeardownBlock { close(filler) }
        return (listener, UInt16(bigEndian: address.sin_port))
    }
}

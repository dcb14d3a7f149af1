import Foundation
import Remote
import TestSupport
import XCTest

/// The key is never shown: not in errors, not in traces, not by printing or dumping the key itself.
final class SecretTests: XCTestCase {
    let secret = "sk_live_4f1d9e0c2b7a6350"

    func testWrongKeyIs401NamingTheVariableNotTheKey() async throws {
        let emulator = try EmulatorProcess()
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator, key: secret)

        let error = await remoteError { try await api.list() }

        XCTAssertEqual(error?.kind, .unauthorized)
        XCTAssertEqual(error?.attempts, 1)
        XCTAssertEqual(error?.description, """
            list agents failed: \(try APIBaseURL(emulator.baseURL).host) rejected the API key from the environment \
            variable ELEVENLABS_API_KEY (401 Unauthorized: "Invalid API key"). Check that it holds a valid \
            ElevenLabs API key for this host's region.
            """)
    }

    func testReadOnlyKeyIs403OnWrites() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "1", "--read-only-api-key", secret])
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator, key: secret)
        let id = try await api.list().items[0].id

        let error = await remoteError { try await api.update(id: id, body: json(#"{"name": "x"}"#)) }

        XCTAssertEqual(error?.kind, .forbidden)
        XCTAssertTrue(error?.description.hasPrefix("update agent \(id) failed: the API key from the environment variable "
            + "ELEVENLABS_API_KEY is not allowed to do this (403 Forbidden: \"The API key you used is missing the "
            + "permission convai_write to execute this operation.\")") ?? false, error?.description ?? "")
    }

    func testKeyAppearsInNoErrorAndNoTraceLine() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "2", "--read-only-api-key", secret,
                                            "--rate-limit-every", "3", "--drop-every", "5", "--malformed-every", "7"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let reader = try makeAgentsAPI(emulator, key: secret, recorder: recorder, retry: RetryPolicy(maxAttempts: 2))
        let stranger = try makeAgentsAPI(emulator, key: secret + "x", recorder: recorder)
        var messages: [String] = []
        func collect(_ body: () async throws -> Void) async {
            do { try await body() } catch { messages += [String(describing: error), String(reflecting: error)] }
        }

        await collect { _ = try await reader.listAll(pageSize: 1) }
        await collect { _ = try await reader.get(id: "agent_missing") }
        await collect { _ = try await reader.create(json(#"{"conversation_config": {}}"#)) }
        await collect { _ = try await reader.update(id: "agent_missing", body: json("{}")) }
        await collect { try await reader.delete(id: "agent_missing") }
        await collect { _ = try await stranger.list() }

        XCTAssertGreaterThanOrEqual(messages.count, 8)
        XCTAssertGreaterThan(recorder.traces.count, 6)
        for line in messages + recorder.traces.map(\.description) {
            XCTAssertFalse(line.contains(secret), line)
        }
    }

    func testRedirectsAreNotFollowedSoTheKeyStaysWithTheNamedHost() async throws {
        let elsewhere = try EmulatorProcess(["--api-key", secret])
        defer { elsewhere.stop() }
        let emulator = try EmulatorProcess(["--redirect-to", elsewhere.baseURL])
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator, key: secret)

        let error = await remoteError { try await api.list() }

        XCTAssertEqual(error?.kind, .unexpectedStatus(307))
        XCTAssertTrue(error?.description.contains("redirected to \(elsewhere.baseURL)/v1/convai/agents?page_size=100") ?? false,
                      error?.description ?? "")
        let stats = try await elsewhere.stats()
        XCTAssertEqual(stats["requests"] as? Int, 0)
    }

    func testKeyIsRedactedWhenPrintedOrDumped() throws {
        let key = try APIKey(secret, source: .environment(variable: "ELEVENLABS_API_KEY"))
        var dumped = ""
        dump(key, to: &dumped)
        let configuration = APIClient.Configuration(apiKey: key)
        var dumpedConfiguration = ""
        dump(configuration, to: &dumpedConfiguration)

        for text in [String(describing: key), String(reflecting: key), "\(key)", dumped, dumpedConfiguration,
                     String(describing: configuration)] {
            XCTAssertFalse(text.contains(secret), text)
        }
        XCTAssertEqual(String(describing: key), "API key from the environment variable ELEVENLABS_API_KEY (redacted)")
    }
}

import Foundation
import Remote
import TestSupport
import XCTest

/// Faults injected by the emulator process: what is retried, how long the client waits, when it gives up.
final class RetryTests: XCTestCase {
    func testRateLimitIsRetriedAfterTheServersRetryAfterSeconds() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "30", "--rate-limit-every", "2", "--retry-after", "3"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder)

        let agents = try await api.listAll(pageSize: 10)

        XCTAssertEqual(agents.count, 30)
        XCTAssertEqual(recorder.traces.map(\.status), [200, 429, 200, 429, 200])
        XCTAssertEqual(recorder.sleeps, [.seconds(3), .seconds(3)])
    }

    func testRetryAfterAsHTTPDateIsHonoured() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "1", "--rate-limit-every", "1", "--retry-after", "4",
                                            "--retry-after-http-date"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder, retry: RetryPolicy(maxAttempts: 2))

        let error = await remoteError { try await api.list() }

        XCTAssertEqual(error?.kind, .rateLimited)
        let wait = try XCTUnwrap(recorder.sleeps.first)
        // An HTTP-date has one-second resolution: 4 s ahead reads as 3 to 4 s.
        XCTAssertGreaterThanOrEqual(wait, .seconds(2.5))
        XCTAssertLessThanOrEqual(wait, .seconds(4))
    }

    func testUnavailableIsRetriedWithExponentialBackoff() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "1", "--error-503-every", "1"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let policy = RetryPolicy(maxAttempts: 4, baseDelay: .milliseconds(200), maxDelay: .seconds(1))
        let api = try makeAgentsAPI(emulator, recorder: recorder, retry: policy)

        let error = await remoteError { try await api.list() }

        XCTAssertEqual(error?.kind, .serverError(status: 503))
        XCTAssertEqual(error?.attempts, 4)
        // Equal jitter with random 0: half of 0.2, 0.4, 0.8 s.
        XCTAssertEqual(recorder.sleeps, [.milliseconds(100), .milliseconds(200), .milliseconds(400)])
        XCTAssertEqual(error?.description, """
            list agents failed: \(try APIBaseURL(emulator.baseURL).host) answered 503 Service Unavailable: \
            "The service is temporarily unavailable." after 4 attempts. The service may be having trouble; try again later.
            """)
    }

    func testServerErrorThenSuccessForAnUpdate() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "1", "--error-500-every", "2"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder)
        let id = try await api.list().items[0].id

        let updated = try object(await api.update(id: id, body: json(#"{"name": "Renamed"}"#)))

        XCTAssertEqual(updated["name"] as? String, "Renamed")
        XCTAssertEqual(recorder.traces.map(\.status), [200, 500, 200])
    }

    func testRateLimitThatNeverEndsGivesUpWithAClearMessage() async throws {
        let emulator = try EmulatorProcess(["--rate-limit-every", "1", "--retry-after", "2"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder, retry: RetryPolicy(maxAttempts: 3))

        let error = await remoteError { try await api.list() }

        XCTAssertEqual(error?.kind, .rateLimited)
        XCTAssertEqual(error?.attempts, 3)
        XCTAssertEqual(recorder.sleeps.count, 2)
        XCTAssertEqual(error?.description, """
            list agents failed: \(try APIBaseURL(emulator.baseURL).host) kept answering 429 Too Many Requests \
            after 3 attempts, Retry-After 2 s. Wait that long and run again, or lower the concurrency.
            """)
    }

    func testRetryAfterLongerThanTheLimitStopsAtOnce() async throws {
        let emulator = try EmulatorProcess(["--rate-limit-every", "1", "--retry-after", "600"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder)

        let error = await remoteError { try await api.list() }

        XCTAssertEqual(error?.kind, .rateLimited)
        XCTAssertEqual(error?.attempts, 1)
        XCTAssertEqual(recorder.sleeps, [])
        XCTAssertEqual(error?.description, """
            list agents failed: \(try APIBaseURL(emulator.baseURL).host) answered 429 Too Many Requests, \
            Retry-After 600 s. Wait that long and run again, or lower the concurrency.
            """)
    }

    func testTotalWaitIsBounded() async throws {
        let emulator = try EmulatorProcess(["--rate-limit-every", "1", "--retry-after", "20"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder,
                                    retry: RetryPolicy(maxAttempts: 10, maxTotalWait: .seconds(45)))

        let error = await remoteError { try await api.list() }

        XCTAssertEqual(error?.attempts, 3)
        XCTAssertEqual(recorder.sleeps, [.seconds(20), .seconds(20)])
    }

    func testDroppedConnectionDuringAReadIsSurvived() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "1", "--drop-every", "2"])
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator)
        let id = try await api.list().items[0].id

        let agent = try object(await api.get(id: id))

        XCTAssertEqual(agent["agent_id"] as? String, id)
        let stats = try await emulator.stats()
        XCTAssertEqual((stats["faults"] as? [String: Int])?["dropped"], 1)
    }

    func testDroppedConnectionsAreRetriedThenReported() async throws {
        let emulator = try EmulatorProcess(["--drop-every", "1"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder, retry: RetryPolicy(maxAttempts: 3, unreachableAfter: 10))

        let error = await remoteError { try await api.list() }

        guard case .connection? = error?.kind else { return XCTFail("expected a connection error, got \(String(describing: error))") }
        XCTAssertEqual(error?.attempts, 3)
        XCTAssertEqual(recorder.traces.map(\.status), [nil, nil, nil])
        XCTAssertEqual(recorder.sleeps.count, 2)
    }

    func testCreateIsNotRetriedAfterADroppedConnection() async throws {
        // The create follows a read, so a reused keep-alive connection would let libcurl resend it silently.
        let emulator = try EmulatorProcess(["--drop-every", "2"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder)
        _ = try await api.list()

        let error = await remoteError { try await api.create(json(#"{"conversation_config": {}}"#)) }

        XCTAssertEqual(error?.kind, .outcomeUnknown("the connection closed without a valid HTTP answer"))
        XCTAssertEqual(recorder.traces.count, 2)
        XCTAssertTrue(error?.description.contains("create agent may or may not have happened") ?? false)
        XCTAssertTrue(error?.description.contains("list the agents") ?? false)
        let stats = try await emulator.stats()
        XCTAssertEqual(stats["requests"] as? Int, 2)
        XCTAssertEqual(stats["agents"] as? Int, 0)
    }

    func testCreateIsRetriedAfterRateLimitAndCreatesOneAgent() async throws {
        let emulator = try EmulatorProcess(["--rate-limit-every", "2"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder)
        _ = try await api.list()

        let id = try await api.create(json(#"{"name": "Once", "conversation_config": {}}"#))

        XCTAssertEqual(recorder.traces.map(\.status), [200, 429, 200])
        let agents = try await api.listAll()
        XCTAssertEqual(agents.map(\.id), [id])
    }

    func testMalformedBodyIsRetriedForReads() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "1", "--malformed-every", "2"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder)
        let id = try await api.list().items[0].id

        let agent = try object(await api.get(id: id))

        XCTAssertEqual(agent["agent_id"] as? String, id)
        XCTAssertEqual(recorder.traces.map(\.status), [200, 200, 200])
    }

    func testMalformedBodyEveryTimeIsAClearError() async throws {
        let emulator = try EmulatorProcess(["--malformed-every", "1"])
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator, retry: RetryPolicy(maxAttempts: 2))

        let error = await remoteError { try await api.list() }

        XCTAssertEqual(error?.kind, .malformedResponse)
        XCTAssertEqual(error?.description, """
            list agents failed: \(try APIBaseURL(emulator.baseURL).host) sent a response that is not the JSON \
            the API documents after 2 attempts.
            """)
    }

    func testMalformedCreateAnswerIsAnUnknownOutcome() async throws {
        let emulator = try EmulatorProcess(["--malformed-every", "1"])
        defer { emulator.stop() }
        let recorder = Recorder()
        let api = try makeAgentsAPI(emulator, recorder: recorder)

        let error = await remoteError { try await api.create(json(#"{"conversation_config": {}}"#)) }

        guard case .outcomeUnknown? = error?.kind else { return XCTFail("expected an unknown outcome, got \(String(describing: error))") }
        XCTAssertEqual(recorder.traces.count, 1)
        // The emulator did create it: exactly the case a blind retry would have duplicated.
        let stats = try await emulator.stats()
        XCTAssertEqual(stats["agents"] as? Int, 1)
    }

    func testSlowAnswerTimesOut() async throws {
        let emulator = try EmulatorProcess(["--latency-ms", "3000"])
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator, timeout: .milliseconds(300), retry: .none)
        let started = ContinuousClock.now

        let error = await remoteError { try await api.list() }

        XCTAssertEqual(error?.kind, .connection("timed out after 0.3 s"))
        XCTAssertLessThan(started.duration(to: .now), .seconds(2))
    }

    func testRefusedConnectionIsRetriedThenReported() async throws {
        let emulator = try EmulatorProcess()
        let baseURL = emulator.baseURL
        emulator.stop()
        let recorder = Recorder()
        var configuration = APIClient.Configuration(
            baseURL: try APIBaseURL(baseURL), apiKey: try APIKey("k", source: .file(path: "/tmp/key")),
            retry: RetryPolicy(maxAttempts: 2), trace: { recorder.trace($0) })
        configuration.sleep = { recorder.sleep($0) }
        let api = ResourceAPI(client: APIClient(configuration), resource: .agents)

        let error = await remoteError { try await api.create(json("{}")) }

        XCTAssertEqual(error?.kind, .connection("connection refused"))
        XCTAssertEqual(recorder.traces.count, 2)
    }
}

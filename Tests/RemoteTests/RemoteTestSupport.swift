import Foundation
import Remote
import Synchronization
import TestSupport
import XCTest

/// Collects what the client reports: the waits it asked for (returned at once) and every attempt.
final class Recorder: Sendable {
    private let sleepLog = Mutex<[Duration]>([])
    private let traceLog = Mutex<[RequestTrace]>([])

    var sleeps: [Duration] { sleepLog.withLock { $0 } }
    var traces: [RequestTrace] { traceLog.withLock { $0 } }

    func sleep(_ duration: Duration) {
        sleepLog.withLock { $0.append(duration) }
    }

    func trace(_ entry: RequestTrace) {
        traceLog.withLock { $0.append(entry) }
    }
}

/// A client for the emulator whose waits return at once (recorded) and whose jitter is 0.
func makeAgentsAPI(_ emulator: EmulatorProcess, key: String = EmulatorProcess.apiKey, recorder: Recorder = Recorder(),
                   concurrency: Int = 8, timeout: Duration = .seconds(5),
                   retry: RetryPolicy = RetryPolicy()) throws -> ResourceAPI {
    var configuration = APIClient.Configuration(
        baseURL: try APIBaseURL(emulator.baseURL),
        apiKey: try APIKey(key, source: .environment(variable: "ELEVENLABS_API_KEY")),
        concurrency: concurrency, timeout: timeout, retry: retry,
        trace: { recorder.trace($0) }
    )
    configuration.sleep = { recorder.sleep($0) }
    configuration.random = { 0 }
    return ResourceAPI(client: APIClient(configuration), resource: .agents)
}

func json(_ text: String) -> Data {
    Data(text.utf8)
}

func object(_ data: Data, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any], file: file, line: line)
}

/// Follows a dotted path through nested JSON objects.
func value(_ document: [String: Any], _ path: String) -> Any? {
    var current: Any? = document
    for key in path.split(separator: ".") {
        current = (current as? [String: Any])?[String(key)]
    }
    return current
}

/// Runs `body` and returns the RemoteError it throws, failing the test if it throws nothing or something else.
func remoteError<T>(_ body: () async throws -> T, file: StaticString = #filePath, line: UInt = #line) async -> RemoteError? {
    do {
        _ = try await body()
        XCTFail("expected a RemoteError", file: file, line: line)
    } catch let error as RemoteError {
        return error
    } catch {
        XCTFail("expected a RemoteError, got \(error)", file: file, line: line)
    }
    return nil
}

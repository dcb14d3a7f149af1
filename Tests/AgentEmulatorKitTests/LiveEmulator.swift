@testable import AgentEmulatorKit
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// An in-process emulator on a free port and a small JSON client for it, stopped when the test ends.
final class LiveEmulator: @unchecked Sendable {
    static let key = "unit-test-key"
    let baseURL: String
    private let emulator: AgentEmulator
    private let serving: Task<Void, Error>

    init(_ test: XCTestCase, seedAgents: Int = 2, instance: String? = nil) async throws {
        var configuration = EmulatorConfiguration()
        configuration.apiKey = Self.key
        configuration.seedAgents = seedAgents
        configuration.instance = instance
        configuration.frozenClock = 1_700_000_000
        let emulator = try await AgentEmulator(configuration: configuration, catalog: AgentStoreTests.catalog)
        let (ports, continuation) = AsyncStream<UInt16>.makeStream()
        serving = Task { try await emulator.run { continuation.yield($0); continuation.finish() } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw URLError(.cannotConnectToHost) }
        baseURL = "http://127.0.0.1:\(port)"
        self.emulator = emulator
        let serving = self.serving
        test.addTeardownBlock {
            await emulator.stop()
            serving.cancel()
        }
    }

    struct Answer {
        let status: Int
        let json: JSONValue
    }

    func send(_ method: String, _ path: String, _ body: String? = nil, key: String? = LiveEmulator.key) async throws -> Answer {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let key { request.setValue(key, forHTTPHeaderField: "xi-api-key") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "content-type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let json = data.isEmpty ? JSONValue.null : try JSONParser.parse(data)
        return Answer(status: (response as! HTTPURLResponse).statusCode, json: json)
    }

    /// The JSON of a request that must answer 200.
    func ok(_ method: String, _ path: String, _ body: String? = nil, file: StaticString = #filePath, line: UInt = #line) async throws -> JSONValue {
        let answer = try await send(method, path, body)
        XCTAssertEqual(answer.status, 200, "\(method) \(path): \(JSONWriter.string(answer.json))", file: file, line: line)
        return answer.json
    }

    /// Every `loc` of a 422's detail list, joined with dots.
    static func locations(_ answer: Answer) -> [String] {
        guard case .array(let issues)? = answer.json["detail"] else { return [] }
        return issues.map { issue in
            guard case .array(let parts)? = issue["loc"] else { return "" }
            return parts.map { $0.stringValue ?? JSONWriter.string($0) }.joined(separator: ".")
        }
    }
}

extension JSONValue {
    /// An element of a JSON array, for reading answers in tests.
    subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}

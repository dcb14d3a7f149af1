import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// The API emulator as a real process on 127.0.0.1, stopped when the test ends (and when the test process dies,
/// since it exits when its standard input closes).
final class EmulatorProcess {
    let process = Process()
    let baseURL: String
    static let key = "test-key-7f3a9c-never-print-me"

    init(_ test: XCTestCase, arguments: [String] = []) throws {
        process.executableURL = AgentctlProcess.productsDirectory.appendingPathComponent("agentctl-emulator")
        process.arguments = ["--port", "0", "--api-key", Self.key, "--exit-on-stdin-close"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = Pipe()
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "http://127.0.0.1:") else {
            throw NSError(domain: "emulator", code: 1, userInfo: [NSLocalizedDescriptionKey: "emulator did not start: \(text)"])
        }
        baseURL = String(text[range.lowerBound...].prefix { !$0.isWhitespace })
        let process = self.process
        test.addTeardownBlock {
            process.terminate()
            process.waitUntilExit()
        }
    }

    /// The environment agentctl needs to reach this emulator.
    var environment: [String: String] { ["ELEVENLABS_BASE_URL": baseURL, "ELEVENLABS_API_KEY": Self.key] }

    func control(_ json: String) async throws {
        _ = try await send("POST", "/_emulator/control", body: json)
    }

    func writes() async throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: try await send("GET", "/_emulator/writes")) as! [[String: Any]]
    }

    func agent(_ id: String) async throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try await send("GET", "/v1/convai/agents/\(id)")) as! [String: Any]
    }

    /// Changes a live agent behind agentctl's back, as an edit in the vendor's dashboard would.
    func patch(_ id: String, _ json: String) async throws {
        _ = try await send("PATCH", "/v1/convai/agents/\(id)", body: json)
    }

    private func send(_ method: String, _ path: String, body: String? = nil) async throws -> Data {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        request.setValue(Self.key, forHTTPHeaderField: "xi-api-key")
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, _) = try await URLSession.shared.data(for: request)
        return data
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// The built `agentctl-emulator` as a real process on a free port of 127.0.0.1. It stops when the test ends (given
/// the test), on `stop()`, when released, and when the test process dies, since it exits when its standard input closes.
public final class EmulatorProcess {
    /// The key the emulator accepts; tests check it never appears in any output or file.
    public static let apiKey = "test-key-7f3a9c-never-print-me"
    /// The same key, by the name the end-to-end tests use.
    public static var key: String { apiKey }

    public let process = Process()
    public let baseURL: String
    private let input = Pipe()

    /// Starts an emulator for `test`, stopped when the test ends.
    public convenience init(_ test: XCTestCase, arguments: [String] = []) throws {
        try self.init(arguments)
        let process = process, input = input
        test.addTeardownBlock { Self.stop(process, input) }
    }

    /// Starts an emulator with extra command-line `arguments` (`--seed-agents 3`, `--rate-limit-every 2`, ...).
    public init(_ arguments: [String] = []) throws {
        process.executableURL = try AgentctlProcess.product("agentctl-emulator")
        process.arguments = ["--port", "0", "--api-key", Self.apiKey, "--exit-on-stdin-close"] + arguments
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = Self.firstLine(of: output.fileHandleForReading)
        guard let range = line.range(of: "listening on ") else {
            Self.stop(process, input)
            throw StartFailure(line: line)
        }
        baseURL = String(line[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct StartFailure: Error, CustomStringConvertible {
        let line: String
        var description: String { "the emulator did not start: \(line)" }
    }

    deinit {
        if process.isRunning { stop() }
    }

    public func stop() {
        Self.stop(process, input)
    }

    private static func stop(_ process: Process, _ input: Pipe) {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    private static func firstLine(of handle: FileHandle) -> String {
        var bytes = Data()
        while !bytes.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The environment agentctl needs to reach this emulator.
    public var environment: [String: String] { ["ELEVENLABS_BASE_URL": baseURL, "ELEVENLABS_API_KEY": Self.apiKey] }

    /// `POST /_emulator/control` (docs/emulator.md): changes how the emulator answers from now on.
    public func control(_ json: String) async throws {
        _ = try await send("POST", "/_emulator/control", body: json)
    }

    /// `GET /_emulator/writes`: every write request the emulator accepted, oldest first.
    public func writes() async throws -> [[String: Any]] {
        try JSONSerialization.jsonObject(with: try await send("GET", "/_emulator/writes")) as! [[String: Any]]
    }

    /// `GET /_emulator/stats` as a dictionary.
    public func stats() async throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try await send("GET", "/_emulator/stats")) as? [String: Any] ?? [:]
    }

    /// The live agent as the API returns it.
    public func agent(_ id: String) async throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try await send("GET", "/v1/convai/agents/\(id)")) as! [String: Any]
    }

    /// An agentctl.yaml with a `staging` (the default) and a `production` environment, each on its emulator and with
    /// its key in `STAGING_KEY` and `PRODUCTION_KEY`.
    public static func stagingAndProduction(_ staging: EmulatorProcess, _ production: EmulatorProcess) -> String {
        """
        default_environment: staging
        environments:
          staging:
            base_url: \(staging.baseURL)
            api_key_env: STAGING_KEY
          production:
            base_url: \(production.baseURL)
            api_key_env: PRODUCTION_KEY

        """
    }

    /// Any resource as the API returns it (`/v1/convai/tools/ID`).
    public func resource(_ path: String) async throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: try await send("GET", path)) as? [String: Any] ?? [:]
    }

    /// Changes a live agent behind agentctl's back, as an edit in the vendor's dashboard would.
    public func patch(_ id: String, _ json: String) async throws {
        _ = try await send("PATCH", "/v1/convai/agents/\(id)", body: json)
    }

    func send(_ method: String, _ path: String, body: String? = nil) async throws -> Data {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        request.setValue(Self.apiKey, forHTTPHeaderField: "xi-api-key")
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, _) = try await URLSession.shared.data(for: request)
        return data
    }
}

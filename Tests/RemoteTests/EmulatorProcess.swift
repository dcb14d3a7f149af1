import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The built `agentctl-emulator`, started on a free port for one test and stopped after it.
/// Requires the executable next to the test bundle: `swift build` (or `swift build --build-tests`) first.
final class EmulatorProcess {
    static let apiKey = "remote-tests-key-7f3a9c"

    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    let baseURL: String

    static var executable: URL {
        if let configured = ProcessInfo.processInfo.environment["AGENTCTL_EMULATOR"] {
            return URL(fileURLWithPath: configured)
        }
        // The build products directory: the bundle's folder on Linux, the folder holding the .xctest on macOS.
        let bundle = Bundle(for: EmulatorProcess.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("agentctl-emulator") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    init(_ arguments: [String] = []) throws {
        let executable = Self.executable
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw EmulatorMissing(path: executable.path)
        }
        process.executableURL = executable
        process.arguments = ["--port", "0", "--api-key", Self.apiKey, "--exit-on-stdin-close"] + arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = Self.firstLine(of: output.fileHandleForReading)
        guard let range = line.range(of: "listening on ") else {
            process.terminate()
            throw EmulatorStartFailure(line: line)
        }
        baseURL = String(line[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    struct EmulatorStartFailure: Error {
        let line: String
    }

    struct EmulatorMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is missing: run `swift build --product agentctl-emulator` before the tests" }
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

    func stop() {
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning { stop() }
    }

    /// `GET /_emulator/stats` as a dictionary.
    func stats() async throws -> [String: Any] {
        let url = URL(string: baseURL + "/_emulator/stats")!
        let (data, _) = try await URLSession.shared.data(from: url)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}

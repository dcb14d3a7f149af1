import Foundation
import XCTest

/// What the sync tests need beyond running agentctl to completion: stopping it at a chosen moment, and acting on
/// the emulator behind its back.
public enum SyncTestSupport {
    /// Starts agentctl, sends `signal` after `delay`, and waits for it to end; returns its exit status and stderr.
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String], signal: Int32,
                    after delay: Duration) async throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = AgentctlProcess.productsDirectory.appendingPathComponent("agentctl")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("agentctl-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try await Task.sleep(for: delay)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Every file under `directory` (hidden ones included, `.agentctl` excluded) with its text.
    public static func files(in directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: directory.path) where !path.hasPrefix(".agentctl") {
            var isDirectory: ObjCBool = false
            let url = directory.appendingPathComponent(path)
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { result[path] = String(decoding: try Data(contentsOf: url), as: UTF8.self) }
        }
        return result
    }

    /// The lock parses as JSON (or is absent); every agent file parses (validate finds no YAML error).
    public static func assertEverythingParses(in directory: URL, _ context: String) throws {
        let lock = directory.appendingPathComponent("agentctl.lock")
        if FileManager.default.fileExists(atPath: lock.path) {
            XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(contentsOf: lock)), "lock after \(context)")
        }
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent("agents").path) else { return }
        let validate = try AgentctlProcess.run(["validate", "agents"], in: directory)
        XCTAssertEqual(validate.status, 0, "files after \(context): \(validate.stdout)")
    }

    /// A seeded sequence of delays, so a failing kill point can be replayed.
    public static func delays(seed: UInt64, count: Int, within range: ClosedRange<Int>) -> [Duration] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return .milliseconds(range.lowerBound + Int((state >> 33) % UInt64(range.count)))
        }
    }
}

extension EmulatorProcess {
    /// Deletes a live agent, as someone in the vendor's dashboard would.
    public func delete(_ id: String) async throws {
        _ = try await send("DELETE", "/v1/convai/agents/\(id)")
    }

    /// How many agents the server holds.
    public func agentCount() async throws -> Int {
        try await stats()["agents"] as! Int
    }

    /// Creates an agent from a JSON body; returns its ID.
    public func create(_ json: String) async throws -> String {
        let answer = try await send("POST", "/v1/convai/agents/create", body: json)
        return (try JSONSerialization.jsonObject(with: answer) as! [String: Any])["agent_id"] as! String
    }
}

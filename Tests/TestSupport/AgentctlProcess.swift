import Foundation
import XCTest

/// Runs the built `agentctl` binary as a user would, capturing its output and exit status.
public struct AgentctlProcess {
    public struct Result {
        public let status: Int32
        public let stdout: String
        public let stderr: String
    }

    /// The folder holding the built products (`agentctl`, `agentctl-emulator`): `AGENTCTL_BIN_DIR` when set (so the
    /// end-to-end tests can run a release build), else the one next to the test bundle.
    public static var productsDirectory: URL {
        if let folder = ProcessInfo.processInfo.environment["AGENTCTL_BIN_DIR"], !folder.isEmpty {
            return URL(fileURLWithPath: folder, isDirectory: true)
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    public static var repositoryRoot: URL { Fixtures.repositoryRoot }

    /// Runs `agentctl` (or `executable`: a product name or an absolute path) in `directory`, the repository by default.
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                           input: String? = nil, executable: String = "agentctl") throws -> Result {
        let process = Process()
        process.executableURL = executable.hasPrefix("/") ? URL(fileURLWithPath: executable) : try product(executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repositoryRoot
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Output goes to files, not pipes: a large output can then never fill a pipe and block the child.
        let outURL = FileManager.default.temporaryDirectory.appendingPathComponent("agentctl-out-\(UUID().uuidString)")
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("agentctl-err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let stdin = Pipe()
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        let out = try Data(contentsOf: outURL), err = try Data(contentsOf: errURL)
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// A built executable of this package, or an error that says how to build it.
    static func product(_ name: String) throws -> URL {
        let url = productsDirectory.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else { throw ProductMissing(path: url.path) }
        return url
    }

    struct ProductMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "\(path) is missing: run `swift build --build-tests` before the tests" }
    }

    /// A fresh temporary directory, removed when the test ends.
    public static func temporaryDirectory(_ test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("agentctl-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

extension URL {
    /// Writes `text` to `name` inside this folder, creating the folders on the way.
    public func write(_ text: String, to name: String) throws {
        let url = appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// `agents/desk-N.yaml` for each N: agent "Desk N" whose turn timeout is `turnTimeout(N)`, so each file differs.
    public func writeDeskAgents(_ numbers: ClosedRange<Int>, turnTimeout: (Int) -> Int = { $0 }) throws {
        for number in numbers {
            try write("name: Desk \(number)\nconversation_config:\n  turn:\n    turn_timeout: \(turnTimeout(number))\n",
                      to: "agents/desk-\(number).yaml")
        }
    }
}

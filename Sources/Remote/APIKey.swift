import Foundation

/// The ElevenLabs API key. Its text is only ever put into the `xi-api-key` header:
/// `description`, `debugDescription` and `dump` show where it came from, never what it is.
public struct APIKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        case environment(variable: String)
        case file(path: String)

        public var description: String {
            switch self {
            case .environment(let variable): "the environment variable \(variable)"
            case .file(let path): "the key file \(path)"
            }
        }
    }

    public static let defaultVariable = "ELEVENLABS_API_KEY"

    public let source: Source
    let secret: String

    public init(_ secret: String, source: Source) throws(APIKeyError) {
        guard !secret.isEmpty else { throw .empty(source) }
        // A header value cannot hold whitespace or control characters; say so without echoing it.
        guard secret.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw .unusableCharacters(source)
        }
        self.secret = secret
        self.source = source
    }

    /// Reads the key from an environment variable (default `ELEVENLABS_API_KEY`).
    public static func fromEnvironment(
        variable: String = defaultVariable,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(APIKeyError) -> APIKey {
        guard let value = environment[variable] else { throw .missingVariable(variable) }
        return try APIKey(value.trimmingCharacters(in: .whitespacesAndNewlines), source: .environment(variable: variable))
    }

    /// The most a key file may hold: a key is about 50 bytes, so anything longer is the wrong file.
    public static let maxFileBytes = 64 * 1024

    /// Reads the key from a file, a pipe or a FIFO (`--api-key-file <(pass show elevenlabs)`), ignoring surrounding
    /// whitespace such as the trailing newline. Read by `read(2)` until end of input, since a pipe has no size.
    public static func fromFile(_ path: String) throws(APIKeyError) -> APIKey {
        let data: Data
        do {
            data = try readWhole(path)
        } catch let error as APIKeyError {
            throw error
        } catch {
            throw .unreadableFile(path: path, reason: (error as NSError).localizedFailureReason ?? "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .unusableCharacters(.file(path: path)) }
        return try APIKey(text.trimmingCharacters(in: .whitespacesAndNewlines), source: .file(path: path))
    }

    private static func readWhole(_ path: String) throws -> Data {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw APIKeyError.unreadableFile(path: path, reason: "it is a directory")
        }
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var data = Data()
        while let chunk = try handle.read(upToCount: 4096), !chunk.isEmpty {
            data += chunk
            guard data.count <= maxFileBytes else {
                throw APIKeyError.unreadableFile(path: path, reason: "it is larger than \(maxFileBytes / 1024) KB; it should hold only the key")
            }
        }
        return data
    }

    public var description: String { "API key from \(source) (redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["source": source], displayStyle: .struct) }

    /// `text` with every occurrence of the key replaced, for server messages that might echo it.
    func redact(_ text: String) -> String {
        text.replacingOccurrences(of: secret, with: "<redacted>")
    }
}

public enum APIKeyError: RemedyWorded, Equatable {
    case missingVariable(String)
    case empty(APIKey.Source)
    case unusableCharacters(APIKey.Source)
    case unreadableFile(path: String, reason: String)

    public func message(_ wording: RemedyWording) -> String {
        switch self {
        case .missingVariable(let variable):
            "no API key: \(variable) is not set; export it or pass \(wording(.keyFileOption))"
        case .empty(let source):
            "no API key: \(source) is empty"
        case .unusableCharacters(let source):
            "the API key in \(source) contains spaces, control or non-ASCII characters; check that it holds only the key"
        case .unreadableFile(let path, let reason):
            "cannot read the API key file \(path): \(reason)"
        }
    }
}

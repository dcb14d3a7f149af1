import ConfigModel
import Foundation

/// Creates that were sent but whose answer was not yet recorded in the lock, kept in `.agentctl/creating/` (out of
/// Git). A push killed between the server's create and the lock's save leaves one behind; the next plan then looks
/// for a live item of that name holding exactly the file's content and adopts it instead of creating it twice.
public struct PendingCreates: Sendable {
    public static let folder = ".agentctl/creating"
    /// Nil keeps nothing (a state that is never saved).
    let directory: String?

    public init(directory: String?) { self.directory = directory }

    public func begin(_ file: String, environment: String) throws(AtomicFile.WriteError) {
        guard let directory else { return }
        try AtomicFile.write(file, to: path(file, environment: environment, in: directory))
    }

    public func end(_ file: String, environment: String) {
        guard let directory else { return }
        unlink(path(file, environment: environment, in: directory))
    }

    /// Whether some create is marked as sent and not yet recorded (one folder listing).
    public var isEmpty: Bool {
        guard let directory else { return true }
        return (try? FileManager.default.contentsOfDirectory(atPath: directory))?.isEmpty ?? true
    }

    public func isPending(_ file: String, environment: String) -> Bool {
        guard let directory else { return false }
        return FileManager.default.fileExists(atPath: path(file, environment: environment, in: directory))
    }

    private func path(_ file: String, environment: String, in directory: String) -> String {
        "\(directory)/\(ContentHash.sha256Hex(Array("\(environment)\n\(file)".utf8))).pending"
    }
}

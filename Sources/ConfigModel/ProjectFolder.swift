import Foundation

/// The folder of a project: the nearest folder at or above the start that holds `agentctl.yaml`, found as Git finds
/// `.git`. The search stops at the top of a Git repository, so a stray file above it is never taken for this
/// project's. Without one, the start itself is the project folder and every setting has its default.
public struct ProjectFolder: Sendable, Equatable {
    public static let settingsFileName = "agentctl.yaml"

    /// An absolute path.
    public let path: String
    /// Whether `agentctl.yaml` was found there.
    public let hasSettingsFile: Bool

    public init(path: String, hasSettingsFile: Bool) {
        self.path = path
        self.hasSettingsFile = hasSettingsFile
    }

    /// The project that `start` (an absolute path) is in.
    public static func find(from start: String) -> ProjectFolder {
        var folder = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            let candidate = folder.appendingPathComponent(settingsFileName).path
            if FileManager.default.fileExists(atPath: candidate) { return ProjectFolder(path: folder.path, hasSettingsFile: true) }
            let isRepositoryTop = FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path)
            let parent = folder.deletingLastPathComponent()
            if isRepositoryTop || parent.path == folder.path { break }
            folder = parent
        }
        return ProjectFolder(path: URL(fileURLWithPath: start).standardizedFileURL.path, hasSettingsFile: false)
    }

    /// `path` as the user named it in `start` (relative to it, or absolute), relative to the project folder when it
    /// lies inside it: the form the lock file and every message use.
    public func relative(_ path: String, from start: String) -> String {
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: start, isDirectory: true))
            .standardizedFileURL.path
        let root = self.path.hasSuffix("/") ? self.path : self.path + "/"
        if absolute == self.path { return "." }
        guard absolute.hasPrefix(root) else { return absolute }
        let inside = String(absolute.dropFirst(root.count))
        return path.hasSuffix("/") && !inside.isEmpty ? inside + "/" : inside
    }
}

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
        let start = absolute(start, from: "/")
        var folder = start
        while true {
            let inFolder = folder == "/" ? "/" : folder + "/"
            if FileManager.default.fileExists(atPath: inFolder + settingsFileName) { return ProjectFolder(path: folder, hasSettingsFile: true) }
            let isRepositoryTop = FileManager.default.fileExists(atPath: inFolder + ".git")
            let parent = absolute("..", from: folder)
            if isRepositoryTop || parent == folder { break }
            folder = parent
        }
        return ProjectFolder(path: start, hasSettingsFile: false)
    }

    /// `path` as the user named it in `start` (relative to it, or absolute), relative to the project folder when it
    /// lies inside it: the form the lock file and every message use.
    public func relative(_ path: String, from start: String) -> String {
        let absolute = Self.absolute(path, from: start)
        let root = self.path.hasSuffix("/") ? self.path : self.path + "/"
        if absolute == self.path { return "." }
        guard absolute.hasPrefix(root) else { return absolute }
        let inside = String(absolute.dropFirst(root.count))
        return path.hasSuffix("/") && !inside.isEmpty ? inside + "/" : inside
    }

    /// `path` (absolute, or relative to the absolute `start`) with its `.` and `..` taken out, as a file URL's
    /// standardized path gives it, in text: URL's first use costs half a million instructions at every start.
    static func absolute(_ path: String, from start: String) -> String {
        if path.hasPrefix("~") { return URL(fileURLWithPath: path).standardizedFileURL.path }  // the home folder
        var parts: [Substring] = []
        for part in (path.hasPrefix("/") ? path : start + "/" + path).split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }
}

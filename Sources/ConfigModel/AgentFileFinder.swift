import Foundation

/// Expands the paths a user names into agent files: files as given, directories walked for `*.yaml` and `*.yml`.
public enum AgentFileFinder {
    public enum PathProblem: Error, Sendable, CustomStringConvertible {
        case notFound(String)
        /// A named pipe, device or socket: reading one can block forever or never end, so it is not read.
        case notAFile(String, kind: String)

        public var description: String {
            switch self {
            case .notFound(let path): "no such file or directory: \(path)"
            case .notAFile(let path, let kind): "\(path) is \(kind), not a file"
            }
        }
    }

    /// Agent files under `paths`, each once, directories in sorted order so every run reports in the same order.
    /// Hidden files and folders (`.git`, `.build`) are skipped when walking, but a file named explicitly is kept.
    public static func files(in paths: [String]) throws(PathProblem) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .notFound(path) }
            let found = isDirectory.boolValue ? try walk(path) : [try regularFile(path)]
            for file in found where seen.insert(file).inserted { result.append(file) }
        }
        return result
    }

    public static func isAgentFile(_ name: String) -> Bool {
        (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".")
    }

    /// `path` itself when it is a regular file (or a link to one).
    private static func regularFile(_ path: String) throws(PathProblem) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        switch info.st_mode & S_IFMT {
        case S_IFIFO: throw .notAFile(path, kind: "a named pipe (FIFO)")
        case S_IFCHR, S_IFBLK: throw .notAFile(path, kind: "a device")
        case S_IFSOCK: throw .notAFile(path, kind: "a socket")
        default: return path
        }
    }

    private static func walk(_ directory: String) throws(PathProblem) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
        var files: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = base == "." ? name : base + "/" + name
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue { files += try walk(path) } else if isAgentFile(name) { files.append(try regularFile(path)) }
        }
        return files
    }
}

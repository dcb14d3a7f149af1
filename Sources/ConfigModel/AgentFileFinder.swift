import Foundation

/// Expands the paths a user names into agent files: files as given, directories walked for `*.yaml` and `*.yml`.
public enum AgentFileFinder {
    public struct NotFound: Error, Sendable, CustomStringConvertible {
        public let path: String
        public var description: String { "no such file or directory: \(path)" }
    }

    /// Agent files under `paths`, each once, directories in sorted order so every run reports in the same order.
    /// Hidden files and folders (`.git`, `.build`) are skipped when walking, but a file named explicitly is kept.
    public static func files(in paths: [String]) throws(NotFound) -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw NotFound(path: path) }
            let found = isDirectory.boolValue ? walk(path) : [path]
            for file in found where seen.insert(file).inserted { result.append(file) }
        }
        return result
    }

    public static func isAgentFile(_ name: String) -> Bool {
        (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".")
    }

    private static func walk(_ directory: String) -> [String] {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return [] }
        var files: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = base == "." ? name : base + "/" + name
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue { files += walk(path) } else if isAgentFile(name) { files.append(path) }
        }
        return files
    }
}

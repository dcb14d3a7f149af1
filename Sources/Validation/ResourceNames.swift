import AgentSchema
import ConfigModel
import Foundation

/// The resources a repository holds by name: the slug of each file in `tools/` and `tests/` (`book-appointment` for
/// `tools/book-appointment.yaml`), the names files may refer to.
public struct ResourceNames: Sendable {
    private let slugs: [FileKind: [String]]

    public init(_ slugs: [FileKind: [String]]) { self.slugs = slugs }

    /// The names beside a file: its folder's sibling folders `tools/`, `tests/` (for `agents/x.yaml`, `tools/*.yaml`).
    public static func beside(file path: String) -> ResourceNames { inProject(projectFolder(of: path)) }

    /// The folder whose `tools/` and `tests/` a file's names refer to: the one above the file's folder.
    public static func projectFolder(of path: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// The project folder of each path, worked out once per folder the paths are in: 1,000 files in `agents/` are one
    /// URL computation, not 1,000.
    public static func projectFolders(of paths: [String]) -> [String] {
        var byFolder: [Substring: String] = [:]
        return paths.map { path in
            let slash = path.lastIndex(of: "/")
            let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
            // `.`, `..` and a trailing `/` change what the last component is: worked out for the path itself.
            guard !name.isEmpty, name != ".", name != ".." else { return projectFolder(of: path) }
            let folder = slash.map { path[...$0] } ?? ""
            if let known = byFolder[folder] { return known }
            let found = projectFolder(of: path)
            byFolder[folder] = found
            return found
        }
    }

    /// The names in a project folder's `tools/` and `tests/`; `agents/` is not listed: no file names an agent.
    public static func inProject(_ folder: String) -> ResourceNames {
        let folder = URL(fileURLWithPath: folder)
        var slugs: [FileKind: [String]] = [:]
        for kind in ReferenceField.namedKinds {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(kind.folder).path)) ?? []
            slugs[kind] = names.filter(AgentFileFinder.isAgentFile).map(ResourceReference.slug(ofFile:)).sorted()
        }
        return ResourceNames(slugs)
    }

    public func slugs(of kind: FileKind) -> [String] { slugs[kind] ?? [] }
}

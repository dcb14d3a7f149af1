import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Expands the paths a user names into agent files: files as given, directories walked for `*.yaml` and `*.yml`.
public enum AgentFileFinder {
    /// A path that cannot be used as given: the walk cannot promise every file, or reading it could block forever.
    public enum UnusablePath: Error, Sendable, CustomStringConvertible {
        case notFound(String)
        /// A folder (named, or inside a walked directory) that cannot be listed.
        case unreadableDirectory(String)
        /// A named pipe, device or socket: reading one can block forever or never end, so it is not read.
        case notAFile(String, kind: String)

        public var description: String {
            switch self {
            case .notFound(let path): "no such file or directory: \(path)"
            case .unreadableDirectory(let path): "cannot read the directory: \(path)"
            case .notAFile(let path, let kind): "\(path) is \(kind), not a file"
            }
        }
    }

    /// Lists a directory's entries; injectable so a test can make one unreadable even when run as root.
    public typealias Listing = (String) throws -> [String]

    /// Agent files under `paths`, each once, directories in sorted order so every run reports in the same order.
    /// Hidden files and folders (`.git`, `.build`) are skipped when walking, but a file named explicitly is kept.
    /// Files and folders are known by device and inode, so a symlink loop is followed once and a file reached by two
    /// names is checked once.
    public static func files(in paths: [String], listing: @escaping Listing = { try FileManager.default.contentsOfDirectory(atPath: $0) })
        throws(UnusablePath) -> [String] {
        var walk = Walk(listing: listing)
        for path in paths {
            guard let info = FileID(path) else { throw .notFound(path) }
            if info.isDirectory { try walk.directory(path, id: info) } else { try walk.add(path, id: info) }
        }
        return walk.found
    }

    public static func isAgentFile(_ name: String) -> Bool {
        (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".")
    }

    private struct Walk {
        let listing: Listing
        var found: [String] = []
        var seen = Set<FileID>()

        mutating func add(_ path: String, id: FileID?) throws(UnusablePath) {
            if let kind = id?.notAFile { throw .notAFile(path, kind: kind) }
            if let id, !seen.insert(id).inserted { return }
            found.append(path)
        }

        mutating func directory(_ directory: String, id: FileID) throws(UnusablePath) {
            guard seen.insert(id).inserted else { return }  // a symlink loop, or a folder reached twice
            let base = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
            let names: [String]
            do { names = try listing(base) } catch { throw .unreadableDirectory(base) }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = base == "." ? name : base.hasSuffix("/") ? base + name : base + "/" + name
                let info = FileID(path)
                if info?.isDirectory == true {
                    try self.directory(path, id: info!)
                } else if AgentFileFinder.isAgentFile(name) {
                    try add(path, id: info)  // a dangling link is kept: reading it reports why it cannot be read
                }
            }
        }
    }

    /// What the path points at (symlinks followed), by device and inode.
    private struct FileID: Hashable {
        let device: UInt64
        let inode: UInt64
        let type: mode_t

        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            type = info.st_mode & S_IFMT
        }

        var isDirectory: Bool { type == S_IFDIR }

        /// What a path that is not a regular file is, in the user's words.
        var notAFile: String? {
            switch type {
            case S_IFIFO: "a named pipe (FIFO)"
            case S_IFCHR, S_IFBLK: "a device"
            case S_IFSOCK: "a socket"
            default: nil
            }
        }
    }
}

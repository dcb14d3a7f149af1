import Foundation

/// Writes files so that a reader sees the old content or the new, never half a file: the text goes to a temporary
/// file in the same directory, is flushed to disk, then replaces the target with one rename.
public enum AtomicFile {
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `text` to `path`, creating missing parent directories. A symbolic link is followed, so it stays a link.
    /// A new file gets mode 0644; an existing one keeps its mode. `durable: false` skips the flush to disk, for
    /// caches whose content is checked when read back.
    public static func write(_ text: String, to path: String, durable: Bool = true) throws(WriteError) {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let directory = target.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: path, reason: "cannot create the directory \(directory)")
        }
        var template = Array("\(directory)/.\(target.lastPathComponent).tmp-XXXXXX".utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: systemError()) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let existingMode = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.posixPermissions] as? Int
        do {
            try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).write(contentsOf: Data(text.utf8))
            guard fchmod(descriptor, mode_t(existingMode ?? 0o644)) == 0, !durable || fsync(descriptor) == 0 else {
                throw WriteError(path: path, reason: systemError())
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw (error as? WriteError) ?? WriteError(path: path, reason: "\(error)")
        }
        close(descriptor)
        guard rename(temporary, target.path) == 0 else {
            let reason = systemError()
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }
}

extension AtomicFile {
    /// Removes the temporary files of writes that were killed before their rename (`.NAME.tmp-XXXXXX`).
    public static func removeLeftovers(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(".") && isTemporaryName(name) {
            unlink("\(directory)/\(name)")
        }
    }

    static func isTemporaryName(_ name: String) -> Bool {
        guard let range = name.range(of: ".tmp-", options: .backwards) else { return false }
        return name[range.upperBound...].count == 6
    }
}

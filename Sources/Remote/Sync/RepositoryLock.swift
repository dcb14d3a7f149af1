import Foundation

/// Keeps two agentctl processes from pushing the same repository at once. The operating system releases the lock
/// when the process ends, however it ends, so a crash never leaves the repository locked; the file itself is removed
/// after the push (a crash leaves it behind, harmless and ignored by the `.gitignore` that `init` writes).
public final class RepositoryLock {
    public static let fileName = ".agentctl-push.lock"
    private var descriptor: Int32
    private let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    public static func acquire(path: String = fileName) throws(SettingsError) -> RepositoryLock {
        // The holder removes the file when it is done; a lock won on a file already removed guards nothing, so retry.
        for _ in 0..<8 {
            let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw SettingsError("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                close(descriptor)
                throw busy(path)
            }
            var held = stat(), named = stat()
            if fstat(descriptor, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                return RepositoryLock(descriptor: descriptor, path: path)
            }
            close(descriptor)
        }
        throw busy(path)
    }

    private static func busy(_ path: String) -> SettingsError {
        SettingsError("another agentctl push is running in this repository (lock file \(path)); wait for it to finish")
    }

    /// Removes the file while still holding the lock, so no one else can be holding a lock on it.
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

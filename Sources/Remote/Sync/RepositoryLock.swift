import Foundation

/// Keeps two agentctl processes from pushing the same repository at once. The operating system releases the lock
/// when the process ends, however it ends, so a crash never leaves the repository locked.
public final class RepositoryLock {
    public static let fileName = ".agentctl-push.lock"
    private var descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    public static func acquire(path: String = fileName) throws(SettingsError) -> RepositoryLock {
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SettingsError("cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw SettingsError("another agentctl push is running in this repository (lock file \(path)); "
                + "wait for it to finish")
        }
        return RepositoryLock(descriptor: descriptor)
    }

    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

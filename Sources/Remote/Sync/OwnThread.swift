import Foundation

/// Runs blocking work on a thread of its own: a file flushed to disk waits milliseconds, and on Swift's cooperative
/// pool (one thread a core) that wait would stop every other request's response from being read meanwhile.
enum OwnThread {
    static func run<Output: Sendable>(_ work: @escaping @Sendable () -> Output) async -> Output {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}

import Dispatch
import Foundation
import Remote

/// Ctrl-C and SIGTERM during pull or push: what each finished agent did is already in agentctl.lock (see
/// `LockCheckpoint`), so stopping at once loses nothing; the message says so and how to finish.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func stopCleanly(_ command: String) {
        for (signalNumber, name) in [(SIGINT, "interrupted"), (SIGTERM, "terminated")] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                Terminal.error("agentctl: \(name): every agent finished so far is recorded in agentctl.lock; "
                    + "run `agentctl \(command)` again to finish\n")
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// Saves agentctl.lock as agents finish, at most every quarter second, so an interrupted run keeps what it did. An
/// agent finished between two saves is found again by the next run (its file adopted, its create matched).
final class LockCheckpoint {
    private var lastSave = ContinuousClock.now
    private let interval: Duration

    init(interval: Duration = .milliseconds(250)) { self.interval = interval }

    func record(_ state: SyncState) {
        guard ContinuousClock.now - lastSave >= interval else { return }
        try? state.save()
        lastSave = ContinuousClock.now
    }

    /// Creates are saved at once: a create not recorded is the one thing a rerun could repeat.
    func recordNow(_ state: SyncState) {
        try? state.save()
        lastSave = ContinuousClock.now
    }
}

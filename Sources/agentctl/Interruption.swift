import Dispatch
import Foundation
import Remote
import Synchronization

/// Ctrl-C and SIGTERM during pull or push: the lock is saved with every agent finished so far (see `LockCheckpoint`),
/// so stopping at once loses nothing; the message says so and how to finish.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func stopCleanly(_ command: String, saving checkpoint: LockCheckpoint) {
        for (signalNumber, name) in [(SIGINT, "interrupted"), (SIGTERM, "terminated")] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                checkpoint.saveLatest()
                Terminal.error("agentctl: \(name): every agent finished so far is recorded in agentctl.lock; "
                    + "run `agentctl \(command)` again to finish\n")
                exit(128 + signalNumber)
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// Saves agentctl.lock as agents finish, so an interrupted run keeps what it did; the latest state is also saved on
/// Ctrl-C or SIGTERM. An agent finished between two saves of a killed run is found again by the next run (its file
/// adopted, its create matched). A failed save is not fatal here: the command's final save reports it.
///
/// A save writes the whole lock, so a save every quarter second wrote its N entries a number of times that grows with
/// N: N x N bytes. A save also waits until as many agents finished since the last one as the lock has entries, so the
/// sizes saved double and add up to at most two locks before the command's final save.
final class LockCheckpoint: Sendable {
    private struct Progress {
        var latest: SyncState?
        var lastSave = ContinuousClock.now
        var finishedSinceSave = 0
    }

    private let progress = Mutex(Progress())
    private let interval: Duration

    init(interval: Duration = .milliseconds(250)) { self.interval = interval }

    func record(_ state: SyncState) {
        progress.withLock { progress in
            progress.latest = state
            progress.finishedSinceSave += 1
            guard ContinuousClock.now - progress.lastSave >= interval,
                  progress.finishedSinceSave >= Self.entries(in: state) else { return }
            save(state, &progress)
        }
    }

    /// A pushed agent: saved at once while a create is in flight (marked in `.agentctl/creating/` until it is
    /// recorded), as a create not recorded is the one thing a rerun could repeat; an update is found again by a rerun,
    /// so it is saved as a pulled agent is.
    func recordPushed(_ state: SyncState) {
        if state.pendingCreates.isEmpty { record(state) } else { recordNow(state) }
    }

    private func recordNow(_ state: SyncState) {
        progress.withLock { progress in
            progress.latest = state
            save(state, &progress)
        }
    }

    private static func entries(in state: SyncState) -> Int {
        state.environments.values.reduce(0) { $0 + $1.count }
    }

    private func save(_ state: SyncState, _ progress: inout Progress) {
        try? state.save()
        progress.lastSave = ContinuousClock.now
        progress.finishedSinceSave = 0
    }

    func saveLatest() {
        progress.withLock { progress in try? progress.latest?.save() }
    }
}

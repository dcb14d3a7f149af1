import Foundation

/// A one-line progress counter on stderr, shown only when stderr is a terminal; nothing at all when piped.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var shown = false
    private var last: (done: Int, total: Int)?

    init(label: String) { self.label = label }

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 1 else { return }
        lock.lock()
        defer { lock.unlock() }
        last = (done, total)
        draw()
    }

    /// Counts one more done and prints `text` (its result) on stdout above the counter, which is cleared first and
    /// drawn again after it, so the two never share a line.
    func advance(reporting text: String) {
        lock.lock()
        defer { lock.unlock() }
        clear()
        Terminal.output(text)
        if let current = last { last = (current.done + 1, current.total) }
        draw()
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        clear()
        last = nil
    }

    private func draw() {
        guard let last else { return }
        shown = true
        FileHandle.standardError.write(Data("\r\(label): \(last.done)/\(last.total)".utf8))
    }

    private func clear() {
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
    }
}

import Dispatch

extension Array where Element: Sendable {
    /// `map` on every core, results in order. For CPU work called from synchronous code (checking many files):
    /// `boundedMap` is the asynchronous one, for requests that wait on the network.
    func concurrentMap<Output: Sendable>(_ transform: @Sendable (Element) -> Output) -> [Output] {
        guard count > 1 else { return map(transform) }
        let results = UnsafeMutableBufferPointer<Output?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        // Each iteration writes its own slot only, so the writes never overlap.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: count) { index in slots[index] = transform(self[index]) }
        let mapped = results.map { $0! }
        _ = results.deinitialize()
        return mapped
    }
}

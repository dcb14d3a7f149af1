extension Array where Element: Sendable {
    /// `transform` applied to every element with at most `limit` running at once; the results are in the order
    /// of the elements, whatever order they finish in. `finished` is told, on the caller's side and one at a time, how
    /// many are done and the output of the one that just finished (so its result can be recorded at once).
    public func boundedMap<Output: Sendable>(limit: Int, finished: (_ done: Int, _ output: Output) -> Void = { _, _ in },
                                             _ transform: @escaping @Sendable (Element) async -> Output) async -> [Output] {
        // Tasks are added inline, not by a nested function: one capturing the group crashed a release build.
        await withTaskGroup(of: (Int, Output).self) { group in
            var results = [Output?](repeating: nil, count: count)
            var next = 0
            while next < count && next < Swift.max(1, limit) {
                let index = next, element = self[index]
                group.addTask { (index, await transform(element)) }
                next += 1
            }
            var done = 0
            while let (index, output) = await group.next() {
                results[index] = output
                done += 1
                finished(done, output)
                if next < count {
                    let index = next, element = self[index]
                    group.addTask { (index, await transform(element)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}

/// Unix seconds that strictly increase on every write, even within one wall-clock second,
/// so a client comparing `updated_at_unix_secs` always sees a change.
struct LogicalClock: Sendable {
    private var last: Int
    private let frozenAt: Int?

    init(frozenAt: Int?, wallClock: Int) {
        self.frozenAt = frozenAt
        last = (frozenAt ?? wallClock) - 1
    }

    /// Wall time (or the frozen time) as the base for seeded agents' history.
    var base: Int { last + 1 }

    mutating func tick(wallClock: Int) -> Int {
        last = max(frozenAt ?? wallClock, last + 1)
        return last
    }
}

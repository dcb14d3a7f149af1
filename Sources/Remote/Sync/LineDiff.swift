/// A line-by-line diff, for showing how a prompt or a file changes.
///
/// Myers' O((N+M)·D) algorithm in linear space (the middle-snake bisection), so a one-line change in a prompt of
/// 16,000 lines costs a few passes over it, not a table of N·M cells.
public enum LineDiff {
    public enum Line: Equatable, Sendable {
        case same(String), removed(String), added(String)

        public var text: String {
            switch self {
            case .same(let text), .removed(let text), .added(let text): return text
            }
        }
    }

    /// The lines of `old` and `new` aligned on a shortest edit script; in each changed run, removals come first.
    public static func lines(_ old: [String], _ new: [String]) -> [Line] {
        // Lines are compared as numbers: one hash per line instead of one string comparison per step.
        var ids: [String: Int] = [:]
        func id(_ line: String) -> Int {
            if let known = ids[line] { return known }
            ids[line] = ids.count
            return ids.count - 1
        }
        var script = EditScript(a: old.map(id), b: new.map(id))
        script.compare(0, old.count, 0, new.count)
        var result: [Line] = []
        result.reserveCapacity(max(old.count, new.count))
        var i = 0, j = 0
        for (x, y) in script.matches + [(old.count, new.count)] {
            result += old[i..<x].map(Line.removed) + new[j..<y].map(Line.added)
            if x < old.count { result.append(.same(old[x])) }
            i = x + 1; j = y + 1
        }
        return result
    }

    public static func lines(_ old: String, _ new: String) -> [Line] {
        lines(split(old), split(new))
    }

    /// Lines split at LF or CRLF (Swift reads "\r\n" as one character), without a final empty line.
    static func split(_ text: String) -> [String] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// The matched line pairs of a shortest edit script, found by recursive middle-snake bisection.
private struct EditScript {
    let a: [Int], b: [Int]
    var matches: [(Int, Int)] = []
    private var forward: [Int] = [], backward: [Int] = []

    init(a: [Int], b: [Int]) {
        self.a = a
        self.b = b
    }

    /// Appends, in order, the matches between `a[aLow..<aHigh]` and `b[bLow..<bHigh]`.
    mutating func compare(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) {
        var aLow = aLow, bLow = bLow, aHigh = aHigh, bHigh = bHigh
        while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] {
            matches.append((aLow, bLow)); aLow += 1; bLow += 1
        }
        var suffix = 0
        while aLow < aHigh, bLow < bHigh, a[aHigh - 1] == b[bHigh - 1] { aHigh -= 1; bHigh -= 1; suffix += 1 }
        if aLow < aHigh, bLow < bHigh {
            let (x, y) = middleSnake(aLow, aHigh, bLow, bHigh)
            compare(aLow, x, bLow, y)
            compare(x, aHigh, y, bHigh)
        }
        for offset in 0..<suffix { matches.append((aHigh + offset, bHigh + offset)) }
    }

    /// A point on a shortest path from (aLow, bLow) to (aHigh, bHigh) that splits it into two smaller problems.
    private mutating func middleSnake(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int) {
        let n = aHigh - aLow, m = bHigh - bLow
        let maxD = (n + m + 1) / 2, offset = maxD, delta = n - m, odd = delta % 2 != 0
        forward = [Int](repeating: -1, count: 2 * maxD + 2)
        backward = forward
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        var kForwardStart = 0, kForwardEnd = 0, kBackwardStart = 0, kBackwardEnd = 0
        for d in 0..<maxD {
            for k in stride(from: -d + kForwardStart, through: d - kForwardEnd, by: 2) {
                var x = k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1])
                    ? forward[offset + k + 1] : forward[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[aLow + x] == b[bLow + y] { x += 1; y += 1 }
                forward[offset + k] = x
                if x > n { kForwardEnd += 2 } else if y > m { kForwardStart += 2 } else if odd {
                    let mirrored = offset + delta - k
                    if mirrored >= 0, mirrored < backward.count, backward[mirrored] != -1, x >= n - backward[mirrored] {
                        return (aLow + x, bLow + y)
                    }
                }
            }
            for k in stride(from: -d + kBackwardStart, through: d - kBackwardEnd, by: 2) {
                var x = k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1])
                    ? backward[offset + k + 1] : backward[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[aHigh - x - 1] == b[bHigh - y - 1] { x += 1; y += 1 }
                backward[offset + k] = x
                if x > n { kBackwardEnd += 2 } else if y > m { kBackwardStart += 2 } else if !odd {
                    let mirrored = offset + delta - k
                    if mirrored >= 0, mirrored < forward.count, forward[mirrored] != -1 {
                        let forwardX = forward[mirrored], forwardY = forwardX - (delta - k)
                        if forwardX >= n - x { return (aLow + forwardX, bLow + forwardY) }
                    }
                }
            }
        }
        return (aHigh, bLow)
    }
}

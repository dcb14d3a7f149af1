extension LineDiff {
    /// Changed lines with up to `context` unchanged lines around them, as `diff -u` and Git show them.
    public struct Hunk: Equatable, Sendable {
        public let oldStart: Int, oldCount: Int, newStart: Int, newCount: Int
        public let lines: [Line]

        /// `@@ -12,7 +12,8 @@`; a count of one is left out and an empty side starts at the line before, as in GNU diff.
        public var header: String {
            func range(_ start: Int, _ count: Int) -> String {
                count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
            }
            return "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@"
        }
    }

    /// The hunks of a unified diff of two texts; none when their lines are the same.
    public static func hunks(_ old: String, _ new: String, context: Int = 3) -> [Hunk] {
        let all = lines(old, new)
        let changed = all.indices.filter { if case .same = all[$0] { return false } else { return true } }
        var ranges: [Range<Int>] = []
        for index in changed {
            let range = max(0, index - context)..<min(all.count, index + context + 1)
            if let last = ranges.last, range.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<range.upperBound
            } else {
                ranges.append(range)
            }
        }
        var hunks: [Hunk] = []
        var oldLine = 1, newLine = 1, position = 0
        for range in ranges {
            for line in all[position..<range.lowerBound] { advance(line, &oldLine, &newLine) }
            let (oldStart, newStart) = (oldLine, newLine)
            for line in all[range] { advance(line, &oldLine, &newLine) }
            hunks.append(Hunk(oldStart: oldStart, oldCount: oldLine - oldStart, newStart: newStart,
                              newCount: newLine - newStart, lines: Array(all[range])))
            position = range.upperBound
        }
        return hunks
    }

    private static func advance(_ line: Line, _ oldLine: inout Int, _ newLine: inout Int) {
        switch line {
        case .same: oldLine += 1; newLine += 1
        case .removed: oldLine += 1
        case .added: newLine += 1
        }
    }
}

/// A file's text split into lines once, as editors and GitHub split it: at LF, CRLF and a lone CR, never at
/// U+0085, U+2028 or U+2029. Maps the parser's offsets to `line:column` (columns in code points) in O(log n).
public struct SourceText: Sendable {
    public let text: String
    /// Where each line starts, as a code-point offset and a UTF-8 offset.
    private let scalarStarts: [Int]
    private let byteStarts: [Int]

    /// Lines are found in the UTF-8 bytes in one pass; a line's code-point offset is its byte offset less the bytes
    /// that continue a code point before it.
    public init(_ text: String) {
        self.text = text
        var text = text
        var scalarStarts = [0], byteStarts = [0]
        var continuations = 0
        text.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                if byte >= 0x80 {
                    if byte & 0xC0 == 0x80 { continuations += 1 }
                    continue
                }
                guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { continue }
                if byte == UInt8(ascii: "\n") && index > 0 && bytes[index - 1] == UInt8(ascii: "\r") {
                    // CRLF is one line break: move the start that the CR opened past the LF.
                    scalarStarts[scalarStarts.count - 1] = index + 1 - continuations
                    byteStarts[byteStarts.count - 1] = index + 1
                } else {
                    scalarStarts.append(index + 1 - continuations)
                    byteStarts.append(index + 1)
                }
            }
        }
        self.scalarStarts = scalarStarts
        self.byteStarts = byteStarts
    }

    public var lineCount: Int { byteStarts.count }

    /// The index of a line start (always a code point's first byte).
    private func index(byteOffset: Int) -> String.Index { text.utf8.index(text.utf8.startIndex, offsetBy: byteOffset) }

    /// The 1-based line without its line break, or nil past the end.
    public func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= byteStarts.count else { return nil }
        let end = number < byteStarts.count ? index(byteOffset: byteStarts[number]) : text.endIndex
        var line = text.unicodeScalars[index(byteOffset: byteStarts[number - 1])..<end]
        while let last = line.last, last == "\n" || last == "\r" { line = line.dropLast() }
        return Substring(line)
    }

    /// The line and column of a code-point offset from the start of the text (libyaml's `mark.index`).
    public func position(scalarOffset offset: Int) -> (line: Int, column: Int) {
        let line = Self.lastStart(atOrBefore: offset, in: scalarStarts)
        return (line + 1, offset - scalarStarts[line] + 1)
    }

    /// The same, starting from a line near the answer: reading in file order then costs O(1) per position.
    public func position(scalarOffset offset: Int, near line: Int) -> (line: Int, column: Int) {
        var index = min(max(line, 1), scalarStarts.count) - 1
        guard scalarStarts[index] <= offset else { return position(scalarOffset: offset) }
        for _ in 0..<8 where index + 1 < scalarStarts.count && scalarStarts[index + 1] <= offset { index += 1 }
        guard index + 1 == scalarStarts.count || scalarStarts[index + 1] > offset else { return position(scalarOffset: offset) }
        return (index + 1, offset - scalarStarts[index] + 1)
    }

    /// The line and column of a UTF-8 offset (libyaml's `problem_offset` for reader errors).
    public func position(byteOffset offset: Int) -> (line: Int, column: Int) {
        let line = Self.lastStart(atOrBefore: offset, in: byteStarts)
        let bytes = text.utf8.dropFirst(byteStarts[line]).prefix(max(0, offset - byteStarts[line]))
        return (line + 1, bytes.reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
    }

    private static func lastStart(atOrBefore offset: Int, in starts: [Int]) -> Int {
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }
}

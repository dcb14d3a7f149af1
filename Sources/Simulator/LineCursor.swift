/// Walks one line's characters keeping the 1-based column (counted in characters, as an editor counts them).
/// It moves an index through the line itself rather than copying it; a line of ASCII (nearly every script line) is
/// walked byte by byte, each byte one character, without Unicode's grapheme rules: reading long scripts is this walk.
struct LineCursor {
    private let characters: Substring
    private let oneByteCharacters: Bool
    private var index: Substring.Index
    private(set) var column = 1

    init(_ characters: Substring) {
        self.characters = characters
        oneByteCharacters = characters.hasOneByteCharacters
        index = characters.startIndex
    }

    var atEnd: Bool { index >= characters.endIndex }

    var peek: Character? {
        guard !atEnd else { return nil }
        return oneByteCharacters ? Character(Unicode.Scalar(characters.utf8[index])) : characters[index]
    }

    mutating func advance() {
        index = oneByteCharacters ? characters.utf8.index(after: index) : characters.index(after: index)
        column += 1
    }

    mutating func skipSpaces() {
        skip(ascii: { $0 == 0x20 || $0 == 0x09 }, other: { $0 == " " || $0 == "\t" })
    }

    /// Consumes `expected` and the spaces after it when it is the next word.
    mutating func skip(word expected: String) -> Bool {
        let start = self
        if word() == expected {
            skipSpaces()
            return true
        }
        self = start
        return false
    }

    mutating func word() -> String {
        take(ascii: \.isScriptLetter, other: \.isScriptLetter)
    }

    /// A name such as `call_end` or `silence_timeout`: letters, digits and underscores.
    mutating func token() -> String {
        take(ascii: { $0.isScriptLetter || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "_") },
             other: { $0.isLetter || $0.isNumber || $0 == "_" })
    }

    /// A comparison such as `<=`.
    mutating func operatorToken() -> String {
        take(ascii: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "=") },
             other: { $0 == "<" || $0 == ">" || $0 == "=" })
    }

    /// The run of characters up to a space or ':', for number parsing and error messages.
    mutating func number() -> String {
        take(ascii: { $0 != UInt8(ascii: ":") && $0 != 0x20 && $0 != 0x09 }, other: { $0 != ":" && $0 != " " && $0 != "\t" })
    }

    /// Everything left on the line; the cursor's column stays at its start.
    func rest() -> Substring { characters[index...] }

    /// The rest of the line without white space at either end.
    func restTrimmed() -> String {
        guard oneByteCharacters else { return rest().trimmingCharacters }
        let bytes = characters.utf8[index...]
        guard let first = bytes.firstIndex(where: { !$0.isScriptSpace }), let last = bytes.lastIndex(where: { !$0.isScriptSpace }) else {
            return ""
        }
        return String(characters[first...last])
    }

    private mutating func skip(ascii: (UInt8) -> Bool, other: (Character) -> Bool) {
        if oneByteCharacters {
            let bytes = characters.utf8
            while index < bytes.endIndex, ascii(bytes[index]) {
                index = bytes.index(after: index)
                column += 1
            }
        } else {
            while let next = peek, other(next) { advance() }
        }
    }

    private mutating func take(ascii: (UInt8) -> Bool, other: (Character) -> Bool) -> String {
        let start = index
        skip(ascii: ascii, other: other)
        return String(characters[start..<index])
    }
}

extension String {
    /// Lines split at LF or CRLF, found on the bytes: a line feed is always a character of its own or ends a CR LF.
    var fileLines: [Substring] {
        var lines: [Substring] = []
        let bytes = utf8
        var start = bytes.startIndex
        var index = start
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                var end = index
                if end > start, bytes[bytes.index(before: end)] == 0x0D { end = bytes.index(before: end) }
                lines.append(self[start..<end])
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        lines.append(self[start...])
        return lines
    }
}

extension StringProtocol {
    /// The text without white space at either end.
    var trimmingCharacters: String {
        guard let first = firstIndex(where: { !$0.isScriptSpace }), let last = lastIndex(where: { !$0.isScriptSpace }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// Every character is one byte: ASCII, and no carriage return (which with a line feed makes one character).
    var hasOneByteCharacters: Bool { utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
}

extension Character {
    /// `isWhitespace`, answered for ASCII without Unicode's property tables.
    var isScriptSpace: Bool {
        guard let ascii = asciiValue else { return isWhitespace }
        return ascii.isScriptSpace
    }

    /// `isLetter`, with the same shortcut for ASCII.
    var isScriptLetter: Bool {
        guard let ascii = asciiValue else { return isLetter }
        return ascii.isScriptLetter
    }
}

extension UInt8 {
    /// An ASCII space, tab, line feed, vertical tab, form feed or carriage return.
    var isScriptSpace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }

    var isScriptLetter: Bool { (0x41...0x5A).contains(self) || (0x61...0x7A).contains(self) }
}

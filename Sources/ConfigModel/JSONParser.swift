/// Reads JSON text (RFC 8259, strictly) into a `JSONValue`, keeping key order and each number's text.
/// Every malformed input ends in a `Failure` with its byte offset, never a trap: escapes are checked before any
/// arithmetic, a lone or mismatched surrogate is an error, numbers follow the grammar and Double's range, and
/// nesting is bounded so hostile input cannot exhaust the stack.
public struct JSONParser {
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Byte offset of the problem, from 0.
        public let offset: Int
        public let message: String
        public var description: String { "invalid JSON at byte \(offset): \(message)" }
    }

    public static let maximumDepth = 512

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        var parser = JSONParser(bytes: bytes)
        parser.skipSpace()
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected text after the value") }
        return value
    }

    public static func parse(_ text: String) throws(Failure) -> JSONValue { try parse(Array(text.utf8)) }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(offset: offset ?? index, message: message)
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func value() throws(Failure) -> JSONValue {
        guard let byte = current else { throw failure("unexpected end of input, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("expected a value")
        }
    }

    private mutating func literal(_ word: StaticString, _ value: JSONValue) throws(Failure) -> JSONValue {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count, bytes[index..<index + expected.count].elementsEqual(expected) else {
            throw failure("expected a value")
        }
        index += expected.count
        return value
    }

    private mutating func nest() throws(Failure) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth)") }
        index += 1
        skipSpace()
    }

    /// After an item: true at the closing bracket (consumed), false after a comma; an error otherwise.
    private mutating func endOrComma(_ close: UInt8) throws(Failure) -> Bool {
        skipSpace()
        switch current {
        case close?: index += 1; return true
        case UInt8(ascii: ",")?: index += 1; skipSpace(); return false
        case nil: throw failure("unexpected end of input, expected `,` or `\(Character(Unicode.Scalar(close)))`")
        default: throw failure("expected `,` or `\(Character(Unicode.Scalar(close)))`")
        }
    }

    private mutating func object() throws(Failure) -> JSONValue {
        try nest()
        defer { depth -= 1 }
        var members: [(key: String, value: JSONValue)] = []
        if current == UInt8(ascii: "}") { index += 1; return .object(JSONObject()) }
        while true {
            guard current == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
            let key = try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw failure("expected `:` after the key") }
            index += 1
            skipSpace()
            members.append((key, try value()))
            if try endOrComma(UInt8(ascii: "}")) { return .object(JSONObject(members: members)) }
        }
    }

    private mutating func array() throws(Failure) -> JSONValue {
        try nest()
        defer { depth -= 1 }
        var items: [JSONValue] = []
        if current == UInt8(ascii: "]") { index += 1; return .array(items) }
        while true {
            items.append(try value())
            if try endOrComma(UInt8(ascii: "]")) { return .array(items) }
        }
    }

    private mutating func number() throws(Failure) -> JSONNumber {
        let start = index
        guard let length = JSONNumber.grammarLength(bytes, from: start) else {
            throw failure("a number must be -?digits[.digits][e[+-]digits] without leading zeros", at: start)
        }
        index += length
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if let byte = current, byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) {
            throw failure("a number must be -?digits[.digits][e[+-]digits] without leading zeros", at: start)
        }
        guard JSONNumber.isWithinRange(text) else { throw failure("the number \(text) is outside Double's range", at: start) }
        return JSONNumber(validatedText: text)
    }

    private mutating func string() throws(Failure) -> String {
        let opening = index
        index += 1
        var text = ""
        while true {
            let run = index
            // Every byte of the run OR-ed together: below 0x80, the run is ASCII and needs no decoding.
            var runBits: UInt8 = 0
            index = bytes.withUnsafeBufferPointer { buffer in
                var end = run
                while end < buffer.count {
                    let byte = buffer[end]
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                    runBits |= byte
                    end += 1
                }
                return end
            }
            guard let byte = current else { throw failure("unterminated string", at: opening) }
            if byte < 0x20 { throw failure("control character U+\(hex(UInt32(byte))) in a string; escape it") }
            try append(run..<index, ascii: runBits < 0x80, to: &text)
            if byte == UInt8(ascii: "\"") {
                index += 1
                return text
            }
            text.unicodeScalars.append(try escape())
        }
    }

    /// Appends a run of UTF-8 bytes, checked and then converted whole (a scalar at a time cost most of reading an
    /// answer); the error points at the first byte of an invalid sequence.
    private func append(_ range: Range<Int>, ascii: Bool, to text: inout String) throws(Failure) {
        guard !range.isEmpty else { return }
        if !ascii {
            var iterator = bytes[range].makeIterator()
            var decoder = UTF8()
            var offset = range.lowerBound
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput: break decoding
                case .error: throw failure("invalid UTF-8", at: offset)
                }
            }
        }
        text += String(decoding: bytes[range], as: UTF8.self)
    }

    private mutating func escape() throws(Failure) -> Unicode.Scalar {
        let start = index
        index += 1
        guard let byte = current else { throw failure("unterminated escape", at: start) }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"): return try unicodeEscape(start: start)
        default: throw failure("unknown escape `\\\(Character(Unicode.Scalar(byte)))`", at: start)
        }
    }

    /// `\uXXXX`, or a UTF-16 surrogate pair `\uD83D\uDE00` written as two escapes.
    private mutating func unicodeEscape(start: Int) throws(Failure) -> Unicode.Scalar {
        let first = try hex4()
        switch first {
        case 0xDC00...0xDFFF:
            throw failure("lone low surrogate \\u\(hex(first)); a pair starts with \\uD800-\\uDBFF", at: start)
        case 0xD800...0xDBFF:
            let second = index
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw failure("lone high surrogate \\u\(hex(first)); it must be followed by a \\uDC00-\\uDFFF escape",
                              at: start)
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure("high surrogate \\u\(hex(first)) followed by \\u\(hex(low)), not a low surrogate",
                              at: second)
            }
            // Both halves are in range here, so the arithmetic cannot overflow and the scalar exists.
            let code = 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(code) else { throw failure("invalid surrogate pair", at: start) }
            return scalar
        default:
            guard let scalar = Unicode.Scalar(first) else { throw failure("invalid \\u escape", at: start) }
            return scalar
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = hexDigit(byte) else {
                throw failure("a \\u escape needs four hex digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func hex(_ code: UInt32) -> String {
        let digits = String(code, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

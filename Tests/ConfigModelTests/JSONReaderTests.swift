import ConfigModel
import XCTest

/// The JSON reader: what it keeps (key order, number text and kind) and how it refuses malformed input.
final class JSONReaderTests: XCTestCase {
    /// The failure for `text`, or a test failure when it parses.
    private func failure(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONParser.Failure? {
        failure(Array(text.utf8), file: file, line: line)
    }

    private func failure(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> JSONParser.Failure? {
        do {
            let value = try JSONParser.parse(bytes)
            XCTFail("parsed \(String(decoding: bytes.prefix(80), as: UTF8.self)) as \(String(describing: value).prefix(80))", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func assertFails(_ text: String, at offset: Int, containing words: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        guard let error = failure(text, file: file, line: line) else { return }
        XCTAssertEqual(error.offset, offset, "\(text): \(error)", file: file, line: line)
        XCTAssertTrue(error.message.contains(words), "\(text): \(error)", file: file, line: line)
    }

    func testParseKeepsKeyOrderAndTypes() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": [true, null, 2.5, "x\u00e9\n"], "c": {"z": -1e2}}"#)
        XCTAssertEqual(value.objectValue?.keys, ["b", "a", "c"])
        XCTAssertEqual(value["a"], .array([.bool(true), .null, .number(2.5), .string("xé\n")]))
        XCTAssertEqual(value["c"]?["z"], .number(-100))
    }

    func testIntegersAndFloatsStayApart() throws {
        let value = try JSONParser.parse(#"[7, 7.0, 7e0, -0, 12345678901234567890, 9007199254740993]"#)
        let numbers = try XCTUnwrap(value.arrayValue).map { item -> JSONNumber in
            guard case .number(let number) = item else { XCTFail("\(item)"); return 0 }
            return number
        }
        XCTAssertEqual(numbers.map(\.text), ["7", "7.0", "7e0", "-0", "12345678901234567890", "9007199254740993"])
        XCTAssertEqual(numbers.map(\.isInteger), [true, false, false, true, true, true])
        XCTAssertEqual(numbers[0].intValue, 7)
        XCTAssertNil(numbers[1].intValue, "7.0 is a float on the wire")
        XCTAssertNil(numbers[4].intValue, "beyond Int: kept as text, not wrapped")
        XCTAssertEqual(numbers[5].intValue, 9_007_199_254_740_993, "exact beyond 2^53")
        XCTAssertEqual(JSONText.encode(value), "[7,7.0,7e0,-0,12345678901234567890,9007199254740993]")
    }

    /// agentctl compares settings by value: `7` on one side and `7.0` on the other is no change.
    func testNumbersCompareByValue() throws {
        XCTAssertEqual(try JSONParser.parse("7"), try JSONParser.parse("7.0"))
        XCTAssertEqual(try JSONParser.parse("1e2"), .number(100))
        XCTAssertEqual(Set([try JSONParser.parse("7"), try JSONParser.parse("7.00")]).count, 1, "hash agrees with ==")
        XCTAssertNotEqual(try JSONParser.parse("7"), try JSONParser.parse("7.5"))
        XCTAssertNotEqual(try JSONParser.parse("7"), .string("7"))
    }

    func testObjectsCompareWithoutOrder() throws {
        XCTAssertEqual(try JSONParser.parse(#"{"a":1,"b":2}"#), try JSONParser.parse(#"{"b":2,"a":1.0}"#))
        XCTAssertNotEqual(try JSONParser.parse(#"{"a":1}"#), try JSONParser.parse(#"{"a":1,"b":null}"#))
    }

    func testDuplicateKeyKeepsItsPlaceAndTheLastValue() throws {
        let object = try XCTUnwrap(try JSONParser.parse(#"{"a":1,"b":2,"a":3}"#).objectValue)
        XCTAssertEqual(object.keys, ["a", "b"])
        XCTAssertEqual(object["a"], .number(3))
    }

    /// An object of many members is indexed once it is read: a repeated key there behaves as in a small one, and
    /// every key is found, `café` precomposed and decomposed apart.
    func testDuplicateKeyInALargeObjectKeepsItsPlaceAndTheLastValue() throws {
        let members = (0..<20).map { "\"k\($0)\":\($0)" } + ["\"k3\":\"again\"", "\"caf\u{E9}\":1", "\"cafe\u{301}\":2"]
        let object = try XCTUnwrap(try JSONParser.parse("{" + members.joined(separator: ",") + "}").objectValue)
        XCTAssertEqual(object.keys, (0..<20).map { "k\($0)" } + ["caf\u{E9}", "cafe\u{301}"])
        XCTAssertEqual(object["k3"], .string("again"))
        XCTAssertEqual(object["k19"], .number(19))
        XCTAssertEqual(object["cafe\u{301}"], .number(2))
        XCTAssertNil(object["k20"])
    }

    /// A string is read in runs between escapes: each run is decoded, and an invalid byte in any of them is found.
    func testStringRunsBetweenEscapesAreDecodedAndChecked() throws {
        XCTAssertEqual(try JSONParser.parse(#""caf\u00e9 \"x\"\nté\t""#), .string("café \"x\"\nté\t"))
        XCTAssertEqual(failure([0x22, 0x61, 0x5C, 0x6E, 0x62, 0xFF, 0x22])?.offset, 5)
        XCTAssertEqual(failure([0x22, 0xC3, 0xA9, 0x5C, 0x6E, 0xC3, 0x22])?.offset, 5)
    }

    /// JSON keys are sequences of code points: a precomposed and a decomposed `café` are two keys.
    func testKeysAreComparedByCodePoints() throws {
        let object = try XCTUnwrap(try JSONParser.parse("{\"caf\u{E9}\":1,\"cafe\u{301}\":2}").objectValue)
        XCTAssertEqual(object.count, 2)
        XCTAssertEqual(object["caf\u{E9}"], .number(1))
        XCTAssertEqual(object["cafe\u{301}"], .number(2))
    }

    func testNumbersFollowTheGrammar() {
        for text in ["+1", ".5", "01", "-01", "1.", "-", "1e", "1e+", "1.e5", "--1", "-.5", "Infinity", "NaN"] {
            guard let error = failure(text) else { continue }
            XCTAssertEqual(error.offset, 0, "\(text): \(error)")
        }
        assertFails("[1, 01]", at: 4, containing: "leading zeros")
        assertFails("0x10", at: 1, containing: "unexpected text after the value")
        assertFails(#"{"a": 1.}"#, at: 6, containing: "number")
    }

    /// Beyond Double's range is an error, never infinity, and a non-zero number never reads as 0.
    func testNumbersOutsideDoubleRangeAreErrors() throws {
        assertFails("1e400", at: 0, containing: "outside Double's range")
        assertFails("[-1e309]", at: 1, containing: "outside Double's range")
        assertFails("1e-400", at: 0, containing: "outside Double's range")
        assertFails(String(repeating: "9", count: 400), at: 0, containing: "outside Double's range")
        XCTAssertEqual(try JSONParser.parse("0e-400"), .number(0))
        XCTAssertEqual(try JSONParser.parse("1.7976931348623157e308").numberValue, .greatestFiniteMagnitude)
        XCTAssertEqual(try JSONParser.parse("5e-324").numberValue, .leastNonzeroMagnitude)
    }

    func testSurrogatePairs() throws {
        XCTAssertEqual(try JSONParser.parse(#""\ud83d\ude00""#), .string("😀"))
        XCTAssertEqual(try JSONParser.parse(#""\uDBFF\uDFFF""#), .string("\u{10FFFF}"))
        XCTAssertEqual(try JSONParser.parse(#""\u00e9\uFFFF""#), .string("é\u{FFFF}"))
    }

    /// The second escape is checked to be a low surrogate before any arithmetic: no overflow, no substitution.
    func testLoneAndMismatchedSurrogatesAreErrors() {
        assertFails(#""\ud83d""#, at: 1, containing: "lone high surrogate")
        assertFails(#""x\ud83dy""#, at: 2, containing: "lone high surrogate")
        assertFails(#""\ude00""#, at: 1, containing: "lone low surrogate")
        assertFails(#""\ud83d\ud83d""#, at: 7, containing: "not a low surrogate")
        assertFails(#""\ud83d\u0041""#, at: 7, containing: "not a low surrogate")
        assertFails(#""\uD800\u0000""#, at: 7, containing: "not a low surrogate")
        assertFails(#""\ud83d\n""#, at: 1, containing: "lone high surrogate")
        assertFails(#""\ud83d\u12""#, at: 11, containing: "four hex digits")
    }

    func testBadEscapesAndStrings() {
        assertFails(#""\u12G4""#, at: 5, containing: "four hex digits")
        assertFails(#""\x""#, at: 1, containing: "unknown escape")
        assertFails("\"a\tb\"", at: 2, containing: "control character U+0009")
        assertFails(#"["open"#, at: 1, containing: "unterminated string")
        assertFails(#""\"#, at: 1, containing: "unterminated escape")
    }

    func testInvalidUTF8IsAnErrorAtItsByte() {
        let cases: [([UInt8], Int)] = [
            ([0x22, 0x61, 0xFF, 0x22], 2),              // a byte that never occurs in UTF-8
            ([0x22, 0xC0, 0xAF, 0x22], 1),              // overlong encoding of `/`
            ([0x22, 0x61, 0x62, 0xED, 0xA0, 0x80, 0x22], 3),  // a surrogate encoded in UTF-8
            ([0x22, 0xE2, 0x82, 0x22], 1),              // truncated sequence
        ]
        for (bytes, offset) in cases {
            guard let error = failure(bytes) else { continue }
            XCTAssertEqual(error.offset, offset, "\(bytes): \(error)")
            XCTAssertEqual(error.message, "invalid UTF-8")
        }
    }

    func testStructureErrorsSayWhatWasExpected() {
        assertFails("{", at: 1, containing: "expected a key")
        assertFails(#"{"a" 1}"#, at: 5, containing: "expected `:`")
        assertFails("[1,]", at: 3, containing: "expected a value")
        assertFails("[1 2]", at: 3, containing: "expected `,` or `]`")
        assertFails(#"{"a":1"#, at: 6, containing: "unexpected end of input")
        assertFails("tru", at: 0, containing: "expected a value")
        assertFails("{} x", at: 3, containing: "unexpected text after the value")
        assertFails("", at: 0, containing: "unexpected end of input")
        assertFails("\u{FEFF}{}", at: 0, containing: "expected a value")
    }

    func testDepthIsBounded() throws {
        let deepest = JSONParser.maximumDepth
        XCTAssertNoThrow(try JSONParser.parse(String(repeating: "[", count: deepest) + String(repeating: "]", count: deepest)))
        let tooDeep = String(repeating: "[", count: deepest + 1) + String(repeating: "]", count: deepest + 1)
        assertFails(tooDeep, at: deepest, containing: "nesting deeper than 512")
        assertFails(String(repeating: #"{"a":"#, count: 100_000), at: 5 * deepest, containing: "nesting deeper")
    }

    /// Reading is linear: a flat object of many keys does not compare each key with all the others.
    func testManyKeysReadInLinearTime() throws {
        let text = "{" + (0..<100_000).map { #""key\#($0)":\#($0)"# }.joined(separator: ",") + "}"
        let start = ContinuousClock.now
        let object = try XCTUnwrap(try JSONParser.parse(text).objectValue)
        XCTAssertEqual(object.count, 100_000)
        XCTAssertEqual(object["key99999"], .number(99_999))
        XCTAssertLessThan(ContinuousClock.now - start, .seconds(5))
    }
}

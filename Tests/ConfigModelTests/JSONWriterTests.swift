import ConfigModel
import XCTest

/// The JSON writer and the number type it writes.
final class JSONWriterTests: XCTestCase {
    func testRoundTrip() throws {
        let text = #"{"name":"A \"quoted\" name","n":7,"f":0.1,"g":7.0,"list":[],"obj":{},"s":"\u0001"}"#
        XCTAssertEqual(JSONText.encode(try JSONParser.parse(text)), text)
    }

    func testPrettyAndSorted() throws {
        let value = try JSONParser.parse(#"{"b":[1,{"c":null}],"a":{}}"#)
        XCTAssertEqual(JSONText.encode(value, pretty: true, sortedKeys: true), """
            {
              "a": {},
              "b": [
                1,
                {
                  "c": null
                }
              ]
            }
            """)
    }

    /// The layout of the simulator's documents: a member per line, the named arrays an item per line.
    func testDocumentLayout() throws {
        let object = try XCTUnwrap(try JSONParser.parse(#"{"a":{"x":[1,2]},"events":[{"t":0},{"t":1.5}],"e":[],"l":[3]}"#).objectValue)
        XCTAssertEqual(JSONText.document(object, oneItemPerLine: ["events", "e"]), """
            {
              "a": {"x":[1,2]},
              "events": [
                {"t":0},
                {"t":1.5}
              ],
              "e": [],
              "l": [3]
            }

            """)
    }

    func testQuotedEscapesControlCharacters() {
        XCTAssertEqual(JSONText.quoted("a\"b\\c\n\r\t\u{08}\u{1F}é😀"), #""a\"b\\c\n\r\t\u0008\u001fé😀""#)
    }

    /// A Double says nothing about how it was written, so it is written in its shortest form, as agentctl always has.
    func testNumbersFromSwiftValues() {
        XCTAssertEqual(JSONNumber(7.0).text, "7")
        XCTAssertEqual(JSONNumber(-0.0).text, "0")
        XCTAssertEqual(JSONNumber(0.1).text, "0.1")
        XCTAssertEqual(JSONNumber(2.5e-7).text, "2.5e-07")
        XCTAssertEqual(JSONNumber(1e15).text, "1000000000000000.0")
        XCTAssertEqual(JSONNumber(1e16).text, "1e+16")
        XCTAssertEqual(JSONNumber(999_999_999_999_999.0).text, "999999999999999")
        XCTAssertEqual(JSONNumber(UInt64.max).text, "18446744073709551615")
        XCTAssertEqual(JSONNumber(Int.min).text, "-9223372036854775808")
        XCTAssertEqual(JSONText.number(600), "600")
        let literals: [JSONValue] = [.number(7.0), .number(600), .number(-1)]
        XCTAssertEqual(JSONText.encode(.array(literals)), "[7,600,-1]")
    }

    /// Every written double reads back as the same value.
    func testShortestFormReadsBackExactly() throws {
        for value in [0.1, 1.0 / 3, 1e300, -2.5e-308, 123_456.789, 9.007_199_254_740_993e15, .leastNonzeroMagnitude] {
            let text = JSONNumber(value).text
            XCTAssertEqual(try JSONParser.parse(text).numberValue, value, text)
        }
    }

    func testNumberTextIsValidated() {
        XCTAssertEqual(JSONNumber("4.50")?.text, "4.50")
        XCTAssertEqual(JSONNumber("-0.000012")?.isInteger, false)
        for text in ["+1", ".5", "01", "1.", "-", "", " 1", "1 ", "1e400", "1e-400", "inf", "nan", "0x1"] {
            XCTAssertNil(JSONNumber(text), text)
        }
    }
}

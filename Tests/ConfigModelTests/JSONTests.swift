import ConfigModel
import XCTest

final class JSONTests: XCTestCase {
    func testParseKeepsKeyOrderAndTypes() throws {
        let value = try JSONParser.parse(#"{"b": 1, "a": [true, null, 2.5, "x\u00e9\n"], "c": {"z": -1e2}}"#)
        XCTAssertEqual(value.objectValue?.keys, ["b", "a", "c"])
        XCTAssertEqual(value["a"], .array([.bool(true), .null, .number(2.5), .string("xé\n")]))
        XCTAssertEqual(value["c"]?["z"], .number(-100))
    }

    func testRoundTrip() throws {
        let text = #"{"name":"A \"quoted\" name","n":7,"f":0.1,"list":[],"obj":{},"s":"\u0001"}"#
        XCTAssertEqual(JSONText.encode(try JSONParser.parse(text)), text)
    }

    func testObjectsCompareWithoutOrder() throws {
        XCTAssertEqual(try JSONParser.parse(#"{"a":1,"b":2}"#), try JSONParser.parse(#"{"b":2,"a":1.0}"#))
        XCTAssertNotEqual(try JSONParser.parse(#"{"a":1}"#), try JSONParser.parse(#"{"a":1,"b":null}"#))
    }

    func testMalformedJSONIsAnError() {
        for text in ["{", #"{"a" 1}"#, "[1,]", "tru", #""open"#, "{} x", String(repeating: "[", count: 1000)] {
            XCTAssertThrowsError(try JSONParser.parse(text), text)
        }
    }

    func testSurrogatePairs() throws {
        XCTAssertEqual(try JSONParser.parse(#""\ud83d\ude00""#), .string("😀"))
    }
}

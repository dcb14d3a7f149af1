@testable import AgentEmulatorKit
import XCTest

final class JSONTests: XCTestCase {
    func testIntegersAndFloatsStayApart() throws {
        let value = try JSONParser.parse(Array(#"{"a": 7, "b": 7.0, "c": -1e-5, "d": [true, null, "x"]}"#.utf8))
        XCTAssertEqual(value, .object(["a": .int(7), "b": .double(7), "c": .double(-1e-5),
                                       "d": .array([.bool(true), .null, .string("x")])]))
        XCTAssertEqual(JSONWriter.string(value), #"{"a":7,"b":7.0,"c":-1e-05,"d":[true,null,"x"]}"#)
    }

    func testStringEscapesRoundTrip() throws {
        let text = #""quote \" slash \\ newline \n tab \t unicode \u00e9 pair \ud83d\ude00 control \u0001""#
        let value = try JSONParser.parse(Array(text.utf8))
        XCTAssertEqual(value, .string("quote \" slash \\ newline \n tab \t unicode é pair 😀 control \u{01}"))
        XCTAssertEqual(try JSONParser.parse(JSONWriter.data(value)), value)
    }

    func testErrorsCarryTheByteOffset() {
        for (text, offset, reason) in [("{\"a\": }", 6, "Expecting value"), ("[1, 2", 5, "Expecting ',' delimiter"),
                                       ("{\"a\" 1}", 5, "Expecting ':' delimiter"), ("1 2", 2, "Extra data"),
                                       ("", 0, "Expecting value")] {
            XCTAssertThrowsError(try JSONParser.parse(Array(text.utf8)), text) { error in
                XCTAssertEqual(error as? JSONParser.Failure, JSONParser.Failure(offset: offset, reason: reason), text)
            }
        }
    }

    func testDeepNestingIsRefusedNotACrash() {
        let text = String(repeating: "[", count: 100_000)
        XCTAssertThrowsError(try JSONParser.parse(Array(text.utf8)))
    }

    func testMergeReplacesLeavesAndKeepsUntouchedKeys() {
        let base: JSONValue = .object(["turn": .object(["turn_timeout": .double(7), "mode": "turn"]), "tags": .array(["a"])])
        let patch: JSONValue = .object(["turn": .object(["turn_timeout": .int(9)]), "tags": .array([])])
        XCTAssertEqual(base.merging(patch),
                       .object(["turn": .object(["turn_timeout": .int(9), "mode": "turn"]), "tags": .array([])]))
    }
}

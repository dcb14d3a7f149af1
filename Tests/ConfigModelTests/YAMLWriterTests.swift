import ConfigModel
import XCTest

final class YAMLWriterTests: XCTestCase {
    private func roundTrip(_ value: JSONValue, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let text = YAMLWriter.document(value.objectValue!)
        let node = try YAMLReader().read(text, file: "w.yaml")
        // Reading back with no field types (core schema) must give the same value: the writer quotes what needs it.
        XCTAssertEqual(NodeConversion.json(node, kind: { _ in nil }), value, text, file: file, line: line)
        return text
    }

    /// Found by the JSON fuzz target: a key with DEL was written raw inside double quotes, which YAML refuses.
    func testCharactersYAMLRefusesRawAreEscapedInKeysAndValues() throws {
        for character in ["\u{7F}", "\u{85}", "\u{9F}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{FFFE}"] {
            let text = try roundTrip(.object(JSONObject([("voice\(character)id", .string("a\(character)b"))])))
            XCTAssertFalse(text.unicodeScalars.contains { $0 == character.unicodeScalars.first! }, text)
        }
    }

    func testBlockLayoutIsDeterministic() throws {
        let value = try JSONParser.parse(#"{"name":"Support desk","tags":["a","b"],"conversation_config":{"turn":{"turn_timeout":7,"soft_timeout_config":{"timeout_seconds":2.5}},"tools":[{"type":"webhook","name":"x"},{}],"empty_list":[],"empty":{}}}"#)
        let text = try roundTrip(value)
        XCTAssertEqual(text, """
            name: Support desk
            tags:
              - a
              - b
            conversation_config:
              turn:
                turn_timeout: 7
                soft_timeout_config:
                  timeout_seconds: 2.5
              tools:
                - type: webhook
                  name: x
                - {}
              empty_list: []
              empty: {}

            """)
    }

    func testTextThatLooksLikeSomethingElseIsQuoted() throws {
        let tricky = ["no", "yes", "on", "true", "null", "~", "", " lead", "trail ", "1e3", "0x1F", "1_000", "12:30",
                      "2024-01-02", "- dash", "a: b", "x #y", "#tag", "*star", "&amp", "!bang", "@at", "%p", "{", "[",
                      "'q", "\"dq", "|", ">", "ends:", "tab\there", "nul\u{0}", ".inf", "-.5", "+1"]
        for text in tricky {
            _ = try roundTrip(.object(JSONObject([("k", .string(text))])))
        }
        XCTAssertEqual(YAMLWriter.document(JSONObject([("k", .string("plain words, fine"))])), "k: plain words, fine\n")
        XCTAssertEqual(YAMLWriter.document(JSONObject([("k", .string("no"))])), "k: \"no\"\n")
    }

    func testMultiLineTextIsALiteralBlock() throws {
        let cases = ["line one\nline two\n", "no trailing\nnewline", "two trailing\n\n", "  indented first\nsecond\n",
                     "gap\n\nafter\n", "trailing spaces  \nok\n", "blank-only line\n   \nx\n", "\ttab first\nx\n"]
        for text in cases {
            _ = try roundTrip(.object(JSONObject([("prompt", .string(text))])))
        }
        XCTAssertEqual(YAMLWriter.document(JSONObject([("p", .string("a\nb\n"))])), "p: |\n  a\n  b\n")
        XCTAssertEqual(YAMLWriter.document(JSONObject([("p", .string("a\nb"))])), "p: |-\n  a\n  b\n")
    }

    func testKeysAndCommentsAndNumbers() throws {
        let value = JSONValue.object(JSONObject([("plain_key", .number(7)), ("key with space", .number(0.1)),
                                                 ("yes", .bool(false)), ("n", .null), ("big", .number(1e20))]))
        let text = try roundTrip(value)
        XCTAssertEqual(text, "plain_key: 7\n\"key with space\": 0.1\n\"yes\": false\n\"n\": null\nbig: 1e+20\n")
        XCTAssertEqual(YAMLWriter.document(JSONObject(), comments: ["hello"]), "# hello\n{}\n")
    }
}

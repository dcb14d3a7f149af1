import ConfigModel
import XCTest

/// Every command reads a scalar the same way: explicit tags win, null is null, keys are code points, and numbers
/// Double cannot hold are errors rather than infinity or 0.
final class OneReadingTests: XCTestCase {
    private func node(_ value: String) throws -> YAMLNode {
        try XCTUnwrap(try YAMLReader().read("v: \(value)\n", file: "a.yaml")["v"])
    }

    private func problems(_ text: String) -> [Diagnostic] {
        if case .failure(let found) = YAMLReader().readAll(Array(text.utf8), file: "a.yaml") { return found.problems }
        return []
    }

    func testExplicitTagsDecideTheKind() throws {
        XCTAssertEqual(try ScalarReading.number(node("!!str 7")).failureMessage, "expected a number, found the text \"7\" (tagged !!str)")
        XCTAssertEqual(try ScalarReading.number(node("!!int \"7\"")).successValue, 7)
        XCTAssertEqual(try ScalarReading.number(node("!!float '2.5'")).successValue, 2.5)
        XCTAssertEqual(try ScalarReading.boolean(node("!!bool \"true\"")).successValue, true)
        XCTAssertEqual(try ScalarReading.text(node("!!int 7")).failureMessage, "expected text, found a number (tagged !!int)")
        XCTAssertEqual(try ScalarReading.text(node("! 7")).successValue, "7")
        XCTAssertTrue(try node("!!null").isNull)
        XCTAssertTrue(try node("!!null ''").isNull)
        XCTAssertFalse(try node("!!str null").isNull)
        XCTAssertEqual(try node("!!str 7").kindName, "text")
    }

    func testTheRequestBodyReadsTagsAsValidateDoes() throws {
        let root = try YAMLReader().read("a: !!int \"7\"\nb: !!str 7\nc: !!null\nd: !!bool 'false'\ne: [x, ~]\n", file: "a.yaml")
        let body = NodeConversion.json(root, kind: { _ in nil })
        XCTAssertEqual(JSONText.encode(body), #"{"a":7,"b":"7","c":null,"d":false,"e":["x",null]}"#)
    }

    func testUnsupportedOrMismatchedTagsAreReportedTogetherWithDuplicateKeys() {
        let found = problems("a: !!int abc\nb: !custom x\na: 2\nc: !!binary aGk=\nd: !!omap [x]\n")
        XCTAssertEqual(found.map(\.mark.line), [1, 2, 3, 4, 5])
        XCTAssertEqual(found.map(\.message), [
            "`abc` cannot be tagged !!int",
            "the tag `!custom` is not supported; agent files use text, numbers, true/false and null (tags !!str, !!int, !!float, !!bool, !!null)",
            "duplicate key `a`; it is already set on line 1",
            "the tag `!!binary` is not supported; agent files use text, numbers, true/false and null (tags !!str, !!int, !!float, !!bool, !!null)",
            "the tag `!!omap` is not supported here",
        ])
    }

    func testKeysAreComparedByCodePoints() throws {
        let root = try YAMLReader().read("caf\u{E9}: 1\ncafe\u{301}: 2\n", file: "a.yaml")
        XCTAssertEqual(root.pairs?.count, 2, "precomposed and decomposed are two keys")
        XCTAssertEqual(root["caf\u{E9}"]?.scalar?.text, "1")
        XCTAssertEqual(root["cafe\u{301}"]?.scalar?.text, "2")
        XCTAssertEqual(problems("caf\u{E9}: 1\ncaf\u{E9}: 2\n").count, 1)
    }

    func testNumbersOutsideDoublesRange() throws {
        XCTAssertEqual(YAMLCoreSchema.numberReading("1e400"), .tooLarge)
        XCTAssertEqual(YAMLCoreSchema.numberReading("-1e400"), .tooLarge)
        XCTAssertEqual(YAMLCoreSchema.numberReading("1e-400"), .tooSmall)
        XCTAssertEqual(YAMLCoreSchema.numberReading("0e-400"), .value(0))
        XCTAssertEqual(YAMLCoreSchema.numberReading("0.000"), .value(0))
        XCTAssertEqual(YAMLCoreSchema.numberReading("5e-324"), .value(Double.leastNonzeroMagnitude))
        for notANumber in ["1-2", "+", ".", "e5", "1e", "1.2.3", "0x10", "1_000", ".inf", "--1"] {
            XCTAssertNil(YAMLCoreSchema.numberReading(notANumber), notANumber)
        }
        for number in ["+1", ".5", "5.", "-0", "01", "1E+3"] { XCTAssertNotNil(YAMLCoreSchema.number(number), number) }
        XCTAssertEqual(try ScalarReading.number(node("1e400")).failureMessage,
                       "`1e400` is too large for a number (the largest is about 1.8e308)")
        XCTAssertEqual(try ScalarReading.number(node("1e-400")).failureMessage,
                       "`1e-400` is too close to zero for a number; it would be read as 0")
    }

    func testAValueReachedThroughAnAliasIsAtTheUseAndRemembersItsAnchor() throws {
        let root = try YAMLReader().read("base: &b\n  x: 1\nother: *b\n", file: "a.yaml")
        let used = try XCTUnwrap(root["other"]?["x"])
        XCTAssertEqual(used.mark, SourceMark(file: "a.yaml", line: 3, column: 8))
        XCTAssertEqual(used.anchorMark, SourceMark(file: "a.yaml", line: 2, column: 6))
        XCTAssertNil(root["base"]?["x"]?.anchorMark)
    }

    func testASelfReferencingAliasSaysSo() {
        let found = problems("a: &x\n  b: [*x]\n")
        XCTAssertEqual(found.first?.message, "the alias *x refers to the value that contains it; a value cannot include itself")
        XCTAssertEqual(found.first?.mark, SourceMark(file: "a.yaml", line: 2, column: 7))
        XCTAssertEqual(found.first?.notes.first?.mark, SourceMark(file: "a.yaml", line: 1, column: 4), "at &x")
        XCTAssertEqual(problems("a: *nowhere\n").first?.message, "the alias *nowhere refers to no anchor &nowhere defined before it")
    }

    func testALenientDecodeKeepsEveryFieldThatReads() throws {
        struct Turn: Decodable {
            var turn_timeout: Double?
            var eagerness: String?
            var terms: [String]?
        }
        let root = try YAMLReader().read("turn_timeout: [x]\neagerness: eager\nterms: [a, ~]\n", file: "a.yaml")
        let turn = try NodeDecoder(lenient: true).decode(Turn.self, from: root)
        XCTAssertNil(turn.turn_timeout)
        XCTAssertEqual(turn.eagerness, "eager")
        XCTAssertNil(turn.terms, "a null item never becomes text")
        XCTAssertThrowsError(try NodeDecoder().decode(Turn.self, from: root))
    }
}

extension Result where Failure == Diagnostic {
    var failureMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }

    var successValue: Success? { try? get() }
}

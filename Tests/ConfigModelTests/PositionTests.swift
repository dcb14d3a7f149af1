import ConfigModel
import XCTest

/// Lines and columns as editors and GitHub count them, and a caret that lands under the character on a terminal.
final class PositionTests: XCTestCase {
    private func mark(_ text: String, _ path: String...) throws -> SourceMark? {
        var node: YAMLNode? = try YAMLReader().read(text, file: "a.yaml")
        for key in path { node = node?[key] }
        return node?.mark
    }

    private func readError(_ bytes: [UInt8]) -> Diagnostic? {
        do {
            _ = try YAMLReader().read(bytes, file: "a.yaml")
            return nil
        } catch {
            return error
        }
    }

    func testLinesEndAtLFCRLFAndLoneCROnly() {
        let source = SourceText("a\nb\r\nc\rd\u{85}e\u{2028}f\u{2029}g\n")
        XCTAssertEqual(source.lineCount, 5)
        XCTAssertEqual(source.line(1), "a")
        XCTAssertEqual(source.line(2), "b")
        XCTAssertEqual(source.line(3), "c")
        XCTAssertEqual(source.line(4), "d\u{85}e\u{2028}f\u{2029}g")
        XCTAssertEqual(source.line(5), "")
        XCTAssertNil(source.line(6))
        XCTAssertEqual(source.position(scalarOffset: 5).line, 3)
        XCTAssertEqual(source.position(byteOffset: 7).line, 4)
    }

    func testNextLineAndLineSeparatorsInsideAScalarDoNotMoveLaterLines() throws {
        let text = "name: \"a\u{85}b\u{2028}c\u{2029}d\"\nconversation_config:\n  turn:\n    turn_timeout: 45\n"
        XCTAssertEqual(try mark(text, "conversation_config", "turn", "turn_timeout"), SourceMark(file: "a.yaml", line: 4, column: 19))
    }

    func testCRLFAndCRFilesHaveTheSamePositionsAsLF() throws {
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["name: x", "conversation_config:", "  turn:", "    turn_timeout: 45", ""].joined(separator: ending)
            XCTAssertEqual(try mark(text, "conversation_config", "turn", "turn_timeout"),
                           SourceMark(file: "a.yaml", line: 4, column: 19), ending.debugDescription)
        }
    }

    func testColumnsAreCodePoints() throws {
        // "é" decomposed is two code points; the CJK characters are one each however wide they print.
        XCTAssertEqual(try mark("k: [e\u{301}, 日本, x]\n", "k").map(\.column), 4)
        let items = try YAMLReader().read("k: [e\u{301}, 日本, x]\n", file: "a.yaml")["k"]?.items
        XCTAssertEqual(items?.map(\.mark.column), [5, 9, 13])
    }

    func testAControlCharacterIsReportedAtItsOwnPosition() {
        for (bytes, name): ([UInt8], String) in [([0x00], "U+0000 NULL"), ([0x1B], "U+001B ESCAPE"), ([0xC2, 0x9B], "U+009B CONTROL SEQUENCE INTRODUCER")] {
            let error = readError(Array("name: x\r\nfirst: ab".utf8) + bytes + Array("c\n".utf8))
            XCTAssertEqual(error?.mark, SourceMark(file: "a.yaml", line: 2, column: 10), name)
            XCTAssertTrue(error?.message.hasPrefix("the character \(name) is not allowed in YAML") == true, error?.message ?? "")
        }
    }

    func testInvalidUTF8IsReportedAtItsLineAfterCRLineEndings() {
        let error = readError(Array("a: 1\rb: 2\r\nc: é".utf8) + [0xFF])
        XCTAssertEqual(error?.mark, SourceMark(file: "a.yaml", line: 3, column: 5))
    }

    func testTheCaretLinesUpUnderCombiningMarksWideCharactersAndTabs() {
        let source = "k: e\u{301}e\u{301} 日本 😀 x\n"
        // Column 13 (code points) is `x`: e, U+301, e, U+301, space, 日, 本, space, 😀, space come before it after "k: ".
        let diagnostic = Diagnostic.error(.yaml, "here", at: SourceMark(file: "a.yaml", line: 1, column: 14))
        let lines = DiagnosticRenderer.text([diagnostic], sources: ["a.yaml": source]).split(separator: "\n")
        XCTAssertEqual(lines[1], "    k: e\u{301}e\u{301} 日本 😀 x")
        XCTAssertEqual(lines[2], "    " + String(repeating: " ", count: 3 + 2 + 1 + 4 + 1 + 2 + 1) + "^")
        let tabbed = DiagnosticRenderer.text([.error(.yaml, "t", at: SourceMark(file: "a.yaml", line: 1, column: 3))],
                                             sources: ["a.yaml": "\t\tx\n"])
        XCTAssertEqual(tabbed.split(separator: "\n")[2], "    " + String(repeating: " ", count: 8) + "^")
    }

    func testCRAndCRLFSourceLinesAreShownLikeLFLines() {
        for ending in ["\r\n", "\r"] {
            let source = "name: x" + ending + "turn_timeout: 45" + ending
            let text = DiagnosticRenderer.text([.error(.yaml, "m", at: SourceMark(file: "a.yaml", line: 2, column: 15))],
                                               sources: ["a.yaml": source])
            XCTAssertEqual(text, "a.yaml:2:15: error: [yaml] m\n    turn_timeout: 45\n                  ^\n", ending.debugDescription)
        }
    }

    func testControlCharactersInASourceLineAreShownAsSymbolsNotSentToTheTerminal() {
        let text = DiagnosticRenderer.text([.error(.yaml, "m", at: SourceMark(file: "a.yaml", line: 1, column: 6))],
                                           sources: ["a.yaml": "a: \u{1B}[2Jx\u{202E}y\n"])
        XCTAssertFalse(text.unicodeScalars.contains("\u{1B}"))
        XCTAssertFalse(text.unicodeScalars.contains("\u{202E}"))
        XCTAssertEqual(text.split(separator: "\n")[1], "    a: \u{241B}[2Jx\u{FFFD}y")
        XCTAssertEqual(text.split(separator: "\n")[2], "         ^")
    }

    func testALongLineIsShownAroundTheColumn() {
        let source = "k: " + String(repeating: "a", count: 100_000) + "X" + String(repeating: "b", count: 100_000) + "\n"
        let text = DiagnosticRenderer.text([.error(.yaml, "m", at: SourceMark(file: "a.yaml", line: 1, column: 100_004))],
                                           sources: ["a.yaml": source])
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines[1], "    …" + String(repeating: "a", count: 60) + "X" + String(repeating: "b", count: 59) + "…")
        XCTAssertEqual(lines[2], "    " + String(repeating: " ", count: 61) + "^")
    }
}

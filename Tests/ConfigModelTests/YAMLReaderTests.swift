import ConfigModel
import XCTest

final class YAMLReaderTests: XCTestCase {
    private func read(_ text: String) throws -> YAMLNode {
        try YAMLReader().read(text, file: "a.yaml")
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            _ = try YAMLReader().read(text, file: "a.yaml")
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testEveryNodeCarriesItsLineAndColumn() throws {
        let root = try read("name: Support\nconversation_config:\n  turn:\n    turn_timeout: 7\n  tags: [a, b]\n")
        XCTAssertEqual(root.mark, SourceMark(file: "a.yaml", line: 1, column: 1))
        let timeout = root["conversation_config"]?["turn"]?["turn_timeout"]
        XCTAssertEqual(timeout?.mark, SourceMark(file: "a.yaml", line: 4, column: 19))
        XCTAssertEqual(timeout?.scalar?.text, "7")
        let pairs = root["conversation_config"]?["turn"]?.pairs
        XCTAssertEqual(pairs?.first?.keyMark, SourceMark(file: "a.yaml", line: 4, column: 5))
        XCTAssertEqual(root["conversation_config"]?["tags"]?.items?[1].mark.column, 13)
    }

    func testUnicodeLineBreaksAreTextAsInYAML12AndEditors() throws {
        // libyaml (YAML 1.1) breaks lines at U+0085, U+2028 and U+2029; YAML 1.2, editors and GitHub do not.
        let root = try read("a: |\n  one\u{2028}two\u{2029}three\u{85}four\nb: x\u{2028}y\n\"k\u{85}\": \"q\u{2028}\" # c\u{85}d: 1\ne: 7\n")
        XCTAssertEqual(root["a"]?.scalar?.text, "one\u{2028}two\u{2029}three\u{85}four\n")
        XCTAssertEqual(root["b"]?.scalar?.text, "x\u{2028}y")
        XCTAssertEqual(root["k\u{85}"]?.scalar?.text, "q\u{2028}")
        XCTAssertEqual(root.pairs?.map(\.key), ["a", "b", "k\u{85}", "e"])
        XCTAssertEqual(root["e"]?.mark, SourceMark(file: "a.yaml", line: 5, column: 4))
    }

    func testADuplicateKeyHoldingALineSeparatorIsNamedInItsMessage() {
        XCTAssertEqual(error("k\u{2028}: 1\nk\u{2028}: 2\n")?.message, "duplicate key `k<U+2028>`; it is already set on line 1")
    }

    func testColumnsCountCharactersNotBytes() throws {
        let root = try read("name: \"Ærø\"\nb: [日本語, x]\n")
        XCTAssertEqual(root["b"]?.items?[1].mark, SourceMark(file: "a.yaml", line: 2, column: 10))
    }

    func testScalarStylesAreKept() throws {
        let root = try read("a: no\nb: 'no'\nc: \"1e3\"\nd: |\n  x\n  y\ne: >-\n  folded\n  text\n")
        XCTAssertEqual(root["a"]?.scalar?.style, .plain)
        XCTAssertEqual(root["b"]?.scalar?.style, .singleQuoted)
        XCTAssertEqual(root["c"]?.scalar?.style, .doubleQuoted)
        XCTAssertEqual(root["d"]?.scalar?.text, "x\ny\n")
        XCTAssertEqual(root["d"]?.scalar?.style, .literal)
        XCTAssertEqual(root["e"]?.scalar?.text, "folded text")
    }

    func testAliasesAreExpanded() throws {
        let root = try read("base: &t\n  turn_timeout: 7\ncopy: *t\n")
        XCTAssertEqual(root["copy"]?["turn_timeout"]?.scalar?.text, "7")
    }

    func testEmptyFileIsAnError() {
        for text in ["", "\n\n", "# only a comment\n", "---\n", "~\n"] {
            XCTAssertEqual(error(text)?.message,
                           "the file is empty; an agent file is a YAML mapping (for example `name: Support desk`)", text)
            XCTAssertEqual(error(text)?.mark.line, 1)
        }
    }

    func testDocumentMustBeAMapping() {
        XCTAssertEqual(error("- a\n- b\n")?.message, "an agent file must be a mapping of keys to values, but this document is a list")
        XCTAssertEqual(error("just text\n")?.message, "an agent file must be a mapping of keys to values, but this document is text")
    }

    func testSecondDocumentIsAnError() {
        let failure = error("name: a\n---\nname: b\n")
        XCTAssertEqual(failure?.message, "a second YAML document starts here; an agent file holds exactly one")
        XCTAssertEqual(failure?.mark.line, 2)
    }

    func testDuplicateKeysAreAnErrorAtTheSecondKey() {
        let failure = error("name: a\nconversation_config:\n  turn:\n    turn_timeout: 7\n    turn_timeout: 8\n")
        XCTAssertEqual(failure?.message, "duplicate key `turn_timeout`; it is already set on line 4")
        XCTAssertEqual(failure?.mark, SourceMark(file: "a.yaml", line: 5, column: 5))
        XCTAssertEqual(failure?.notes, [.init("`turn_timeout` is first set here", at: SourceMark(file: "a.yaml", line: 4, column: 5))])
        XCTAssertEqual(failure?.rule, .yaml)
    }

    func testUndefinedAliasIsAnError() {
        let failure = error("name: *nope\n")
        XCTAssertEqual(failure?.message, "the alias *nope refers to no anchor &nope defined before it")
        XCTAssertEqual(failure?.mark, SourceMark(file: "a.yaml", line: 1, column: 7))
    }

    func testAliasBombIsRefused() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let failure = error(text)
        XCTAssertEqual(failure?.message, "aliases expand to more than 10000 nodes; refusing to expand further")
    }

    func testDeepNestingIsRefused() {
        let text = "a: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        let failure = error(text)
        XCTAssertEqual(failure?.message, "nesting is deeper than 64 levels")
        XCTAssertEqual(failure?.mark.line, 1)
        // Far deeper input stops at the limit too, without exhausting the stack.
        XCTAssertNotNil(error("a: " + String(repeating: "[", count: 100_000) + "\n"))
    }

    func testInvalidUTF8IsLocated() {
        var bytes = Array("name: ok\nfirst_message: caf".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\n".utf8)
        XCTAssertThrowsError(try YAMLReader().read(bytes, file: "a.yaml")) { error in
            let error = error as! Diagnostic
            XCTAssertEqual(error.message, "the file is not valid UTF-8 (byte 0xC3)")
            XCTAssertEqual(error.mark, SourceMark(file: "a.yaml", line: 2, column: 19))
        }
    }

    func testTabIndentationIsLocated() {
        let failure = error("conversation_config:\n\tturn: {}\n")
        XCTAssertEqual(failure?.message, "a tab is used for indentation; YAML indents with spaces")
        XCTAssertEqual(failure?.mark, SourceMark(file: "a.yaml", line: 2, column: 1))
    }

    func testSyntaxErrorsAreLocated() {
        let failure = error("name: [unclosed\nother: 1\n")
        XCTAssertTrue(failure?.message.hasPrefix("invalid YAML:") ?? false, failure?.message ?? "")
        XCTAssertEqual(failure?.mark.line, 2)
    }

    func testNonScalarAndMergeKeysAreRefused() {
        XCTAssertEqual(error("? [a, b]\n: 1\n")?.message, "a key must be a plain name, not a list")
        XCTAssertEqual(error("base: &b {x: 1}\nother:\n  <<: *b\n")?.message,
                       "merge keys (`<<`) are not supported; write the keys out, or use an alias for a whole value")
    }

    func testByteOrderMarkIsSkipped() throws {
        let root = try YAMLReader().read([0xEF, 0xBB, 0xBF] + Array("name: x\n".utf8), file: "a.yaml")
        XCTAssertEqual(root["name"]?.scalar?.text, "x")
    }
}

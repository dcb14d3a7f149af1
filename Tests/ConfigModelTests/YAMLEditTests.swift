import ConfigModel
import TestSupport
import XCTest

final class YAMLEditTests: XCTestCase {
    private func edit(_ text: String, _ changes: [YAMLEdit.Change]) throws -> String {
        try YAMLEdit.apply(changes, to: text, file: "agent.yaml")
    }

    func testSettingAScalarKeepsItsCommentAndEverythingElse() throws {
        let text = "# top\nname: Support   # the name\nturn:\n  turn_timeout: 7  # seconds\n\n  mode: turn\n"
        XCTAssertEqual(try edit(text, [.set(["turn", "turn_timeout"], .number(12))]),
                       "# top\nname: Support   # the name\nturn:\n  turn_timeout: 12  # seconds\n\n  mode: turn\n")
    }

    func testQuotingStyleOfTheReplacedValueIsKept() throws {
        let text = "a: 'single'\nb: \"double\"\nc: plain\n"
        XCTAssertEqual(try edit(text, [.set(["a"], .string("it's")), .set(["b"], .string("x")), .set(["c"], .string("yes"))]),
                       "a: 'it''s'\nb: \"x\"\nc: \"yes\"\n")
    }

    func testABlockScalarStaysABlockScalarAtItsIndentation() throws {
        let text = "prompt:\n    text: |\n        line one\n        line two\n    # after\n    next: 1\n"
        XCTAssertEqual(try edit(text, [.set(["prompt", "text"], .string("new one\nnew two\n"))]),
                       "prompt:\n    text: |\n        new one\n        new two\n    # after\n    next: 1\n")
        XCTAssertEqual(try edit(text, [.set(["prompt", "text"], .string("  indented"))]),
                       "prompt:\n    text: |4-\n          indented\n    # after\n    next: 1\n")
    }

    func testANewKeyGoesAfterItsLastSiblingAtTheirIndentation() throws {
        let text = "turn:\n    turn_timeout: 7\n    # about tts\ntts:\n  voice_id: x\n"
        XCTAssertEqual(try edit(text, [.set(["turn", "mode"], .string("silence"))]),
                       "turn:\n    turn_timeout: 7\n    mode: silence\n    # about tts\ntts:\n  voice_id: x\n")
        XCTAssertEqual(try edit(text, [.set(["asr", "quality", "level"], .string("high"))]),
                       "turn:\n    turn_timeout: 7\n    # about tts\ntts:\n  voice_id: x\nasr:\n  quality:\n    level: high\n")
        XCTAssertEqual(try edit(text, [.set(["tts", "list"], .array([.string("a"), .number(2)]))]),
                       "turn:\n    turn_timeout: 7\n    # about tts\ntts:\n  voice_id: x\n  list:\n    - a\n    - 2\n")
    }

    func testRemovingAKeyTakesOnlyItsOwnLines() throws {
        let text = "a: 1\n# about b\nb:\n  c: 2\n  # inside b\n  d: |\n    text\n\ne: 3\n"
        XCTAssertEqual(try edit(text, [.remove(["b"])]), "a: 1\n# about b\n\ne: 3\n")
        XCTAssertEqual(try edit(text, [.remove(["b", "c"])]), "a: 1\n# about b\nb:\n  # inside b\n  d: |\n    text\n\ne: 3\n")
        XCTAssertEqual(try edit("a:\n  b: 1\nc: 2\n", [.remove(["a", "b"])]), "a: {}\nc: 2\n")
        XCTAssertEqual(try edit("x: 1\n", [.remove(["missing"])]), "x: 1\n")
    }

    func testListItemsAreReplacedRemovedAndCompactMappingsKeepTheirShape() throws {
        let text = "tools:\n  - name: a   # first\n    kind: x\n  - name: b\n    kind: y\n"
        XCTAssertEqual(try edit(text, [.set(["tools", "1", "kind"], .string("z"))]),
                       "tools:\n  - name: a   # first\n    kind: x\n  - name: b\n    kind: z\n")
        XCTAssertEqual(try edit(text, [.remove(["tools", "0"])]), "tools:\n  - name: b\n    kind: y\n")
        XCTAssertEqual(try edit(text, [.remove(["tools", "1", "name"])]),
                       "tools:\n  - name: a   # first\n    kind: x\n  - kind: y\n")
        XCTAssertEqual(try edit(text, [.set(["tools", "0", "extra"], .bool(true))]),
                       "tools:\n  - name: a   # first\n    kind: x\n    extra: true\n  - name: b\n    kind: y\n")
    }

    func testFlowCollectionsAreRewrittenAsOneFlowItemKeepingUnchangedText() throws {
        let text = "keywords: [alpha, '07', beta]  # words\nmeta: {a: 1, b: two}\n"
        XCTAssertEqual(try edit(text, [.set(["keywords", "2"], .string("gamma, delta"))]),
                       "keywords: [alpha, '07', \"gamma, delta\"]  # words\nmeta: {a: 1, b: two}\n")
        XCTAssertEqual(try edit(text, [.remove(["keywords", "0"]), .set(["meta", "c"], .null)]),
                       "keywords: ['07', beta]  # words\nmeta: {a: 1, b: two, c: null}\n")
        XCTAssertEqual(try edit(text, [.set(["keywords"], .array([.string("x")]))]), "keywords: [x]  # words\nmeta: {a: 1, b: two}\n")
    }

    func testAnEmptyValueBecomesAMappingOrAScalar() throws {
        XCTAssertEqual(try edit("turn:\nname: x\n", [.set(["turn", "mode"], .string("turn"))]), "turn:\n  mode: turn\nname: x\n")
        XCTAssertEqual(try edit("turn:\nname: x\n", [.set(["turn"], .number(3))]), "turn: 3\nname: x\n")
    }

    func testAFileWithCRLFLineBreaksKeepsThem() throws {
        let text = "a: 1\r\n# note\r\nb:\r\n  c: 2\r\n  d: 3\r\n"
        XCTAssertEqual(try edit(text, [.set(["a"], .number(5)), .set(["b", "e"], .array([.string("x")])), .remove(["b", "c"])]),
                       "a: 5\r\n# note\r\nb:\r\n  d: 3\r\n  e:\r\n    - x\r\n")
    }

    func testAnEditThatCannotBeMadeIsAnErrorNotAFile() {
        XCTAssertThrowsError(try edit("base: &b 1\nother: *b\n", [.set(["base"], .number(2))])) { error in
            XCTAssertTrue("\(error)".contains("anchored"), "\(error)")
        }
        XCTAssertThrowsError(try edit("a: text\n", [.set(["a", "b"], .number(2))]))
        XCTAssertThrowsError(try edit("a: [1]\n", [.set(["a", "3"], .number(2))]))
    }
}

final class CommentedFileEditTests: XCTestCase {
    /// Three values change; every other byte of a heavily commented file stays as it was.
    func testAHeavilyCommentedFileKeepsEveryByteButTheThreeValues() throws {
        let text = try Fixtures.text("agents/heavily-commented.yaml")
        let edited = try YAMLEdit.apply([
            .set(["conversation_config", "turn", "turn_timeout"], .number(9)),
            .set(["conversation_config", "agent", "prompt", "llm"], .string("gpt-4.1-mini")),
            .set(["conversation_config", "agent", "prompt", "prompt"],
                 .string("You answer support calls for Acme.\nOffer a callback for refunds.\n")),
        ], to: text, file: "heavily-commented.yaml")
        var expected = text
        for (old, new) in [
            ("turn_timeout: 7           # seconds", "turn_timeout: 9           # seconds"),
            ("llm: gpt-4o-mini        # cheapest", "llm: gpt-4.1-mini        # cheapest"),
            ("          Never promise refunds; offer a callback instead.\n\n          Escalate anything about billing.\n",
             "          Offer a callback for refunds.\n"),
        ] {
            XCTAssertEqual(expected.components(separatedBy: old).count, 2, old)
            expected = expected.replacingOccurrences(of: old, with: new)
        }
        XCTAssertEqual(edited, expected)
    }
}

import ConfigModel
import Remote
import XCTest

/// The merge of a file (ours) with its live item (theirs) against the last sync's base, field by field.
final class ThreeWayMergeTests: XCTestCase {
    private let base = jsonObject(#"{"name":"Desk","turn":{"turn_timeout":7,"mode":"turn"},"tags":["a"]}"#)

    private func merge(ours: String, theirs: String, base: JSONObject?, taking side: ThreeWayMerge.Side? = nil,
                       pinned: [[String]] = []) -> ThreeWayMerge.Outcome {
        ThreeWayMerge.merge(base: base, ours: jsonObject(ours), theirs: jsonObject(theirs), pinned: pinned, taking: side)
    }

    func testARemoteOnlyChangeIsTakenAndAFieldAddedOrRemovedLiveFollows() {
        let outcome = merge(ours: #"{"name":"Desk","turn":{"turn_timeout":7,"mode":"turn"},"tags":["a"]}"#,
                            theirs: #"{"name":"Desk","turn":{"turn_timeout":12,"mode":"turn","eagerness":"high"}}"#, base: base)
        XCTAssertEqual(outcome.merged, jsonObject(#"{"name":"Desk","turn":{"turn_timeout":12,"mode":"turn","eagerness":"high"}}"#))
        XCTAssertEqual(outcome.conflicts, [])
        XCTAssertEqual(outcome.keptLocal, [])
    }

    func testALocalOnlyEditIsKeptBesideARemoteChange() {
        let outcome = merge(ours: #"{"name":"Front desk","turn":{"turn_timeout":7,"mode":"turn"},"tags":["a","b"]}"#,
                            theirs: #"{"name":"Desk","turn":{"turn_timeout":12,"mode":"turn"},"tags":["a"]}"#, base: base)
        XCTAssertEqual(outcome.merged, jsonObject(#"{"name":"Front desk","turn":{"turn_timeout":12,"mode":"turn"},"tags":["a","b"]}"#))
        XCTAssertEqual(outcome.keptLocal, [["name"], ["tags"]])
        XCTAssertEqual(outcome.conflicts, [])
    }

    func testTheSameChangeOnBothSidesIsNoConflict() {
        let outcome = merge(ours: #"{"name":"Desk","turn":{"turn_timeout":20.0,"mode":"turn"},"tags":["a"]}"#,
                            theirs: #"{"name":"Desk","turn":{"turn_timeout":20,"mode":"turn"},"tags":["a"]}"#, base: base)
        XCTAssertEqual(outcome.merged["turn"]?["turn_timeout"], .number(20))
        XCTAssertEqual(outcome.conflicts, [])
        XCTAssertEqual(outcome.keptLocal, [])
    }

    func testDifferentChangesToOneFieldAreAConflictLeftAsTheFileHasItUnlessASideIsTaken() {
        let ours = #"{"name":"Desk","turn":{"turn_timeout":30,"mode":"turn"},"tags":["a"]}"#
        let theirs = #"{"name":"Desk","turn":{"turn_timeout":25,"mode":"silence"},"tags":["a"]}"#
        let open = merge(ours: ours, theirs: theirs, base: base)
        XCTAssertEqual(open.conflicts, [ThreeWayMerge.Conflict(path: ["turn", "turn_timeout"], ours: .number(30), theirs: .number(25))])
        XCTAssertEqual(open.merged, jsonObject(#"{"name":"Desk","turn":{"turn_timeout":30,"mode":"silence"},"tags":["a"]}"#),
                       "the other field of the same object still merges")
        XCTAssertEqual(merge(ours: ours, theirs: theirs, base: base, taking: .theirs).merged["turn"]?["turn_timeout"], .number(25))
        XCTAssertEqual(merge(ours: ours, theirs: theirs, base: base, taking: .ours).merged["turn"]?["turn_timeout"], .number(30))
        let removedLive = merge(ours: #"{"name":"Desk","turn":{"turn_timeout":7,"mode":"turn"},"tags":["a","b"]}"#,
                                theirs: #"{"name":"Desk","turn":{"turn_timeout":7,"mode":"turn"}}"#, base: base)
        XCTAssertEqual(removedLive.conflicts, [ThreeWayMerge.Conflict(path: ["tags"], ours: .array([.string("a"), .string("b")]),
                                                                      theirs: nil)])
    }

    func testWithoutABaseEveryDifferenceIsAConflict() {
        let outcome = merge(ours: #"{"name":"Front desk","turn":{"turn_timeout":7}}"#,
                            theirs: #"{"name":"Desk","turn":{"turn_timeout":7}}"#, base: nil)
        XCTAssertEqual(outcome.conflicts.map(\.dottedPath), ["name"])
        XCTAssertEqual(outcome.merged["name"], .string("Front desk"))
        XCTAssertEqual(merge(ours: #"{"name":"Front desk"}"#, theirs: #"{"name":"Desk"}"#, base: nil, taking: .theirs).merged,
                       jsonObject(#"{"name":"Desk"}"#))
    }

    func testAPinnedPlaceholderFieldKeepsTheFilesValue() {
        let outcome = merge(ours: #"{"name":"Desk","turn":{"turn_timeout":12,"mode":"turn"},"tags":["a"]}"#,
                            theirs: #"{"name":"Desk","turn":{"turn_timeout":25,"mode":"turn"},"tags":["a"]}"#, base: base,
                            taking: .theirs, pinned: [["turn", "turn_timeout"]])
        XCTAssertEqual(outcome.merged["turn"]?["turn_timeout"], .number(12))
        XCTAssertEqual(outcome.conflicts, [])
    }

    func testEditsSetChangedFieldsInsertNewKeysAndRemoveGoneOnes() throws {
        let from = jsonObject(#"{"name":"Desk","turn":{"turn_timeout":7,"mode":"turn"},"tags":["a"]}"#)
        let to = jsonObject(#"{"name":"Desk","turn":{"turn_timeout":12,"mode":"turn","eagerness":"high"},"voice":"x"}"#)
        let edits = ThreeWayMerge.edits(from: from, to: to)
        XCTAssertEqual(edits, [.set(["turn", "turn_timeout"], .number(12)), .set(["turn", "eagerness"], .string("high")),
                               .remove(["tags"]), .set(["voice"], .string("x"))])
        XCTAssertEqual(ThreeWayMerge.edits(from: from, to: from), [])
        let text = "# desk\nname: Desk  # shown\nturn:\n  turn_timeout: 7   # seconds\n\n  mode: turn\ntags: [a]  # mine\n"
        XCTAssertEqual(try YAMLEdit.apply(edits, to: text, file: "desk.yaml"),
                       "# desk\nname: Desk  # shown\nturn:\n  turn_timeout: 12   # seconds\n\n  mode: turn\n  eagerness: high\nvoice: x\n")
    }
}

import ConfigModel
@testable import Remote
import TestSupport
import XCTest

final class PlanTests: XCTestCase {
    private func object(_ text: String) -> JSONObject { try! JSONParser.parse(text).objectValue! }
    private let agentDefaults = Resource.agents.schema.defaultValue

    /// With the base of the last sync, a field the file leaves out is drift when it moved on the live agent; a value
    /// pull would leave out (null, empty, the default) is no value; without a base, a difference after a remote change
    /// is a conflict.
    func testFieldsLeftOutOfTheFileDriftAgainstTheBase() {
        let local = object(#"{"name":"Desk"}"#)
        let base = object(#"{"name":"Desk","conversation_config":{"tts":{"stability":0.5,"speed":null},"turn":{"turn_timeout":9}}}"#)
        let remote = object(#"{"name":"Desk","conversation_config":{"tts":{"stability":0.95},"turn":{"turn_timeout":9},"asr":{"keywords":[]}}}"#)
        let drift = FileComparison(file: "a.yaml", local: local, remote: remote, base: base, id: "a1", defaults: agentDefaults)
        XCTAssertEqual(drift.changes, [FieldChange(path: ["conversation_config", "tts", "stability"], before: .number(JSONNumber(0.95)),
                                                   after: .number(JSONNumber(0.5)), kind: .drift)])
        XCTAssertTrue(FileComparison(file: "a.yaml", local: local, remote: base, base: base, id: "a1",
                                     defaults: agentDefaults).changes.isEmpty)
        // A file whose base is itself (a fresh clone): what it leaves out was the default when it was pulled.
        let fromFile = FileComparison(file: "a.yaml", local: local, remote: remote, base: local, id: "a1", defaults: agentDefaults)
        XCTAssertEqual(fromFile.changes.map(\.dottedPath), ["conversation_config.tts.stability", "conversation_config.turn.turn_timeout"])
        let unknown = FileComparison(file: "a.yaml", local: object(#"{"name":"Front desk"}"#), remote: remote, base: nil, id: "a1",
                                     defaults: agentDefaults, remoteChanged: true)
        XCTAssertEqual(unknown.changes.map(\.kind), [.conflict])
    }

    func testOnlyStatedFieldsAreComparedAndNumbersByValue() {
        let local = object(#"{"name":"Desk","conversation_config":{"turn":{"turn_timeout":7.0,"turn_eagerness":"eager"}}}"#)
        let remote = object(#"{"name":"Desk","agent_id":"a1","conversation_config":{"turn":{"turn_timeout":7,"turn_eagerness":"normal","mode":"turn"},"tts":{"speed":1.0}}}"#)
        let comparison = FileComparison(file: "a.yaml", local: local, remote: remote, base: nil, id: "a1", defaults: agentDefaults)
        XCTAssertEqual(comparison.changes.map(\.dottedPath), ["conversation_config.turn.turn_eagerness"])
        XCTAssertEqual(comparison.changes.first?.before, .string("normal"))
        XCTAssertEqual(comparison.unchangedCount, 2)
    }

    /// The server's `7.0` is shown, and kept in the lock, as `7`: output does not depend on how a number was spelled.
    func testPlansAndTheLockWriteNumbersByValue() {
        let comparison = FileComparison(file: "a.yaml", local: object(#"{"turn":{"turn_timeout":10,"speed":1.25}}"#),
                                        remote: object(#"{"turn":{"turn_timeout":7.0,"speed":1.5e0}}"#), base: nil, id: "a1",
                                        defaults: agentDefaults)
        let text = PlanRendering.text([comparison], environment: "staging", showSecrets: false, colour: false)
        XCTAssertTrue(text.contains("turn.turn_timeout: 7 -> 10"), text)
        XCTAssertTrue(text.contains("turn.speed: 1.5 -> 1.25"), text)
        let json = PlanRendering.json([comparison], environment: "staging", showSecrets: false)
        XCTAssertTrue(json.contains(#""before": 7,"#), json)
        var state = SyncState()
        state["staging", "a.yaml"] = state.tracking(.agents, id: "a1", remoteUpdatedAt: 1_700_000_000, base: object(#"{"t":7.0,"u":2.50}"#))
        XCTAssertTrue(state.text().contains(#""remote_updated_at": 1700000000,"#), state.text())
        XCTAssertEqual(state["staging", "a.yaml"]?.fileHash, ContentHash.of(object(#"{"t":7,"u":2.5}"#)),
                       "content hashes compare numbers by value")
        XCTAssertTrue(state.text().hasPrefix("{\n  \"version\": 3,"), state.text())
    }

    /// Request bodies keep numbers as held.
    func testPatchKeepsNumbersAsHeld() {
        let comparison = FileComparison(file: "a.yaml", local: object(#"{"turn":{"turn_timeout":10.0}}"#),
                                        remote: object(#"{"turn":{"turn_timeout":7}}"#), base: nil, id: "a1", defaults: agentDefaults)
        XCTAssertEqual(JSONText.encode(.object(PatchBody.make(comparison.outgoing))), #"{"turn":{"turn_timeout":10.0}}"#)
    }

    func testMissingLiveValueCountsAsTheDefault() {
        let local = object(#"{"conversation_config":{"turn":{"turn_timeout":7,"soft_timeout_config":{"timeout_seconds":-1}}}}"#)
        let comparison = FileComparison(file: "a.yaml", local: local, remote: JSONObject(), base: nil, id: "a1", defaults: agentDefaults)
        XCTAssertEqual(comparison.changes, [])
    }

    func testThreeWayKinds() {
        let base = object(#"{"conversation_config":{"turn":{"turn_timeout":7,"turn_eagerness":"normal","silence_end_call_timeout":30,"initial_wait_time":2}}}"#)
        let local = object(#"{"conversation_config":{"turn":{"turn_timeout":10,"turn_eagerness":"normal","silence_end_call_timeout":40,"initial_wait_time":3}}}"#)
        let remote = object(#"{"conversation_config":{"turn":{"turn_timeout":7,"turn_eagerness":"eager","silence_end_call_timeout":50,"initial_wait_time":3}}}"#)
        let comparison = FileComparison(file: "a.yaml", local: local, remote: remote, base: base, id: "a1", defaults: agentDefaults)
        let kinds = Dictionary(uniqueKeysWithValues: comparison.changes.map { ($0.path.last!, $0.kind) })
        XCTAssertEqual(kinds, ["turn_timeout": .change, "turn_eagerness": .drift, "silence_end_call_timeout": .conflict])
        XCTAssertEqual(comparison.unchangedCount, 1, "both sides made the same change to initial_wait_time")
        XCTAssertEqual(comparison.outgoing.map(\.dottedPath), ["conversation_config.turn.turn_timeout", "conversation_config.turn.silence_end_call_timeout"])
    }

    func testPatchCarriesOnlyChangedFieldsNested() {
        let local = object(#"{"name":"Desk","conversation_config":{"turn":{"turn_timeout":10,"turn_eagerness":"eager"},"agent":{"first_message":"Hi"}}}"#)
        let remote = object(#"{"name":"Desk","conversation_config":{"turn":{"turn_timeout":7,"turn_eagerness":"eager"},"agent":{"first_message":"Hi"}}}"#)
        let comparison = FileComparison(file: "a.yaml", local: local, remote: remote, base: nil, id: "a1", defaults: agentDefaults)
        XCTAssertEqual(JSONText.encode(.object(PatchBody.make(comparison.outgoing))), #"{"conversation_config":{"turn":{"turn_timeout":10}}}"#)
    }

    func testReadBackFindsDroppedAndRewrittenFields() {
        let sent = object(#"{"conversation_config":{"turn":{"turn_timeout":10,"future_field":true},"tts":{"speed":1.1}}}"#)
        let stored = object(#"{"conversation_config":{"turn":{"turn_timeout":10.0},"tts":{"speed":1.0}}}"#)
        let missing = PatchBody.notStored(sent: sent, readBack: stored, defaults: agentDefaults)
        XCTAssertEqual(missing.map { $0.path.joined(separator: ".") }, ["conversation_config.turn.future_field", "conversation_config.tts.speed"])
    }

    func testSecretsAreMaskedUnlessAsked() {
        let local = object(#"{"conversation_config":{"agent":{"prompt":{"custom_llm":{"api_key":{"secret_id":"new"},"request_headers":{"Authorization":"Bearer x"}}}}}}"#)
        let remote = object(#"{"conversation_config":{"agent":{"prompt":{"custom_llm":{"api_key":{"secret_id":"old"}}}}}}"#)
        let comparison = FileComparison(file: "a.yaml", local: local, remote: remote, base: nil, id: "a1", defaults: agentDefaults)
        let masked = PlanRendering.text([comparison], environment: "staging", showSecrets: false, colour: false)
        XCTAssertFalse(masked.contains("Bearer"))
        XCTAssertFalse(masked.contains("\"new\""))
        XCTAssertTrue(masked.contains(SecretMask.mask(.plain)))
        XCTAssertTrue(masked.contains("(secret hidden; the option to show secrets shows it)"), masked)
        let shown = PlanRendering.text([comparison], environment: "staging", showSecrets: true, colour: false)
        XCTAssertTrue(shown.contains("Bearer x"))
        XCTAssertFalse(PlanRendering.json([comparison], environment: "staging", showSecrets: false).contains("Bearer"))
    }

    func testLineDiff() {
        XCTAssertEqual(LineDiff.lines("a\nb\nc\n", "a\nx\nc\n"), [.same("a"), .removed("b"), .added("x"), .same("c")])
        XCTAssertEqual(LineDiff.lines("", "a\n"), [.added("a")])
    }

    /// The text and JSON plans are pinned by golden files (AGENTCTL_RECORD_GOLDEN=1 re-records them); what the plan
    /// means is asserted beside them, so a re-record cannot quietly change it.
    func testPlanGolden() throws {
        let base = object(#"{"name":"Support desk","conversation_config":{"agent":{"prompt":{"prompt":"You are Nova.\nBe brief.\nAsk for the model number.\n"}},"turn":{"turn_timeout":7,"turn_eagerness":"normal","silence_end_call_timeout":30}}}"#)
        let local = object(#"{"name":"Support desk","conversation_config":{"agent":{"prompt":{"prompt":"You are Nova.\nBe brief and kind.\nAsk for the model number.\n"}},"turn":{"turn_timeout":10,"turn_eagerness":"normal","silence_end_call_timeout":40}}}"#)
        let remote = object(#"{"name":"Support desk","conversation_config":{"agent":{"prompt":{"prompt":"You are Nova.\nBe brief.\nAsk for the model number.\n"}},"turn":{"turn_timeout":7,"turn_eagerness":"eager","silence_end_call_timeout":45}}}"#)
        let changed = FileComparison(file: "agents/support-desk.yaml", local: local, remote: remote, base: base, id: "agent_1", defaults: agentDefaults)
        let created = FileComparison(file: "agents/new.yaml", local: object(#"{"name":"New","conversation_config":{"turn":{"turn_timeout":12}}}"#),
                                      remote: nil, base: nil, id: nil, defaults: agentDefaults)
        let same = FileComparison(file: "agents/same.yaml", local: object(#"{"name":"Same"}"#), remote: object(#"{"name":"Same"}"#),
                                   base: nil, id: "agent_2", defaults: agentDefaults)
        assertGolden(PlanRendering.text([changed, created, same], environment: "staging", showSecrets: false, colour: false), named: "plan.txt")
        assertGolden(PlanRendering.json([changed, created, same], environment: "staging", showSecrets: false), named: "plan.json")

        XCTAssertEqual(changed.changes.map(\.dottedPath), ["conversation_config.agent.prompt.prompt", "conversation_config.turn.turn_timeout",
                                                          "conversation_config.turn.turn_eagerness", "conversation_config.turn.silence_end_call_timeout"])
        XCTAssertEqual(changed.changes.map(\.kind), [.change, .change, .drift, .conflict])
        XCTAssertEqual(changed.unchangedCount, 1, "name is the same on both sides")
        // The PATCH holds exactly the fields the file changed: not the unchanged name, not the live agent's drift.
        XCTAssertEqual(JSONText.encode(.object(PatchBody.make(changed.outgoing))),
                       #"{"conversation_config":{"agent":{"prompt":{"prompt":"You are Nova.\nBe brief and kind.\nAsk for the model number.\n"}},"#
                       + #""turn":{"turn_timeout":10,"silence_end_call_timeout":40}}}"#)
        XCTAssertEqual(created.changes.map(\.kind), [.create, .create])
        XCTAssertEqual(same.changes, [])
        let summary = PlanRendering.text([changed, created, same], environment: "staging", showSecrets: false, colour: false)
        XCTAssertTrue(summary.hasSuffix("1 agent to change, 1 to create, 1 unchanged\n"), summary)
        XCTAssertFalse(summary.contains("agents/same.yaml"), "an unchanged agent is counted, not listed")
    }
}

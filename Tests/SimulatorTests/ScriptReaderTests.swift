import ConfigModel
import XCTest
@testable import Simulator

final class ScriptReaderTests: XCTestCase {
    func testReadsEveryLineKindWithCommentsAndBlankLines() throws {
        let script = try ScriptReader.read("""
        # comment

        user: I need to move my appointment        # trailing comment
          user +0.5: wait, actually
        user @42: hello?
        agent 4.5: Sure, which day works for you?
        agent: Of course.
        silence 20
        user: my order is #123
        """, file: "call.sim")
        XCTAssertEqual(script.lines, [
            ScriptLine(kind: .user(text: "I need to move my appointment", timing: .whenFloorIsFree), line: 3, column: 1),
            ScriptLine(kind: .user(text: "wait, actually", timing: .after(500_000)), line: 4, column: 8),
            ScriptLine(kind: .user(text: "hello?", timing: .at(42_000_000)), line: 5, column: 6),
            ScriptLine(kind: .agent(text: "Sure, which day works for you?", latency: 4_500_000), line: 6, column: 1),
            ScriptLine(kind: .agent(text: "Of course.", latency: nil), line: 7, column: 1),
            ScriptLine(kind: .silence(duration: 20_000_000), line: 8, column: 1),
            ScriptLine(kind: .user(text: "my order is #123", timing: .whenFloorIsFree), line: 9, column: 1),
        ])
    }

    func testWindowsLineEndings() throws {
        let script = try ScriptReader.read("user: hi\r\nsilence 2\r\n", file: "crlf.sim")
        XCTAssertEqual(script.lines.map(\.kind), [.user(text: "hi", timing: .whenFloorIsFree), .silence(duration: 2_000_000)])
    }

    func testEveryBadLineIsReportedWithItsLocation() {
        let text = """
        usr: hello
        user hello
        user +: hi
        user @-3: hi
        user:
        agent x: hi
        agent 1.5 hi
        silence
        silence 0
        silence 5 more
        silence 1e3
        user +0.1234567: too precise
        user: fine
        """
        XCTAssertThrowsError(try ScriptReader.read(text, file: "bad.sim")) { error in
            XCTAssertEqual((error as? Diagnostics)?.description, """
            bad.sim:1:1: error: [script] expected 'user', 'agent', 'silence' or 'expect' at the start of the line, found 'usr'
            bad.sim:2:6: error: [script] expected ':' after 'user', found 'h'
            bad.sim:3:7: error: [script] expected seconds after '+' such as 0.5, found ':'
            bad.sim:4:7: error: [script] expected seconds after '@' such as 0.5, found '-3'
            bad.sim:5:6: error: [script] expected what the user says after ':'
            bad.sim:6:7: error: [script] expected the reply latency in seconds such as 1.5, or ':', found 'x'
            bad.sim:7:11: error: [script] expected ':' after 'agent', found 'h'
            bad.sim:8:8: error: [script] expected the silence in seconds such as 20, found the line end
            bad.sim:9:9: error: [script] a silence must last more than 0 seconds
            bad.sim:10:11: error: [script] unexpected text after the silence duration
            bad.sim:11:9: error: [script] expected the silence in seconds such as 20, found '1e3'
            bad.sim:12:7: error: [script] expected seconds after '+' such as 0.5, found '0.1234567'
            """)
        }
    }

    /// A line of ASCII is read byte by byte, any other character by character: both report the same columns.
    func testLinesWithAndWithoutNonASCIIReportTheSameColumns() throws {
        let bad = ["usr: hello", "  user hello", "user +: hi", "user @-3: hi", "agent 1.5 hi", "silence x", "silence 5 more",
                   "user:    ", "expect p95 response_latency <= x"]
        func diagnostics(_ lines: [String]) -> String {
            do {
                _ = try ScriptReader.read(lines.joined(separator: "\n"), file: "x.sim")
                return ""
            } catch { return error.description }
        }
        XCTAssertEqual(diagnostics(bad).split(separator: "\n").count, bad.count)
        XCTAssertEqual(diagnostics(bad), diagnostics(bad.map { $0 + " # café" }))
        XCTAssertEqual(diagnostics(["user +e\u{301}: hi"]), "x.sim:1:7: error: [script] expected seconds after '+' such as 0.5, found 'e\u{301}'")
        let script = try ScriptReader.read("user:  naïve  \nagent:\tplain\t\nuser: ok # a comment\r\n", file: "x.sim")
        XCTAssertEqual(script.lines.map(\.text), ["naïve", "plain", "ok"])
        XCTAssertEqual(SpokenText.wordCount("two  words\r\n"), 2)
        XCTAssertEqual(SpokenText.wordCount(" trois mots\u{A0}là "), 3)
    }

    func testLineStartingBeforeThePreviousEventIsALocatedError() throws {
        let script = try ScriptReader.read("user: Hi.\nagent 5: Hello!\nuser @3: hello?\n", file: "order.sim")
        XCTAssertThrowsError(try Simulation.run(settings: SimulationSettings(), script: script)) { error in
            XCTAssertEqual((error as? Diagnostic)?.description,
                           "order.sim:3:6: error: [script] this line starts at 3.00 s, before the previous line's event at 6.58 s")
        }
    }

    func testUserTalkingOverThemselvesIsALocatedError() throws {
        let script = try ScriptReader.read("user: I need to move my appointment\nuser +1: wait\n", file: "overlap.sim")
        XCTAssertThrowsError(try Simulation.run(settings: SimulationSettings(), script: script)) { error in
            XCTAssertEqual((error as? Diagnostic)?.description,
                           "overlap.sim:2:6: error: [script] the user is still saying line 1 until 2.90 s; a user line must start after the previous one ends")
        }
    }

    func testWaitingForAnAgentLineThatCanNeverBeSpokenIsALocatedError() throws {
        var settings = SimulationSettings()
        settings.turn.turn_timeout = -1
        settings.conversation.max_duration_seconds = 0
        let script = try ScriptReader.read("user: Hi.\nagent: Hello!\nagent: Still there?\nuser: yes\n", file: "stall.sim")
        XCTAssertThrowsError(try Simulation.run(settings: settings, script: script)) { error in
            XCTAssertEqual((error as? Diagnostic)?.description,
                           "stall.sim:4:1: error: [script] this line waits for the agent to say line 3, but no reply or re-engagement is left that would say it (turn_timeout is off)")
        }
    }

    func testUnknownTTSModelIsAClearError() throws {
        var settings = SimulationSettings()
        settings.tts.model_id = "eleven_flash_v9"
        XCTAssertThrowsError(try Simulation.run(settings: settings, script: Script(file: "x.sim", lines: []))) { error in
            XCTAssertEqual((error as? SimulatorError)?.message,
                           "tts.model_id 'eleven_flash_v9' has no known latency; known models: eleven_flash_v2, eleven_flash_v2_5, eleven_turbo_v2, eleven_turbo_v2_5, eleven_multilingual_v2, eleven_v3_conversational")
        }
    }
}

import ConfigModel
import XCTest

final class DiagnosticRendererTests: XCTestCase {
    private let source = "name: Desk\nconversation_config:\n\tturn:\n    turn_timeout: 45\n"
    private func mark(_ line: Int, _ column: Int) -> SourceMark { SourceMark(file: "a.yaml", line: line, column: column) }

    private var range: Diagnostic {
        Diagnostic(.error, Diagnostic.Rule(rawValue: "range"), at: mark(4, 19), "`turn_timeout` must be between 1 and 30, found 45",
                   path: "conversation_config.turn.turn_timeout")
    }

    private var duplicate: Diagnostic {
        .error(.yaml, "duplicate key `name`", at: mark(3, 2), notes: [.init("`name` is first set here", at: mark(1, 1))])
    }

    func testTextShowsTheSourceLineAndACaretUnderTheColumn() {
        XCTAssertEqual(DiagnosticRenderer.text([range], sources: ["a.yaml": source]), """
            a.yaml:4:19: error: [range] `turn_timeout` must be between 1 and 30, found 45
                    turn_timeout: 45
                                  ^

            """)
    }

    func testTextLinesTheCaretUpUnderATabAndShowsEachNoteAtItsOwnLine() {
        XCTAssertEqual(DiagnosticRenderer.text([duplicate], sources: ["a.yaml": source]), """
            a.yaml:3:2: error: [yaml] duplicate key `name`
                    turn:
                    ^
            a.yaml:1:1: note: `name` is first set here
                name: Desk
                ^

            """)
    }

    func testTextWithoutTheSourceIsTheLocatedLineAlone() {
        XCTAssertEqual(DiagnosticRenderer.text([range, duplicate.with(severity: .warning)]), """
            a.yaml:4:19: error: [range] `turn_timeout` must be between 1 and 30, found 45
            a.yaml:3:2: warning: [yaml] duplicate key `name`
            a.yaml:1:1: note: `name` is first set here

            """)
    }

    func testTextIsStyledOnlyWhenAskedTo() {
        let coloured = DiagnosticRenderer.text([range], sources: ["a.yaml": source], style: TextStyle(enabled: true))
        XCTAssertTrue(coloured.hasPrefix("\u{1B}[1ma.yaml:4:19:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m [range]"), coloured)
        XCTAssertTrue(coloured.hasSuffix("\u{1B}[32m^\u{1B}[0m\n"), coloured)
        XCTAssertFalse(DiagnosticRenderer.text([range], sources: ["a.yaml": source]).contains("\u{1B}"))
    }

    func testJSONHasOneObjectPerDiagnosticWithNotesOnlyWhenThereAreSome() throws {
        let text = DiagnosticRenderer.json([range, duplicate])
        let items = try XCTUnwrap(try JSONParser.parse(Array(text.utf8)).arrayValue)
        XCTAssertEqual(items.count, 2)
        XCTAssertEqual(items[0]["rule"], .string("range"))
        XCTAssertEqual(items[0]["line"]?.numberValue, 4)
        XCTAssertEqual(items[0]["column"]?.numberValue, 19)
        XCTAssertEqual(items[0]["path"], .string("conversation_config.turn.turn_timeout"))
        XCTAssertNil(items[0]["notes"])
        XCTAssertEqual(items[1]["severity"], .string("error"))
        XCTAssertNil(items[1]["path"])
        let note = try XCTUnwrap(items[1]["notes"]?.arrayValue?.first)
        XCTAssertEqual(note["line"]?.numberValue, 1)
        XCTAssertEqual(note["message"], .string("`name` is first set here"))
    }

    func testGitHubAnnotationsEscapeTheirPropertiesAndMakeNotesNotices() {
        let odd = Diagnostic.error(Diagnostic.Rule(rawValue: "api"), "a: 50%\nthen\r\nend", at: SourceMark(file: "x,y:z%.yaml", line: 2, column: 3))
        XCTAssertEqual(DiagnosticRenderer.github([odd, duplicate]), """
            ::error file=x%2Cy%3Az%25.yaml,line=2,col=3,title=agentctl [api]::a: 50%25%0Athen%0D%0Aend
            ::error file=a.yaml,line=3,col=2,title=agentctl [yaml]::duplicate key `name`
            ::notice file=a.yaml,line=1,col=1,title=agentctl [yaml]::`name` is first set here

            """)
    }

    func testTheOneLineDescriptionIsTheFormEditorsRead() {
        XCTAssertEqual(range.description, "a.yaml:4:19: error: [range] `turn_timeout` must be between 1 and 30, found 45")
    }
}

import AgentSchema
import ConfigModel
import TestSupport
import Validation
import XCTest

/// Random YAML-ish input always ends in a model or in located diagnostics: never a crash, never a problem at a
/// place that is not in the file. The libFuzzer target (Fuzz/fuzz-agent-yaml) runs the same invariant for longer.
final class RandomInputTests: XCTestCase {
    private static let pieces = [
        "name: ", "conversation_config:", "\n", "\r\n", "\r", "  ", "    ", "\t", "turn:", "turn_timeout: ", "7", "45",
        "1e400", "!!str ", "!!int ", "!!null", "~", "- ", "&a ", "*a", "[", "]", "{", "}", ", ", "\"", "'", "#", ":",
        "é", "e\u{301}", "日本", "\u{A0}", "\u{85}", "\u{2028}", "\u{1B}", "\u{0}", "---", "...", "<<: ", "? ", "|", ">",
        "soft_timeout_config:", "message: one second", "language_presets:", "text_behavior_overrides:", "x",
    ]

    func testEveryInputEndsInAModelOrLocatedDiagnostics() {
        var random = SeededRandom(seed: 11)
        var models = 0, rejected = 0
        for _ in 0..<10_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 30) {
                if random.next() % 25 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: random.next()))
                } else {
                    bytes += Array(Self.pieces[Int(random.next() % UInt64(Self.pieces.count))].utf8)
                }
            }
            let lines = SourceText(AgentDocument.text(of: bytes)).lineCount
            let diagnostics: [Diagnostic]
            switch AgentDocument.read(bytes: bytes, file: "r.yaml") {
            case .success(let document):
                models += 1
                diagnostics = Validator().validate(document)
                _ = document.definition
                _ = FieldTable.agent.requestBody(document)
            case .failure(let problems):
                rejected += 1
                diagnostics = problems.problems
                XCTAssertFalse(diagnostics.isEmpty)
            }
            for diagnostic in diagnostics {
                for mark in [diagnostic.mark] + diagnostic.notes.map(\.mark) {
                    XCTAssertTrue((1...lines).contains(mark.line) && mark.column >= 1, "\(bytes): \(diagnostic)")
                }
            }
            _ = DiagnosticRenderer.text(diagnostics, sources: ["r.yaml": AgentDocument.text(of: bytes)])
        }
        XCTAssertGreaterThan(models, 300)
        XCTAssertGreaterThan(rejected, 200)
    }
}

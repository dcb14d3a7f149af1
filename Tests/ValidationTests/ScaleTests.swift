import ConfigModel
@testable import Validation
import XCTest

/// Every stage of reading is linear in the input: each test compares n with 4n (see `ScaleTiming`).
final class ScaleTests: XCTestCase {
    private func validateCost(_ format: DiagnosticRenderer.Format = .text, _ text: @escaping (Int) -> String) -> (Int) -> Double {
        { count in
            let bytes = Array(text(count).utf8)
            return ScaleTiming.seconds {
                _ = ValidationReport(sources: [.text(name: "a.yaml", bytes: bytes)], strict: false).rendered(format)
            }
        }
    }

    func testALongListIsLinear() {
        ScaleTiming.assertLinear(validateCost { n in "name: x\ntags:\n" + (0..<n).map { "  - t\($0)\n" }.joined() }, small: 5_000)
    }

    func testManyKeysAreLinear() {
        ScaleTiming.assertLinear(validateCost { n in "platform_settings:\n" + (0..<n).map { "  k\($0): 1\n" }.joined() }, small: 10_000)
    }

    func testManyDiagnosticsRenderInLinearTime() {
        // Every key is unknown: one warning each (a did-you-mean search each), each rendered with its source line.
        for format in DiagnosticRenderer.Format.allCases {
            ScaleTiming.assertLinear(validateCost(format) { n in (0..<n).map { "k\($0): 1\n" }.joined() }, small: 5_000)
        }
    }

    func testDidYouMeanOnAHugeValueIsCapped() {
        ScaleTiming.assertLinear(validateCost { n in "conversation_config:\n  turn:\n    turn_eagerness: " + String(repeating: "a", count: n * 25) + "\n" }, small: 10_000)
        // Capped: suggesting for a 1 MB value costs about one scan of it, not an edit distance per candidate.
        let huge = String(repeating: "e", count: 1_000_000)
        let candidates = ["patient", "normal", "eager", "eleven_flash_v2", "eleven_turbo_v2_5", "gemini-2.5-flash"]
        let scan = ScaleTiming.seconds { XCTAssertEqual(huge.unicodeScalars.count, 1_000_000) }
        let suggest = ScaleTiming.seconds { XCTAssertNil(DidYouMean.suggestion(for: huge, among: candidates)) }
        XCTAssertLessThan(suggest / scan, 5, "scan \(scan) s, suggestion \(suggest) s")
    }

    func testAHugeValueIsShortenedInMessages() throws {
        let text = "conversation_config:\n  turn:\n    turn_eagerness: " + String(repeating: "a", count: 1_000_000) + "\n"
        let found = Validator().validate(try AgentDocument.parse(bytes: Array(text.utf8), file: "a.yaml"))
        XCTAssertEqual(found.count, 1)
        XCTAssertLessThan(found.first?.message.count ?? .max, 300)
        XCTAssertTrue(found.first?.message.contains("…(1000000 characters)") == true, found.first?.message ?? "")
    }

    func testDeepNestingAndWideFlowCollectionsAreLinear() {
        ScaleTiming.assertLinear(validateCost { n in "workflow: {" + (0..<n).map { "k\($0): [1, {a: b}]" }.joined(separator: ", ") + "}\n" }, small: 2_000)
    }
}

import Foundation
import XCTest

/// Compares `actual` with `Golden/<name>` in the folder of the calling test file. With `AGENTCTL_RECORD_GOLDEN=1` it
/// rewrites the file instead and fails, so a recording is never mistaken for a pass.
public func assertGolden(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = GoldenFile.url(named: name, besideTestFile: file)
    do {
        let outcome = try GoldenFile.compare(actual, with: url, recording: GoldenFile.isRecording)
        if let failure = outcome.failure(name) { XCTFail(failure, file: file, line: line) }
    } catch {
        XCTFail("golden file \(name): \(error)", file: file, line: line)
    }
}

/// Golden files: the decision (compare or record) is a pure function of the texts, so it is tested on its own.
public enum GoldenFile {
    public static let recordVariable = "AGENTCTL_RECORD_GOLDEN"

    public static var isRecording: Bool { ProcessInfo.processInfo.environment[recordVariable] == "1" }

    /// `Golden/<name>` beside the test source file `testFile` (the caller's `#filePath`).
    public static func url(named name: String, besideTestFile testFile: StaticString) -> URL {
        URL(fileURLWithPath: "\(testFile)").deletingLastPathComponent().appendingPathComponent("Golden").appendingPathComponent(name)
    }

    /// What comparing an output with its golden file found.
    public enum Outcome: Equatable {
        case matches
        case recorded(changed: Bool)
        case missing
        case differs(line: Int, expected: String, actual: String)

        /// The test failure this outcome is, or nil when the output matches its golden file.
        public func failure(_ name: String) -> String? {
            switch self {
            case .matches:
                return nil
            case .recorded(let changed):
                return "recorded \(name) (\(changed ? "changed" : "unchanged")); a recording is not a pass: "
                    + "review it, then run again without \(recordVariable)"
            case .missing:
                return "missing golden file \(name); record it with \(recordVariable)=1"
            case .differs(let line, let expected, let actual):
                return "\(name) differs at line \(line):\n  expected: \(expected)\n  actual:   \(actual)\n"
                    + "re-record with \(recordVariable)=1 if the change is intended"
            }
        }
    }

    /// Compares `actual` with the file at `url`, or, when `recording`, writes it there (atomically) and says so.
    public static func compare(_ actual: String, with url: URL, recording: Bool) throws -> Outcome {
        let expected = try? String(contentsOf: url, encoding: .utf8)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url, options: .atomic)
            return .recorded(changed: expected != actual)
        }
        guard let expected else { return .missing }
        if actual == expected { return .matches }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        return .differs(line: first + 1,
                        expected: first < expectedLines.count ? String(expectedLines[first]) : "<end>",
                        actual: first < actualLines.count ? String(actualLines[first]) : "<end>")
    }
}

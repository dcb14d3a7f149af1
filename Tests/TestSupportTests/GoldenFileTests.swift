import Foundation
import TestSupport
import XCTest

/// `assertGolden` decides through `GoldenFile.compare`; these pin each decision, above all that recording never passes.
final class GoldenFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try AgentctlProcess.temporaryDirectory(self)
    }

    private var golden: URL { folder.appendingPathComponent("Golden/out.txt") }

    func testRecordingWritesTheFileAndFailsEvenWhenNothingChanged() throws {
        let first = try GoldenFile.compare("a\nb\n", with: golden, recording: true)
        XCTAssertEqual(first, .recorded(changed: true))
        XCTAssertEqual(try String(contentsOf: golden, encoding: .utf8), "a\nb\n")
        let again = try GoldenFile.compare("a\nb\n", with: golden, recording: true)
        XCTAssertEqual(again, .recorded(changed: false))
        for outcome in [first, again] {
            let failure = try XCTUnwrap(outcome.failure("out.txt"), "a recording must fail the test")
            XCTAssertTrue(failure.hasPrefix("recorded out.txt"), failure)
            XCTAssertTrue(failure.contains("run again without AGENTCTL_RECORD_GOLDEN"), failure)
        }
    }

    func testAMatchIsTheOnlyPass() throws {
        try folder.write("a\nb\n", to: "Golden/out.txt")
        XCTAssertEqual(try GoldenFile.compare("a\nb\n", with: golden, recording: false), .matches)
        XCTAssertNil(GoldenFile.Outcome.matches.failure("out.txt"))
    }

    func testADifferenceNamesItsFirstLine() throws {
        try folder.write("a\nb\nc\n", to: "Golden/out.txt")
        let outcome = try GoldenFile.compare("a\nx\nc\n", with: golden, recording: false)
        XCTAssertEqual(outcome, .differs(line: 2, expected: "b", actual: "x"))
        XCTAssertEqual(try GoldenFile.compare("a\nb\nc\nd\n", with: golden, recording: false),
                       .differs(line: 4, expected: "", actual: "d"))
        XCTAssertEqual(try GoldenFile.compare("a\nb\nc", with: golden, recording: false),
                       .differs(line: 4, expected: "", actual: "<end>"))
        let failure = try XCTUnwrap(outcome.failure("out.txt"))
        XCTAssertTrue(failure.hasPrefix("out.txt differs at line 2:\n  expected: b\n  actual:   x"), failure)
        XCTAssertEqual(try String(contentsOf: golden, encoding: .utf8), "a\nb\nc\n", "comparing never writes")
    }

    func testAMissingFileFailsAndSaysHowToRecordIt() throws {
        XCTAssertEqual(try GoldenFile.compare("a\n", with: golden, recording: false), .missing)
        XCTAssertEqual(GoldenFile.Outcome.missing.failure("out.txt"), "missing golden file out.txt; record it with AGENTCTL_RECORD_GOLDEN=1")
        XCTAssertFalse(FileManager.default.fileExists(atPath: golden.path))
    }

    func testGoldenFilesLiveBesideTheTestThatUsesThem() {
        let url = GoldenFile.url(named: "plan.txt", besideTestFile: "/repo/Tests/RemoteTests/PlanTests.swift")
        XCTAssertEqual(url.path, "/repo/Tests/RemoteTests/Golden/plan.txt")
    }
}

import Remote
import XCTest

final class LineDiffTests: XCTestCase {
    /// The longest common subsequence's length by the textbook table: the reference the fast diff must match.
    private func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    func testRandomTextsGetAShortestEditScriptThatRebuildsBothSides() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in ["a", "b", "c", "d"].randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in ["a", "b", "c", "d"].randomElement(using: &generator)! }
            let diff = LineDiff.lines(a, b)
            let old = diff.compactMap { line -> String? in if case .added = line { return nil } else { return line.text } }
            let new = diff.compactMap { line -> String? in if case .removed = line { return nil } else { return line.text } }
            XCTAssertEqual(old, a)
            XCTAssertEqual(new, b)
            XCTAssertEqual(diff.filter { if case .same = $0 { return true } else { return false } }.count, lcsLength(a, b), "\(a) -> \(b)")
        }
    }

    func testRemovalsComeBeforeAdditionsInAChangedRun() {
        XCTAssertEqual(LineDiff.lines(["x", "a", "b", "y"], ["x", "c", "d", "y"]),
                       [.same("x"), .removed("a"), .removed("b"), .added("c"), .added("d"), .same("y")])
    }

    func testCRLFTextIsSplitLikeLFText() {
        XCTAssertEqual(LineDiff.lines("a\r\nb\r\nc\r\n", "a\nx\nc\n"), [.same("a"), .removed("b"), .added("x"), .same("c")])
        XCTAssertEqual(LineDiff.hunks("a\r\nb\r\n", "a\nb\n"), [])
    }

    func testOneChangedLineInALongTextIsOneHunkWithThreeLinesOfContext() {
        let old = (1...16_000).map { "line \($0)" }
        var new = old
        new[7_999] = "changed"
        let hunks = LineDiff.hunks(old.joined(separator: "\n"), new.joined(separator: "\n"))
        XCTAssertEqual(hunks.count, 1)
        XCTAssertEqual(hunks[0].header, "@@ -7997,7 +7997,7 @@")
        XCTAssertEqual(hunks[0].lines, [.same("line 7997"), .same("line 7998"), .same("line 7999"), .removed("line 8000"),
                                        .added("changed"), .same("line 8001"), .same("line 8002"), .same("line 8003")])
    }

    func testHunksMergeWhenTheirContextTouchesAndHeadersFollowGNUDiff() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n"
        let close = LineDiff.hunks(old, old.replacingOccurrences(of: "\n2\n", with: "\nB\n").replacingOccurrences(of: "\n8\n", with: "\nH\n"))
        XCTAssertEqual(close.map(\.header), ["@@ -1,11 +1,11 @@"])
        let apart = LineDiff.hunks(old, old.replacingOccurrences(of: "\n2\n", with: "\nB\n").replacingOccurrences(of: "\n12\n", with: "\nL\n"))
        XCTAssertEqual(apart.map(\.header), ["@@ -1,5 +1,5 @@", "@@ -9,7 +9,7 @@"])
        XCTAssertEqual(LineDiff.hunks("", "a\n").map(\.header), ["@@ -0,0 +1 @@"])
        XCTAssertEqual(LineDiff.hunks("a\n", "").map(\.header), ["@@ -1 +0,0 @@"])
    }
}

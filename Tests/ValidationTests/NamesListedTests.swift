import Foundation
import Validation
import XCTest

/// The worst curve BENCHMARKS.md found (target 5), guarded by counting work: each file used to list its project's
/// agents/, tools/ and tests/ again, so checking N agents in one folder cost N x N. One listing per project now.
final class NamesListedTests: XCTestCase {
    private func report(agents count: Int) throws -> ValidationReport {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("names-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: project) }
        for folder in ["agents", "tools"] {
            try FileManager.default.createDirectory(at: project.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("name: Book\ntype: client\ndescription: Books a visit.\n".utf8)
            .write(to: project.appendingPathComponent("tools/book.yaml"))
        let paths = try (0..<count).map { number in
            let path = project.appendingPathComponent("agents/agent-\(number).yaml").path
            let tools = number == 0 ? "        - tool:book\n        - tool:missing\n" : "        - tool:book\n"
            let text = "name: Agent \(number)\nconversation_config:\n  agent:\n    prompt:\n      tool_ids:\n" + tools
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        return ValidationReport(paths: paths, strict: false)
    }

    func testAFileIsCheckedAgainstTheNamesItIsGivenWithoutListingAgain() throws {
        let text = "name: A\nconversation_config:\n  agent:\n    prompt:\n      tool_ids:\n        - tool:listed-once\n"
        let given = ResourceNames([.tool: ["listed-once"]])
        let found = Validator().validate(bytes: Array(text.utf8), file: "/nonexistent/agents/a.yaml", names: given).diagnostics
        XCTAssertFalse(found.contains { $0.ruleID == .unknownReference }, "\(found)")
    }

    func testOneProjectIsListedOnceHoweverManyFilesItHolds() throws {
        for count in [3, 300] {
            let checked = try report(agents: count)
            XCTAssertEqual(checked.namesListed, 1, "\(count) agents")
            XCTAssertEqual(checked.files.count, count)
            // The names still resolve: only the first agent's missing tool is reported.
            let unresolved = checked.diagnostics.filter { $0.ruleID == .unknownReference }
            XCTAssertEqual(unresolved.map(\.mark.line), [7], "\(count) agents")
        }
    }
}

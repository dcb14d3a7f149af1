import ConfigModel
import XCTest

final class ProjectScaffoldTests: XCTestCase {
    func testTheModelinesPathClimbsOutOfTheAgentsFolder() {
        XCTAssertEqual(ProjectScaffold.schemaModeline(forAgentAt: "agents/support.yaml"),
                       "# yaml-language-server: $schema=../schemas/agent.schema.json")
        XCTAssertEqual(ProjectScaffold.schemaModeline(forAgentAt: "agents/team/support.yaml"),
                       "# yaml-language-server: $schema=../../schemas/agent.schema.json")
    }

    func testEveryAgentFileItWritesStartsWithTheModeline() {
        let scaffold = ProjectScaffold(schema: "{}\n")
        let agents = scaffold.files.filter { $0.path.hasPrefix("agents/") }
        XCTAssertEqual(agents.count, 1)
        for agent in agents {
            XCTAssertTrue(agent.text.hasPrefix(ProjectScaffold.schemaModeline(forAgentAt: agent.path) + "\n"), agent.path)
        }
        XCTAssertEqual(scaffold.files.first { $0.path == ProjectScaffold.schemaPath }?.text, "{}\n")
    }

    func testJoinWritesPathsAsTheUserTypedTheFolder() {
        XCTAssertEqual(ProjectScaffold.join(".", "agentctl.yaml"), "agentctl.yaml")
        XCTAssertEqual(ProjectScaffold.join("project/", "agentctl.yaml"), "project/agentctl.yaml")
        XCTAssertEqual(ProjectScaffold.join("project", "agents/a.yaml"), "project/agents/a.yaml")
    }
}

final class AtomicFileTests: XCTestCase {
    func testReplacesTheFileWholeKeepsItsModeAndLeavesNoTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deep/file.txt").path
        try AtomicFile.write("first\n", to: path)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o644)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write("second\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "second\n")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o600)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("deep").path),
                       ["file.txt"])
    }

    func testASymbolicLinkStaysALinkToTheNewContent() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let real = folder.appendingPathComponent("real.json").path, link = folder.appendingPathComponent("link.json").path
        try AtomicFile.write("old", to: real)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try AtomicFile.write("new", to: link)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), real)
        XCTAssertEqual(try String(contentsOfFile: real, encoding: .utf8), "new")
    }
}

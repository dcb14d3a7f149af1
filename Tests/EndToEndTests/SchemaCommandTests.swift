import Foundation
import TestSupport
import XCTest

final class SchemaCommandTests: XCTestCase {
    private func committed(_ path: String) throws -> String {
        try String(contentsOf: AgentctlProcess.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    func testCommittedSchemaIsTheCommandsOutput() throws {
        let result = try AgentctlProcess.run(["schema"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout == (try committed("schemas/agent.schema.json")),
                      "schemas/agent.schema.json is stale: run `agentctl schema --output schemas/agent.schema.json`")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(parsed?["$schema"] as? String, "https://json-schema.org/draft/2020-12/schema")
    }

    func testCommittedReferenceIsTheCommandsOutput() throws {
        let result = try AgentctlProcess.run(["schema", "--format", "markdown"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout == (try committed("docs/configuration.md")),
                      "docs/configuration.md is stale: run `agentctl schema --format markdown --output docs/configuration.md`")
        XCTAssertTrue(result.stdout.contains(
            "| `turn_timeout` | number | between 1 and 30 | `7` | Maximum wait time for the user's reply"), result.stdout)
    }

    func testOutputIsWrittenWholeWithNoTemporaryFileLeft() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let printed = try AgentctlProcess.run(["schema"]).stdout
        try dir.write("old", to: "out/agent.schema.json")
        let result = try AgentctlProcess.run(["schema", "--output", "out/agent.schema.json"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("out/agent.schema.json"), encoding: .utf8), printed)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path),
                       ["agent.schema.json"])
        let created = try AgentctlProcess.run(["schema", "-o", "new/folder/reference.md", "--format", "markdown"], in: dir)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("new/folder/reference.md").path))
    }

    func testUnwritableOutputExitsTwoAndKeepsWhatWasThere() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("a file, not a folder", to: "file")
        let underFile = try AgentctlProcess.run(["schema", "--output", "file/agent.schema.json"], in: dir)
        XCTAssertEqual(underFile.status, 2)
        XCTAssertTrue(underFile.stderr.hasPrefix("agentctl: error: cannot write file/agent.schema.json:"), underFile.stderr)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let ontoFolder = try AgentctlProcess.run(["schema", "--output", "folder"], in: dir)
        XCTAssertEqual(ontoFolder.status, 2)
        XCTAssertTrue(ontoFolder.stderr.hasPrefix("agentctl: error: cannot write folder:"), ontoFolder.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["file", "folder"])
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("file"), encoding: .utf8), "a file, not a folder")
        let usage = try AgentctlProcess.run(["schema", "--format", "yaml"])
        XCTAssertEqual(usage.status, 2)
    }
}

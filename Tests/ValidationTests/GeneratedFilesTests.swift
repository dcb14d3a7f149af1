import AgentSchema
import Foundation
import TestSupport
import Validation
import XCTest

/// Fails when a file generated from the reference or from the field table is older than its source.
final class GeneratedFilesTests: XCTestCase {
    private let repository = Fixtures.repositoryRoot

    private func committed(_ path: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    }

    /// Runs a generator's `--check`: exit 0 when every committed file equals a fresh generation.
    private func check(_ script: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repository.appendingPathComponent(script).path, "--check"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(script) --check: \(message)", file: file, line: line)
    }

    func testTheSchemaModuleIsCurrentWithTheReference() throws {
        try check("scripts/generate-schema.py")
    }

    func testTheEmulatorSchemaIsCurrentWithTheReference() throws {
        try check("scripts/generate-emulator-schema.py")
    }

    func testTheCommittedJSONSchemasAreCurrent() throws {
        for kind in FileKind.allCases {
            XCTAssertTrue(try committed("schemas/\(kind.schemaFileName)") == FileJSONSchema(kind).text,
                          "schemas/\(kind.schemaFileName) is stale: run `agentctl schema --kind \(kind.rawValue) --output schemas/\(kind.schemaFileName)`")
        }
    }

    func testTheCommittedProjectFileSchemaIsCurrent() throws {
        XCTAssertTrue(try committed("schemas/\(ProjectFile.schemaFileName)") == FileJSONSchema.project.text,
                      "schemas/\(ProjectFile.schemaFileName) is stale: run `agentctl schema --kind project --output schemas/\(ProjectFile.schemaFileName)`")
    }

    func testTheCommittedConfigurationReferencesAreCurrent() throws {
        for kind in FileKind.allCases {
            let reference = ConfigurationReference(kind)
            XCTAssertTrue(try committed(reference.fileName) == reference.markdown,
                          "\(reference.fileName) is stale: run `agentctl schema --kind \(kind.rawValue) --format markdown --output \(reference.fileName)`")
        }
    }
}

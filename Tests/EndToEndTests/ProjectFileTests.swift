import Foundation
import TestSupport
import XCTest

/// agentctl.yaml: checked like an agent file before any request, found from any folder inside the project, and
/// honoured by every command (`agents_dir`, `-C DIR`).
final class ProjectFileTests: XCTestCase {
    func testTyposAreLocatedErrorsWithADidYouMeanBeforeAnyRequest() async throws {
        let emulator = try EmulatorProcess(self)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("""
            default_environment: staging
            environment:
              staging: {}
            environments:
              staging:
                base_url: \(emulator.baseURL)
                apikey: STAGING_KEY
                api_key_file: [a]

            """, to: "agentctl.yaml")
        try dir.write("name: Desk\n", to: "agents/desk.yaml")
        let expected = """
            agentctl.yaml:2:1: error: [unknown-key] unknown key `environment` at the top of the file; did you mean `environments`?
                environment:
                ^
            agentctl.yaml:7:5: error: [unknown-key] unknown key `apikey` in `environments.staging`; did you mean `api_key_env` or `api_key_file`?
                    apikey: STAGING_KEY
                    ^
            agentctl.yaml:8:19: error: [type] `environments.staging.api_key_file` must be text, found a list
                    api_key_file: [a]
                                  ^

            """
        for command in [["status"], ["diff"], ["push", "--yes"], ["pull"]] {
            let result = try AgentctlProcess.run(command, in: dir, environment: emulator.environment)
            XCTAssertEqual(result.status, 2, "\(command): \(result.stderr)")
            XCTAssertEqual(result.stderr, expected, "\(command)")
        }
        let requests = try await emulator.stats()["requests"] as? Int
        XCTAssertEqual(requests, 0, "nothing is sent with a broken project file")

        let validate = try AgentctlProcess.run(["validate"], in: dir)
        XCTAssertEqual(validate.status, 2, validate.stdout)
        XCTAssertEqual(validate.stdout, expected + "3 errors, 0 warnings in 1 of 2 files\n")
    }

    func testTheDefaultEnvironmentMustBeOneOfTheEnvironments() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("default_environment: prod\nenvironments:\n  production: {}\n  staging: {}\n", to: "agentctl.yaml")
        try dir.write("name: Desk\n", to: "agents/desk.yaml")
        let result = try AgentctlProcess.run(["status"], in: dir, environment: ["ELEVENLABS_API_KEY": "k"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("agentctl.yaml:1:22: error: [allowed-values] `default_environment` names `prod`, "
            + "which is not under `environments`; the environments are `production`, `staging`\n"), result.stderr)
    }

    func testCommandsFindTheProjectFromASubfolderAndHonourAgentsDir() throws {
        let emulator = try EmulatorProcess(self)
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("agents_dir: voice/agents\nenvironments:\n  local:\n    base_url: \(emulator.baseURL)\n    api_key_file: keys/local\n",
                      to: "agentctl.yaml")
        try dir.write(EmulatorProcess.key + "\n", to: "keys/local")
        try dir.write("name: Desk\nconversation_config:\n  turn:\n    turn_timeout: 8\n", to: "voice/agents/desk.yaml")
        try dir.write("name: Desk\nconversation_config:\n  turn:\n    turn_timeout: 99\n", to: "agents/not-the-agents-dir.yaml")
        let inside = dir.appendingPathComponent("voice/agents")

        let validate = try AgentctlProcess.run(["validate"], in: inside)
        XCTAssertEqual(validate.status, 0, validate.stdout)
        XCTAssertEqual(validate.stdout, "2 files checked, no problems\n", "voice/agents and agentctl.yaml, not agents/")

        let push = try AgentctlProcess.run(["push", "--yes"], in: inside, environment: ["ELEVENLABS_API_KEY": ""])
        XCTAssertEqual(push.status, 0, push.stderr)
        XCTAssertTrue(push.stdout.contains("created voice/agents/desk.yaml as "), push.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.appendingPathComponent("agentctl.lock").path),
                      "the lock lives beside agentctl.yaml, wherever the command ran")

        // A path named from a subfolder means the same file as from the project folder.
        let status = try AgentctlProcess.run(["status", "desk.yaml"], in: inside)
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.hasPrefix("voice/agents/desk.yaml  local  "), status.stdout)
        XCTAssertTrue(status.stdout.hasSuffix("  in sync\n"), status.stdout)

        for chdir in [["-C", dir.path], ["--chdir", dir.path], ["--chdir=\(dir.path)"], ["-C", "/", "-C", String(dir.path.dropFirst())]] {
            let elsewhere = try AgentctlProcess.run(chdir + ["status"], in: FileManager.default.temporaryDirectory)
            XCTAssertEqual(elsewhere.status, 0, "\(chdir): \(elsewhere.stderr)")
            XCTAssertTrue(elsewhere.stdout.hasSuffix("  in sync\n"), elsewhere.stdout)
        }
        let missing = try AgentctlProcess.run(["-C", dir.appendingPathComponent("nowhere").path, "validate"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("does not exist"), missing.stderr)
    }

    func testTheSearchStopsAtTheTopOfAGitRepository() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("agents_dir: elsewhere\n", to: "agentctl.yaml")
        try dir.write("name: Desk\n", to: "repo/agents/desk.yaml")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("repo/.git"), withIntermediateDirectories: true)
        let result = try AgentctlProcess.run(["validate"], in: dir.appendingPathComponent("repo/agents"))
        XCTAssertEqual(result.stderr, "agentctl: error: no agentctl.yaml in \(dir.path)/repo/agents or any folder above it, "
            + "and no agents/ folder: run `agentctl init` to set up a project here, or `agentctl -C DIR ...` to use one elsewhere\n")
        XCTAssertEqual(try AgentctlProcess.run(["validate"], in: dir.appendingPathComponent("repo")).stdout, "1 file checked, no problems\n")
    }

    func testNoProjectAndNoAgentsFolderSaysToRunInit() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        for command in [["validate"], ["status"], ["diff"], ["push"]] {
            let result = try AgentctlProcess.run(command, in: dir, environment: ["ELEVENLABS_API_KEY": ""])
            XCTAssertEqual(result.status, 2, "\(command)")
            XCTAssertTrue(result.stderr.contains("run `agentctl init` to set up a project here"), "\(command): \(result.stderr)")
        }
    }

    func testTheProjectSchemaIsPublishedBesideTheAgentSchema() throws {
        let printed = try AgentctlProcess.run(["schema", "--kind", "project"])
        XCTAssertEqual(printed.status, 0)
        let committed = try String(contentsOf: AgentctlProcess.repositoryRoot.appendingPathComponent("schemas/project.schema.json"),
                                   encoding: .utf8)
        XCTAssertEqual(printed.stdout, committed)
        let schema = try JSONSerialization.jsonObject(with: Data(printed.stdout.utf8)) as? [String: Any]
        let environment = ((schema?["properties"] as? [String: Any])?["environments"] as? [String: Any])?["additionalProperties"] as? [String: Any]
        XCTAssertEqual(Set((environment?["properties"] as? [String: Any])?.keys.map { $0 } ?? []),
                       ["base_url", "api_key_env", "api_key_file", "variables"])
        XCTAssertEqual(environment?["additionalProperties"] as? Bool, false)
    }
}

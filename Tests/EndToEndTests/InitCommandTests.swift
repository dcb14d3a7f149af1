import Foundation
import TestSupport
import XCTest

final class InitCommandTests: XCTestCase {
    private let written = ["agents/front-desk.yaml", "agentctl.yaml", ".pre-commit-config.yaml", "schemas/agent.schema.json"]

    private func read(_ dir: URL, _ path: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
    }

    func testInitScaffoldsAProjectThatValidatesClean() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        let result = try AgentctlProcess.run(["init"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
            created agents/front-desk.yaml
            created agentctl.yaml
            created .pre-commit-config.yaml
            created schemas/agent.schema.json
            created schemas/tool.schema.json
            created schemas/test.schema.json
            created .gitignore

            Next:
              agentctl validate     check the agents in agents/
              pre-commit install    validate them on every commit (in a Git repository)

            """)
        let validate = try AgentctlProcess.run(["validate"], in: dir)
        XCTAssertEqual(validate.stdout, "2 files checked, no problems\n", "the agent and agentctl.yaml")
        XCTAssertEqual(validate.status, 0)
        let strict = try AgentctlProcess.run(["validate", "--strict"], in: dir)
        XCTAssertEqual(strict.status, 0, strict.stdout)
    }

    func testTheAgentsModelinePointsAtTheWrittenSchema() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try AgentctlProcess.run(["init"], in: dir).status, 0)
        let agent = try read(dir, "agents/front-desk.yaml")
        let prefix = "# yaml-language-server: $schema="
        let firstLine = String(agent.prefix(while: { $0 != "\n" }))
        XCTAssertTrue(firstLine.hasPrefix(prefix), firstLine)
        let schemaURL = dir.appendingPathComponent("agents").appendingPathComponent(String(firstLine.dropFirst(prefix.count)))
        XCTAssertEqual(try String(contentsOf: schemaURL.standardized, encoding: .utf8), try AgentctlProcess.run(["schema"]).stdout)
        XCTAssertTrue(try AgentctlProcess.run(["validate"], environment: ValidateCommandTests.exampleVariables).status == 0,
                      "the repository's own agents share the modeline")
    }

    func testProjectSettingsNameKeyVariablesNeverKeys() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        XCTAssertEqual(try AgentctlProcess.run(["init", "project"], in: dir).status, 0)
        let settings = try read(dir, "project/agentctl.yaml")
        for line in ["default_environment: staging", "agents_dir: agents", "    base_url: https://api.elevenlabs.io",
                     "    api_key_env: ELEVENLABS_API_KEY_STAGING", "    api_key_env: ELEVENLABS_API_KEY"] {
            XCTAssertTrue(settings.contains(line + "\n"), "missing \(line) in\n\(settings)")
        }
        XCTAssertFalse(settings.contains("api_key:"), settings)
        let ignore = try read(dir, "project/.gitignore")
        XCTAssertTrue(ignore.contains("\n.env\n") && ignore.contains("\n.env.*\n") && ignore.contains("\n.agentctl-push.lock\n"), ignore)
        let hooks = try read(dir, "project/.pre-commit-config.yaml")
        XCTAssertTrue(hooks.contains("id: agentctl-validate\n") && hooks.contains("entry: agentctl validate\n"), hooks)
    }

    func testExistingFilesAreNeverOverwrittenWithoutForce() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("default_environment: mine\n", to: "agentctl.yaml")
        try dir.write("# my agent\n", to: "agents/front-desk.yaml")
        let result = try AgentctlProcess.run(["init"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "agentctl: error: these files already exist: agents/front-desk.yaml, agentctl.yaml; "
            + "nothing was written (use --force to replace them)\n")
        XCTAssertEqual(try read(dir, "agentctl.yaml"), "default_environment: mine\n")
        XCTAssertEqual(try read(dir, "agents/front-desk.yaml"), "# my agent\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["agentctl.yaml", "agents"])
    }

    func testForceReplacesAndSaysWhichAndExtendsGitignore() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("default_environment: mine\n", to: "agentctl.yaml")
        try dir.write("build/\n.env", to: ".gitignore")
        let result = try AgentctlProcess.run(["init", "--force"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("""
            created agents/front-desk.yaml
            replaced agentctl.yaml
            created .pre-commit-config.yaml
            created schemas/agent.schema.json
            created schemas/tool.schema.json
            created schemas/test.schema.json
            added 2 lines to .gitignore

            """), result.stdout)
        XCTAssertTrue(try read(dir, "agentctl.yaml").contains("default_environment: staging\n"))
        XCTAssertEqual(try read(dir, ".gitignore"),
                       "build/\n.env\n# agentctl: API keys come from the environment and never belong in Git, nor does a push's lock file\n"
                       + ".env.*\n.agentctl-push.lock\n")
        let again = try AgentctlProcess.run(["init", "--force"], in: dir)
        XCTAssertEqual(again.status, 0)
        XCTAssertFalse(again.stdout.contains(".gitignore"), again.stdout)
        for path in written { XCTAssertTrue(again.stdout.contains("replaced \(path)\n"), again.stdout) }
    }

    func testInitIntoAFileExitsTwo() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("x", to: "taken")
        let result = try AgentctlProcess.run(["init", "taken"], in: dir)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "agentctl: error: taken exists and is not a directory\n")
    }
}

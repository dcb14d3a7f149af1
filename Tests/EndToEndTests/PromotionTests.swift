import Foundation
import TestSupport
import XCTest

/// One repository of agents, tools and tests, pulled from staging and pushed to an empty production: every resource
/// is created there, each name resolved to production's own IDs, and a second push changes nothing.
final class PromotionTests: XCTestCase {
    func testPullFromStagingPushToProductionWithItsOwnIDs() async throws {
        let staging = try EmulatorProcess(self, arguments: ["--instance", "staging"])
        let production = try EmulatorProcess(self, arguments: ["--instance", "production"])
        let settings = EmulatorProcess.stagingAndProduction(staging, production)
        var keys = ["STAGING_KEY": EmulatorProcess.key, "PRODUCTION_KEY": EmulatorProcess.key, "BOOKING_TOKEN": "Bearer staging-1"]

        // Staging is set up from a first repository, by name.
        let source = try AgentctlProcess.temporaryDirectory(self)
        try source.write(settings, to: "agentctl.yaml")
        try source.write("""
            tool_config:
              type: webhook
              name: book
              description: Books a slot
              api_schema:
                url: https://example.com/book
                method: POST
                request_headers:
                  Authorization: ${BOOKING_TOKEN}

            """, to: "tools/book.yaml")
        try source.write("""
            type: tool
            name: Calls book
            chat_history:
              - role: user
                message: Book me in.
                time_in_call_secs: 1
            tool_call_parameters:
              referenced_tool:
                id: tool:book
                type: webhook

            """, to: "tests/calls-book.yaml")
        try source.write("""
            name: Desk
            conversation_config:
              agent:
                prompt:
                  tool_ids: [tool:book]
            platform_settings:
              testing:
                attached_tests:
                  - test_id: test:calls-book

            """, to: "agents/desk.yaml")
        let seeded = try AgentctlProcess.run(["push", "--yes"], in: source, environment: keys)
        XCTAssertEqual(seeded.status, 0, seeded.stdout + seeded.stderr)

        // A second repository pulls all of it from staging: names, not IDs; the secret as a placeholder.
        let repository = try AgentctlProcess.temporaryDirectory(self)
        try repository.write(settings, to: "agentctl.yaml")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent("agents"), withIntermediateDirectories: true)
        let pulled = try AgentctlProcess.run(["pull"], in: repository, environment: keys)
        XCTAssertEqual(pulled.status, 0, pulled.stdout + pulled.stderr)
        let agent = try String(contentsOf: repository.appendingPathComponent("agents/desk.yaml"), encoding: .utf8)
        XCTAssertTrue(agent.contains("- tool:book\n"), agent)
        XCTAssertTrue(agent.contains("- test_id: test:calls-book\n"), agent)
        let test = try String(contentsOf: repository.appendingPathComponent("tests/calls-book.yaml"), encoding: .utf8)
        XCTAssertTrue(test.contains("id: tool:book\n"), test)
        let tool = try String(contentsOf: repository.appendingPathComponent("tools/book.yaml"), encoding: .utf8)
        XCTAssertTrue(tool.hasPrefix("# yaml-language-server: $schema=../schemas/tool.schema.json\n"), tool)
        XCTAssertTrue(tool.contains("Authorization: ${BOOK_AUTHORIZATION}\n"), tool)
        XCTAssertFalse(tool.contains("staging-1"), "pull never writes a header's secret")
        XCTAssertTrue(pulled.stderr.contains("set the variable BOOK_AUTHORIZATION"), pulled.stderr)
        XCTAssertTrue(pulled.stdout.hasSuffix("pulled 3 files: 3 new, 0 updated, 0 unchanged\n"), pulled.stdout)

        // A second pull merges into the files it wrote: names and the placeholder stay, nothing changes.
        keys["BOOK_AUTHORIZATION"] = "Bearer staging-1"
        let repulled = try AgentctlProcess.run(["pull"], in: repository, environment: keys)
        XCTAssertEqual(repulled.status, 0, repulled.stdout + repulled.stderr)
        XCTAssertEqual(try String(contentsOf: repository.appendingPathComponent("tools/book.yaml"), encoding: .utf8), tool)
        XCTAssertEqual(try String(contentsOf: repository.appendingPathComponent("agents/desk.yaml"), encoding: .utf8), agent)
        XCTAssertEqual(try String(contentsOf: repository.appendingPathComponent("tests/calls-book.yaml"), encoding: .utf8), test)

        // The same files go to an empty production, which gets its own IDs.
        keys["BOOK_AUTHORIZATION"] = "Bearer production-1"
        let pushed = try AgentctlProcess.run(["push", "--yes", "--env", "production"], in: repository, environment: keys)
        XCTAssertEqual(pushed.status, 0, pushed.stdout + pushed.stderr)
        XCTAssertTrue(pushed.stdout.contains("0 files to change, 3 to create, 0 unchanged"), pushed.stdout)
        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: repository.appendingPathComponent("agentctl.lock")))
            as! [String: Any]
        let environments = lock["environments"] as! [String: [String: [String: Any]]]
        let ids = { (environment: String, file: String, key: String) in environments[environment]?[file]?[key] as? String }
        let toolID = try XCTUnwrap(ids("production", "tools/book.yaml", "tool_id"))
        let testID = try XCTUnwrap(ids("production", "tests/calls-book.yaml", "test_id"))
        let agentID = try XCTUnwrap(ids("production", "agents/desk.yaml", "agent_id"))
        XCTAssertNotEqual(toolID, ids("staging", "tools/book.yaml", "tool_id"))
        XCTAssertNotEqual(testID, ids("staging", "tests/calls-book.yaml", "test_id"))

        let live = try await production.agent(agentID)
        let prompt = ((live["conversation_config"] as? [String: Any])?["agent"] as? [String: Any])?["prompt"] as? [String: Any]
        XCTAssertEqual(prompt?["tool_ids"] as? [String], [toolID], "production's agent uses production's tool")
        let testing = (live["platform_settings"] as? [String: Any])?["testing"] as? [String: Any]
        XCTAssertEqual((testing?["attached_tests"] as? [[String: Any]])?.compactMap { $0["test_id"] as? String }, [testID])
        let liveTest = try await production.resource("/v1/convai/agent-testing/\(testID)")
        let referenced = (liveTest["tool_call_parameters"] as? [String: Any])?["referenced_tool"] as? [String: Any]
        XCTAssertEqual(referenced?["id"] as? String, toolID)
        let liveTool = try await production.resource("/v1/convai/tools/\(toolID)")
        let headers = (((liveTool["tool_config"] as? [String: Any])?["api_schema"] as? [String: Any])?["request_headers"]
            as? [String: Any])
        XCTAssertEqual(headers?["Authorization"] as? String, "Bearer production-1")

        // A second push sends nothing that changes anything.
        let writes = try await production.writes().count
        let again = try AgentctlProcess.run(["push", "--yes", "--env", "production"], in: repository, environment: keys)
        XCTAssertEqual(again.status, 0, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.hasSuffix("0 files to change, 0 to create, 3 unchanged\n"), again.stdout)
        let written = try await production.writes().count
        XCTAssertEqual(written, writes, "the second push is a no-op")

        // `agentctl test` runs the agent's attached test by its name, as production's test ID.
        try await production.control(#"{"test_outcomes": {"*": {"pending_polls": 0}}}"#)
        let tested = try AgentctlProcess.run(["test", "agents/desk.yaml", "--env", "production"], in: repository, environment: keys)
        XCTAssertEqual(tested.status, 0, tested.stdout + tested.stderr)
        let runs = try await production.writes().filter { ($0["path"] as! String).hasSuffix("/run-tests") }
        let sent = (runs.last?["body"] as? [String: Any])?["tests"] as? [[String: Any]]
        XCTAssertEqual(sent?.compactMap { $0["test_id"] as? String }, [testID])

        // A live change to a field that holds names merges by name: staging's agent stops using the tool.
        let stagingAgent = try XCTUnwrap(ids("staging", "agents/desk.yaml", "agent_id"))
        _ = try await staging.request("PATCH", "/v1/convai/agents/\(stagingAgent)",
                                      #"{"conversation_config": {"agent": {"prompt": {"tool_ids": []}}}}"#)
        keys["BOOK_AUTHORIZATION"] = "Bearer staging-1"
        let merged = try AgentctlProcess.run(["pull"], in: repository, environment: keys)
        XCTAssertEqual(merged.status, 0, merged.stdout + merged.stderr)
        let desk = try String(contentsOf: repository.appendingPathComponent("agents/desk.yaml"), encoding: .utf8)
        XCTAssertFalse(desk.contains("tool:book"), desk)
        XCTAssertTrue(desk.contains("- test_id: test:calls-book\n"), desk)
    }
}

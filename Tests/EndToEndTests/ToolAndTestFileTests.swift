import Foundation
import TestSupport
import XCTest

/// `validate` on tool and test files through the real binary: each kind found by its folder or modeline, checked by
/// the shape its `type` names, with agents' names for them resolved against the repository's files.
final class ToolAndTestFileTests: XCTestCase {
    private static let webhookTool = """
        tool_config:
          type: webhook
          name: book_appointment
          description: Books an appointment.
          response_timeout_secs: 301
          api_schema:
            url: https://example.com/book
            method: POSTT
            request_headers:
              Content-Type: application/json
              Authorization: Bearer 9f8e7d6c5b4a
              X-Trace: ${TRACE_ID}
        response_mocks:
          - is_error: true

        """

    private static let agentNamingTools = """
        name: Front desk
        conversation_config:
          agent:
            prompt:
              tool_ids:
                - tool:book-appointment
                - tool:check-availabilty
                - tool_8c2e41
                - test:greets
        platform_settings:
          testing:
            attached_tests:
              - test_id: test:greets

        """

    func testAWebhookToolIsCheckedByItsShapeWithLocatedErrorsAndASecretWarning() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write(Self.webhookTool, to: "tools/book-appointment.yaml")
        // A value that comes from a variable is never a literal secret, however it looks.
        let result = try AgentctlProcess.run(["validate", "tools"], in: dir, environment: ["TRACE_ID": "Bearer 0f1e2d3c4b5a69788796"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, """
            tools/book-appointment.yaml:5:26: error: [range] `tool_config.response_timeout_secs` must be between 5 and 300, found 301
                  response_timeout_secs: 301
                                         ^
            tools/book-appointment.yaml:8:13: error: [allowed-values] `tool_config.api_schema.method` does not allow `POSTT`; allowed: GET, POST, PUT, PATCH, DELETE
                    method: POSTT
                            ^
            tools/book-appointment.yaml:11:22: warning: [literal-secret] the header `Authorization` holds what looks like a literal secret; the file is shared through Git and between environments: write `${VARIABLE}` or a workspace secret (`{secret_id: ...}`) instead
                      Authorization: Bearer 9f8e7d6c5b4a
                                     ^
            tools/book-appointment.yaml:14:5: error: [required-field] `response_mocks[0]` needs `mock_result`; the API requires it
                  - is_error: true
                    ^
            3 errors, 1 warning in 1 of 1 file

            """)
    }

    func testTheSameRangeDiffersByShape() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("tool_config:\n  type: client\n  name: show_map\n  description: Shows a map.\n  response_timeout_secs: 121\n",
                      to: "tools/show-map.yaml")
        try dir.write("tool_config:\n  type: mcp\n  name: lookup\n  description: Looks up.\n  response_timeout_secs: 121\n"
                      + "  approval_policy: ask_sometimes\n  integration_type: mcp_server\n  mcp_tool_name: lookup\n"
                      + "  mcp_tool_description: Looks up.\n  mcp_server_id: srv_1\n  mcp_server_name: CRM\n", to: "tools/lookup.yaml")
        try dir.write("tool_config:\n  type: system\n  name: hang_up\n  params:\n    system_tool_type: end_cal\n",
                      to: "tools/hang-up.yaml")
        try dir.write("tool_config:\n  type: webhok\n  name: x\n", to: "tools/typo.yaml")
        try dir.write("response_mocks: []\n", to: "tools/empty.yaml")
        let result = try AgentctlProcess.run(["validate", "tools", "--format", "json"], in: dir)
        XCTAssertEqual(result.status, 1, result.stderr)
        let items = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        let found = items.map { "\($0["file"]!):\($0["line"]!):\($0["column"]!) \($0["rule"]!) \($0["path"] ?? "")" }
        XCTAssertEqual(found, [
            "tools/empty.yaml:1:1 required-field ",
            "tools/hang-up.yaml:5:23 allowed-values tool_config.params.system_tool_type",
            "tools/lookup.yaml:6:20 allowed-values tool_config.approval_policy",
            "tools/show-map.yaml:5:26 range tool_config.response_timeout_secs",
            "tools/typo.yaml:2:9 allowed-values tool_config.type",
        ])
        let messages = items.compactMap { $0["message"] as? String }
        XCTAssertTrue(messages.contains("`the file` needs `tool_config`; the API requires it"), "\(messages)")
        XCTAssertTrue(messages.contains("`tool_config.response_timeout_secs` must be between 1 and 120, found 121"), "\(messages)")
        XCTAssertTrue(messages.contains("`tool_config.params.system_tool_type` does not allow `end_cal`; did you mean `end_call`?"), "\(messages)")
        XCTAssertTrue(messages.contains("`tool_config.type` does not allow `webhok`; did you mean `webhook`?"), "\(messages)")
    }

    func testATestFileIsCheckedByItsType() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("type: simulation\nname: Reschedules\nsimulation_max_turns: 51\n", to: "tests/reschedules.yaml")
        try dir.write("type: llm\nname: Greets\nsuccess_examples: [{response: Hi, type: success}, {response: Hi, type: success}, "
                      + "{response: Hi, type: success}, {response: Hi, type: success}, {response: Hi, type: success}, "
                      + "{response: Hi, type: success}]\n", to: "tests/greets.yaml")
        try dir.write("name: No type\n", to: "tests/untyped.yaml")
        try dir.write("type: tool\nname: Books\nsimulation_scenario: not here\n", to: "tests/books.yaml")
        let result = try AgentctlProcess.run(["validate", "tests"], in: dir)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, """
            tests/books.yaml:3:1: warning: [unknown-field] `simulation_scenario` is not known to agentctl at the top of the file; it is kept and sent unchanged
                simulation_scenario: not here
                ^
            tests/greets.yaml:3:19: error: [item-count] `success_examples` may have at most 5 items, found 6
                success_examples: [{response: Hi, type: success}, {response: Hi, type: success}, {response: Hi, type: success}, {response: Hi, type: success}, {response: Hi, type: success}, {response: Hi, type: success}]
                                  ^
            tests/reschedules.yaml:3:23: error: [range] `simulation_max_turns` must be between 1 and 50, found 51
                simulation_max_turns: 51
                                      ^
            tests/untyped.yaml:1:1: error: [required-field] `the file` needs `type`, which says what it is: one of llm, tool, simulation
                name: No type
                ^
            3 errors, 1 warning in 4 of 4 files

            """)
    }

    func testAModelineNamesTheKindOfAFileOutsideTheKindFolders() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write("# yaml-language-server: $schema=../schemas/test.schema.json\ntype: simulation\nname: S\n"
                      + "simulation_max_turns: 0\n", to: "elsewhere/sim.yaml")
        let result = try AgentctlProcess.run(["validate", "elsewhere/sim.yaml"], in: dir)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix(
            "elsewhere/sim.yaml:4:23: error: [range] `simulation_max_turns` must be between 1 and 50, found 0\n"), result.stdout)
    }

    func testAgentsNameToolsAndTestsByFileAndRawIDsWarn() throws {
        let dir = try AgentctlProcess.temporaryDirectory(self)
        try dir.write(Self.agentNamingTools, to: "agents/front-desk.yaml")
        try dir.write("tool_config:\n  type: client\n  name: a\n  description: A.\n", to: "tools/book-appointment.yaml")
        try dir.write("tool_config:\n  type: client\n  name: b\n  description: B.\n", to: "tools/check-availability.yml")
        let result = try AgentctlProcess.run(["validate"], in: dir)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stdout, """
            agents/front-desk.yaml:7:11: error: [unknown-reference] `conversation_config.agent.prompt.tool_ids[1]` names `tool:check-availabilty`, but there is no tools/check-availabilty.yaml; did you mean `tool:check-availability`?
                        - tool:check-availabilty
                          ^
            agents/front-desk.yaml:8:11: warning: [raw-id] `conversation_config.agent.prompt.tool_ids[2]` holds the raw ID `tool_8c2e41`, which names a tool in one environment only; name its file instead (`tool:SLUG` for tools/SLUG.yaml)
                        - tool_8c2e41
                          ^
            agents/front-desk.yaml:9:11: error: [unknown-reference] `conversation_config.agent.prompt.tool_ids[3]` takes a tool, not a test: write `tool:greets`
                        - test:greets
                          ^
            agents/front-desk.yaml:13:18: error: [unknown-reference] `platform_settings.testing.attached_tests[0].test_id` names `test:greets`, but there is no tests/greets.yaml
                      - test_id: test:greets
                                 ^
            3 errors, 1 warning in 1 of 3 files

            """)
        try dir.write("type: llm\nname: Greets\n", to: "tests/greets.yaml")
        let fixed = try AgentctlProcess.run(["validate", "agents"], in: dir)
        XCTAssertEqual(fixed.stdout.split(separator: "\n").last, "2 errors, 1 warning in 1 of 1 file")
    }

    func testSchemaPrintsEachKindsSchema() throws {
        for kind in ["tool", "test"] {
            let result = try AgentctlProcess.run(["schema", "--kind", kind])
            XCTAssertEqual(result.status, 0, result.stderr)
            let committed = try String(contentsOf: AgentctlProcess.repositoryRoot.appendingPathComponent("schemas/\(kind).schema.json"),
                                       encoding: .utf8)
            XCTAssertEqual(result.stdout, committed)
        }
        let bad = try AgentctlProcess.run(["schema", "--kind", "branch"])
        XCTAssertEqual(bad.status, 2)
    }
}

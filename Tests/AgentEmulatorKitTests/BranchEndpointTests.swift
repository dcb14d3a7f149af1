@testable import AgentEmulatorKit
import XCTest

/// Agent branches: each holds its own copy of the agent, read and patched with `branch_id`; and IDs per instance.
final class BranchEndpointTests: XCTestCase {
    func testABranchHoldsItsOwnConfig() async throws {
        let api = try await LiveEmulator(self)
        let agent = try await api.ok("GET", "/v1/convai/agents?page_size=1")["agents"]![0]!["agent_id"]!.stringValue!
        let main = try await api.ok("GET", "/v1/convai/agents/\(agent)")
        let created = try await api.ok("POST", "/v1/convai/agents/\(agent)/branches", #"""
            {"parent_version_id": "\#(main["version_id"]!.stringValue!)", "name": "Experiment", "description": "Longer wait",
             "conversation_config": {"turn": {"turn_timeout": 20}}}
            """#)
        let branch = try XCTUnwrap(created["created_branch_id"]?.stringValue)

        let onBranch = try await api.ok("GET", "/v1/convai/agents/\(agent)?branch_id=\(branch)")
        XCTAssertEqual(onBranch["conversation_config"]?["turn"]?["turn_timeout"], .double(20))
        XCTAssertEqual(onBranch["branch_id"], .string(branch))
        XCTAssertEqual(onBranch["main_branch_id"], main["branch_id"])
        XCTAssertEqual(onBranch["version_id"], created["created_version_id"])

        let patched = try await api.ok("PATCH", "/v1/convai/agents/\(agent)?branch_id=\(branch)",
                                       #"{"conversation_config": {"agent": {"first_message": "Branch hello"}}}"#)
        XCTAssertEqual(patched["conversation_config"]?["agent"]?["first_message"], .string("Branch hello"))
        let mainAfter = try await api.ok("GET", "/v1/convai/agents/\(agent)")
        XCTAssertEqual(mainAfter, main, "the main branch is untouched")

        let rejected = try await api.send("PATCH", "/v1/convai/agents/\(agent)?branch_id=\(branch)",
                                          #"{"conversation_config": {"turn": {"turn_timeout": 45}}}"#)
        XCTAssertEqual(LiveEmulator.locations(rejected), ["body.conversation_config.turn.turn_timeout"])
        let missing = try await api.send("GET", "/v1/convai/agents/\(agent)?branch_id=agtbranch_nope")
        XCTAssertEqual(missing.json["detail"]?["status"], .string("branch_not_found"))
    }

    func testListRenameArchiveAndTheirErrors() async throws {
        let api = try await LiveEmulator(self)
        let agent = try await api.ok("GET", "/v1/convai/agents?page_size=1")["agents"]![0]!["agent_id"]!.stringValue!
        let version = try await api.ok("GET", "/v1/convai/agents/\(agent)")["version_id"]!.stringValue!
        let body = #"{"parent_version_id": "\#(version)", "name": "Trial", "description": ""}"#
        let branch = try await api.ok("POST", "/v1/convai/agents/\(agent)/branches", body)["created_branch_id"]!.stringValue!
        let taken = try await api.send("POST", "/v1/convai/agents/\(agent)/branches", body)
        XCTAssertEqual(taken.status, 409)

        let listed = try await api.ok("GET", "/v1/convai/agents/\(agent)/branches")
        XCTAssertEqual(listed["results"]?[0]?["name"], .string("Main"))
        XCTAssertEqual(listed["results"]?[1]?["parent_branch_id"], listed["results"]?[0]?["id"])
        XCTAssertEqual(listed["results"]?[1]?["draft_exists"], .bool(false))

        let renamed = try await api.ok("PATCH", "/v1/convai/agents/\(agent)/branches/\(branch)", #"{"name": "Pilot", "is_archived": true}"#)
        XCTAssertEqual(renamed["name"], .string("Pilot"))
        XCTAssertEqual(renamed["parent_branch"]?["name"], .string("Main"))
        let shown = try await api.ok("GET", "/v1/convai/agents/\(agent)/branches")
        XCTAssertEqual(shown["results"].map { JSONWriter.string($0) }?.contains("Pilot"), false)
        let all = try await api.ok("GET", "/v1/convai/agents/\(agent)/branches?include_archived=true")
        XCTAssertEqual(all["results"]?[1]?["is_archived"], .bool(true))

        let limit = try await api.send("GET", "/v1/convai/agents/\(agent)/branches?limit=1")
        XCTAssertEqual(limit.json["detail"]?[0]?["msg"], .string("Input should be greater than 1"))
        let emptyName = try await api.send("PATCH", "/v1/convai/agents/\(agent)/branches/\(branch)", #"{"name": ""}"#)
        XCTAssertEqual(LiveEmulator.locations(emptyName), ["body.name"])
        let noVersion = try await api.send("POST", "/v1/convai/agents/\(agent)/branches",
                                           #"{"parent_version_id": "agtvrsn_nope", "name": "X", "description": ""}"#)
        XCTAssertEqual(noVersion.status, 404)
        let noAgent = try await api.send("GET", "/v1/convai/agents/agent_nope/branches")
        XCTAssertEqual(noAgent.status, 404)
        let noBranch = try await api.send("GET", "/v1/convai/agents/\(agent)/branches/agtbranch_nope")
        XCTAssertEqual(noBranch.status, 404)
    }

    func testInstancesHandOutDifferentIDsAndEachRepeatsItsOwn() async throws {
        let tool = #"{"tool_config": {"type": "client", "name": "same", "description": "d"}}"#
        var ids: [String: String] = [:]
        for (label, instance) in [("staging", "staging"), ("production", "production"), ("staging again", "staging")] {
            let api = try await LiveEmulator(self, seedAgents: 1, instance: instance)
            let agent = try await api.ok("GET", "/v1/convai/agents")["agents"]![0]!["agent_id"]!.stringValue!
            ids[label] = try await api.ok("POST", "/v1/convai/tools", tool)["id"]!.stringValue! + " " + agent
        }
        XCTAssertNotEqual(ids["staging"], ids["production"])
        XCTAssertEqual(ids["staging"], ids["staging again"])
        let plain = try await LiveEmulator(self, seedAgents: 1)
        let agent = try await plain.ok("GET", "/v1/convai/agents")["agents"]![0]!["agent_id"]!.stringValue!
        let before = try await AgentStoreTests.firstSeededAgent()
        XCTAssertEqual(agent, before, "without --instance, agent IDs are as before")
    }
}

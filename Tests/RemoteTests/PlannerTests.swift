import ConfigModel
import Remote
import XCTest

/// The planner over the in-memory service: files set against their live agents, in the order given.
final class PlannerTests: XCTestCase {
    func testUntrackedFilesAreCreatesAndTrackedOnesAreComparedThreeWays() async throws {
        let service = InMemoryService()
        let id = service.seed(.agents, jsonObject(#"{"name":"Desk","conversation_config":{"turn":{"turn_timeout":7,"turn_eagerness":"normal"}}}"#))
        service.edit(.agents, id: id, jsonObject(#"{"conversation_config":{"turn":{"turn_eagerness":"eager"}}}"#))
        var state = SyncState()
        state["staging", "agents/desk.yaml"] = state.tracking(.agents, id: id, remoteUpdatedAt: 1,
            base: jsonObject(#"{"name":"Desk","conversation_config":{"turn":{"turn_timeout":7,"turn_eagerness":"normal"}}}"#))
        let documents = [
            try document("name: New\n", file: "agents/new.yaml"),
            try document("name: Desk\nconversation_config:\n  turn:\n    turn_timeout: 9\n    turn_eagerness: normal\n",
                         file: "agents/desk.yaml"),
        ]

        let results = await Planner(.agents, service: service)
            .plan(documents.map(\.file), reading: reading(documents), environment: "staging", state: state, concurrency: 2)

        let plans = try results.map { try $0.get() }
        XCTAssertEqual(plans.map(\.file), ["agents/new.yaml", "agents/desk.yaml"])
        XCTAssertNil(plans[0].id)
        XCTAssertEqual(plans[0].comparison.changes.map(\.kind), [.create])
        XCTAssertEqual(plans[1].id, id)
        let kinds = Dictionary(uniqueKeysWithValues: plans[1].comparison.changes.map { ($0.path.last!, $0.kind) })
        XCTAssertEqual(kinds, ["turn_timeout": .change, "turn_eagerness": .drift])
        XCTAssertEqual(service.calls, ["get \(id)"], "only tracked files are read")
    }

    func testAnUnreadableLiveAgentIsAFailureForThatFileOnly() async throws {
        let service = InMemoryService(failing: ["agent_1"])
        service.seed(.agents, jsonObject(#"{"name":"A"}"#))
        let second = service.seed(.agents, jsonObject(#"{"name":"B"}"#))
        var state = SyncState()
        state["default", "agents/a.yaml"] = state.tracking(.agents, id: "agent_1", remoteUpdatedAt: nil, base: JSONObject())
        state["default", "agents/b.yaml"] = state.tracking(.agents, id: second, remoteUpdatedAt: nil, base: JSONObject())
        let documents = [try document("name: A\n", file: "agents/a.yaml"), try document("name: B\n", file: "agents/b.yaml")]

        let results = await Planner(.agents, service: service)
            .plan(documents.map(\.file), reading: reading(documents), environment: "default", state: state, concurrency: 4)

        guard case .failure(let failure) = results[0] else { return XCTFail("expected a failure") }
        XCTAssertEqual(failure.description, "agents/a.yaml: cannot read live agent agent_1: cannot reach agent_1")
        XCTAssertEqual(try results[1].get().comparison.changes.count, 0)
    }

    func testReadsOverlapUpToTheBound() async throws {
        let service = InMemoryService(latency: .milliseconds(20))
        var state = SyncState()
        var documents: [AgentDocument] = []
        for number in 1...8 {
            let id = service.seed(.agents, jsonObject(#"{"name":"A"}"#))
            state["default", "agents/\(number).yaml"] = state.tracking(.agents, id: id, remoteUpdatedAt: nil, base: JSONObject())
            documents.append(try document("name: A\n", file: "agents/\(number).yaml"))
        }
        let results = await Planner(.agents, service: service)
            .plan(documents.map(\.file), reading: reading(documents), environment: "default", state: state, concurrency: 3)
        XCTAssertEqual(results.count, 8)
        XCTAssertEqual(service.peakReadsInFlight, 3)
    }
}

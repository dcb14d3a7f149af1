import ConfigModel
import Foundation
import Remote
import XCTest

/// Pruning over the in-memory service: only tracked items of the resource whose file is gone.
final class PruningTests: XCTestCase {
    func testOnlyTrackedItemsOfTheResourceWhoseFileIsGoneAreDeleted() async throws {
        let dir = try temporaryDirectory(self)
        let service = InMemoryService(failing: ["agent_3"])
        let kept = service.seed(.agents, jsonObject(#"{"name":"Kept"}"#))
        let gone = service.seed(.agents, jsonObject(#"{"name":"Gone"}"#))
        let stuck = service.seed(.agents, jsonObject(#"{"name":"Stuck"}"#))
        let widget = service.seed(widgets, jsonObject(#"{"name":"Clock"}"#))
        let untracked = service.seed(.agents, jsonObject(#"{"name":"Made in the web app"}"#))
        try Data("name: Kept\n".utf8).write(to: URL(fileURLWithPath: dir + "/kept.yaml"))
        var state = SyncState()
        for (file, resource, id) in [("kept.yaml", Resource.agents, kept), ("gone.yaml", .agents, gone),
                                     ("stuck.yaml", .agents, stuck), ("clock.yaml", widgets, widget)] {
            state["default", dir + "/" + file] = state.tracking(resource, id: id, remoteUpdatedAt: nil, base: JSONObject())
        }

        let candidates = Pruning.candidates(.agents, state: state, environment: "default")
        XCTAssertEqual(candidates.map(\.id), [gone, stuck])
        XCTAssertEqual(Pruning.describe(candidates), """
            - \(dir)/gone.yaml  (live agent \(gone) will be deleted: its file was removed)
            - \(dir)/stuck.yaml  (live agent \(stuck) will be deleted: its file was removed)
            2 agents to delete

            """)
        XCTAssertEqual(Pruning.describe([]), "")
        XCTAssertTrue(Pruning.candidates(.agents, state: state, environment: "production").isEmpty)

        let (deleted, failures) = await Pruning.delete(candidates, service: service, environment: "default", state: &state)
        XCTAssertEqual(deleted.map(\.id), [gone], "every deletion is reported")
        XCTAssertEqual(failures.count, 1)
        XCTAssertNil(service.item(.agents, id: gone))
        XCTAssertNotNil(service.item(.agents, id: untracked))
        XCTAssertNotNil(service.item(widgets, id: widget))
        XCTAssertNil(state.entry(dir + "/gone.yaml", of: .agents, in: "default"))
        XCTAssertNotNil(state.entry(dir + "/stuck.yaml", of: .agents, in: "default"), "a failed delete stays tracked")
        XCTAssertNotNil(state.entry(dir + "/clock.yaml", of: widgets, in: "default"))
    }
}

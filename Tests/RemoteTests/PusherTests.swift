import ConfigModel
import Remote
import XCTest

/// The pusher over the in-memory service: creates, minimal updates, refusals, read-back, and the lock.
final class PusherTests: XCTestCase {
    private let files = FileShelf()

    private func plan(_ resource: Resource, _ yaml: String, file: String, service: InMemoryService,
                      state: SyncState) async throws -> PlannedFile {
        files.put(try document(yaml, file: file))
        let results = await Planner(resource, service: service)
            .plan([file], reading: files.read, environment: "default", state: state, concurrency: 1)
        return try results[0].get()
    }

    func testCreateThenPatchOnlyTheChangedFieldThenNothing() async throws {
        let service = InMemoryService()
        var state = SyncState()
        let pusher = Pusher(.agents, service: service)
        let yaml = "name: Desk\nconversation_config:\n  turn:\n    turn_timeout: 9\n    turn_eagerness: eager\n"

        let create = try await plan(.agents, yaml, file: "agents/desk.yaml", service: service, state: state)
        let created = await pusher.push([create], reading: files.read, environment: "default", force: false, concurrency: 2, state: &state)
        guard case .created(let id) = created[0].outcome else { return XCTFail("\(created)") }
        let entry = try XCTUnwrap(state.entry("agents/desk.yaml", of: .agents, in: "default"))
        XCTAssertEqual(entry.id, id)
        XCTAssertEqual(entry.remoteUpdatedAt, service.item(.agents, id: id)?["metadata"]?["updated_at_unix_secs"]?.numberValue)

        let change = try await plan(.agents, yaml.replacingOccurrences(of: "9", with: "11"), file: "agents/desk.yaml",
                                    service: service, state: state)
        let updated = await pusher.push([change], reading: files.read, environment: "default", force: false, concurrency: 2, state: &state)
        guard case .updated(fields: 1) = updated[0].outcome else { return XCTFail("\(updated)") }
        XCTAssertEqual(service.calls.suffix(3), ["get \(id)", "PATCH \(id)", "get \(id)"])
        XCTAssertEqual(JSONText.encode(.object(service.bodies.last!)), #"{"conversation_config":{"turn":{"turn_timeout":11}}}"#)

        let same = try await plan(.agents, yaml.replacingOccurrences(of: "9", with: "11"), file: "agents/desk.yaml",
                                  service: service, state: state)
        let nothing = await pusher.push([same], reading: files.read, environment: "default", force: false, concurrency: 2, state: &state)
        guard case .unchanged = nothing[0].outcome else { return XCTFail("\(nothing)") }
        XCTAssertEqual(service.bodies.count, 2, "nothing sent")
    }

    func testAConflictIsRefusedUnlessForced() async throws {
        let service = InMemoryService()
        var state = SyncState()
        let pusher = Pusher(.agents, service: service)
        let yaml = "name: Desk\nconversation_config:\n  turn:\n    turn_timeout: 9\n"
        let created = await pusher.push([try await plan(.agents, yaml, file: "a.yaml", service: service, state: state)],
                                        reading: files.read, environment: "default", force: false, concurrency: 1, state: &state)
        guard case .created(let id) = created[0].outcome else { return XCTFail("\(created)") }
        service.edit(.agents, id: id, jsonObject(#"{"conversation_config":{"turn":{"turn_timeout":20}}}"#))
        let lockBefore = state

        let conflicting = try await plan(.agents, yaml.replacingOccurrences(of: "9", with: "12"), file: "a.yaml",
                                         service: service, state: state)
        let refused = await pusher.push([conflicting], reading: files.read, environment: "default", force: false, concurrency: 1, state: &state)
        guard case .refused(let fields) = refused[0].outcome else { return XCTFail("\(refused)") }
        XCTAssertEqual(fields.map(\.dottedPath), ["conversation_config.turn.turn_timeout"])
        XCTAssertEqual(state, lockBefore, "a refused push records nothing")

        let forced = await pusher.push([conflicting], reading: files.read, environment: "default", force: true, concurrency: 1, state: &state)
        guard case .updated(fields: 1) = forced[0].outcome else { return XCTFail("\(forced)") }
        XCTAssertEqual(service.item(.agents, id: id)?["conversation_config"]?["turn"]?["turn_timeout"], .number(12))
    }

    func testAFieldTheServerDidNotStoreFailsTheAgent() async throws {
        let service = InMemoryService(dropped: ["tags"])
        var state = SyncState()
        let plan = try await plan(.agents, "name: Desk\ntags: [front]\n", file: "a.yaml", service: service, state: state)
        let results = await Pusher(.agents, service: service).push([plan], reading: files.read, environment: "default", force: false,
                                                                   concurrency: 1, state: &state)
        guard case .failed(let message) = results[0].outcome else { return XCTFail("\(results)") }
        XCTAssertEqual(message, #"the API did not store what was sent: tags sent ["front"], stored nothing"#)
        XCTAssertNotNil(state.entry("a.yaml", of: .agents, in: "default"), "the agent exists, so it is tracked")
    }

    func testResultsKeepTheOrderOfThePlans() async throws {
        let service = InMemoryService()
        var state = SyncState()
        var plans: [PlannedFile] = []
        for number in 1...6 {
            plans.append(try await plan(.agents, "name: Agent \(number)\n", file: "\(number).yaml", service: service, state: state))
        }
        let results = await Pusher(.agents, service: service).push(plans, reading: files.read, environment: "default", force: false,
                                                                   concurrency: 3, state: &state)
        XCTAssertEqual(results.map(\.file), (1...6).map { "\($0).yaml" })
        XCTAssertEqual(state.entries(of: .agents, in: "default").count, 6)
    }

    func testTheDescriptionFormsTheUpdateBody() async throws {
        let service = InMemoryService()
        var state = SyncState()
        let pusher = Pusher(widgets, service: service)
        let yaml = "name: Clock\nconfig:\n  hands: 2\n  face: round\n"
        let created = await pusher.push([try await plan(widgets, yaml, file: "w.yaml", service: service, state: state)],
                                        reading: files.read, environment: "default", force: false, concurrency: 1, state: &state)
        guard case .created(let id) = created[0].outcome else { return XCTFail("\(created)") }

        let change = try await plan(widgets, yaml.replacingOccurrences(of: "2", with: "3"), file: "w.yaml",
                                    service: service, state: state)
        XCTAssertEqual(change.comparison.changes.map(\.dottedPath), ["config.hands"], "the plan shows the field")
        let updated = await pusher.push([change], reading: files.read, environment: "default", force: false, concurrency: 1, state: &state)
        guard case .updated(fields: 1) = updated[0].outcome else { return XCTFail("\(updated)") }
        XCTAssertEqual(service.calls.suffix(2), ["PUT \(id)", "get \(id)"])
        XCTAssertEqual(JSONText.encode(.object(service.bodies.last!)), #"{"config":{"hands":3,"face":"round"}}"#,
                       "the request carries the whole section")
    }

    func testAFileChangedAfterItsPlanIsNotSent() async throws {
        let service = InMemoryService()
        var state = SyncState()
        let planned = try await plan(.agents, "name: Desk\n", file: "a.yaml", service: service, state: state)
        files.put(try document("name: Desk 2\n", file: "a.yaml"))
        let results = await Pusher(.agents, service: service).push([planned], reading: files.read, environment: "default",
                                                                   force: false, concurrency: 1, state: &state)
        guard case .failed(let message) = results[0].outcome else { return XCTFail("\(results)") }
        XCTAssertTrue(message.hasPrefix("the file changed while agentctl was working on it"), message)
        XCTAssertTrue(service.bodies.isEmpty, "nothing sent")
        XCTAssertNil(state.entry("a.yaml", of: .agents, in: "default"))
    }
}

import ConfigModel
import Foundation
import Remote
import XCTest

/// The puller over the in-memory service, writing real files into a temporary directory.
final class PullerTests: XCTestCase {
    private func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
    /// The file's text after its first line, the schema modeline (whose relative path depends on the directory).
    private func body(_ path: String) throws -> String {
        let text = try read(path)
        XCTAssertTrue(text.hasPrefix("# yaml-language-server: $schema="), text)
        return String(text.drop(while: { $0 != "\n" }).dropFirst())
    }

    func testNewAgentsGetCollisionSafeFilesAndLockEntries() async throws {
        let dir = try temporaryDirectory(self) + "/agents"
        let service = InMemoryService()
        let first = service.seed(.agents, jsonObject(#"{"name":"Support Desk","conversation_config":{"turn":{"turn_timeout":7}}}"#))
        let second = service.seed(.agents, jsonObject(#"{"name":"Support desk!","conversation_config":{"turn":{"turn_timeout":12}}}"#))
        service.seed(.agents, jsonObject(#"{"name":"???"}"#))
        var state = SyncState()

        let results = try await Puller(.agents, service: service)
            .pull(Puller.Options(environment: "default", directory: dir), state: &state)

        XCTAssertEqual(results.map(\.file), ["\(dir)/agent.yaml", "\(dir)/support-desk.yaml", "\(dir)/support-desk-2.yaml"])
        XCTAssertEqual(results.map(\.change), [.new, .new, .new])
        XCTAssertEqual(state.entry("\(dir)/support-desk.yaml", of: .agents, in: "default")?.id, first)
        XCTAssertEqual(state.entry("\(dir)/support-desk-2.yaml", of: .agents, in: "default")?.id, second)
        XCTAssertEqual(try body("\(dir)/support-desk.yaml"), "name: Support Desk\n",
                       "turn_timeout 7 is the default, so it is left out")
        XCTAssertEqual(state.entry("\(dir)/support-desk-2.yaml", of: .agents, in: "default")?.fileHash,
                       ContentHash.of(jsonObject(#"{"name":"Support desk!","conversation_config":{"turn":{"turn_timeout":12}}}"#)))

        let again = try await Puller(.agents, service: service)
            .pull(Puller.Options(environment: "default", directory: dir), state: &state)
        XCTAssertEqual(again.map(\.change), [.unchanged, .unchanged, .unchanged])
        XCTAssertEqual(again.map(\.file), results.map(\.file), "tracked agents keep their files")
    }

    func testALocalEditIsMergedWithALiveChangeAndADryRunWritesNothing() async throws {
        let dir = try temporaryDirectory(self) + "/agents"
        let service = InMemoryService()
        let id = service.seed(.agents, jsonObject(#"{"name":"Desk"}"#))
        var state = SyncState()
        let puller = Puller(.agents, service: service)
        _ = try await puller.pull(Puller.Options(environment: "default", directory: dir), state: &state)
        let file = "\(dir)/desk.yaml"
        let edited = try read(file) + "tags: [mine]   # ours\n"
        try Data(edited.utf8).write(to: URL(fileURLWithPath: file))
        service.edit(.agents, id: id, jsonObject(#"{"name":"Front desk"}"#))

        var dryRun = Puller.Options(environment: "default", directory: dir)
        dryRun.dryRun = true
        let before = state
        let shown = try await puller.pull(dryRun, state: &state)
        XCTAssertEqual(shown.map(\.change), [.updated])
        XCTAssertEqual(shown[0].after, edited.replacingOccurrences(of: "name: Desk", with: "name: Front desk"))
        XCTAssertEqual(try read(file), edited)
        XCTAssertEqual(state, before)

        let merged = try await puller.pull(Puller.Options(environment: "default", directory: dir), state: &state)
        XCTAssertEqual(merged.map(\.change), [.updated])
        XCTAssertEqual(merged[0].conflicts, [])
        XCTAssertEqual(try body(file), "name: Front desk\ntags: [mine]   # ours\n", "the live change taken, the local edit kept")
        XCTAssertNotEqual(state.entry(file, of: .agents, in: "default")?.fileHash,
                          ContentHash.of(jsonObject(#"{"name":"Front desk","tags":["mine"]}"#)),
                          "the lock records what was agreed, so the kept edit is still a local change")
        let again = try await puller.pull(Puller.Options(environment: "default", directory: dir), state: &state)
        XCTAssertEqual(again.map(\.change), [.unchanged])
        XCTAssertEqual(try body(file), "name: Front desk\ntags: [mine]   # ours\n")
    }

    func testAConflictIsLeftAsTheFileHasItAndNotRecordedUnlessASideIsTaken() async throws {
        let dir = try temporaryDirectory(self) + "/agents"
        let service = InMemoryService()
        let id = service.seed(.agents, jsonObject(#"{"name":"Desk","tags":["a"]}"#))
        var state = SyncState()
        let puller = Puller(.agents, service: service)
        _ = try await puller.pull(Puller.Options(environment: "default", directory: dir), state: &state)
        let file = "\(dir)/desk.yaml"
        let edited = try read(file).replacingOccurrences(of: "name: Desk", with: "name: Ours")
        try Data(edited.utf8).write(to: URL(fileURLWithPath: file))
        service.edit(.agents, id: id, jsonObject(#"{"name":"Theirs","tags":["b"]}"#))
        let entry = state.entry(file, of: .agents, in: "default")

        let open = try await puller.pull(Puller.Options(environment: "default", directory: dir), state: &state)
        XCTAssertEqual(open[0].conflicts, [ThreeWayMerge.Conflict(path: ["name"], ours: .string("Ours"), theirs: .string("Theirs"))])
        let left = try read(file)
        XCTAssertTrue(left.contains("name: Ours\ntags:\n  - b\n"), left)
        XCTAssertEqual(state.entry(file, of: .agents, in: "default"), entry, "an open conflict keeps the last sync's base")

        var theirs = Puller.Options(environment: "default", directory: dir)
        theirs.taking = .theirs
        let taken = try await puller.pull(theirs, state: &state)
        XCTAssertEqual(taken[0].conflicts.count, 1)
        XCTAssertTrue(try read(file).contains("name: Theirs\n"))
        XCTAssertNotEqual(state.entry(file, of: .agents, in: "default"), entry)
    }

    func testSelectorsPickFilesOrIDsAndAnUnknownOneIsAnError() async throws {
        let dir = try temporaryDirectory(self) + "/agents"
        let service = InMemoryService(failing: ["agent_2"])
        let first = service.seed(.agents, jsonObject(#"{"name":"Sales"}"#))
        let broken = service.seed(.agents, jsonObject(#"{"name":"Support"}"#))
        var state = SyncState()
        var options = Puller.Options(environment: "default", directory: dir)
        options.selectors = [first]
        let one = try await Puller(.agents, service: service).pull(options, state: &state)
        XCTAssertEqual(one.map(\.id), [first])

        options.selectors = [broken]
        let failed = try await Puller(.agents, service: service).pull(options, state: &state)
        XCTAssertEqual(failed.map(\.change), [.failed("cannot reach agent_2")])
        XCTAssertNil(state.file(for: broken, of: .agents, in: "default"), "a failed pull records nothing")

        options.selectors = ["agents/nothing.yaml"]
        do {
            _ = try await Puller(.agents, service: service).pull(options, state: &state)
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual("\(error)", "`agents/nothing.yaml` is neither a file tracked in environment `default` nor the ID of a live agent")
        }
    }

    func testAnotherResourceIsPulledIntoItsOwnFilesFromItsDescription() async throws {
        let dir = try temporaryDirectory(self) + "/widgets"
        let service = InMemoryService()
        let id = service.seed(widgets, jsonObject(#"{"name":"Clock","config":{"hands":2},"usage":7}"#))
        var state = SyncState()
        let results = try await Puller(widgets, service: service)
            .pull(Puller.Options(environment: "default", directory: dir), state: &state)
        XCTAssertEqual(results.map(\.file), ["\(dir)/clock.yaml"])
        XCTAssertEqual(try read("\(dir)/clock.yaml"), "# widget\nname: Clock\nconfig:\n  hands: 2\n", "only the file keys")
        XCTAssertEqual(state.entry("\(dir)/clock.yaml", of: widgets, in: "default")?.id, id)
        XCTAssertTrue(state.text().contains(#""kind": "widget","#) && state.text().contains(#""widget_id": "widget_1""#))
    }
}

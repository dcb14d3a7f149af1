import ConfigModel
import Foundation
import XCTest

/// Directory walks end, check each file once, and never skip a folder silently.
final class AgentFileFinderTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("finder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("agents/team"), withIntermediateDirectories: true)
        try Data("name: a\n".utf8).write(to: root.appendingPathComponent("agents/a.yaml"))
        try Data("name: b\n".utf8).write(to: root.appendingPathComponent("agents/team/b.yml"))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func link(_ name: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(name).path, withDestinationPath: destination)
    }

    private func relative(_ files: [String]) -> [String] { files.map { String($0.dropFirst(root.path.count + 1)) } }

    func testASymlinkLoopIsFollowedOnceAndEachFileCheckedOnce() throws {
        try link("agents/team/loop", to: "..")
        try link("agents/again", to: "team")
        try link("agents/same.yaml", to: "a.yaml")
        let files = try AgentFileFinder.files(in: [root.appendingPathComponent("agents").path])
        XCTAssertEqual(relative(files), ["agents/a.yaml", "agents/again/b.yml"])
    }

    func testAFileNamedTwiceOrUnderItsFolderIsCheckedOnce() throws {
        let a = root.appendingPathComponent("agents/a.yaml").path
        let files = try AgentFileFinder.files(in: [a, root.appendingPathComponent("agents/./a.yaml").path, root.appendingPathComponent("agents").path])
        XCTAssertEqual(relative(files), ["agents/a.yaml", "agents/team/b.yml"])
    }

    func testAnUnreadableSubdirectoryIsAnErrorNotSkipped() throws {
        let team = root.appendingPathComponent("agents/team").path
        let listing: AgentFileFinder.Listing = { path in
            if path == team { throw CocoaError(.fileReadNoPermission) }
            return try FileManager.default.contentsOfDirectory(atPath: path)
        }
        XCTAssertThrowsError(try AgentFileFinder.files(in: [root.appendingPathComponent("agents").path], listing: listing)) { error in
            XCTAssertEqual("\(error)", "cannot read the directory: \(team)")
        }
    }

    func testAMissingPathIsAnError() {
        XCTAssertThrowsError(try AgentFileFinder.files(in: [root.appendingPathComponent("nope").path])) { error in
            XCTAssertTrue("\(error)".hasPrefix("no such file or directory: "), "\(error)")
        }
    }
}

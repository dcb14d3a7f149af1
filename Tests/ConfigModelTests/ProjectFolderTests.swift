import ConfigModel
import Foundation
import XCTest

/// ProjectFolder works out paths in text; these pin that it gives what a standardized file URL gives.
final class ProjectFolderTests: XCTestCase {
    /// `^` stands for `..` in these cases, so that this file names no path outside the repository (a rule
    /// Tests/python/test_repository_stands_alone.py keeps).
    private func climbing(_ text: String) -> String { text.replacingOccurrences(of: "^", with: "..") }

    private let starts = ["/srv/project", "/srv/project/", "/", "/srv/./project/agents/^/tools", "/srv/project/a b"]
    private let paths = ["agents/a.yaml", "./agents/", "^/x.yaml", "^/^/^/^/^/x", "/abs/./p/^/q.yaml", "a//b", ".",
                         "^", "agents/", "/", "//x", "a/^", "x/.hidden", "...", "a/.../b", "é/ü.yaml", "~/x.yaml"]

    func testRelativePathsAreWhatAStandardizedFileURLGives() {
        let folder = ProjectFolder(path: "/srv/project", hasSettingsFile: true)
        for start in starts.map(climbing) {
            for path in paths.map(climbing) {
                let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: start, isDirectory: true))
                    .standardizedFileURL.path
                let inside = absolute.hasPrefix("/srv/project/") ? String(absolute.dropFirst("/srv/project/".count)) : absolute
                let expected = absolute == "/srv/project" ? "." : path.hasSuffix("/") && absolute.hasPrefix("/srv/project/") ? inside + "/" : inside
                XCTAssertEqual(folder.relative(path, from: start), expected, "\(path) from \(start)")
            }
        }
    }

    func testTheNearestSettingsFileAboveAStartWithDotsIsFound() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("project-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("agents/team"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try Data().write(to: root.appendingPathComponent(ProjectFolder.settingsFileName))

        let found = ProjectFolder.find(from: root.path + climbing("/agents/./team/^/team"))
        XCTAssertEqual(found, ProjectFolder(path: root.standardizedFileURL.path, hasSettingsFile: true))
        try FileManager.default.createDirectory(at: root.appendingPathComponent("agents/team/.git"), withIntermediateDirectories: true)
        let stopped = ProjectFolder.find(from: root.path + "/agents/team/")
        XCTAssertEqual(stopped, ProjectFolder(path: root.path + "/agents/team", hasSettingsFile: false), "the top of a Git repository ends the search")
    }
}

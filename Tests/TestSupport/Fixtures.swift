import Foundation

/// Test inputs shared by more than one test, kept as files under `Tests/Fixtures`.
public enum Fixtures {
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public static let directory = repositoryRoot.appendingPathComponent("Tests/Fixtures")

    /// `Tests/Fixtures/<path>`.
    public static func url(_ path: String) -> URL {
        directory.appendingPathComponent(path)
    }

    /// The text of `Tests/Fixtures/<path>`.
    public static func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }
}

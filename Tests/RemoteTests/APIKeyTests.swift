import Foundation
import Remote
import XCTest

final class APIKeyTests: XCTestCase {
    func testFromTheDefaultVariable() throws {
        let key = try APIKey.fromEnvironment(environment: ["ELEVENLABS_API_KEY": "abc123\n"])
        XCTAssertEqual(key.source, .environment(variable: "ELEVENLABS_API_KEY"))
    }

    func testFromANamedVariable() throws {
        let key = try APIKey.fromEnvironment(variable: "STAGING_KEY", environment: ["STAGING_KEY": "abc"])
        XCTAssertEqual(key.source, .environment(variable: "STAGING_KEY"))
    }

    func testMissingVariableSaysHowToProvideIt() {
        XCTAssertThrowsError(try APIKey.fromEnvironment(environment: [:])) { error in
            XCTAssertEqual(String(describing: error),
                           "no API key: ELEVENLABS_API_KEY is not set; export it or pass a key file")
        }
    }

    func testFromAFileIgnoringTheTrailingNewline() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString)")
        try Data("sk_file_key\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let key = try APIKey.fromFile(file.path)

        XCTAssertEqual(key.source, .file(path: file.path))
        XCTAssertEqual(String(describing: key), "API key from the key file \(file.path) (redacted)")
    }

    func testEmptyOrUnreadableFileIsAnError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("key-\(UUID().uuidString)")
        try Data("\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertThrowsError(try APIKey.fromFile(file.path)) { error in
            XCTAssertEqual(error as? APIKeyError, .empty(.file(path: file.path)))
        }
        XCTAssertThrowsError(try APIKey.fromFile("/nonexistent/key")) { error in
            guard case APIKeyError.unreadableFile(let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "/nonexistent/key")
        }
    }

    func testKeyWithInnerSpacesIsRefusedWithoutEchoingIt() {
        XCTAssertThrowsError(try APIKey.fromEnvironment(environment: ["ELEVENLABS_API_KEY": "secret part"])) { error in
            XCTAssertEqual(String(describing: error), "the API key in the environment variable ELEVENLABS_API_KEY "
                + "contains spaces, control or non-ASCII characters; check that it holds only the key")
        }
    }
}

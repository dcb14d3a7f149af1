import ConfigModel
import Foundation
import Validation
import XCTest

/// A webhook header filled by a whole `${VAR}` is never a literal secret; one with a placeholder inside other text is
/// sent as written, so it still is.
final class PlaceholderSecretTests: XCTestCase {
    func testOnlyAWholePlaceholderKeepsAHeaderFromBeingALiteralSecret() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("placeholder-secret-\(UUID().uuidString)/tools")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let file = dir.appendingPathComponent("hook.yaml").path
        try """
            tool_config:
              type: webhook
              name: hook
              description: Calls the hook.
              api_schema:
                url: https://example.com/hook
                method: POST
                request_headers:
                  X-Api-Key: ${HOOK_API_KEY}
                  Authorization: Bearer ${HOOK_TOKEN}

            """.write(toFile: file, atomically: true, encoding: .utf8)
        let validator = Validator(variables: Variables(environment: ["HOOK_API_KEY": "k-0123456789abcdef"]))
        let secrets = validator.validate(file: file).diagnostics.filter { $0.rule.rawValue == "literal-secret" }
        XCTAssertEqual(secrets.map(\.mark.line), [10], secrets.map(\.description).joined(separator: "\n"))
    }
}

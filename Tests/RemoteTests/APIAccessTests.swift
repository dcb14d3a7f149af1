import Foundation
import Remote
import XCTest

/// Flag, then environment variable, then agentctl.yaml, then the default: for the base URL and for the key.
final class APIAccessTests: XCTestCase {
    private let yaml = ProjectSettings.Environment(base_url: "eu", api_key_env: "STAGING_KEY")

    func testTheBaseURLFlagWinsThenTheVariableThenTheSettingsThenTheGlobalHost() throws {
        let variables = ["ELEVENLABS_BASE_URL": "http://127.0.0.1:9", "STAGING_KEY": "k", "ELEVENLABS_API_KEY": "d"]
        func url(flag: String?, variables: [String: String], settings: ProjectSettings.Environment) throws -> String {
            try APIAccess(baseURLFlag: flag, apiKeyFileFlag: nil, settings: settings, variables: variables).baseURL.description
        }
        XCTAssertEqual(try url(flag: "us", variables: variables, settings: yaml), "https://api.us.elevenlabs.io")
        XCTAssertEqual(try url(flag: nil, variables: variables, settings: yaml), "http://127.0.0.1:9")
        XCTAssertEqual(try url(flag: nil, variables: ["STAGING_KEY": "k"], settings: yaml), "https://api.eu.residency.elevenlabs.io")
        XCTAssertEqual(try url(flag: nil, variables: ["ELEVENLABS_API_KEY": "d"], settings: .init()), "https://api.elevenlabs.io")
    }

    func testTheKeyFileFlagWinsThenTheSettingsFileThenTheNamedVariableThenTheDefaultVariable() throws {
        let dir = try temporaryDirectory(self)
        try Data("from-flag\n".utf8).write(to: URL(fileURLWithPath: dir + "/flag.key"))
        try Data("from-settings".utf8).write(to: URL(fileURLWithPath: dir + "/settings.key"))
        let withFile = ProjectSettings.Environment(api_key_env: "STAGING_KEY", api_key_file: dir + "/settings.key")
        let variables = ["STAGING_KEY": "from-named", "ELEVENLABS_API_KEY": "from-default"]
        func source(flag: String?, settings: ProjectSettings.Environment) throws -> APIKey.Source {
            try APIAccess(baseURLFlag: nil, apiKeyFileFlag: flag, settings: settings, variables: variables).apiKey.source
        }
        XCTAssertEqual(try source(flag: dir + "/flag.key", settings: withFile), .file(path: dir + "/flag.key"))
        XCTAssertEqual(try source(flag: nil, settings: withFile), .file(path: dir + "/settings.key"))
        XCTAssertEqual(try source(flag: nil, settings: yaml), .environment(variable: "STAGING_KEY"))
        XCTAssertEqual(try source(flag: nil, settings: .init()), .environment(variable: "ELEVENLABS_API_KEY"))
    }

    func testAProblemWithTheBaseURLIsReportedBeforeOneWithTheKey() {
        XCTAssertThrowsError(try APIAccess(baseURLFlag: "http://example.com", apiKeyFileFlag: nil, settings: .init(),
                                           variables: [:])) { error in
            XCTAssertEqual(error as? BaseURLError, .plainHTTP("example.com"))
        }
        XCTAssertThrowsError(try APIAccess(baseURLFlag: nil, apiKeyFileFlag: nil, settings: yaml, variables: [:])) { error in
            XCTAssertEqual(error as? APIKeyError, .missingVariable("STAGING_KEY"))
        }
    }
}

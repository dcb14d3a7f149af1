import Remote
import XCTest

final class APIBaseURLTests: XCTestCase {
    func testDefaultIsTheGlobalHost() {
        XCTAssertEqual(APIBaseURL.production.description, "https://api.elevenlabs.io")
    }

    func testResidencyHostsByName() throws {
        XCTAssertEqual(try APIBaseURL("us").description, "https://api.us.elevenlabs.io")
        XCTAssertEqual(try APIBaseURL("EU").description, "https://api.eu.residency.elevenlabs.io")
        XCTAssertEqual(try APIBaseURL("in").description, "https://api.in.residency.elevenlabs.io")
        XCTAssertEqual(try APIBaseURL("sg").description, "https://api.sg.residency.elevenlabs.io")
        XCTAssertEqual(try APIBaseURL("global").description, "https://api.elevenlabs.io")
    }

    func testAnyHTTPSURLWithTrailingSlashesTrimmed() throws {
        XCTAssertEqual(try APIBaseURL("https://proxy.example.com/elevenlabs/").description,
                       "https://proxy.example.com/elevenlabs")
        XCTAssertEqual(try APIBaseURL("HTTPS://api.elevenlabs.io").description, "https://api.elevenlabs.io")
    }

    func testAPathNamingTheAPIVersionIsRefusedWithTheRightForm() {
        for (given, rightForm) in [("https://api.elevenlabs.io/v1", "https://api.elevenlabs.io"),
                                   ("https://api.elevenlabs.io/v1/convai/agents/", "https://api.elevenlabs.io"),
                                   ("https://proxy.example.com/eleven/V1", "https://proxy.example.com/eleven")] {
            XCTAssertThrowsError(try APIBaseURL(given), given) { error in
                XCTAssertEqual(error as? BaseURLError, .includesAPIPath(given, rightForm: rightForm))
            }
        }
        XCTAssertNoThrow(try APIBaseURL("https://proxy.example.com/v1beta"))
    }

    func testPlainHTTPOnlyToLoopback() throws {
        for allowed in ["http://127.0.0.1:8080", "http://127.4.5.6", "http://localhost:3000"] {
            XCTAssertNoThrow(try APIBaseURL(allowed), allowed)
        }
        for ipv6Loopback in ["http://[::1]:9000", "http://[0:0:0:0:0:0:0:1]", "http://[::ffff:127.0.0.1]"] {
            #if canImport(FoundationNetworking)
            XCTAssertThrowsError(try APIBaseURL(ipv6Loopback), ipv6Loopback) { error in
                guard case BaseURLError.ipv6Literal = error else { return XCTFail("\(ipv6Loopback): \(error)") }
            }
            #else
            XCTAssertNoThrow(try APIBaseURL(ipv6Loopback), ipv6Loopback)
            #endif
        }
        for refused in ["http://api.elevenlabs.io", "http://10.0.0.1", "http://128.0.0.1", "http://[::2]",
                        "http://localhost.example.com"] {
            XCTAssertThrowsError(try APIBaseURL(refused), refused) { error in
                guard case BaseURLError.plainHTTP = error else { return XCTFail("\(refused): \(error)") }
            }
        }
    }

    func testRefusalMessagesSayWhatToDo() {
        XCTAssertEqual(String(describing: BaseURLError.plainHTTP("api.example.com")), """
            refusing plain http:// to api.example.com: the API key would be sent unencrypted; use https:// \
            (http is allowed only for localhost, 127.0.0.0/8 and ::1)
            """)
        #if canImport(FoundationNetworking)
        XCTAssertThrowsError(try APIBaseURL("http://[::1]:8080")) { error in
            XCTAssertEqual(String(describing: error), """
                base URLs with an IPv6 address are not supported on Linux (Foundation's HTTP client refuses them); \
                for ::1 use http://localhost:8080, which reaches a server listening on ::1, or give the server a host name
                """)
        }
        #endif
        XCTAssertThrowsError(try APIBaseURL("moon")) { error in
            XCTAssertEqual(String(describing: error),
                           "base URL \"moon\" is neither a residency name (global, us, eu, in, sg) nor an http(s) URL")
        }
        XCTAssertThrowsError(try APIBaseURL("https://user:pw@api.elevenlabs.io")) { error in
            XCTAssertEqual(error as? BaseURLError, .containsCredentials)
        }
        XCTAssertThrowsError(try APIBaseURL("ftp://api.elevenlabs.io")) { error in
            XCTAssertEqual(error as? BaseURLError, .unsupportedScheme("ftp"))
        }
        XCTAssertThrowsError(try APIBaseURL("https://api.elevenlabs.io/?x=1")) { error in
            XCTAssertEqual(error as? BaseURLError, .hasQueryOrFragment("https://api.elevenlabs.io/?x=1"))
        }
    }
}

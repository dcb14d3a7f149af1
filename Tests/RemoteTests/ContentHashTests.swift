import ConfigModel
@testable import Remote
import XCTest

/// The lock's hashes are SHA-256 (checked against Python's hashlib) of canonical JSON, so the same values hash the
/// same however they were spelled.
final class ContentHashTests: XCTestCase {
    func testSHA256MatchesTheStandardAcrossPaddingBoundaries() {
        let expected = [
            0: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            55: "576a1bf8d4478657e6dc4af9398544765c2a92cde28478b019235cfed315fc09",
            56: "9b20501dfd1d99161c257950f3444f3e49230c351c5c8e0943ef369f85f5205d",
            64: "d8bc63b4fc1156e5e7d95a418b9bf54cd3174bedbc2db40f74895349b229b3c0",
            1000: "89f4ff56a25dd1db06a4ce6033603775d705fb96f30f8693733fef602a1ca532",
        ]
        for (length, digest) in expected {
            XCTAssertEqual(ContentHash.sha256Hex((0..<length).map { UInt8(($0 * 7) % 256) }), digest, "\(length) bytes")
        }
    }

    func testTheHashIsOfCanonicalJSON() throws {
        let spelled = try XCTUnwrap(JSONParser.parse(Array(#"{"b": "x", "a": [1.0, 2.50]}"#.utf8)).objectValue)
        XCTAssertEqual(ContentHash.of(spelled), "5cefae54a95b31dc660d6cbbb2198f0811fc70ee37b1cc85b1989870cd293ffb",
                       #"the SHA-256 of {"a":[1,2.5],"b":"x"}"#)
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import Remote
import XCTest

/// Which errors are TLS failures, never retried. The real handshake is checked end to end (FaultToleranceTests).
final class TLSFailureTests: XCTestCase {
    func testCertificateCodesAreTLSFailures() {
        XCTAssertNotNil(TLSFailure.reason(URLError(.serverCertificateUntrusted)))
        XCTAssertNotNil(TLSFailure.reason(URLError(.secureConnectionFailed)))
    }

    func testLinuxReportsCurlsTextUnderTheUnknownCode() {
        let error = URLError(.unknown, userInfo: [NSLocalizedDescriptionKey: "SSL certificate problem: self-signed certificate"])
        XCTAssertEqual(TLSFailure.reason(error), "SSL certificate problem: self-signed certificate")
    }

    func testOtherFailuresAreNot() {
        XCTAssertNil(TLSFailure.reason(URLError(.cannotConnectToHost)))
        XCTAssertNil(TLSFailure.reason(URLError(.timedOut)))
        XCTAssertNil(TLSFailure.reason(URLError(.unknown, userInfo: [NSLocalizedDescriptionKey: "connection reset by peer"])))
    }
}

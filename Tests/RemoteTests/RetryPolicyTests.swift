import Foundation
import Remote
import XCTest

final class RetryPolicyTests: XCTestCase {
    let policy = RetryPolicy(baseDelay: .milliseconds(500), maxDelay: .seconds(8))

    func testBackoffDoublesWithinJitterBoundsAndIsCapped() {
        XCTAssertEqual(policy.backoff(afterAttempt: 1, random: 0), .milliseconds(250))
        XCTAssertEqual(policy.backoff(afterAttempt: 1, random: 0.999_999), .milliseconds(500), accuracy: .microseconds(1))
        XCTAssertEqual(policy.backoff(afterAttempt: 3, random: 0), .seconds(1))
        XCTAssertEqual(policy.backoff(afterAttempt: 10, random: 0), .seconds(4))
        XCTAssertEqual(policy.backoff(afterAttempt: 50, random: 0.999_999), .seconds(8), accuracy: .microseconds(10))
    }

    func testRetryAfterWaitAddsAtMostTenPercent() {
        XCTAssertEqual(policy.wait(forRetryAfter: .seconds(10), random: 0), .seconds(10))
        XCTAssertEqual(policy.wait(forRetryAfter: .seconds(10), random: 0.5), .seconds(10.5))
    }

    func testRetryAfterInSeconds() {
        let now = Date(timeIntervalSince1970: 0)
        XCTAssertEqual(RetryPolicy.retryAfter("7", now: now), .seconds(7))
        XCTAssertEqual(RetryPolicy.retryAfter(" 0 ", now: now), .zero)
        XCTAssertNil(RetryPolicy.retryAfter("-3", now: now))
        XCTAssertNil(RetryPolicy.retryAfter("soon", now: now))
    }

    func testRetryAfterAsHTTPDateInAllThreeFormats() {
        let now = Date(timeIntervalSince1970: 784_111_770) // Sun, 06 Nov 1994 08:49:30 GMT
        XCTAssertEqual(RetryPolicy.retryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now: now), .seconds(7))
        XCTAssertEqual(RetryPolicy.retryAfter("Sunday, 06-Nov-94 08:49:37 GMT", now: now), .seconds(7))
        XCTAssertEqual(RetryPolicy.retryAfter("Sun Nov  6 08:49:37 1994", now: now), .seconds(7))
        XCTAssertEqual(RetryPolicy.retryAfter("Sun, 06 Nov 1994 08:49:00 GMT", now: now), .zero)
    }
}

private func XCTAssertEqual(_ lhs: Duration, _ rhs: Duration, accuracy: Duration,
                            file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertLessThanOrEqual(abs(lhs - rhs), accuracy, "\(lhs) is not \(rhs)", file: file, line: line)
}

private func abs(_ duration: Duration) -> Duration {
    duration < .zero ? .zero - duration : duration
}

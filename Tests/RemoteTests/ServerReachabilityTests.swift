import Remote
import XCTest

/// The decision to stop starting requests: pure, so each rule is checked exactly.
final class ServerReachabilityTests: XCTestCase {
    func testGoneAfterThreeFailuresInARowIncludingARetry() {
        var state = ServerReachability(threshold: 3)
        state.record(answered: false, attempt: 1, failure: "connection refused")
        state.record(answered: false, attempt: 2, failure: "connection refused")
        XCTAssertFalse(state.isGone)
        state.record(answered: false, attempt: 3, failure: "connection refused")
        XCTAssertTrue(state.isGone)
        XCTAssertEqual(state.explanation, "3 attempts in a row got no answer, the last: connection refused")
    }

    func testFirstAttemptsFailingAtOnceAreABlipNotAnOutage() {
        // Eight requests in flight all cut by one restart: nobody has retried yet.
        var state = ServerReachability(threshold: 3)
        for _ in 1...8 { state.record(answered: false, attempt: 1, failure: "the connection closed") }
        XCTAssertFalse(state.isGone)
        state.record(answered: false, attempt: 2, failure: "connection refused")
        XCTAssertTrue(state.isGone)
    }

    func testAnyAnswerEvenAnErrorStartsTheCountAgain() {
        var state = ServerReachability(threshold: 3)
        state.record(answered: false, attempt: 1)
        state.record(answered: false, attempt: 2)
        state.record(answered: true, attempt: 3)
        state.record(answered: false, attempt: 1)
        state.record(answered: false, attempt: 2)
        XCTAssertFalse(state.isGone)
        XCTAssertEqual(state.consecutiveFailures, 2)
    }

    func testOnceGoneItStaysGone() {
        var state = ServerReachability(threshold: 1)
        state.record(answered: false, attempt: 2, failure: "timed out after 30 s")
        state.record(answered: true, attempt: 1)
        XCTAssertTrue(state.isGone)
        XCTAssertEqual(state.lastFailure, "timed out after 30 s")
    }
}

import Remote
import XCTest

/// The waits between looks at a test run: doubling, capped, and never past the limit.
final class PollScheduleTests: XCTestCase {
    func testWaitsDoubleUpToTheLongestAndStopAtTheLimit() {
        let schedule = PollSchedule(limit: .seconds(30))
        XCTAssertEqual((1...7).map { schedule.wait(beforeLook: $0, elapsed: .zero) },
                       [.milliseconds(500), .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(10), .seconds(10)])
        XCTAssertEqual(schedule.wait(beforeLook: 6, elapsed: .seconds(27)), .seconds(3), "the last wait ends at the limit")
        XCTAssertNil(schedule.wait(beforeLook: 2, elapsed: .seconds(30)))
        XCTAssertNil(schedule.wait(beforeLook: 1, elapsed: .seconds(31)))
    }
}

import Remote
import Synchronization
import XCTest

final class BoundedMapTests: XCTestCase {
    private final class Gauge: Sendable {
        private let counts = Mutex((running: 0, peak: 0))
        var peak: Int { counts.withLock { $0.peak } }
        func enter() { counts.withLock { $0.running += 1; $0.peak = max($0.peak, $0.running) } }
        func leave() { counts.withLock { $0.running -= 1 } }
    }

    func testResultsComeInInputOrderWithAtMostLimitInFlight() async {
        let gauge = Gauge()
        var finished: [Int] = []
        var completed: [Int] = []
        // Later items finish first, so the order of completion is not the order of input.
        let results = await Array(0..<12).boundedMap(limit: 3, finished: { finished.append($0); completed.append($1) }) { number in
            gauge.enter()
            try? await Task.sleep(for: .milliseconds(5 * (12 - number)))
            gauge.leave()
            return number * 10
        }
        XCTAssertEqual(results, (0..<12).map { $0 * 10 })
        XCTAssertEqual(gauge.peak, 3)
        XCTAssertEqual(finished, Array(1...12))
        XCTAssertEqual(completed.sorted(), results, "each output is handed over as it finishes")
        XCTAssertNotEqual(completed, results)
    }

    func testALimitBelowOneRunsOneAtATime() async {
        let gauge = Gauge()
        let results = await ["a", "b", "c"].boundedMap(limit: 0) { text in
            gauge.enter()
            try? await Task.sleep(for: .milliseconds(2))
            gauge.leave()
            return text.uppercased()
        }
        XCTAssertEqual(results, ["A", "B", "C"])
        XCTAssertEqual(gauge.peak, 1)
    }

    func testNothingToDo() async {
        let results = await [Int]().boundedMap(limit: 4) { $0 }
        XCTAssertEqual(results, [])
    }
}

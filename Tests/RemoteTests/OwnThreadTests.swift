import Dispatch
import Foundation
@testable import Remote
import XCTest

final class OwnThreadTests: XCTestCase {
    /// Work that blocks (as a flush to disk does) must leave Swift's cooperative pool free: here more blocked pieces
    /// than the pool has threads wait for a signal that only a task on that pool can send.
    func testBlockedWorkLeavesTheCooperativePoolFree() async {
        let blocked = 4 * ProcessInfo.processInfo.activeProcessorCount + 2
        let release = DispatchSemaphore(value: 0)
        let signaled = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<blocked {
                group.addTask { await OwnThread.run { release.wait(timeout: .now() + 5) == .success } }
            }
            group.addTask {
                for _ in 0..<blocked { release.signal() }
                return true
            }
            var all: [Bool] = []
            for await result in group { all.append(result) }
            return all
        }
        XCTAssertEqual(signaled, Array(repeating: true, count: blocked + 1), "a blocked piece held a thread of the pool")
    }
}

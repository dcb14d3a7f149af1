import Foundation
import XCTest

/// Guards linear cost without wall-clock limits: the work for 4n items must be far below the 16x a quadratic
/// stage would take. It counts the process's CPU time, not wall time, and the best of three runs, so a busy
/// machine does not decide the result.
enum ScaleTiming {
    static func seconds(_ work: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = cpuSeconds()
            work()
            best = min(best, cpuSeconds() - start)
        }
        return best
    }

    private static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func assertLinear(_ cost: (Int) -> Double, small: Int, file: StaticString = #filePath, line: UInt = #line) {
        let a = cost(small), b = cost(small * 4)
        XCTAssertLessThan(b / max(a, 1e-6), 8, "n=\(small): \(a) s, 4n: \(b) s", file: file, line: line)
    }
}

import Foundation
import XCTest

/// Guards linear cost without wall-clock limits: the work for 4n items must be far below the 16x a quadratic
/// stage would take. The best of three runs keeps a busy machine from deciding the result.
enum ScaleTiming {
    static func seconds(_ work: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            let start = DispatchTime.now().uptimeNanoseconds
            work()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    static func assertLinear(_ cost: (Int) -> Double, small: Int, file: StaticString = #filePath, line: UInt = #line) {
        let a = cost(small), b = cost(small * 4)
        XCTAssertLessThan(b / max(a, 1e-6), 8, "n=\(small): \(a) s, 4n: \(b) s", file: file, line: line)
    }
}

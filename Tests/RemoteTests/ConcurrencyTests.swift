import Foundation
import Remote
import TestSupport
import XCTest

/// The client's bound on requests in flight, measured by the emulator process.
final class ConcurrencyTests: XCTestCase {
    func testRequestsInFlightNeverExceedTheBound() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "24", "--latency-ms", "40"])
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator, concurrency: 3)
        let ids = try await api.listAll().map(\.id)

        try await withThrowingTaskGroup(of: Data.self) { group in
            for id in ids { group.addTask { try await api.get(id: id) } }
            for try await _ in group {}
        }

        let stats = try await emulator.stats()
        let peak = try XCTUnwrap(stats["max_in_flight"] as? Int)
        XCTAssertLessThanOrEqual(peak, 3)
        XCTAssertGreaterThanOrEqual(peak, 2, "requests should overlap up to the bound")
        XCTAssertEqual(stats["requests"] as? Int, 25)
    }

    func testOneAtATimeWhenTheBoundIsOne() async throws {
        let emulator = try EmulatorProcess(["--seed-agents", "6", "--latency-ms", "20"])
        defer { emulator.stop() }
        let api = try makeAgentsAPI(emulator, concurrency: 1)
        let ids = try await api.listAll().map(\.id)

        try await withThrowingTaskGroup(of: Data.self) { group in
            for id in ids { group.addTask { try await api.get(id: id) } }
            for try await _ in group {}
        }

        let stats = try await emulator.stats()
        XCTAssertEqual(stats["max_in_flight"] as? Int, 1)
    }
}

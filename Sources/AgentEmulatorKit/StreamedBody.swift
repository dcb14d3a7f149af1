import FlyingFox
import FlyingSocks
import Foundation

/// A response body made while it is sent: `prefix`, then `filler` bytes of `a`, then, if `failsAtEnd`, an error
/// that makes the server close the connection, or a `pauseAtEnd` before the server goes on (and closes). So a body
/// can be huge without being held in memory, cut short after its Content-Length promised more, or complete with the
/// connection closed a moment later.
struct StreamedBody: AsyncBufferedSequence {
    typealias Element = UInt8
    struct Cut: Error {}

    let prefix: Data
    let filler: Int
    let failsAtEnd: Bool
    var pauseAtEnd = Duration.zero

    func makeAsyncIterator() -> Iterator {
        Iterator(prefix: prefix, filler: filler, failsAtEnd: failsAtEnd, pauseAtEnd: pauseAtEnd)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var prefix: Data
        var filler: Int
        let failsAtEnd: Bool
        var pauseAtEnd: Duration

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            let size = Swift.max(1, count)
            if !prefix.isEmpty {
                let chunk = Array(prefix.prefix(size))
                prefix = prefix.dropFirst(chunk.count)
                return chunk
            }
            if filler > 0 {
                let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: Swift.min(size, filler))
                filler -= chunk.count
                return chunk
            }
            if failsAtEnd { throw Cut() }
            if pauseAtEnd > .zero {
                try await Task.sleep(for: pauseAtEnd)
                pauseAtEnd = .zero
            }
            return nil
        }
    }
}

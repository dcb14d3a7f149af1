import FlyingFox
import FlyingSocks
import Foundation

/// A response body made while it is sent: `prefix`, then `filler` bytes of `a`, then, if `failsAtEnd`, an error
/// that makes the server close the connection. So a body can be huge without being held in memory, or cut short
/// after its Content-Length promised more.
struct StreamedBody: AsyncBufferedSequence {
    typealias Element = UInt8
    struct Cut: Error {}

    let prefix: Data
    let filler: Int
    let failsAtEnd: Bool

    func makeAsyncIterator() -> Iterator {
        Iterator(prefix: prefix, filler: filler, failsAtEnd: failsAtEnd)
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var prefix: Data
        var filler: Int
        let failsAtEnd: Bool

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
            return nil
        }
    }
}

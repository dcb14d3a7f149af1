import FlyingFox
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Resets the connection (TCP RST) before a byte of the response is written, as a crashed proxy or a dropped NAT
/// mapping does: the socket of the client's connection gets SO_LINGER with a zero timeout, and the handler throws
/// (as `ConnectionDrop` does), so FlyingFox's close of it aborts the connection instead of ending it with FIN.
struct ConnectionReset: WSHandler {
    struct Reset: Error {}

    /// The client's port, which picks its connection among the emulator's sockets.
    let clientPort: UInt16?

    init(client: HTTPRequest.Address?) {
        switch client {
        case .ip4(_, let port)?, .ip6(_, let port)?: clientPort = port
        default: clientPort = nil
        }
    }

    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        if let clientPort, let socket = Self.socket(connectedTo: clientPort) {
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(socket, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        }
        throw Reset()
    }

    /// The open socket of this process whose peer is at `port` (on the loopback address the emulator listens on).
    private static func socket(connectedTo port: UInt16) -> Int32? {
        let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in descriptors.compactMap(Int32.init) {
            var address = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let found = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getpeername(descriptor, $0, &length) == 0 }
            }
            guard found else { continue }
            if peerPort(address) == port { return descriptor }
        }
        return nil
    }

    private static func peerPort(_ address: sockaddr_storage) -> UInt16? {
        var copy = address
        switch Int32(address.ss_family) {
        case AF_INET:
            return withUnsafePointer(to: &copy) { $0.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) } }
        case AF_INET6:
            return withUnsafePointer(to: &copy) { $0.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) } }
        default:
            return nil
        }
    }
}

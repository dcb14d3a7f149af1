import Foundation

/// One attempt of one request, for `--verbose`: method, URL, status or error, duration, attempt.
/// It carries no headers and no bodies, so it cannot carry the API key.
public struct RequestTrace: Sendable, CustomStringConvertible {
    public let method: String
    public let url: URL
    /// The HTTP status, or nil when no response arrived.
    public let status: Int?
    /// Why no response arrived ("timed out", "connection lost").
    public let failure: String?
    public let duration: Duration
    public let attempt: Int

    public var description: String {
        let outcome = status.map(String.init) ?? "failed (\(failure ?? "no response"))"
        let milliseconds = Int((seconds(duration) * 1000).rounded())
        return "\(method) \(url.absoluteString) -> \(outcome) in \(milliseconds) ms (attempt \(attempt))"
    }
}

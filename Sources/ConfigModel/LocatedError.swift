/// A problem in a file that can be pointed at: where it is, and what is wrong, in words a person can act on.
public struct LocatedError: Error, Sendable, Equatable, CustomStringConvertible {
    public let mark: SourceMark
    public let message: String

    public init(_ message: String, at mark: SourceMark) {
        self.mark = mark
        self.message = message
    }

    public var description: String { "\(mark): error: \(message)" }
}

/// A problem that is not tied to a line of a file, such as a bad `--assume` value or setting.
public struct SimulatorError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { "error: \(message)" }
}

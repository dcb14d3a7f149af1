/// ANSI styling that is a no-op when colour is off; the command line decides whether it is on.
public struct TextStyle: Sendable {
    public let enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }
    public static let plain = TextStyle(enabled: false)
    private func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func bold(_ text: String) -> String { wrap("1", text) }
    public func red(_ text: String) -> String { wrap("1;31", text) }
    public func yellow(_ text: String) -> String { wrap("1;33", text) }
    public func green(_ text: String) -> String { wrap("32", text) }
}

/// A scalar whose whole text is `${NAME}` or `${NAME:-default}`. `$${...}` is the escape: the text `${...}`.
/// A `$` anywhere else in a value is text, so prompts never change by accident.
public struct Placeholder: Sendable, Equatable {
    public let name: String
    public let defaultValue: String?

    /// The placeholder a scalar's text is, if it is one.
    public init?(_ text: String) {
        guard text.hasPrefix("${"), text.hasSuffix("}"), text.count >= 4 else { return nil }
        let inner = text.dropFirst(2).dropLast()
        let name: Substring
        if let separator = inner.range(of: ":-") {
            name = inner[..<separator.lowerBound]
            defaultValue = String(inner[separator.upperBound...])
        } else {
            name = inner
            defaultValue = nil
        }
        guard Self.isName(name) else { return nil }
        self.name = String(name)
    }

    /// Letters, digits and `_`, not starting with a digit, as shells name variables.
    public static func isName(_ name: Substring) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0))
        }
    }

    /// True when any scalar of the tree is a placeholder.
    public static func holds(_ node: YAMLNode) -> Bool {
        switch node.content {
        case .mapping(let pairs): return pairs.contains { holds($0.value) }
        case .sequence(let items): return items.contains(where: holds)
        case .scalar(let text, _, _): return Placeholder(text) != nil
        }
    }

    /// The text an escaped placeholder (`$${NAME}`) stands for, or nil when the text is not one.
    public static func unescaped(_ text: String) -> String? {
        guard text.hasPrefix("$${"), Placeholder(String(text.dropFirst())) != nil else { return nil }
        return String(text.dropFirst())
    }
}

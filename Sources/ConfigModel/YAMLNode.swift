/// A YAML node with the position it was read from. Aliases are already expanded.
public struct YAMLNode: Sendable {
    public enum ScalarStyle: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded

        /// Quoted and block scalars are always text; only plain scalars may be numbers, booleans or null.
        public var isPlain: Bool { self == .plain }
    }

    public struct Pair: Sendable {
        public let key: String
        public let keyMark: SourceMark
        public let value: YAMLNode
    }

    public enum Content: Sendable {
        case scalar(String, ScalarStyle, tag: String?)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    public let content: Content
    public let mark: SourceMark

    public init(_ content: Content, mark: SourceMark) {
        self.content = content
        self.mark = mark
    }

    public var pairs: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The scalar's text and style, when this is a scalar.
    public var scalar: (text: String, style: ScalarStyle, tag: String?)? {
        if case .scalar(let text, let style, let tag) = content { return (text, style, tag) }
        return nil
    }

    /// The value under `key`, when this is a mapping that has it.
    public subscript(key: String) -> YAMLNode? {
        pairs?.first(where: { $0.key == key })?.value
    }

    /// A plain `null`, `~` or nothing at all: YAML's null.
    public var isNull: Bool {
        guard let (text, style, tag) = scalar, style.isPlain, tag == nil else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(text)
    }

    /// What kind of value this is, in the words an error message uses.
    public var kindName: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, let style, _):
            if isNull { return "null" }
            if !style.isPlain { return "text" }
            if YAMLCoreSchema.bool(text) != nil { return "a boolean" }
            if YAMLCoreSchema.number(text) != nil { return "a number" }
            return "text"
        }
    }
}

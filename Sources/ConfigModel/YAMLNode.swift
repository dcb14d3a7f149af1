/// A YAML node with the position it was read from. Aliases are already expanded.
public struct YAMLNode: Sendable {
    public enum ScalarStyle: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded

        /// Quoted and block scalars are always text; only plain scalars may be numbers, booleans or null.
        public var isPlain: Bool { self == .plain }
    }

    /// An explicit YAML 1.2 core tag on a scalar (`!!str 7`); it decides the value's kind over the field's.
    public enum Tag: String, Sendable, Equatable {
        case string = "tag:yaml.org,2002:str"
        case integer = "tag:yaml.org,2002:int"
        case float = "tag:yaml.org,2002:float"
        case boolean = "tag:yaml.org,2002:bool"
        case null = "tag:yaml.org,2002:null"

        /// How the user wrote it, for messages.
        public var shorthand: String { "!!" + rawValue.dropFirst("tag:yaml.org,2002:".count) }
    }

    public struct Pair: Sendable {
        public let key: String
        public let keyMark: SourceMark
        public let value: YAMLNode
    }

    public enum Content: Sendable {
        case scalar(String, ScalarStyle, tag: Tag?)
        case mapping([Pair])
        case sequence([YAMLNode])
    }

    public let content: Content
    public let mark: SourceMark
    /// Where the value is written, when it was reached through an alias: `mark` is then the alias's use.
    public let anchorMark: SourceMark?

    public init(_ content: Content, mark: SourceMark, anchorMark: SourceMark? = nil) {
        self.content = content
        self.mark = mark
        self.anchorMark = anchorMark
    }

    public var pairs: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    public var items: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The scalar's text, style and explicit tag, when this is a scalar.
    public var scalar: (text: String, style: ScalarStyle, tag: Tag?)? {
        if case .scalar(let text, let style, let tag) = content { return (text, style, tag) }
        return nil
    }

    /// The value under `key`, compared by code points as YAML compares keys, when this is a mapping that has it.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content else { return nil }
        // By index, not `first(where:)`: that copies every pair it passes.
        for index in pairs.indices where pairs[index].key.hasSameCodePoints(as: key) { return pairs[index].value }
        return nil
    }

    /// YAML's null: a plain `null`, `~` or nothing at all, or anything tagged `!!null`.
    public var isNull: Bool {
        guard let (text, style, tag) = scalar else { return false }
        if let tag { return tag == .null }
        return style.isPlain && YAMLCoreSchema.isNull(text)
    }

    /// What kind of value this is, in the words an error message uses.
    public var kindName: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let text, let style, let tag):
            switch tag {
            case .string?: return "text"
            case .integer?, .float?: return "a number"
            case .boolean?: return "a boolean"
            case .null?: return "null"
            case nil: break
            }
            if isNull { return "null" }
            if !style.isPlain { return "text" }
            if YAMLCoreSchema.bool(text) != nil { return "a boolean" }
            if YAMLCoreSchema.numberReading(text) != nil { return "a number" }
            return "text"
        }
    }

    /// The same value seen through an alias used at `use`: every node points at the use, and remembers its anchor.
    func reached(through use: SourceMark) -> YAMLNode {
        let anchor = anchorMark ?? mark
        switch content {
        case .scalar:
            return YAMLNode(content, mark: use, anchorMark: anchor)
        case .mapping(let pairs):
            let moved = pairs.map { Pair(key: $0.key, keyMark: use, value: $0.value.reached(through: use)) }
            return YAMLNode(.mapping(moved), mark: use, anchorMark: anchor)
        case .sequence(let items):
            return YAMLNode(.sequence(items.map { $0.reached(through: use) }), mark: use, anchorMark: anchor)
        }
    }
}

/// Decodes `Decodable` types from a node tree. Scalars are read as the Swift type asks (a `String` field keeps
/// `no` and `1e3` as text); a mismatch is a `Diagnostic` at the offending node. Keys are matched by code points.
public struct NodeDecoder {
    /// An optional field that does not decode is left nil instead of failing its whole section, so what could be
    /// read stays usable (validation reports the field at its line).
    public var lenient: Bool

    public init(lenient: Bool = false) { self.lenient = lenient }

    public func decode<T: Decodable>(_ type: T.Type, from node: YAMLNode) throws -> T {
        try T(from: NodeDecoding(node: node, codingPath: [], lenient: lenient))
    }
}

private struct NodeDecoding: Decoder {
    let node: YAMLNode
    let codingPath: [any CodingKey]
    let lenient: Bool
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let pairs = node.pairs else { throw Diagnostic.error(.yaml, "expected a mapping, found \(node.kindName)", at: node.mark) }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(node: node, pairs: pairs, codingPath: codingPath, lenient: lenient))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let items = node.items else { throw Diagnostic.error(.yaml, "expected a list, found \(node.kindName)", at: node.mark) }
        return UnkeyedNodeContainer(items: items, mark: node.mark, codingPath: codingPath, lenient: lenient)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleNodeContainer(node: node, codingPath: codingPath, lenient: lenient)
    }
}

/// The one place scalars become Swift values, shared by all three container kinds.
private func decodeScalar<T: Decodable>(_ type: T.Type, _ node: YAMLNode, _ path: [any CodingKey], lenient: Bool) throws -> T {
    switch type {
    case is String.Type: return try ScalarReading.text(node).get() as! T
    case is Double.Type: return try ScalarReading.number(node).get() as! T
    case is Int.Type: return try ScalarReading.integer(node).get() as! T
    case is Bool.Type: return try ScalarReading.boolean(node).get() as! T
    default: return try T(from: NodeDecoding(node: node, codingPath: path, lenient: lenient))
    }
}

private struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: YAMLNode
    let pairs: [YAMLNode.Pair]
    let codingPath: [any CodingKey]
    let lenient: Bool
    /// Values by the UTF-8 bytes of their key: one lookup per key, and `café` precomposed is not `café` decomposed.
    private let values: [CodePointKey: YAMLNode]

    init(node: YAMLNode, pairs: [YAMLNode.Pair], codingPath: [any CodingKey], lenient: Bool) {
        self.node = node
        self.pairs = pairs
        self.codingPath = codingPath
        self.lenient = lenient
        values = Dictionary(pairs.map { (CodePointKey($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { value(key) != nil }

    private func value(_ key: Key) -> YAMLNode? { values[CodePointKey(key.stringValue)] }

    /// An optional field: nil when absent or null, and when lenient, nil when it does not decode.
    private func optional<T>(_ key: Key, _ decode: () throws -> T) throws -> T? {
        guard let node = value(key), !node.isNull else { return nil }
        do { return try decode() } catch { if lenient { return nil } else { throw error } }
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try optional(key) { try decode(type, forKey: key) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try optional(key) { try decode(type, forKey: key) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try optional(key) { try decode(type, forKey: key) } }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try optional(key) { try decode(type, forKey: key) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try optional(key) { try decode(type, forKey: key) }
    }

    private func require(_ key: Key) throws -> YAMLNode {
        guard let value = value(key) else {
            throw Diagnostic.error(.yaml, "missing `\(key.stringValue)`", at: node.mark)
        }
        return value
    }

    func decodeNil(forKey key: Key) throws -> Bool { try require(key).isNull }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeScalar(type, try require(key), codingPath + [key], lenient: lenient)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoding(node: try require(key), codingPath: codingPath + [key], lenient: lenient).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeDecoding(node: try require(key), codingPath: codingPath + [key], lenient: lenient).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { NodeDecoding(node: node, codingPath: codingPath, lenient: lenient) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        NodeDecoding(node: try require(key), codingPath: codingPath + [key], lenient: lenient)
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

private struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let items: [YAMLNode]
    let mark: SourceMark
    let codingPath: [any CodingKey]
    let lenient: Bool
    var currentIndex = 0

    init(items: [YAMLNode], mark: SourceMark, codingPath: [any CodingKey], lenient: Bool) {
        self.items = items
        self.mark = mark
        self.codingPath = codingPath
        self.lenient = lenient
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> YAMLNode {
        guard !isAtEnd else { throw Diagnostic.error(.yaml, "the list has too few items", at: mark) }
        defer { currentIndex += 1 }
        return items[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let path = codingPath + [IndexKey(intValue: currentIndex)]
        return try decodeScalar(type, try next(), path, lenient: lenient)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoding(node: try next(), codingPath: codingPath, lenient: lenient).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try NodeDecoding(node: try next(), codingPath: codingPath, lenient: lenient).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { NodeDecoding(node: try next(), codingPath: codingPath, lenient: lenient) }
}

private struct SingleNodeContainer: SingleValueDecodingContainer {
    let node: YAMLNode
    let codingPath: [any CodingKey]
    let lenient: Bool

    func decodeNil() -> Bool { node.isNull }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeScalar(type, node, codingPath, lenient: lenient) }
}

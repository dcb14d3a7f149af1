/// An ordered JSON object. Keys are told apart by code points, as JSON does (`café` precomposed and decomposed are
/// two keys); a large object is looked up through an index, so an object of many keys is read in linear time, while
/// a small one (most of them) is searched in place, which costs less than hashing.
/// Two objects are equal when they hold the same keys with equal values, in any order.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var entries: [(key: String, value: JSONValue)] = []
    /// Each key's place, kept only once the object has `indexedFrom` keys.
    private var positions: [CodePointKey: Int] = [:]
    private static let indexedFrom = 12

    public init(_ entries: [(String, JSONValue)] = []) {
        for (key, value) in entries { self[key] = value }
    }

    /// An object read from text, its members in order: a repeated key keeps its first place and takes the last
    /// value, as setting each in turn does, with the index built once at its final size (growing it cost more than
    /// the rest of reading an answer).
    init(members: [(key: String, value: JSONValue)]) {
        guard members.count >= Self.indexedFrom else {
            for (key, value) in members { self[key] = value }
            return
        }
        entries.reserveCapacity(members.count)
        positions.reserveCapacity(members.count)
        for member in members {
            let key = CodePointKey(member.key)
            if let earlier = positions.updateValue(entries.count, forKey: key) {
                positions[key] = earlier
                entries[earlier].value = member.value
            } else {
                entries.append(member)
            }
        }
    }

    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// Setting an existing key keeps its place; setting nil removes it.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            let index = position(of: key)
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil):
                entries.remove(at: index)
                reindex()
            case (nil, let value?):
                entries.append((key, value))
                if entries.count == Self.indexedFrom { reindex() } else if entries.count > Self.indexedFrom {
                    positions[CodePointKey(key)] = entries.count - 1
                }
            case (nil, nil): break
            }
        }
    }

    /// The entries `isIncluded` keeps, in their order.
    public func filtering(_ isIncluded: (_ key: String, _ value: JSONValue) throws -> Bool) rethrows -> JSONObject {
        var result = JSONObject()
        result.entries = try entries.filter { try isIncluded($0.key, $0.value) }
        result.reindex()
        return result
    }

    private func position(of key: String) -> Int? {
        guard entries.count >= Self.indexedFrom else { return entries.firstIndex { $0.key.hasSameCodePoints(as: key) } }
        return positions[CodePointKey(key)]
    }

    private mutating func reindex() {
        positions = [:]
        guard entries.count >= Self.indexedFrom else { return }
        for (position, entry) in entries.enumerated() { positions[CodePointKey(entry.key)] = position }
    }

    public func makeIterator() -> IndexingIterator<[(key: String, value: JSONValue)]> {
        entries.makeIterator()
    }

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        return lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        for (key, value) in entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            hasher.combine(CodePointKey(key))
            hasher.combine(value)
        }
    }
}

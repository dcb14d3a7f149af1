/// An ordered JSON object. Keys are told apart by code points, as JSON does (`café` precomposed and decomposed are
/// two keys), and looked up through an index, so an object of many keys is read in linear time.
/// Two objects are equal when they hold the same keys with equal values, in any order.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var entries: [(key: String, value: JSONValue)] = []
    private var positions: [CodePointKey: Int] = [:]

    public init(_ entries: [(String, JSONValue)] = []) {
        for (key, value) in entries { self[key] = value }
    }

    public var keys: [String] { entries.map(\.key) }
    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    /// Setting an existing key keeps its place; setting nil removes it.
    public subscript(key: String) -> JSONValue? {
        get { positions[CodePointKey(key)].map { entries[$0].value } }
        set {
            let index = positions[CodePointKey(key)]
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil):
                entries.remove(at: index)
                positions = [:]
                for (position, entry) in entries.enumerated() { positions[CodePointKey(entry.key)] = position }
            case (nil, let value?):
                positions[CodePointKey(key)] = entries.count
                entries.append((key, value))
            case (nil, nil): break
            }
        }
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

import ConfigModel

/// One pattern of a table and what hangs under it: the keys of an object (a map's entries are its key `*`), the items
/// of a list (`[]`) and the shapes of a union (`{value}`).
struct PatternPlace: Sendable {
    var rule: FieldRule?
    var order: Int?
    /// Children written as `.key`, in table order; a map's entries are the key `*`.
    var keys: [(name: String, index: Int)] = []
    var items: Int?
    var variants: [(value: String, index: Int)] = []
    /// The names `fieldNames(under:)` gives, as the reference lists them (a list `b` appears as `b[]`).
    var names: [String] = []
    var requiredNames: [String] = []
}

/// Builds the places of a table from its rules, in one pass; a parent a rule implies (`a.b[]` for `a.b[].c`) is made
/// when first named.
struct PatternTree {
    private(set) var places = [PatternPlace()]
    private(set) var indexByPattern: [String: Int] = ["": 0]

    mutating func add(_ rule: FieldRule, order: Int) {
        let index = place(of: rule.path)
        if places[index].rule == nil {
            places[index].rule = rule
            places[index].order = order
        }
        // A union's shapes and a union at the top of the file are not keys anyone writes.
        guard !rule.isVariant, !rule.path.isEmpty else { return }
        let parent = place(of: Self.listedParent(of: rule.path))
        places[parent].names.append(rule.name)
        if rule.required, places[parent].keys.contains(where: { $0.index == index }) {
            places[parent].requiredNames.append(rule.name)
        }
    }

    /// The place of a pattern, made with its parents when new.
    private mutating func place(of pattern: String) -> Int {
        if let index = indexByPattern[pattern] { return index }
        let index = places.count
        places.append(PatternPlace())
        indexByPattern[pattern] = index
        var text = pattern
        let bytes = text.withUTF8 { Array($0) }
        if bytes.last == UInt8(ascii: "]") {
            places[place(of: String(decoding: bytes.dropLast(2), as: UTF8.self))].items = index
        } else if bytes.last == UInt8(ascii: "}"), let open = bytes.lastIndex(of: UInt8(ascii: "{")) {
            let value = String(decoding: bytes[(open + 1)..<(bytes.count - 1)], as: UTF8.self)
            places[place(of: String(decoding: bytes[..<open], as: UTF8.self))].variants.append((value, index))
        } else if let dot = bytes.lastIndex(of: UInt8(ascii: ".")) {
            let name = String(decoding: bytes[(dot + 1)...], as: UTF8.self)
            places[place(of: String(decoding: bytes[..<dot], as: UTF8.self))].keys.append((name, index))
        } else {
            places[0].keys.append((pattern, index))
        }
        return index
    }

    /// The pattern whose `fieldNames` list a rule's name: the list itself for its items (`a.b` for `a.b[]`).
    private static func listedParent(of path: String) -> String {
        if path.hasSuffix("[]") { return String(path[..<path.utf8.index(path.utf8.endIndex, offsetBy: -2)]) }
        guard let dot = path.lastDot else { return "" }
        return String(path[..<dot])
    }
}

extension FieldTable {
    /// A pattern of the table, reached from the top of the file key by key: a file is checked by comparing each key
    /// with the few known under its parent, with no path text built or hashed.
    public struct Place: Sendable {
        fileprivate let index: Int
    }

    /// The top of the file.
    public var top: Place { Place(index: 0) }

    /// The rule at a place; nil for a place only implied by the rules under it (the items of a list of objects).
    public func rule(at place: Place) -> FieldRule? { places[place.index].rule }

    /// The field `key` under an object, matched by code points; nil when the table has no rule for it.
    public func field(_ key: String, under place: Place) -> Place? {
        let count = key.utf8.count
        for child in places[place.index].keys where child.name.utf8.count == count && child.name.hasSameCodePoints(as: key) {
            return places[child.index].rule == nil ? nil : Place(index: child.index)
        }
        return nil
    }

    /// The entries of a map (its key `*`), when they have rules.
    public func entries(of place: Place) -> Place? { field("*", under: place) }

    /// The items of a list, when rules describe them.
    public func items(of place: Place) -> Place? { places[place.index].items.map(Place.init) }

    /// The shape of a union its discriminator's value names (compared as `allowed` compares it, by `==`).
    public func variant(_ value: String, of place: Place) -> Place? {
        places[place.index].variants.first { $0.value == value }.map { Place(index: $0.index) }
    }

    /// The names of the known fields directly under a place.
    public func fieldNames(at place: Place) -> [String] { places[place.index].names }

    /// The names of the fields under a place that the API requires, in table order.
    public func requiredFieldNames(at place: Place) -> [String] { places[place.index].requiredNames }
}

extension JSONValue {
    /// Equal with object keys in the same order too (`==` ignores key order): the same document, as a file shows it.
    public func sameInOrder(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.object(let left), .object(let right)):
            return left.keys == right.keys && zip(left, right).allSatisfy { $0.value.sameInOrder($1.value) }
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.sameInOrder($1) }
        default:
            return self == other
        }
    }
}

import ConfigModel

/// Reading the API's answers member by member, as a strict decoder would: an optional member that is absent or
/// null is nil, and a member of the wrong type makes the whole answer unreadable.
extension JSONValue {
    /// An integer, written as one or as a whole float (`3` or `3.0`).
    var wholeNumber: Int? {
        guard case .number(let number) = self else { return nil }
        return number.intValue ?? Int(exactly: number.doubleValue)
    }

    /// Member `key` read by `read`: `.some(nil)` when absent or null, nil when it has another type.
    func optional<T>(_ key: String, _ read: (JSONValue) -> T?) -> T?? {
        guard let member = self[key], member != .null else { return .some(nil) }
        return read(member).map { .some($0) }
    }

    /// Every item of the array `key` read by `read`, or nil when it is missing or any item is unreadable.
    func list<T>(_ key: String, _ read: (JSONValue) -> T?) -> [T]? {
        guard let items = self[key]?.arrayValue else { return nil }
        let read = items.compactMap(read)
        return read.count == items.count ? read : nil
    }
}

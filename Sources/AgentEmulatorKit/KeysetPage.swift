import Foundation

/// Keyset pagination as the list endpoints do it: an opaque cursor holding the sort value and ID of the last item
/// sent, so a page never repeats or skips an item when others are created between requests.
struct KeysetPage: Sendable {
    let size: Int
    let ascending: Bool
    /// Sort value and ID of the last item on the previous page.
    let after: (key: JSONValue, id: String)?

    init(size: Int, ascending: Bool, after: (key: JSONValue, id: String)?) {
        self.size = size
        self.ascending = ascending
        self.after = after
    }

    /// A page from a `cursor` query value; an undecodable cursor is FastAPI's 422 at `["query", "cursor"]`.
    init(size: Int, ascending: Bool, cursor: String?) throws(APIFailure) {
        guard let cursor else {
            self.init(size: size, ascending: ascending, after: nil)
            return
        }
        guard let after = Self.decodeCursor(cursor) else {
            throw .invalid([Self.invalidCursor(cursor)])
        }
        self.init(size: size, ascending: ascending, after: after)
    }

    static func invalidCursor(_ text: String) -> ValidationIssue {
        ValidationIssue(loc: [.key("query"), .key("cursor")], type: "value_error", msg: "Value error, invalid cursor",
                        input: .string(text), ctx: ["error": "invalid cursor"])
    }

    /// The items after the cursor, whether more follow, and the cursor for the next page (`null` at the end).
    func page<Item>(_ items: [Item], key: (Item) -> JSONValue, id: (Item) -> String) -> (items: [Item], hasMore: Bool, next: JSONValue) {
        let ordered = items.sorted { precedes((key($0), id($0)), (key($1), id($1))) }
        let remaining = after.map { cursor in ordered.filter { precedes((cursor.key, cursor.id), (key($0), id($0))) } } ?? ordered
        let page = Array(remaining.prefix(size))
        let hasMore = remaining.count > page.count
        let next: JSONValue = hasMore ? .string(Self.encodeCursor(key: key(page.last!), id: id(page.last!))) : .null
        return (page, hasMore, next)
    }

    private func precedes(_ lhs: (JSONValue, String), _ rhs: (JSONValue, String)) -> Bool {
        let (first, second) = ascending ? (lhs, rhs) : (rhs, lhs)
        guard first.0 != second.0 else { return first.1 < second.1 }
        switch (first.0, second.0) {
        case (.int(let left), .int(let right)): return left < right
        case (.string(let left), .string(let right)): return left < right
        default: return JSONWriter.string(first.0) < JSONWriter.string(second.0)
        }
    }

    static func encodeCursor(key: JSONValue, id: String) -> String {
        Data(JSONWriter.data(.array([key, .string(id)]))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeCursor(_ text: String) -> (key: JSONValue, id: String)? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              case .array(let parts)? = try? JSONParser.parse(data), parts.count == 2,
              let id = parts[1].stringValue else { return nil }
        return (parts[0], id)
    }
}

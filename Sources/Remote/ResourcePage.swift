import ConfigModel
import Foundation

/// One item as a list page summarises it: its ID and name, and the rest as the API sent it.
public struct ResourceSummary: Sendable, Equatable {
    public let id: String
    public let name: String
    public let fields: JSONObject
}

/// One page of a list (GetAgentsPageResponseModel and its siblings for tools and tests).
public struct ResourcePage: Sendable, Equatable {
    public let items: [ResourceSummary]
    public let hasMore: Bool
    public let nextCursor: String?

    /// The page in `data`, or nil when it is not one (an item without an ID or name, `has_more` missing).
    init?(_ data: Data, endpoints: ResourceEndpoints) {
        guard let page = (try? JSONParser.parse(Array(data)))?.objectValue,
              let list = page[endpoints.listKey]?.arrayValue,
              let hasMore = page["has_more"]?.boolValue else { return nil }
        var items: [ResourceSummary] = []
        for item in list {
            var name: JSONValue? = item
            for key in endpoints.namePath { name = name?[key] }
            guard let fields = item.objectValue, let id = fields[endpoints.idKey]?.stringValue,
                  let name = name?.stringValue else { return nil }
            items.append(ResourceSummary(id: id, name: name, fields: fields))
        }
        let cursor = page["next_cursor"]
        guard cursor == nil || cursor == .null || cursor?.stringValue != nil else { return nil }
        self.init(items: items, hasMore: hasMore, nextCursor: cursor?.stringValue)
    }

    init(items: [ResourceSummary], hasMore: Bool, nextCursor: String?) {
        self.items = items
        self.hasMore = hasMore
        self.nextCursor = nextCursor
    }
}

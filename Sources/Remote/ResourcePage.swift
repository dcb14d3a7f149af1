import ConfigModel
import Foundation

/// One item as a list page summarises it: its ID and name, and the rest as the API sent it.
public struct ResourceSummary: Sendable, Equatable {
    public let id: String
    public let name: String
    public let fields: JSONObject

    /// Nil when the ID or name is missing or not text, or `endpoints` finds a member of the wrong type.
    init?(json: JSONValue, endpoints: ResourceEndpoints) {
        guard let fields = json.objectValue, let id = json[endpoints.idKey]?.stringValue,
              let name = endpoints.namePath.reduce(Optional(json), { $0?[$1] })?.stringValue,
              endpoints.isWellTypedItem(json) else { return nil }
        (self.id, self.name, self.fields) = (id, name, fields)
    }
}

/// One page of a list (GetAgentsPageResponseModel and its siblings for tools and tests).
public struct ResourcePage: Sendable, Equatable {
    public let items: [ResourceSummary]
    public let hasMore: Bool
    public let nextCursor: String?

    /// The page in `data`, or nil when it is not one: an item without an ID or name or with a member of the wrong
    /// type, `has_more` missing, a cursor that is not text. As strict as a decoder, so a changed API is noticed.
    init?(_ data: Data, endpoints: ResourceEndpoints) {
        guard let page = try? JSONParser.parse(Array(data)),
              let items = page.list(endpoints.listKey, { ResourceSummary(json: $0, endpoints: endpoints) }),
              let hasMore = page["has_more"]?.boolValue,
              let nextCursor = page.optional("next_cursor", \.stringValue) else { return nil }
        self.init(items: items, hasMore: hasMore, nextCursor: nextCursor)
    }

    init(items: [ResourceSummary], hasMore: Bool, nextCursor: String?) {
        self.items = items
        self.hasMore = hasMore
        self.nextCursor = nextCursor
    }
}

import ConfigModel

/// One entry of the API's 422 answer: where (`loc`) and what (`msg`).
public struct APIValidationIssue: Sendable, Equatable {
    public enum Location: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    public let loc: [Location]
    public let msg: String
    public let type: String?

    public init(loc: [Location], msg: String, type: String?) {
        self.loc = loc
        self.msg = msg
        self.type = type
    }

    /// One entry of `detail`; nil when it is not `{"loc": [...], "msg": "...", "type": "..."}`.
    init?(json: JSONValue) {
        guard let loc = json.list("loc", { $0.wholeNumber.map(Location.index) ?? $0.stringValue.map(Location.key) }),
              let msg = json["msg"]?.stringValue, let type = json.optional("type", \.stringValue) else { return nil }
        self.init(loc: loc, msg: msg, type: type)
    }

    /// The field in the agent's own terms: `conversation_config.turn.turn_timeout`, `tags[2]`
    /// (the leading `body` of FastAPI locations is dropped).
    public var field: String {
        var parts = loc
        if case .key("body")? = parts.first { parts.removeFirst() }
        var text = ""
        for part in parts {
            switch part {
            case .key(let name): text += text.isEmpty ? name : ".\(name)"
            case .index(let position): text += "[\(position)]"
            }
        }
        return text.isEmpty ? "request body" : text
    }
}

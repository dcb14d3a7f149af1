/// One entry of the API's 422 answer: where (`loc`) and what (`msg`).
public struct APIValidationIssue: Sendable, Equatable, Decodable {
    public enum Location: Sendable, Equatable, Decodable {
        case key(String)
        case index(Int)

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let index = try? container.decode(Int.self) {
                self = .index(index)
            } else {
                self = .key(try container.decode(String.self))
            }
        }
    }

    public let loc: [Location]
    public let msg: String
    public let type: String?

    public init(loc: [Location], msg: String, type: String?) {
        self.loc = loc
        self.msg = msg
        self.type = type
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

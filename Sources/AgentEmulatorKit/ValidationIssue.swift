/// One entry of FastAPI's 422 `detail` list, worded as pydantic v2 words it.
public struct ValidationIssue: Equatable, Sendable {
    public enum Location: Equatable, Sendable {
        case key(String)
        case index(Int)

        var json: JSONValue {
            switch self {
            case .key(let name): .string(name)
            case .index(let position): .int(position)
            }
        }
    }

    public let loc: [Location]
    public let type: String
    public let msg: String
    public let input: JSONValue
    public let ctx: [String: JSONValue]?

    public var json: JSONValue {
        var members: [String: JSONValue] = [
            "loc": .array(loc.map(\.json)),
            "type": .string(type),
            "msg": .string(msg),
            "input": input,
        ]
        if let ctx { members["ctx"] = .object(ctx) }
        return .object(members)
    }

    /// The HTTPValidationError body for a list of issues.
    public static func body(_ issues: [ValidationIssue]) -> JSONValue {
        .object(["detail": .array(issues.map(\.json))])
    }
}

/// pydantic v2's messages for the checks the emulator makes.
enum PydanticMessage {
    static func plural(_ count: Int, _ noun: String) -> String {
        count == 1 ? "\(count) \(noun)" : "\(count) \(noun)s"
    }

    /// Python's repr of a constraint value: `30`, `0.5`, `8.0`.
    static func number(_ value: JSONValue) -> String {
        switch value {
        case .int(let number): String(number)
        case .double(let number): number.description
        default: JSONWriter.string(value)
        }
    }

    /// `'a', 'b' or 'c'`, as pydantic lists expected literals.
    static func expected(_ values: [JSONValue]) -> String {
        let quoted = values.map { value -> String in
            if case .string(let text) = value { return "'\(text)'" }
            return JSONWriter.string(value)
        }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }

    static let typeNames: [String: String] = [
        "string": "str", "integer": "int", "number": "float", "boolean": "bool",
        "array": "list", "object": "dict", "null": "None",
    ]
}

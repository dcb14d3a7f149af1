/// Turns a node tree into the JSON the API receives, losing nothing: every key the user wrote is kept.
/// Scalars of known fields are read as their field's kind; other scalars by the YAML 1.2 core schema.
/// Numbers are sent in the shortest form of their value (`7.0` as `7`): the API reads both alike.
public enum NodeConversion {
    /// The kind of the scalar field at a path of keys (a list item adds a nil key), or nil when the field is not known.
    public typealias KindLookup = ([String?]) -> ScalarKind?

    public static func json(_ node: YAMLNode, path: [String?] = [], kind: KindLookup) -> JSONValue {
        switch node.content {
        case .mapping(let pairs):
            return .object(JSONObject(pairs.map { ($0.key, json($0.value, path: path + [$0.key], kind: kind)) }))
        case .sequence(let items):
            return .array(items.map { json($0, path: path + [nil], kind: kind) })
        case .scalar(let text, let style, let tag):
            if node.isNull { return .null }
            switch tag {
            case .string?: return .string(text)
            case .integer?, .float?: return YAMLCoreSchema.number(text).map { .number(JSONNumber($0)) } ?? .string(text)
            case .boolean?: return YAMLCoreSchema.bool(text).map(JSONValue.bool) ?? .string(text)
            case .null?, nil: break
            }
            switch kind(path) {
            case .text?: return .string(text)
            case .number?, .integer?:
                if case .success(let value) = ScalarReading.number(node) { return .number(JSONNumber(value)) }
            case .boolean?:
                if case .success(let value) = ScalarReading.boolean(node) { return .bool(value) }
            case nil: break
            }
            guard style.isPlain else { return .string(text) }
            if let flag = YAMLCoreSchema.bool(text) { return .bool(flag) }
            if let number = YAMLCoreSchema.number(text) { return .number(JSONNumber(number)) }
            return .string(text)
        }
    }
}

/// A document as the value an edit must produce: every scalar read by the YAML 1.2 core schema, keys in order.
enum DocumentValue {
    static func of(_ node: YAMLNode) -> JSONValue {
        NodeConversion.json(node, kind: { _ in nil })
    }

    /// The change applied to the value itself: what the edited text must read back as.
    static func apply(_ change: YAMLEdit.Change, to value: inout JSONValue, file: String) throws(Diagnostic) {
        switch change {
        case .set(let path, let new): try set(path[...], new, in: &value, file: file, whole: path)
        case .remove(let path): remove(path[...], in: &value)
        }
    }

    private static func set(_ path: ArraySlice<String>, _ new: JSONValue, in value: inout JSONValue, file: String,
                            whole: [String]) throws(Diagnostic) {
        guard let key = path.first else {
            value = new
            return
        }
        switch value {
        case .object(var object):
            var child = object[key] ?? .null
            try set(path.dropFirst(), new, in: &child, file: file, whole: whole)
            object[key] = child
            value = .object(object)
        case .array(var items):
            guard let index = Int(key), items.indices.contains(index) else {
                throw Diagnostic.error(.yaml, "cannot set `\(whole.joined(separator: "."))`: the list has no item \(key)",
                                       at: SourceMark(file: file, line: 1, column: 1))
            }
            try set(path.dropFirst(), new, in: &items[index], file: file, whole: whole)
            value = .array(items)
        case .null:
            var child = JSONValue.null
            try set(path.dropFirst(), new, in: &child, file: file, whole: whole)
            value = .object(JSONObject([(key, child)]))
        default:
            throw Diagnostic.error(.yaml, "cannot set `\(whole.joined(separator: "."))`: `\(key)` would be under a scalar",
                                   at: SourceMark(file: file, line: 1, column: 1))
        }
    }

    private static func remove(_ path: ArraySlice<String>, in value: inout JSONValue) {
        guard let key = path.first else { return }
        switch value {
        case .object(let object):
            guard var child = object[key] else { return }
            if path.count == 1 {
                value = .object(JSONObject(object.entries.filter { $0.key != key }.map { ($0.key, $0.value) }))
            } else {
                remove(path.dropFirst(), in: &child)
                var changed = object
                changed[key] = child
                value = .object(changed)
            }
        case .array(var items):
            guard let index = Int(key), items.indices.contains(index) else { return }
            if path.count == 1 { items.remove(at: index) } else { remove(path.dropFirst(), in: &items[index]) }
            value = .array(items)
        default:
            return
        }
    }
}

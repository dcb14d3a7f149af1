import ConfigModel

/// Objects inside lists, as the API answers them, carry every member with the server's defaults; a file states only
/// some. Lists are compared whole, so the members a file leaves out are taken away from the live items first.
enum ListItems {
    /// The key that stands for "any item" in a path given to a schema's `defaultValue`.
    static let anyItem = "[]"

    /// `value` with, in each object inside a list, every member that `stated` (the file's value at the same place)
    /// leaves out and whose value is null, empty or its documented default.
    static func trimmed(_ value: JSONValue, stated: JSONValue?, path: [String], defaults: ([String]) -> JSONValue?,
                        inList: Bool = false) -> JSONValue {
        switch value {
        case .object(let object):
            var kept = JSONObject()
            for (key, child) in object {
                let statedChild = stated?[key]
                if inList, statedChild == nil, isOmitted(child, default: defaults(path + [key])) { continue }
                kept[key] = trimmed(child, stated: statedChild, path: path + [key], defaults: defaults, inList: inList)
            }
            return .object(kept)
        case .array(let items):
            let statedItems = stated?.arrayValue ?? []
            return .array(items.enumerated().map { index, item in
                trimmed(item, stated: index < statedItems.count ? statedItems[index] : nil, path: path + [anyItem],
                        defaults: defaults, inList: true)
            })
        default:
            return value
        }
    }

    /// An object whose lists are trimmed against `stated`.
    static func trimmed(_ object: JSONObject, stated: JSONObject, defaults: ([String]) -> JSONValue?) -> JSONObject {
        trimmed(.object(object), stated: .object(stated), path: [], defaults: defaults).objectValue ?? object
    }

    private static func isOmitted(_ value: JSONValue, default fallback: JSONValue?) -> Bool {
        switch value {
        case .null, .array([]), .object(JSONObject()): return true
        default: return value == fallback
        }
    }
}

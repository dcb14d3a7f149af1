import ConfigModel

/// Objects inside lists, as the API answers them, carry every member with the server's defaults; a file states only
/// some. Lists are compared whole, so the members a file leaves out are taken away from the live items first.
enum ListItems {
    /// The key that stands for "any item" in a path given to a schema's `defaultValue`.
    static let anyItem = "[]"

    /// `value` with, in each object inside a list, every member that `stated` (the file's value at the same place)
    /// leaves out and whose value is null, empty or its documented default.
    static func trimmed(_ value: JSONValue, stated: JSONValue?, path: [String], defaults: ([String]) -> JSONValue?)
        -> JSONValue {
        trimming(value, stated: stated, path: path, defaults: defaults, inList: false) ?? value
    }

    /// `trimmed`, or nil when nothing is taken away: most of an answer holds no list, and is then not copied.
    private static func trimming(_ value: JSONValue, stated: JSONValue?, path: [String], defaults: ([String]) -> JSONValue?,
                                 inList: Bool) -> JSONValue? {
        switch value {
        case .object(let object):
            var kept = inList ? object.filtering { key, child in
                stated?[key] != nil || !isOmitted(child, default: defaults(path + [key]))
            } : object
            var changed = kept.count != object.count
            for (key, child) in kept where isContainer(child) {
                guard let trimmedChild = trimming(child, stated: stated?[key], path: path + [key], defaults: defaults,
                                                  inList: inList) else { continue }
                kept[key] = trimmedChild
                changed = true
            }
            return changed ? .object(kept) : nil
        case .array(let items):
            let statedItems = stated?.arrayValue ?? []
            var kept = items
            var changed = false
            for (index, item) in items.enumerated() where isContainer(item) {
                guard let trimmedItem = trimming(item, stated: index < statedItems.count ? statedItems[index] : nil,
                                                 path: path + [anyItem], defaults: defaults, inList: true) else { continue }
                kept[index] = trimmedItem
                changed = true
            }
            return changed ? .array(kept) : nil
        default:
            return nil
        }
    }

    private static func isContainer(_ value: JSONValue) -> Bool {
        switch value {
        case .object, .array: return true
        default: return false
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

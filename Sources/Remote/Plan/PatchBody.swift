import ConfigModel

/// The body of a partial update: only the fields that change, nested as the API expects. PATCH keeps every key
/// left out, so the rest of the live agent is untouched.
public enum PatchBody {
    public static func make(_ changes: [FieldChange]) -> JSONObject {
        var body = JSONObject()
        for change in changes { set(change.after, at: change.path[...], in: &body) }
        return body
    }

    private static func set(_ value: JSONValue, at path: ArraySlice<String>, in object: inout JSONObject) {
        guard let key = path.first else { return }
        if path.count == 1 {
            object[key] = value
            return
        }
        var child = object[key]?.objectValue ?? JSONObject()
        set(value, at: path.dropFirst(), in: &child)
        object[key] = .object(child)
    }

    /// Fields the API did not store as sent: each sent leaf read back from the live resource after the update
    /// (a leaf left out of the answer is its documented default, from `defaults`).
    public static func notStored(sent: JSONObject, readBack: JSONObject,
                                 defaults: ([String]) -> JSONValue?) -> [(path: [String], sent: JSONValue, stored: JSONValue?)] {
        FileComparison.leaves(of: sent).compactMap { path, value in
            let stored = readBack.value(at: path) ?? defaults(path)
            return stored == value ? nil : (path, value, stored)
        }
    }
}

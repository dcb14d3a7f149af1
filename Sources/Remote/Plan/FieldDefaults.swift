import ConfigModel
import Validation

/// Defaults for comparing: what the live agent holds for a field the API did not return.
enum FieldDefaults {
    static func value(at path: [String]) -> JSONValue? {
        FieldTable.defaultValue(at: path)
    }
}

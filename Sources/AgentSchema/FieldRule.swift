import ConfigModel

/// What agentctl knows about one field of a file: its type and every limit the vendor documents. A class: a rule is
/// handed around for every key of every file checked, and a reference costs one retain where the struct's 25 fields
/// cost one each.
public final class FieldRule: Sendable {
    public enum ValueType: String, Sendable {
        case text, number, integer, boolean
        /// A list of strings (each may be limited to `allowed`).
        case textList
        /// A list of anything; of objects with known fields when rules exist under `path[]`.
        case list
        /// An object whose keys are known fields.
        case object
        /// An object with free keys; each value follows the rules under `path.*` when there are any.
        case map
        /// An object of one of several shapes, chosen by the text of its `discriminator` field (`type: webhook`):
        /// `allowed` lists the values, and each shape's fields are under `path{value}`.
        case union
        /// A value of several possible shapes: kept and sent unchanged, not checked.
        case any
    }

    /// Dotted path from the top of the file; `*` stands for any key of a map, `[]` for any item of a list.
    public let path: String
    public let type: ValueType
    public let nullable: Bool
    /// The object this field belongs to must state it (the reference's `required`).
    public let required: Bool
    /// The keys a map allows, when the reference restricts them to an enum (`propertyNames`).
    public let keys: [String]?
    /// The field whose value chooses a union's shape.
    public let discriminator: String?
    public let allowed: [String]?
    public let deprecatedValues: [String]
    public let minimum: Double?
    public let maximum: Double?
    public let exclusiveMinimum: Double?
    public let exclusiveMaximum: Double?
    /// Values allowed outside the range, such as -1 for "disabled".
    public let special: [Double]
    public let minLength: Int?
    public let maxLength: Int?
    public let minItems: Int?
    public let maxItems: Int?
    public let itemMinLength: Int?
    public let itemMaxLength: Int?
    public let defaultValue: JSONValue?
    public let deprecated: Bool
    /// Where the vendor documents a limit that its OpenAPI reference leaves out.
    public let documentedIn: String?
    public let description: String

    init(path: String, type: ValueType, nullable: Bool = false, required: Bool = false, keys: [String]? = nil,
         discriminator: String? = nil, allowed: [String]? = nil,
         deprecatedValues: [String] = [], minimum: Double? = nil, maximum: Double? = nil,
         exclusiveMinimum: Double? = nil, exclusiveMaximum: Double? = nil, special: [Double] = [],
         minLength: Int? = nil, maxLength: Int? = nil, minItems: Int? = nil, maxItems: Int? = nil,
         itemMinLength: Int? = nil, itemMaxLength: Int? = nil, default defaultValue: JSONValue? = nil,
         deprecated: Bool = false, documentedIn: String? = nil, description: String) {
        self.path = path
        self.type = type
        self.nullable = nullable
        self.required = required
        self.keys = keys
        self.discriminator = discriminator
        self.allowed = allowed
        self.deprecatedValues = deprecatedValues
        self.minimum = minimum
        self.maximum = maximum
        self.exclusiveMinimum = exclusiveMinimum
        self.exclusiveMaximum = exclusiveMaximum
        self.special = special
        self.minLength = minLength
        self.maxLength = maxLength
        self.minItems = minItems
        self.maxItems = maxItems
        self.itemMinLength = itemMinLength
        self.itemMaxLength = itemMaxLength
        self.defaultValue = defaultValue
        self.deprecated = deprecated
        self.documentedIn = documentedIn
        self.description = description
    }

    /// The last key of the path, as the user writes it.
    public var name: String {
        guard let dot = path.lastDot else { return path }
        return String(path[path.utf8.index(after: dot)...])
    }

    /// One shape of a union (`tool_config{webhook}`): an object, not a key the user writes.
    public var isVariant: Bool { path.utf8.last == UInt8(ascii: "}") }

    /// The pattern of a union's shape for one value of its discriminator.
    public func variantPattern(_ value: String) -> String { path + "{" + value + "}" }

    /// How a scalar of this field is read from YAML (nil for collections).
    public var scalarKind: ScalarKind? {
        switch type {
        case .text, .textList: return .text
        case .number: return .number
        case .integer: return .integer
        case .boolean: return .boolean
        case .list, .object, .map, .union, .any: return nil
        }
    }

    /// The range in words, e.g. "between 1 and 30", "-1 (disabled) or between 0.5 and 8", or nil when unbounded.
    public var rangeText: String? {
        let low = minimum.map { ("at least", $0) } ?? exclusiveMinimum.map { ("greater than", $0) }
        let high = maximum.map { ("at most", $0) } ?? exclusiveMaximum.map { ("less than", $0) }
        var text: String
        switch (low, high) {
        case let ((lowWord, lowValue)?, (highWord, highValue)?):
            text = lowWord == "at least" && highWord == "at most"
                ? "between \(JSONText.number(lowValue)) and \(JSONText.number(highValue))"
                : "\(lowWord) \(JSONText.number(lowValue)) and \(highWord) \(JSONText.number(highValue))"
        case let ((word, value)?, nil), let (nil, (word, value)?):
            text = "\(word) \(JSONText.number(value))"
        case (nil, nil):
            return nil
        }
        if !special.isEmpty {
            text = special.map { "\(JSONText.number($0))\($0 == -1 ? " (disabled)" : "")" }.joined(separator: ", ")
                + " or " + text
        }
        return text
    }

    /// Whether a number is inside the range (or one of the special values).
    public func accepts(_ value: Double) -> Bool {
        if special.contains(value) { return true }
        if let minimum, value < minimum { return false }
        if let maximum, value > maximum { return false }
        if let exclusiveMinimum, value <= exclusiveMinimum { return false }
        if let exclusiveMaximum, value >= exclusiveMaximum { return false }
        return true
    }
}

extension String {
    /// Where the last `.` of a path is, found in the stored bytes in one scan rather than index by index through
    /// `utf8`: every table is indexed by name at start-up.
    var lastDot: String.Index? {
        var path = self
        guard let offset = path.withUTF8({ $0.lastIndex(of: UInt8(ascii: ".")) }) else { return nil }
        return utf8.index(utf8.startIndex, offsetBy: offset)
    }
}

/// One node of the compacted agents schema (see scripts/generate-emulator-schema.py).
public final class SchemaNode: Sendable {
    public enum ExtraKeys: Sendable {
        /// Unknown keys are dropped, as pydantic's default `extra="ignore"` does.
        case ignored
        case forbidden
        /// A dictionary: every value follows this schema.
        case values(SchemaNode?)
    }

    public struct Discriminator: Sendable {
        public let propertyName: String
        public let mapping: [String: String]
    }

    /// The catalog name when this node is a named component schema.
    public let name: String?
    public let ref: String?
    public let type: String?
    public let properties: [String: SchemaNode]?
    public let required: Set<String>
    public let extraKeys: ExtraKeys
    public let items: SchemaNode?
    public let propertyNames: SchemaNode?
    public let anyOf: [SchemaNode]?
    public let oneOf: [SchemaNode]?
    public let discriminator: Discriminator?
    public let allowed: [JSONValue]?
    public let constant: JSONValue?
    public let bounds: [String: JSONValue]
    public let pattern: String?
    public let documentedRange: DocumentedRange?

    /// A range the documentation states but the OpenAPI document does not encode.
    public struct DocumentedRange: Sendable {
        public let minimum: JSONValue
        public let maximum: JSONValue
        /// A value outside the range that switches the feature off (`-1`).
        public let disabled: JSONValue?
    }

    static let boundKeywords = [
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minLength", "maxLength", "minItems", "maxItems", "minProperties",
    ]

    init(_ json: JSONValue, name: String? = nil) {
        let node = json.objectValue ?? [:]
        self.name = name
        ref = node["ref"]?.stringValue
        type = node["type"]?.stringValue
        properties = node["properties"]?.objectValue?.mapValues { SchemaNode($0) }
        if case .array(let names)? = node["required"] {
            required = Set(names.compactMap(\.stringValue))
        } else {
            required = []
        }
        switch node["additionalProperties"] {
        case .bool(false)?: extraKeys = .forbidden
        case .bool(true)?: extraKeys = properties == nil ? .values(nil) : .ignored
        case .object?: extraKeys = .values(SchemaNode(node["additionalProperties"]!))
        default: extraKeys = properties == nil ? .values(nil) : .ignored
        }
        items = node["items"].map { SchemaNode($0) }
        propertyNames = node["propertyNames"].map { SchemaNode($0) }
        if case .array(let branches)? = node["anyOf"] { anyOf = branches.map { SchemaNode($0) } } else { anyOf = nil }
        if case .array(let branches)? = node["oneOf"] { oneOf = branches.map { SchemaNode($0) } } else { oneOf = nil }
        if let disc = node["discriminator"], let property = disc["propertyName"]?.stringValue {
            discriminator = Discriminator(
                propertyName: property,
                mapping: disc["mapping"]?.objectValue?.compactMapValues(\.stringValue) ?? [:]
            )
        } else {
            discriminator = nil
        }
        if case .array(let values)? = node["enum"] { allowed = values } else { allowed = nil }
        constant = node["const"]
        bounds = node.filter { Self.boundKeywords.contains($0.key) }
        pattern = node["pattern"]?.stringValue
        if let range = node["x-documented-range"], let low = range["minimum"], let high = range["maximum"] {
            documentedRange = DocumentedRange(minimum: low, maximum: high, disabled: range["disabled"])
        } else {
            documentedRange = nil
        }
    }

    /// The class name pydantic would print for this model (`TurnConfig`, not `TurnConfig-Input`).
    var modelName: String {
        let base = name ?? "Model"
        for suffix in ["-Input", "-Output"] where base.hasSuffix(suffix) {
            return String(base.dropLast(suffix.count))
        }
        return base.split(separator: "/").first.map(String.init) ?? base
    }
}

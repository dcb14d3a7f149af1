import ConfigModel
@testable import AgentSchema
import XCTest

final class FileJSONSchemaTests: XCTestCase {
    /// The schema of the field at a table path: `.name` is a property, `*` any key of a map, `[]` a list's items,
    /// `{value}` the `then` of the union's shape for that value.
    private func schema(at path: String, in kind: FileKind = .agent) -> JSONObject? {
        var node: JSONValue? = .object(FileJSONSchema(kind).document)
        for component in path.split(separator: ".", omittingEmptySubsequences: false) {
            var name = Substring(component)
            var shape: Substring?
            if name.hasSuffix("}"), let brace = name.firstIndex(of: "{") {
                shape = name[name.index(after: brace)...].dropLast()
                name = name[..<brace]
            }
            let isList = name.hasSuffix("[]")
            if isList { name = name.dropLast(2) }
            if !name.isEmpty { node = name == "*" ? node?["additionalProperties"] : node?["properties"]?[String(name)] }
            if isList { node = node?["items"] }
            if let shape {
                node = node?["allOf"]?.arrayValue?.first { branch in
                    branch["if"]?["properties"]?.objectValue?.entries.first?.value["const"]?.stringValue == String(shape)
                }?["then"]
            }
        }
        return node?.objectValue
    }

    private func types(_ schema: JSONObject) -> [String] {
        if let one = schema["type"]?.stringValue { return [one] }
        return schema["type"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    func testEveryFieldOfTheTableHasItsSchemaWithItsLimits() throws {
        for kind in FileKind.allCases {
            try assertEveryFieldHasItsSchema(kind)
        }
    }

    private func assertEveryFieldHasItsSchema(_ kind: FileKind) throws {
        for rule in kind.table.all where !rule.isVariant && !rule.path.isEmpty {
            let field = try XCTUnwrap(schema(at: rule.path, in: kind), rule.path)
            XCTAssertEqual(field["default"], rule.defaultValue, rule.path)
            XCTAssertEqual(field["deprecated"]?.boolValue ?? false, rule.deprecated, rule.path)
            XCTAssertEqual(field["minLength"]?.numberValue, rule.minLength.map(Double.init), rule.path)
            XCTAssertEqual(field["maxLength"]?.numberValue, rule.maxLength.map(Double.init), rule.path)
            XCTAssertEqual(field["maxItems"]?.numberValue, rule.maxItems.map(Double.init), rule.path)
            XCTAssertEqual(field["minItems"]?.numberValue, rule.minItems.map(Double.init), rule.path)
            if !rule.description.isEmpty {
                XCTAssertTrue(field["description"]?.stringValue?.hasPrefix(rule.description) == true, rule.path)
            }
            let range = rule.special.isEmpty ? field : field["anyOf"]?.arrayValue?.last?.objectValue
            XCTAssertEqual(range?["minimum"]?.numberValue, rule.minimum, rule.path)
            XCTAssertEqual(range?["maximum"]?.numberValue, rule.maximum, rule.path)
            XCTAssertEqual(range?["exclusiveMinimum"]?.numberValue, rule.exclusiveMinimum, rule.path)
            XCTAssertEqual(range?["exclusiveMaximum"]?.numberValue, rule.exclusiveMaximum, rule.path)
            let expectedType: String? = switch rule.type {
            case .text: "string"
            case .number: "number"
            case .integer: "integer"
            case .boolean: "boolean"
            case .textList, .list: "array"
            case .object, .map, .union: "object"
            case .any: nil
            }
            XCTAssertEqual(types(field).first, expectedType, rule.path)
            if rule.type != .any {
                XCTAssertEqual(types(field).contains("null"), rule.nullable || rule.type == .map, rule.path)
            }
            if let allowed = rule.allowed {
                let values = rule.type == .textList ? field["items"]?["enum"]
                    : rule.type == .union ? field["properties"]?[rule.discriminator ?? ""]?["enum"] : field["enum"]
                let texts = values?.arrayValue?.compactMap { $0.stringValue ?? $0.numberValue.map(JSONText.number) }
                XCTAssertEqual(texts, allowed, rule.path)
            }
        }
    }

    func testSpecialValuesOutsideTheRangeAreAlternatives() throws {
        let field = try XCTUnwrap(schema(at: "conversation_config.turn.soft_timeout_config.timeout_seconds"))
        XCTAssertEqual(field["anyOf"], .array([
            .object(JSONObject([("const", .number(-1))])),
            .object(JSONObject([("minimum", .number(0.5)), ("maximum", .number(8))])),
        ]))
        XCTAssertNil(field["minimum"])
    }

    func testNullableEnumsAcceptNull() throws {
        let field = try XCTUnwrap(schema(at: "conversation_config.agent.prompt.reasoning_effort"))
        XCTAssertEqual(field["type"], .array([.string("string"), .string("null")]))
        XCTAssertEqual(field["enum"]?.arrayValue?.last, .null)
    }

    func testTypedSectionsRejectUnknownKeysAndFreeMapsAcceptThem() throws {
        XCTAssertEqual(FileJSONSchema(.agent).document["additionalProperties"], .bool(false))
        XCTAssertEqual(schema(at: "conversation_config.turn")?["additionalProperties"], .bool(false))
        XCTAssertEqual(schema(at: "conversation_config.tts.supported_voices[]")?["additionalProperties"], .bool(false))
        XCTAssertNil(schema(at: "platform_settings")?["additionalProperties"])
        XCTAssertNil(schema(at: "workflow")?["properties"])
        let preset = try XCTUnwrap(schema(at: "conversation_config.language_presets.*"))
        XCTAssertEqual(preset["additionalProperties"], .bool(false))
        XCTAssertNotNil(preset["properties"]?["overrides"])
    }

    func testDescriptionsNameDeprecatedValuesAndWhereARangeIsDocumented() throws {
        let model = try XCTUnwrap(schema(at: "conversation_config.tts.model_id")?["description"]?.stringValue)
        XCTAssertEqual(model, "The model to use for TTS. Deprecated values: eleven_turbo_v2, eleven_turbo_v2_5.")
        let turn = try XCTUnwrap(schema(at: "conversation_config.turn.turn_timeout")?["description"]?.stringValue)
        XCTAssertTrue(turn.hasSuffix("Range documented in ElevenLabs docs, Conversation flow: \"Turn timeouts must be between 1 and 30 seconds.\""), turn)
    }

    func testTheTextIsStableJSONWithTheDialect() throws {
        XCTAssertEqual(FileJSONSchema(.agent).text, FileJSONSchema(.agent).text)
        XCTAssertTrue(FileJSONSchema(.agent).text.hasPrefix("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"))
        let parsed = try JSONParser.parse(FileJSONSchema(.agent).text)
        XCTAssertEqual(parsed, .object(FileJSONSchema(.agent).document))
    }
}

import ConfigModel
@testable import AgentSchema
import XCTest

/// The generated tables of unions: each shape of `tool_config` and of a test file has its own fields and limits, and
/// a value's shape is the one its discriminator names.
final class UnionTableTests: XCTestCase {
    private func yaml(_ text: String) throws -> YAMLNode { try YAMLReader().read(Array(text.utf8), file: "t.yaml") }

    func testEachToolShapeHasItsOwnRangeAndRequiredFields() throws {
        let config = try XCTUnwrap(FieldTable.tool.rule("tool_config"))
        XCTAssertEqual(config.type, .union)
        XCTAssertEqual(config.discriminator, "type")
        XCTAssertEqual(config.allowed, ["webhook", "client", "system", "mcp"])
        XCTAssertTrue(config.required)
        let ranges = ["webhook", "client", "system", "mcp"].map { shape in
            FieldTable.tool.rule("tool_config{\(shape)}.response_timeout_secs").map { [$0.minimum, $0.maximum] }
        }
        XCTAssertEqual(ranges, [[5, 300], [1, 120], [nil, nil], [5, 300]])
        XCTAssertEqual(FieldTable.tool.fieldNames(under: "tool_config{webhook}").filter {
            FieldTable.tool.rule("tool_config{webhook}.\($0)")?.required == true
        }, ["name", "description", "api_schema"])
        XCTAssertEqual(FieldTable.tool.rule("tool_config{mcp}.approval_policy")?.defaultValue, .string("require_approval_all"))
        XCTAssertNil(FieldTable.tool.rule("tool_config{client}.api_schema"))
    }

    func testATestFileIsAUnionAtTheTop() throws {
        let top = try XCTUnwrap(FieldTable.test.rule(""))
        XCTAssertEqual(top.type, .union)
        XCTAssertEqual(top.allowed, ["llm", "tool", "simulation"])
        XCTAssertEqual(FieldTable.test.rule("{simulation}.simulation_max_turns").map { [$0.minimum, $0.maximum] }, [1, 50])
        XCTAssertEqual(FieldTable.test.rule("{llm}.success_examples")?.maxItems, 5)
        XCTAssertEqual(FieldTable.test.rule("{tool}.name")?.required, true)
        XCTAssertTrue(FieldTable.test.fieldNames(under: "").isEmpty, "a shape is not a key")
    }

    func testAValuesShapeIsTheOneItsDiscriminatorNames() throws {
        XCTAssertEqual(FieldTable.tool.shape(of: "tool_config", for: try yaml("type: client\n")), "tool_config{client}")
        XCTAssertEqual(FieldTable.tool.shape(of: "tool_config", for: try yaml("type: other\n")), "tool_config")
        XCTAssertEqual(FieldTable.test.rootPattern(for: try yaml("type: simulation\n")), "{simulation}")
        XCTAssertEqual(FieldTable.agent.rootPattern(for: try yaml("name: x\n")), "")
    }

    func testTheRequestBodyTypesScalarsByTheChosenShape() throws {
        let text = "tool_config:\n  type: client\n  name: '7'\n  description: yes\n  response_timeout_secs: 30.0\n"
            + "  expects_response: true\n"
        let document = try AgentDocument.parse(bytes: Array(text.utf8), file: "t.yaml")
        XCTAssertEqual(JSONText.encode(FieldTable.tool.requestBody(document)),
                       #"{"tool_config":{"type":"client","name":"7","description":"yes","response_timeout_secs":30,"expects_response":true}}"#)
    }

    func testANameResolvesThroughTheLookupAndARawIDStays() {
        let lookup: (FileKind, String) -> String? = { kind, slug in kind == .tool && slug == "book" ? "tool_123" : nil }
        XCTAssertEqual(ResourceReference("tool:book"), .name(.tool, "book"))
        XCTAssertEqual(ResourceReference("tool:book").resolved(by: lookup), "tool_123")
        XCTAssertNil(ResourceReference("tool:missing").resolved(by: lookup))
        XCTAssertNil(ResourceReference("test:book").resolved(by: lookup))
        XCTAssertEqual(ResourceReference("tool_9f2"), .id("tool_9f2"))
        XCTAssertEqual(ResourceReference("tool_9f2").resolved(by: lookup), "tool_9f2")
        XCTAssertEqual(ResourceReference.text(naming: "book", of: .tool), "tool:book")
    }

    func testAFilesKindIsItsModelineElseItsFolderElseAgent() {
        XCTAssertEqual(FileKind(path: "tools/a.yaml", text: "tool_config: {}\n"), .tool)
        XCTAssertEqual(FileKind(path: "x/tests/a.yaml", text: ""), .test)
        XCTAssertEqual(FileKind(path: "tools/a.yaml", text: "\n# yaml-language-server: $schema=../schemas/test.schema.json\n"), .test)
        XCTAssertEqual(FileKind(path: "tests/sub/a.yaml", text: "name: x\n"), .agent)
        XCTAssertEqual(FileKind(path: "a.yaml", text: "name: x\n# $schema=tool.schema.json\n"), .agent)
        // A line that is not ASCII is read through String, an ASCII one in its bytes: both read the same modeline.
        XCTAssertEqual(FileKind(path: "a.yaml", text: "# café\n  # $schema=../schemas/tool.schema.json\t\n"), .tool)
        XCTAssertEqual(FileKind(path: "a.yaml", text: "# é $schema=../schemas/tool.schema.json \n"), .tool)
        XCTAssertEqual(FileKind(path: "tools/a.yaml", text: "# é $schema=nothing.json\n"),
                       FileKind(path: "tools/a.yaml", text: "# e $schema=nothing.json\n"))
        XCTAssertEqual(FileKind(path: "tools/a.yaml", text: "é: x\n# $schema=../schemas/test.schema.json\n"), .tool)
    }
}

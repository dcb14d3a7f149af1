import AgentSchema
import ConfigModel

/// Agent tests: `tests/<slug>.yaml`, the `/v1/convai/agent-testing` endpoints, the test field table (a union by
/// `type`: llm, tool, simulation). Their update is a PUT of the whole test, so it sends the file's full body.
extension Resource {
    public static let tests = Resource(
        kind: "test", plural: "tests", folder: FileKind.test.folder,
        endpoints: ResourceEndpoints(collection: "/v1/convai/agent-testing", create: "/v1/convai/agent-testing/create",
                                     updateMethod: "PUT", listKey: "tests", idKey: "id", namePath: ["name"],
                                     isWellTypedItem: isTestSummary),
        schema: ResourceSchema(
            requestBody: { FieldTable.test.requestBody($0).objectValue },
            defaultValue: { FieldTable.test.defaultAcrossShapes(at: $0) },
            fileKeys: testFileKeys,
            rank: { FieldTable.test.orderAcrossShapes(parent: $0, key: $1) },
            fileHeader: { ProjectScaffold.schemaModeline(forFileAt: $0, schema: FileKind.test.schemaFileName) },
            answerProblems: { FieldTable.test.answerShapeProblems(in: $0) }),
        updateBody: { _, local in local },
        remoteVersion: { _ in nil })

    /// The keys of a create request of any type, `name` and `type` first.
    private static let testFileKeys = ["name", "type"] + FieldTable.test.topLevelKeys().filter { $0 != "name" && $0 != "type" }

    /// UnitTestSummaryResponseModel's other required members: `created_at_unix_secs` and `type`.
    @Sendable private static func isTestSummary(_ item: JSONValue) -> Bool {
        item["created_at_unix_secs"]?.wholeNumber != nil && item["type"]?.stringValue != nil
    }
}

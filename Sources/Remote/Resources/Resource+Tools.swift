import AgentSchema
import ConfigModel

/// Tools: `tools/<slug>.yaml`, the `/v1/convai/tools` endpoints, the tool field table. Their PATCH replaces the whole
/// ToolRequestModel (no merge), so an update sends the file's full body.
extension Resource {
    public static let tools = Resource(
        kind: "tool", plural: "tools", folder: FileKind.tool.folder,
        endpoints: ResourceEndpoints(collection: "/v1/convai/tools", create: "/v1/convai/tools",
                                     updateMethod: "PATCH", listKey: "tools", idKey: "id", namePath: ["tool_config", "name"],
                                     isWellTypedItem: { $0["tool_config"]?.objectValue != nil }),
        schema: ResourceSchema(
            requestBody: { FieldTable.tool.requestBody($0).objectValue },
            defaultValue: { FieldTable.tool.defaultAcrossShapes(at: $0) },
            fileKeys: ["tool_config", "response_mocks"],
            rank: { FieldTable.tool.orderAcrossShapes(parent: $0, key: $1) },
            fileHeader: { ProjectScaffold.schemaModeline(forFileAt: $0, schema: FileKind.tool.schemaFileName) },
            answerProblems: { FieldTable.tool.answerShapeProblems(in: $0) }),
        // The plan shows the fields that change; the request is the whole tool, as the API replaces it.
        updateBody: { _, local in local },
        remoteVersion: { _ in nil },
        withoutSecrets: headerSecretsAsPlaceholders)

    /// A webhook header that looks like a credential is written as `${<SLUG>_<HEADER>}`, never as its value.
    @Sendable private static func headerSecretsAsPlaceholders(_ remote: JSONObject, file: String) -> JSONObject {
        guard case .object(var config)? = remote["tool_config"], case .object(var api)? = config["api_schema"],
              case .object(var headers)? = api["request_headers"] else { return remote }
        let slug = ResourceReference.slug(ofFile: file)
        for (name, value) in headers {
            guard let text = value.stringValue, HeaderSecret.looksLikeSecret(name: name, value: text) else { continue }
            headers[name] = .string("${" + HeaderSecret.variableName(slug: slug, header: name) + "}")
        }
        api["request_headers"] = .object(headers)
        config["api_schema"] = .object(api)
        var result = remote
        result["tool_config"] = .object(config)
        return result
    }
}

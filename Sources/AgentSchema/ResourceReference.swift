import ConfigModel

/// How one file names another resource where the API takes an ID. `tool:book-appointment` names the tool file
/// `tools/book-appointment.yaml` and works in every environment; anything else is a raw ID, valid in one environment
/// only.
public enum ResourceReference: Equatable, Sendable {
    case name(FileKind, String)
    case id(String)

    public init(_ text: String) {
        if let colon = text.firstIndex(of: ":"), let kind = FileKind(rawValue: String(text[..<colon])) {
            self = .name(kind, String(text[text.index(after: colon)...]))
        } else {
            self = .id(text)
        }
    }

    /// How a file writes a reference to a resource by name.
    public static func text(naming slug: String, of kind: FileKind) -> String { kind.rawValue + ":" + slug }

    /// The slug a file is named by: its name without the folder and the `.yaml` / `.yml` extension.
    public static func slug(ofFile path: String) -> String {
        let fileName = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        for suffix in [".yaml", ".yml"] where fileName.hasSuffix(suffix) { return String(fileName.dropLast(suffix.count)) }
        return fileName
    }

    /// The ID to send: a name through `lookup` (kind and slug to this environment's ID), a raw ID as written; nil when
    /// a name resolves to nothing.
    public func resolved(by lookup: (FileKind, String) -> String?) -> String? {
        switch self {
        case .name(let kind, let slug): return lookup(kind, slug)
        case .id(let id): return id
        }
    }
}

/// A place in a file where the API takes the ID of another resource.
public struct ReferenceField: Sendable {
    /// Keys from the top of the file; nil stands for every item of a list.
    public let keys: [String?]
    public let kind: FileKind

    /// Where an agent file names tools and tests.
    public static let agent = [
        ReferenceField(keys: ["conversation_config", "agent", "prompt", "tool_ids", nil], kind: .tool),
        ReferenceField(keys: ["platform_settings", "testing", "attached_tests", nil, "test_id"], kind: .test),
    ]

    /// Where a test file names tools (a tool-call test's tool, a simulation's mocked tools).
    public static let test = [
        ReferenceField(keys: ["tool_call_parameters", "referenced_tool", "id"], kind: .tool),
        ReferenceField(keys: ["tool_mock_config", "mocked_tool_ids", nil], kind: .tool),
    ]

    /// The kinds some file names by slug (tools and tests): only their folders need listing.
    public static let namedKinds = FileKind.allCases.filter { named in
        FileKind.allCases.contains { fields(of: $0).contains { $0.kind == named } }
    }

    /// The places a file of a kind names other resources.
    public static func fields(of kind: FileKind) -> [ReferenceField] {
        switch kind {
        case .agent: return agent
        case .test: return test
        case .tool: return []
        }
    }

    /// Each text value at this place in a file, with its path as diagnostics write it (`tool_ids[1]`).
    public func values(in root: YAMLNode) -> [(node: YAMLNode, text: String, path: String)] {
        var found: [(YAMLNode, String, String)] = []
        func visit(_ node: YAMLNode, _ rest: ArraySlice<String?>, _ path: String) {
            guard let first = rest.first else {
                if let text = node.scalar?.text, !node.isNull { found.append((node, text, path)) }
                return
            }
            if let key = first {
                if let child = node[key] { visit(child, rest.dropFirst(), path.isEmpty ? key : path + "." + key) }
            } else {
                for (index, item) in (node.items ?? []).enumerated() { visit(item, rest.dropFirst(), "\(path)[\(index)]") }
            }
        }
        visit(root, keys[...], "")
        return found
    }
}

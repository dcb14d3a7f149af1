import ConfigModel

/// Checks agent files against the field table and the documented guidance, collecting every problem.
public struct Validator: Sendable {
    public init() {}

    /// Every diagnostic for one loaded file, in file order.
    public func validate(_ document: AgentDocument) -> [Diagnostic] {
        var fields = FieldChecker()
        fields.checkFile(document.root)
        var guidance = GuidanceRules(document: document)
        guidance.check()
        return (fields.diagnostics + guidance.diagnostics).sorted { ($0.mark, $0.rule.rawValue) < ($1.mark, $1.rule.rawValue) }
    }

    /// Loads and validates one file; a file that cannot be read as YAML gives its one located error.
    /// The text is returned whenever the file could be read, to show source lines under diagnostics.
    public func validate(file path: String) -> (text: String?, document: AgentDocument?, diagnostics: [Diagnostic]) {
        do {
            return validate(bytes: try AgentDocument.readBytes(path: path), file: path)
        } catch {
            return (nil, nil, [Diagnostic(error)])
        }
    }

    /// Validates text read elsewhere (standard input), named `file` in the diagnostics.
    public func validate(bytes: [UInt8], file: String) -> (text: String?, document: AgentDocument?, diagnostics: [Diagnostic]) {
        do {
            let document = try AgentDocument.parse(bytes: bytes, file: file)
            return (document.text, document, validate(document))
        } catch {
            return (String(decoding: bytes, as: UTF8.self), nil, [Diagnostic(error)])
        }
    }

    /// The JSON the API receives for a document: every key the user wrote, scalars typed by their field.
    public static func requestBody(_ document: AgentDocument) -> JSONValue {
        NodeConversion.json(document.root, kind: FieldTable.scalarKind(at:))
    }
}

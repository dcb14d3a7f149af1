import ConfigModel

/// Checks agent files against the field table and the documented guidance, collecting every problem.
public struct Validator: Sendable {
    /// What `${NAME}` placeholders resolve to; the file is checked with their values, at their lines.
    public var variables: Variables

    public init(variables: Variables = Variables(environment: [:])) {
        self.variables = variables
    }

    /// Every diagnostic for one loaded file, in file order.
    public func validate(_ document: AgentDocument) -> [Diagnostic] {
        var fields = FieldChecker()
        fields.checkFile(document.root)
        var guidance = GuidanceRules(document: document)
        guidance.check()
        return (fields.diagnostics + guidance.diagnostics).sorted { ($0.mark, $0.rule.rawValue) < ($1.mark, $1.rule.rawValue) }
    }

    /// Loads, resolves and validates one file; a file that cannot be read as YAML gives its one located error.
    /// The text is returned whenever the file could be read, to show source lines under diagnostics; the document
    /// returned holds the resolved values.
    public func validate(file path: String) -> (text: String?, document: AgentDocument?, diagnostics: [Diagnostic]) {
        let bytes: [UInt8]
        do {
            bytes = try AgentDocument.readBytes(path: path)
        } catch {
            return (nil, nil, [error])
        }
        do {
            let parsed = try AgentDocument.parse(bytes: bytes, file: path)
            let resolution = VariableResolution(parsed.root, variables: variables)
            let document = AgentDocument(file: path, text: parsed.text, root: resolution.root, secretPaths: resolution.secretPaths)
            let diagnostics = resolution.problems + resolution.annotate(validate(document))
            return (document.text, resolution.problems.isEmpty ? document : nil,
                    diagnostics.sorted { ($0.mark, $0.rule.rawValue) < ($1.mark, $1.rule.rawValue) })
        } catch {
            return (String(decoding: bytes, as: UTF8.self), nil, [error])
        }
    }
}

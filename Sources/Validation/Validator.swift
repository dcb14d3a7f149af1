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

    /// Loads and validates one file; a file that cannot be read as YAML gives every problem the reader found.
    /// The text is returned whenever the file could be read, to show source lines under diagnostics.
    public func validate(file path: String) -> (text: String?, document: AgentDocument?, diagnostics: [Diagnostic]) {
        let bytes: [UInt8]
        do {
            bytes = try AgentDocument.readBytes(path: path)
        } catch {
            return (nil, nil, [error])
        }
        switch AgentDocument.read(bytes: bytes, file: path) {
        case .success(let document): return (document.text, document, validate(document))
        case .failure(let problems): return (AgentDocument.text(of: bytes), nil, problems.problems)
        }
    }
}

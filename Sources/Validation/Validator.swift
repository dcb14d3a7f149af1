import AgentSchema
import ConfigModel

/// Checks agent, tool and test files against their kind's field table, the documented guidance and the names they
/// give each other, collecting every problem.
public struct Validator: Sendable {
    public init() {}

    /// Every diagnostic for one loaded file of a kind, in file order; `names` are the files it may refer to.
    public func validate(_ document: AgentDocument, kind: FileKind = .agent, names: ResourceNames = ResourceNames([:]))
        -> [Diagnostic] {
        var fields = FieldChecker(table: kind.table)
        fields.checkFile(document.root)
        var found = fields.diagnostics
        switch kind {
        case .agent:
            var guidance = GuidanceRules(document: document)
            guidance.check()
            var references = ReferenceRules(names: names)
            references.check(document.root, fields: ReferenceField.agent)
            found += guidance.diagnostics + references.diagnostics
        case .tool:
            var secrets = WebhookSecrets()
            secrets.check(document.root)
            found += secrets.diagnostics
        case .test:
            break
        }
        return found.sorted { ($0.mark, $0.rule.rawValue) < ($1.mark, $1.rule.rawValue) }
    }

    /// Loads and validates one file; a file that cannot be read as YAML gives its one located error.
    /// The text is returned whenever the file could be read, to show source lines under diagnostics.
    public func validate(file path: String) -> (text: String?, document: AgentDocument?, diagnostics: [Diagnostic]) {
        do {
            return validate(bytes: try AgentDocument.readBytes(path: path), file: path)
        } catch {
            return (nil, nil, [error])
        }
    }

    /// Validates text read elsewhere (standard input), named `file` in the diagnostics.
    public func validate(bytes: [UInt8], file: String) -> (text: String?, document: AgentDocument?, diagnostics: [Diagnostic]) {
        do {
            let document = try AgentDocument.parse(bytes: bytes, file: file)
            let kind = FileKind(path: file, text: document.text)
            return (document.text, document, validate(document, kind: kind, names: .beside(file: file)))
        } catch {
            return (String(decoding: bytes, as: UTF8.self), nil, [error])
        }
    }
}

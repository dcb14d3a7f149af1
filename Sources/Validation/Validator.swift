import AgentSchema
import ConfigModel

/// Checks agent, tool and test files against their kind's field table, the documented guidance and the names they
/// give each other, collecting every problem; and the project file, `agentctl.yaml`, against its own table.
public struct Validator: Sendable {
    /// What `${NAME}` placeholders resolve to; the file is checked with their values, at their lines.
    public var variables: Variables

    public init(variables: Variables = Variables(environment: [:])) {
        self.variables = variables
    }

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
            var references = ReferenceRules(names: names)
            references.check(document.root, fields: ReferenceField.test)
            found += references.diagnostics
        }
        return found.sorted { ($0.mark, $0.rule.rawValue) < ($1.mark, $1.rule.rawValue) }
    }

    /// Loads, resolves and validates one file; a file that cannot be read as YAML gives every problem the reader found.
    /// The text is returned whenever the file could be read, to show source lines under diagnostics; the document
    /// returned holds the resolved values.
    /// `names`, when given, are the names beside the file (`ResourceNames.beside(file:)`), read once for many files.
    public func validate(file path: String, names: ResourceNames? = nil) -> (text: String?, document: AgentDocument?, diagnostics: [Diagnostic]) {
        do {
            return validate(bytes: try AgentDocument.readBytes(path: path), file: path, names: names)
        } catch {
            return (nil, nil, [error])
        }
    }

    /// Validates text read elsewhere (standard input), named `file` in the diagnostics.
    public func validate(bytes: [UInt8], file: String, names: ResourceNames? = nil)
        -> (text: String?, document: AgentDocument?, diagnostics: [Diagnostic]) {
        switch AgentDocument.read(bytes: bytes, file: file) {
        case .failure(let problems):
            return (AgentDocument.text(of: bytes), nil, problems.problems)
        case .success(let parsed):
            if Self.isProjectFile(file) { return (parsed.text, parsed, ProjectFileCheck.diagnostics(parsed)) }
            let kind = FileKind(path: file, text: parsed.text)
            let (document, resolution) = resolved(parsed)
            // A value that came from a variable is not written in the file, so it is never a literal secret.
            let found = validate(document, kind: kind, names: names ?? .beside(file: file)).filter { diagnostic in
                diagnostic.ruleID != .literalSecret || !resolution.resolved.contains { $0.mark == diagnostic.mark }
            }
            let diagnostics = resolution.problems + resolution.annotate(found)
            return (document.text, resolution.problems.isEmpty ? document : nil,
                    diagnostics.sorted { ($0.mark, $0.rule.rawValue) < ($1.mark, $1.rule.rawValue) })
        }
    }

    /// The document `validate(file:)` gives, without checking it: for a file validated a moment ago and read again
    /// (a sync compares and pushes what it checked first), where only reading and resolving can fail. Nil when the
    /// file no longer reads cleanly.
    public func document(file path: String) -> AgentDocument? {
        guard let bytes = try? AgentDocument.readBytes(path: path),
              case .success(let parsed) = AgentDocument.read(bytes: bytes, file: path) else { return nil }
        if Self.isProjectFile(path) { return parsed }
        let (document, resolution) = resolved(parsed)
        return resolution.problems.isEmpty ? document : nil
    }

    /// The document with its `${NAME}` placeholders resolved, and how they were.
    private func resolved(_ parsed: AgentDocument) -> (AgentDocument, VariableResolution) {
        let resolution = VariableResolution(parsed.root, variables: variables)
        return (AgentDocument(file: parsed.file, text: parsed.text, root: resolution.root, secretPaths: resolution.secretPaths),
                resolution)
    }

    private static func isProjectFile(_ path: String) -> Bool {
        path.split(separator: "/").last.map(String.init) == ProjectFile.fileName
    }
}

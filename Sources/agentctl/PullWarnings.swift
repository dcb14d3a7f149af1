import ConfigModel
import Remote

extension Diagnostic.Rule {
    /// Pull wrote a `${VAR}` placeholder where the live resource holds a secret.
    static let secretPlaceholder = Diagnostic.Rule(rawValue: "secret")
}

/// What a pull wrote but could not make portable, told on stderr at the lines of the written files.
enum PullWarnings {
    /// IDs in the written files of `resource` that no tracked file names in this environment.
    static func unmappedIDs(_ results: [Puller.FileResult], of resource: Resource, state: SyncState,
                            environment: String) -> [Diagnostic] {
        guard !resource.references.isEmpty else { return [] }
        let references = ReferenceMap(state: state, environment: environment)
        return written(results).flatMap { ReferenceCheck.unmapped($0, of: resource, references: references) }
    }

    /// The `${VAR}` placeholders pull wrote in place of webhook header secrets, each naming the variable to set.
    static func secretPlaceholders(_ results: [Puller.FileResult]) -> [Diagnostic] {
        written(results).flatMap { document -> [Diagnostic] in
            let headers = document.root["tool_config"]?["api_schema"]?["request_headers"]?.pairs ?? []
            return headers.compactMap { header in
                guard let text = header.value.scalar?.text, let placeholder = Placeholder(text) else { return nil }
                return Diagnostic(.warning, .secretPlaceholder, at: header.value.mark, "the header `\(header.key)` holds a "
                    + "secret, which pull never writes: set the variable \(placeholder.name) (in the environment or the "
                    + "variables file) before a push", path: "tool_config.api_schema.request_headers.\(header.key)")
            }
        }
    }

    /// The files a pull wrote (not a dry run), read back.
    private static func written(_ results: [Puller.FileResult]) -> [AgentDocument] {
        results.filter { ($0.change == .new || $0.change == .updated) && $0.after == nil }.compactMap { result in
            (try? AgentDocument.readBytes(path: result.file)).flatMap { try? AgentDocument.parse(bytes: $0, file: result.file) }
        }
    }

    static func tell(_ warnings: [Diagnostic]) {
        guard !warnings.isEmpty else { return }
        var sources: [String: String] = [:]
        for file in Set(warnings.map(\.mark.file)) { sources[file] = try? String(contentsOfFile: file, encoding: .utf8) }
        Terminal.error(DiagnosticRenderer.text(warnings, sources: sources, style: Terminal.stderrStyle))
    }
}

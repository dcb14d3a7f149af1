import Foundation

/// A per-environment variables file: a flat YAML mapping of `NAME: value`, or `NAME: {value: ..., secret: true}`
/// for a value that must never be shown.
public enum VariablesFile {
    public static func load(path: String) throws(Diagnostic) -> [String: Variables.Variable] {
        let bytes = try AgentDocument.readBytes(path: path)
        // A new environment's file may hold nothing but comments yet.
        let content = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        if content.isEmpty { return [:] }
        let root = try YAMLReader().read(bytes, file: path)
        var variables: [String: Variables.Variable] = [:]
        for pair in root.pairs ?? [] {
            guard Placeholder.isName(pair.key[...]) else {
                throw Diagnostic.error(.yaml,
                                       "`\(pair.key)` is not a variable name (letters, digits and _, not starting with a digit)",
                                       at: pair.keyMark)
            }
            let (value, secret) = try entry(pair.value, name: pair.key)
            variables[pair.key] = Variables.Variable(name: pair.key, value: value, source: .file(pair.value.mark), secret: secret)
        }
        return variables
    }

    private static func entry(_ node: YAMLNode, name: String) throws(Diagnostic) -> (String, Bool) {
        if let (text, _, _) = node.scalar { return (text, false) }
        guard let pairs = node.pairs, let valueNode = node["value"], let (text, _, _) = valueNode.scalar else {
            throw Diagnostic.error(.yaml, "`\(name)` must be a value, or `{value: ..., secret: true}`", at: node.mark)
        }
        if let unknown = pairs.first(where: { $0.key != "value" && $0.key != "secret" }) {
            throw Diagnostic.error(.yaml, "`\(unknown.key)` is not known here; a variable has `value` and `secret`",
                                   at: unknown.keyMark)
        }
        guard let secretNode = node["secret"] else { return (text, false) }
        switch ScalarReading.boolean(secretNode) {
        case .success(let secret): return (text, secret)
        case .failure(let error): throw error
        }
    }
}

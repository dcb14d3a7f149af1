/// The kind of value a field holds, which decides how a YAML scalar is read: by the field, not by YAML's guessing.
public enum ScalarKind: Sendable, Equatable {
    case text, number, integer, boolean
}

/// Reads one scalar node as the kind its field asks for, with an error that says what was found instead.
/// An explicit tag (`!!str 7`, `!!int "7"`) wins over the field's kind: validate, push and simulate all read it here.
public enum ScalarReading {
    public static func text(_ node: YAMLNode) -> Result<String, Diagnostic> {
        guard let (text, _, tag) = node.scalar, tag == nil || tag == .string, !node.isNull else {
            return .failure(Diagnostic.error(.yaml, "expected text, found \(found(node))", at: node.mark))
        }
        return .success(text)
    }

    public static func number(_ node: YAMLNode) -> Result<Double, Diagnostic> {
        guard let (text, style, tag) = node.scalar, tag != .boolean, tag != .null else {
            return .failure(Diagnostic.error(.yaml, "expected a number, found \(found(node))", at: node.mark))
        }
        if tag == .string || (tag == nil && !style.isPlain) {
            let hint = tag == nil && YAMLCoreSchema.number(text) != nil ? "; remove the quotes" : ""
            return .failure(Diagnostic.error(.yaml, "expected a number, found \(found(node))\(hint)", at: node.mark))
        }
        switch YAMLCoreSchema.numberReading(text) {
        case .value(let value)?:
            return .success(value)
        case .tooLarge?:
            return .failure(Diagnostic.error(.yaml, "`\(text)` is too large for a number (the largest is about 1.8e308)",
                                             at: node.mark))
        case .tooSmall?:
            return .failure(Diagnostic.error(.yaml, "`\(text)` is too close to zero for a number; it would be read as 0",
                                             at: node.mark))
        case nil:
            return .failure(Diagnostic.error(.yaml, "expected a number, found `\(UserText.shown(text))`", at: node.mark))
        }
    }

    public static func integer(_ node: YAMLNode) -> Result<Int, Diagnostic> {
        switch number(node) {
        case .failure(let error):
            guard error.message.hasPrefix("expected a number") else { return .failure(error) }
            return .failure(Diagnostic.error(.yaml, "expected a whole number" + error.message.dropFirst("expected a number".count),
                                         at: error.mark))
        case .success(let value):
            guard value == value.rounded(), abs(value) < 9.0e15 else {
                return .failure(Diagnostic.error(.yaml, "expected a whole number, found \(JSONText.number(value))", at: node.mark))
            }
            return .success(Int(value))
        }
    }

    public static func boolean(_ node: YAMLNode) -> Result<Bool, Diagnostic> {
        guard let (text, style, tag) = node.scalar, tag == nil || tag == .boolean else {
            return .failure(Diagnostic.error(.yaml, "expected true or false, found \(found(node))", at: node.mark))
        }
        if tag == nil && !style.isPlain {
            return .failure(Diagnostic.error(.yaml, "expected true or false, found \(found(node))", at: node.mark))
        }
        guard let value = YAMLCoreSchema.bool(text) else {
            let hint = ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
                ? " (YAML 1.1's `\(text)` is not a boolean here; write true or false)" : ""
            return .failure(Diagnostic.error(.yaml, "expected true or false, found `\(UserText.shown(text))`\(hint)", at: node.mark))
        }
        return .success(value)
    }

    /// What a node is, for "found ...": quoted or tagged text is shown, other kinds are named.
    private static func found(_ node: YAMLNode) -> String {
        guard let (text, style, tag) = node.scalar else { return node.kindName }
        if tag == .string { return "the text \(JSONText.quoted(UserText.shown(text))) (tagged !!str)" }
        if let tag { return "\(node.kindName) (tagged \(tag.shorthand))" }
        if !style.isPlain { return "the quoted text \(JSONText.quoted(UserText.shown(text)))" }
        return node.kindName
    }
}

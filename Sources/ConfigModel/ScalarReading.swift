/// The kind of value a field holds, which decides how a YAML scalar is read: by the field, not by YAML's guessing.
public enum ScalarKind: Sendable, Equatable {
    case text, number, integer, boolean
}

/// Reads one scalar node as the kind its field asks for, with an error that says what was found instead.
public enum ScalarReading {
    public static func text(_ node: YAMLNode) -> Result<String, Diagnostic> {
        guard let (text, _, _) = node.scalar else {
            return .failure(Diagnostic.error(.yaml, "expected text, found \(node.kindName)", at: node.mark))
        }
        return .success(text)
    }

    public static func number(_ node: YAMLNode) -> Result<Double, Diagnostic> {
        guard let (text, style, _) = node.scalar else {
            return .failure(Diagnostic.error(.yaml, "expected a number, found \(node.kindName)", at: node.mark))
        }
        if !style.isPlain {
            let hint = YAMLCoreSchema.number(text) != nil ? "; remove the quotes" : ""
            return .failure(Diagnostic.error(.yaml, "expected a number, found the quoted text \(JSONText.quoted(text))\(hint)",
                                         at: node.mark))
        }
        guard let value = YAMLCoreSchema.number(text) else {
            return .failure(Diagnostic.error(.yaml, "expected a number, found `\(text)`", at: node.mark))
        }
        return .success(value)
    }

    public static func integer(_ node: YAMLNode) -> Result<Int, Diagnostic> {
        switch number(node) {
        case .failure(let error):
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
        guard let (text, style, _) = node.scalar else {
            return .failure(Diagnostic.error(.yaml, "expected true or false, found \(node.kindName)", at: node.mark))
        }
        if !style.isPlain {
            return .failure(Diagnostic.error(.yaml, "expected true or false, found the quoted text \(JSONText.quoted(text))",
                                         at: node.mark))
        }
        guard let value = YAMLCoreSchema.bool(text) else {
            let hint = ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
                ? " (YAML 1.1's `\(text)` is not a boolean here; write true or false)" : ""
            return .failure(Diagnostic.error(.yaml, "expected true or false, found `\(text)`\(hint)", at: node.mark))
        }
        return .success(value)
    }
}

import AgentSchema
import ConfigModel

/// Walks a file's node tree against its kind's `FieldTable` and reports every field that breaks its rule.
struct FieldChecker {
    let table: FieldTable
    private(set) var diagnostics: [Diagnostic] = []

    init(table: FieldTable) { self.table = table }

    mutating func checkFile(_ root: YAMLNode) {
        if let rule = table.rule(""), rule.type == .union {
            checkUnion(root, rule: rule, path: "")
        } else {
            checkObject(root, pattern: "", path: "")
        }
    }

    private mutating func report(_ rule: RuleID, _ node: YAMLNode, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(rule, at: node, message, path: path.isEmpty ? nil : path))
    }

    private mutating func checkObject(_ node: YAMLNode, pattern: String, path: String) {
        guard let pairs = node.pairs else {
            return report(.type, node, path, "`\(path)` must be a mapping of fields, found \(node.kindName)")
        }
        // Made at the first unknown key, then kept for the rest of the mapping.
        var knownNames: [String]?
        var didYouMean: DidYouMean?
        for pair in pairs {
            let childPattern = table.childPattern(pattern, key: pair.key)
            let childPath = path.isEmpty ? pair.key : path + "." + pair.key
            if let rule = table.rule(childPattern) {
                check(pair.value, rule: rule, path: childPath)
                continue
            }
            let known = knownNames ?? table.fieldNames(under: pattern)
            knownNames = known
            let keyNode = YAMLNode(.scalar(pair.key, .plain, tag: nil), mark: pair.keyMark, anchorMark: pair.value.anchorMark)
            let place = path.isEmpty ? "at the top of the file" : "in `\(path)`"
            let key = "`\(UserText.shown(pair.key))`" + (UserText.invisibleCharacters(in: pair.key).map { " (it contains \($0))" } ?? "")
            let names = didYouMean ?? DidYouMean(known)
            didYouMean = names
            if table.rejectsUnknownKeys {
                let hint = Self.hint(names.suggestions(for: pair.key))
                    ?? "; the keys here are " + known.map { "`\($0)`" }.joined(separator: ", ")
                report(.unknownKeyTypo, keyNode, childPath, "unknown key \(key) \(place)\(hint)")
            } else if let suggestion = names.suggestion(for: pair.key) {
                report(.unknownKeyTypo, keyNode, childPath, "unknown key \(key) \(place); did you mean `\(suggestion)`?")
            } else {
                report(.unknownField, keyNode, childPath, "\(key) is not known to agentctl \(place); it is kept and sent unchanged")
            }
        }
        for name in table.requiredFieldNames(under: pattern) where node[name] == nil {
            report(.required, node, path, "`\(path.isEmpty ? "the file" : path)` needs `\(name)`; the API requires it")
        }
    }

    /// "; did you mean `a`?" or "; did you mean `a` or `b`?"; nil for no names.
    private static func hint(_ names: [String]) -> String? {
        guard !names.isEmpty else { return nil }
        return "; did you mean " + names.map { "`\($0)`" }.joined(separator: " or ") + "?"
    }

    /// A union names its shape in its discriminator (`type: webhook`); its fields are then checked by that shape.
    private mutating func checkUnion(_ node: YAMLNode, rule: FieldRule, path: String) {
        guard node.pairs != nil else {
            return report(.type, node, path, "`\(path.isEmpty ? "the file" : path)` must be a mapping of fields, found \(node.kindName)")
        }
        guard let discriminator = rule.discriminator, let values = rule.allowed else { return }
        let discriminatorPath = path.isEmpty ? discriminator : path + "." + discriminator
        let choices = values.joined(separator: ", ")
        guard let chosen = node[discriminator] else {
            return report(.required, node, path, "`\(path.isEmpty ? "the file" : path)` needs `\(discriminator)`, "
                + "which says what it is: one of \(choices)")
        }
        guard case .success(let value) = ScalarReading.text(chosen) else {
            return report(.type, chosen, discriminatorPath, "`\(discriminatorPath)` must be text, found \(chosen.kindName)")
        }
        guard values.contains(value) else {
            let hint = DidYouMean.suggestion(for: value, among: values).map { "; did you mean `\($0)`?" } ?? "; allowed: " + choices
            return report(.allowedValues, chosen, discriminatorPath, "`\(discriminatorPath)` does not allow `\(UserText.shown(value))`\(hint)")
        }
        checkObject(node, pattern: rule.variantPattern(value), path: path)
    }

    private mutating func check(_ node: YAMLNode, rule: FieldRule, path: String) {
        if rule.deprecated {
            report(.deprecatedField, node, path, "`\(path)` is deprecated" + Self.deprecationAdvice(rule.description))
        }
        if node.isNull {
            if !rule.nullable && rule.type != .any {
                report(.null, node, path, "`\(path)` may not be null; remove the line to keep the API's value")
            }
            return
        }
        switch rule.type {
        case .any: break
        case .text: checkText(node, rule: rule, path: path)
        case .number, .integer: checkNumber(node, rule: rule, path: path)
        case .boolean:
            if case .failure(let error) = ScalarReading.boolean(node) { report(.type, node, path, "`\(path)`: \(error.message)") }
        case .object: checkObject(node, pattern: rule.path, path: path)
        case .union: checkUnion(node, rule: rule, path: path)
        case .map: checkMap(node, rule: rule, path: path)
        case .textList, .list: checkList(node, rule: rule, path: path)
        }
    }

    private mutating func checkText(_ node: YAMLNode, rule: FieldRule, path: String) {
        guard case .success(let text) = ScalarReading.text(node) else {
            return report(.type, node, path, "`\(path)` must be text, found \(node.kindName)")
        }
        if let allowed = rule.allowed {
            checkAllowed(text, allowed: allowed, deprecated: rule.deprecatedValues, node: node, path: path)
        }
        checkLength(text, min: rule.minLength, max: rule.maxLength, node: node, path: path)
    }

    private mutating func checkAllowed(_ text: String, allowed: [String], deprecated: [String], node: YAMLNode, path: String) {
        guard allowed.contains(text) else {
            let hint = DidYouMean.suggestion(for: text, among: allowed).map { "; did you mean `\($0)`?" }
                ?? (allowed.count <= 12 ? "; allowed: " + allowed.joined(separator: ", ") : "")
            return report(.allowedValues, node, path, "`\(path)` does not allow `\(UserText.shown(text))`\(hint)")
        }
        if deprecated.contains(text) {
            report(.deprecatedValue, node, path, "`\(text)` is deprecated for `\(path)`")
        }
    }

    private mutating func checkLength(_ text: String, min: Int?, max: Int?, node: YAMLNode, path: String) {
        let count = text.unicodeScalars.count  // the API counts code points, not grapheme clusters
        if let min, count < min {
            report(.length, node, path, "`\(path)` must be at least \(min) character\(min == 1 ? "" : "s") long, found \(count)")
        }
        if let max, count > max {
            report(.length, node, path, "`\(path)` must be at most \(max) characters long, found \(count)")
        }
    }

    private mutating func checkNumber(_ node: YAMLNode, rule: FieldRule, path: String) {
        let read = rule.type == .integer ? ScalarReading.integer(node).map(Double.init) : ScalarReading.number(node)
        let value: Double
        switch read {
        case .failure(let error): return report(.type, node, path, "`\(path)`: \(error.message)")
        case .success(let number): value = number
        }
        if let allowed = rule.allowed {
            if !allowed.contains(JSONText.number(value)) {
                report(.allowedValues, node, path, "`\(path)` must be one of \(allowed.joined(separator: ", ")), found \(JSONText.number(value))")
            } else if rule.deprecatedValues.contains(JSONText.number(value)) {
                report(.deprecatedValue, node, path, "`\(JSONText.number(value))` is deprecated for `\(path)`")
            }
            return
        }
        if !rule.accepts(value), let range = rule.rangeText {
            var message = "`\(path)` must be \(range), found \(JSONText.number(value))"
            if let documented = rule.documentedIn { message += " (\(documented))" }
            report(.range, node, path, message)
        }
    }

    private mutating func checkMap(_ node: YAMLNode, rule: FieldRule, path: String) {
        guard let pairs = node.pairs else {
            return report(.type, node, path, "`\(path)` must be a mapping, found \(node.kindName)")
        }
        let entryRule = table.rule(rule.path + ".*")
        let didYouMean = rule.keys.map(DidYouMean.init)
        for pair in pairs {
            if let keys = rule.keys, !keys.contains(where: { $0.hasSameCodePoints(as: pair.key) }) {
                let keyNode = YAMLNode(.scalar(pair.key, .plain, tag: nil), mark: pair.keyMark, anchorMark: pair.value.anchorMark)
                let hint = didYouMean?.suggestion(for: pair.key).map { "; did you mean `\($0)`?" }
                    ?? "; allowed: " + keys.joined(separator: ", ")
                report(.allowedValues, keyNode, path + "." + pair.key, "`\(path)` does not allow the key `\(UserText.shown(pair.key))`\(hint)")
                continue
            }
            if let entryRule { check(pair.value, rule: entryRule, path: path + "." + pair.key) }
        }
    }

    private mutating func checkList(_ node: YAMLNode, rule: FieldRule, path: String) {
        guard let items = node.items else {
            return report(.type, node, path, "`\(path)` must be a list, found \(node.kindName)")
        }
        if let max = rule.maxItems, items.count > max {
            report(.itemCount, node, path, "`\(path)` may have at most \(max) items, found \(items.count)")
        }
        if let min = rule.minItems, items.count < min {
            report(.itemCount, node, path, "`\(path)` needs at least \(min) item\(min == 1 ? "" : "s"), found \(items.count)")
        }
        let itemsHaveFields = !table.fieldNames(under: rule.path + "[]").isEmpty
        let itemUnion = table.rule(rule.path + "[]").flatMap { $0.type == .union ? $0 : nil }
        for (index, item) in items.enumerated() {
            let itemPath = "\(path)[\(index)]"
            if rule.type == .textList {
                if item.isNull {
                    report(.null, item, itemPath, "`\(itemPath)` is empty (null); write the text, or remove the item")
                    continue
                }
                guard case .success(let text) = ScalarReading.text(item) else {
                    report(.type, item, itemPath, "`\(itemPath)` must be text, found \(item.kindName)")
                    continue
                }
                if let allowed = rule.allowed {
                    checkAllowed(text, allowed: allowed, deprecated: rule.deprecatedValues, node: item, path: itemPath)
                }
                checkLength(text, min: rule.itemMinLength, max: rule.itemMaxLength, node: item, path: itemPath)
            } else if let itemUnion {
                checkUnion(item, rule: itemUnion, path: itemPath)
            } else if itemsHaveFields {
                checkObject(item, pattern: rule.path + "[]", path: itemPath)
            }
        }
    }

    /// The vendor's deprecation note as advice: "DEPRECATED: use `x` instead." becomes "; use `x` instead."
    static func deprecationAdvice(_ description: String) -> String {
        var rest = Substring(description)
        if rest.lowercased().hasPrefix("deprecated") { rest = rest.dropFirst("deprecated".count) }
        rest = rest.drop(while: { $0 == ":" || $0 == "." || $0 == " " || $0 == "-" })
        return rest.isEmpty ? "" : "; " + rest
    }
}

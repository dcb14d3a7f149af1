import AgentSchema
import ConfigModel

/// Walks a file's node tree against its kind's `FieldTable` and reports every field that breaks its rule. Each key is
/// looked up among the few known under its parent (`FieldTable.Place`); the dotted path is made only for a diagnostic.
struct FieldChecker {
    let table: FieldTable
    private(set) var diagnostics: [Diagnostic] = []
    /// The keys and list indexes from the top of the file to the value being checked.
    private var trail = FieldTrail()

    init(table: FieldTable) { self.table = table }

    mutating func checkFile(_ root: YAMLNode) {
        if let rule = table.rule(at: table.top), rule.type == .union {
            checkUnion(root, rule: rule, place: table.top)
        } else {
            checkObject(root, place: table.top)
        }
    }

    private var path: String { trail.text }

    private mutating func report(_ rule: RuleID, _ node: YAMLNode, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(rule, at: node, message, path: path.isEmpty ? nil : path))
    }

    private mutating func checkObject(_ node: YAMLNode, place: FieldTable.Place) {
        guard let pairs = node.pairs else {
            return report(.type, node, path, "`\(path)` must be a mapping of fields, found \(node.kindName)")
        }
        // Made at the first unknown key, then kept for the rest of the mapping.
        var didYouMean: DidYouMean?
        for pair in pairs {
            trail.enter(pair.key)
            defer { trail.leave() }
            if let child = table.field(pair.key, under: place), let rule = table.rule(at: child) {
                check(pair.value, rule: rule, place: child)
                continue
            }
            let known = table.fieldNames(at: place)
            let parentPath = trail.parentText
            let keyNode = YAMLNode(.scalar(pair.key, .plain, tag: nil), mark: pair.keyMark, anchorMark: pair.value.anchorMark)
            let location = parentPath.isEmpty ? "at the top of the file" : "in `\(parentPath)`"
            let key = "`\(UserText.shown(pair.key))`" + (UserText.invisibleCharacters(in: pair.key).map { " (it contains \($0))" } ?? "")
            let names = didYouMean ?? DidYouMean(known)
            didYouMean = names
            if table.rejectsUnknownKeys {
                let hint = Self.hint(names.suggestions(for: pair.key))
                    ?? "; the keys here are " + known.map { "`\($0)`" }.joined(separator: ", ")
                report(.unknownKeyTypo, keyNode, path, "unknown key \(key) \(location)\(hint)")
            } else if let suggestion = names.suggestion(for: pair.key) {
                report(.unknownKeyTypo, keyNode, path, "unknown key \(key) \(location); did you mean `\(suggestion)`?")
            } else {
                report(.unknownField, keyNode, path, "\(key) is not known to agentctl \(location); it is kept and sent unchanged")
            }
        }
        for name in table.requiredFieldNames(at: place) where node[name] == nil {
            report(.required, node, path, "`\(path.isEmpty ? "the file" : path)` needs `\(name)`; the API requires it")
        }
    }

    /// "; did you mean `a`?" or "; did you mean `a` or `b`?"; nil for no names.
    private static func hint(_ names: [String]) -> String? {
        guard !names.isEmpty else { return nil }
        return "; did you mean " + names.map { "`\($0)`" }.joined(separator: " or ") + "?"
    }

    /// A union names its shape in its discriminator (`type: webhook`); its fields are then checked by that shape.
    private mutating func checkUnion(_ node: YAMLNode, rule: FieldRule, place: FieldTable.Place) {
        guard node.pairs != nil else {
            return report(.type, node, path, "`\(path.isEmpty ? "the file" : path)` must be a mapping of fields, found \(node.kindName)")
        }
        guard let discriminator = rule.discriminator, let values = rule.allowed else { return }
        let choices = values.joined(separator: ", ")
        guard let chosen = node[discriminator] else {
            return report(.required, node, path, "`\(path.isEmpty ? "the file" : path)` needs `\(discriminator)`, "
                + "which says what it is: one of \(choices)")
        }
        guard case .success(let value) = ScalarReading.text(chosen) else {
            let discriminatorPath = trail.text(adding: discriminator)
            return report(.type, chosen, discriminatorPath, "`\(discriminatorPath)` must be text, found \(chosen.kindName)")
        }
        guard values.contains(value) else {
            let discriminatorPath = trail.text(adding: discriminator)
            let hint = DidYouMean.suggestion(for: value, among: values).map { "; did you mean `\($0)`?" } ?? "; allowed: " + choices
            return report(.allowedValues, chosen, discriminatorPath, "`\(discriminatorPath)` does not allow `\(UserText.shown(value))`\(hint)")
        }
        if let shape = table.variant(value, of: place) { checkObject(node, place: shape) }
    }

    private mutating func check(_ node: YAMLNode, rule: FieldRule, place: FieldTable.Place) {
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
        case .text: checkText(node, rule: rule)
        case .number, .integer: checkNumber(node, rule: rule)
        case .boolean:
            if case .failure(let error) = ScalarReading.boolean(node) { report(.type, node, path, "`\(path)`: \(error.message)") }
        case .object: checkObject(node, place: place)
        case .union: checkUnion(node, rule: rule, place: place)
        case .map: checkMap(node, rule: rule, place: place)
        case .textList, .list: checkList(node, rule: rule, place: place)
        }
    }

    private mutating func checkText(_ node: YAMLNode, rule: FieldRule) {
        guard case .success(let text) = ScalarReading.text(node) else {
            return report(.type, node, path, "`\(path)` must be text, found \(node.kindName)")
        }
        if let allowed = rule.allowed {
            checkAllowed(text, allowed: allowed, deprecated: rule.deprecatedValues, node: node)
        }
        checkLength(text, min: rule.minLength, max: rule.maxLength, node: node)
    }

    private mutating func checkAllowed(_ text: String, allowed: [String], deprecated: [String], node: YAMLNode) {
        guard allowed.contains(text) else {
            let hint = DidYouMean.suggestion(for: text, among: allowed).map { "; did you mean `\($0)`?" }
                ?? (allowed.count <= 12 ? "; allowed: " + allowed.joined(separator: ", ") : "")
            return report(.allowedValues, node, path, "`\(path)` does not allow `\(UserText.shown(text))`\(hint)")
        }
        if deprecated.contains(text) {
            report(.deprecatedValue, node, path, "`\(text)` is deprecated for `\(path)`")
        }
    }

    private mutating func checkLength(_ text: String, min: Int?, max: Int?, node: YAMLNode) {
        guard min != nil || max != nil else { return }
        let count = text.unicodeScalars.count  // the API counts code points, not grapheme clusters
        if let min, count < min {
            report(.length, node, path, "`\(path)` must be at least \(min) character\(min == 1 ? "" : "s") long, found \(count)")
        }
        if let max, count > max {
            report(.length, node, path, "`\(path)` must be at most \(max) characters long, found \(count)")
        }
    }

    private mutating func checkNumber(_ node: YAMLNode, rule: FieldRule) {
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

    private mutating func checkMap(_ node: YAMLNode, rule: FieldRule, place: FieldTable.Place) {
        guard let pairs = node.pairs else {
            return report(.type, node, path, "`\(path)` must be a mapping, found \(node.kindName)")
        }
        let entries = table.entries(of: place)
        let entryRule = entries.flatMap(table.rule(at:))
        let didYouMean = rule.keys.map(DidYouMean.init)
        for pair in pairs {
            trail.enter(pair.key)
            defer { trail.leave() }
            if let keys = rule.keys, !keys.contains(where: { $0.hasSameCodePoints(as: pair.key) }) {
                let keyNode = YAMLNode(.scalar(pair.key, .plain, tag: nil), mark: pair.keyMark, anchorMark: pair.value.anchorMark)
                let hint = didYouMean?.suggestion(for: pair.key).map { "; did you mean `\($0)`?" }
                    ?? "; allowed: " + keys.joined(separator: ", ")
                report(.allowedValues, keyNode, path, "`\(trail.parentText)` does not allow the key `\(UserText.shown(pair.key))`\(hint)")
                continue
            }
            if let entries, let entryRule { check(pair.value, rule: entryRule, place: entries) }
        }
    }

    private mutating func checkList(_ node: YAMLNode, rule: FieldRule, place: FieldTable.Place) {
        guard let items = node.items else {
            return report(.type, node, path, "`\(path)` must be a list, found \(node.kindName)")
        }
        if let max = rule.maxItems, items.count > max {
            report(.itemCount, node, path, "`\(path)` may have at most \(max) items, found \(items.count)")
        }
        if let min = rule.minItems, items.count < min {
            report(.itemCount, node, path, "`\(path)` needs at least \(min) item\(min == 1 ? "" : "s"), found \(items.count)")
        }
        let itemPlace = table.items(of: place)
        let itemsHaveFields = itemPlace.map { !table.fieldNames(at: $0).isEmpty } ?? false
        let itemUnion = itemPlace.flatMap(table.rule(at:)).flatMap { $0.type == .union ? $0 : nil }
        for (index, item) in items.enumerated() {
            trail.enter(index)
            defer { trail.leave() }
            if rule.type == .textList {
                if item.isNull {
                    report(.null, item, path, "`\(path)` is empty (null); write the text, or remove the item")
                    continue
                }
                guard case .success(let text) = ScalarReading.text(item) else {
                    report(.type, item, path, "`\(path)` must be text, found \(item.kindName)")
                    continue
                }
                if let allowed = rule.allowed {
                    checkAllowed(text, allowed: allowed, deprecated: rule.deprecatedValues, node: item)
                }
                checkLength(text, min: rule.itemMinLength, max: rule.itemMaxLength, node: item)
            } else if let itemUnion, let itemPlace {
                checkUnion(item, rule: itemUnion, place: itemPlace)
            } else if itemsHaveFields, let itemPlace {
                checkObject(item, place: itemPlace)
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

import Foundation

/// A request's query read as FastAPI reads it against the endpoint's parameters in the reference: text coerced to
/// the declared type, then checked for bounds and enums, located at `["query", name]` with the raw text as input.
struct QueryReader: Sendable {
    let catalog: SchemaCatalog

    func read(_ items: [(name: String, value: String)], for operation: APIOperation) throws(APIFailure) -> [String: JSONValue] {
        var values = operation.queryDefaults
        var issues: [ValidationIssue] = []
        var names: [String] = []
        for item in items where operation.query[item.name] != nil && !names.contains(item.name) { names.append(item.name) }
        let validator = RequestValidator(catalog: catalog)
        for name in names {
            let node = operation.query[name]!
            let raw = items.filter { $0.name == name }.map(\.value)
            let loc: [ValidationIssue.Location] = [.key("query"), .key(name)]
            let coerced: JSONValue
            let text: JSONValue
            if case .array(let element) = kind(of: node) {
                let parts = raw.enumerated().map { coerce($0.element, element, loc + [.index($0.offset)]) }
                issues += parts.compactMap(\.issue)
                coerced = .array(parts.map(\.value))
                text = .array(raw.map(JSONValue.string))
            } else {
                let part = coerce(raw.last!, kind(of: node), loc)
                if let issue = part.issue { issues.append(issue); continue }
                coerced = part.value
                text = .string(raw.last!)
            }
            let (checked, found) = validator.check(coerced, against: node, at: loc)
            issues += found.map { issue in
                let input = issue.loc.count == loc.count ? text : issue.input
                return ValidationIssue(loc: issue.loc, type: issue.type, msg: issue.msg, input: input, ctx: issue.ctx)
            }
            values[name] = checked
        }
        guard issues.isEmpty else { throw .invalid(issues) }
        return values
    }

    private indirect enum Kind {
        case integer, number, boolean, text
        case array(Kind)
    }

    /// The type a parameter's text is parsed as: through references and `Optional[...]` to the JSON type.
    private func kind(of node: SchemaNode) -> Kind {
        let resolved = catalog.resolve(node)
        if let branch = (resolved.anyOf ?? []).first(where: { $0.type != "null" }) { return kind(of: branch) }
        switch resolved.type {
        case "integer": return .integer
        case "number": return .number
        case "boolean": return .boolean
        case "array": return .array(resolved.items.map { kind(of: $0) } ?? .text)
        default: return .text
        }
    }

    private func coerce(_ raw: String, _ kind: Kind, _ loc: [ValidationIssue.Location]) -> (value: JSONValue, issue: ValidationIssue?) {
        func failure(_ type: String, _ msg: String) -> (JSONValue, ValidationIssue?) {
            (.string(raw), ValidationIssue(loc: loc, type: type, msg: msg, input: .string(raw), ctx: nil))
        }
        switch kind {
        case .integer:
            guard let number = Int(raw.trimmingCharacters(in: .whitespaces)) else {
                return failure("int_parsing", "Input should be a valid integer, unable to parse string as an integer")
            }
            return (.int(number), nil)
        case .number:
            guard let number = Double(raw.trimmingCharacters(in: .whitespaces)) else {
                return failure("float_parsing", "Input should be a valid number, unable to parse string as a number")
            }
            return (.double(number), nil)
        case .boolean:
            guard let flag = Self.parseBool(raw) else {
                return failure("bool_parsing", "Input should be a valid boolean, unable to interpret input")
            }
            return (.bool(flag), nil)
        case .text, .array:
            return (.string(raw), nil)
        }
    }

    /// pydantic's accepted spellings of a boolean.
    static func parseBool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "on", "t", "true", "y", "yes": true
        case "0", "off", "f", "false", "n", "no": false
        default: nil
        }
    }
}

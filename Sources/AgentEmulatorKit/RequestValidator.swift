import Foundation

/// Checks a request body against the reference's constraints, as the real API's pydantic models do,
/// and returns it as the server stores it: unknown keys dropped, integers in float fields made floats.
public struct RequestValidator: Sendable {
    public typealias Location = ValidationIssue.Location
    let catalog: SchemaCatalog

    public init(catalog: SchemaCatalog) {
        self.catalog = catalog
    }

    public func check(_ value: JSONValue, against node: SchemaNode, at loc: [Location]) -> (JSONValue, [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        let result = check(value, node, loc, &issues)
        return (result, issues)
    }

    func check(_ value: JSONValue, _ node: SchemaNode, _ loc: [Location], _ issues: inout [ValidationIssue]) -> JSONValue {
        let before = issues.count
        var result: JSONValue
        if let ref = node.ref {
            result = check(value, catalog.schema(named: ref), loc, &issues)
        } else if let branches = node.anyOf {
            result = checkUnion(value, branches, loc, &issues)
        } else if let branches = node.oneOf {
            if let discriminator = node.discriminator {
                result = checkTagged(value, discriminator, loc, &issues)
            } else {
                result = checkUnion(value, branches, loc, &issues)
            }
        } else {
            result = checkTyped(value, node, loc, &issues)
        }
        if issues.count == before, let range = node.documentedRange, let number = result.numberValue {
            checkDocumentedRange(number, range, value, loc, &issues)
        }
        return result
    }

    private func checkUnion(_ value: JSONValue, _ branches: [SchemaNode], _ loc: [Location], _ issues: inout [ValidationIssue]) -> JSONValue {
        let nullable = branches.contains { $0.type == "null" }
        if value == .null, nullable { return .null }
        let candidates = branches.filter { $0.type != "null" }
        if candidates.count == 1 {
            // Optional[X]: pydantic reports X's errors without naming the branch.
            return check(value, candidates[0], loc, &issues)
        }
        var failures: [ValidationIssue] = []
        var accepted: [(node: SchemaNode, value: JSONValue)] = []
        for branch in candidates {
            var local: [ValidationIssue] = []
            let result = check(value, branch, loc + [.key(label(branch))], &local)
            if local.isEmpty { accepted.append((branch, result)) } else { failures += local }
        }
        // Smart mode: an exact type match (int for an int) wins over a coercion (int to float).
        if case .int = value, let exact = accepted.first(where: { $0.node.type == "integer" }) { return exact.value }
        if let first = accepted.first { return first.value }
        issues += failures
        return value
    }

    private func label(_ branch: SchemaNode) -> String {
        if let ref = branch.ref { return catalog.schema(named: ref).modelName }
        return branch.type.flatMap { PydanticMessage.typeNames[$0] } ?? "union"
    }

    private func checkTagged(_ value: JSONValue, _ discriminator: SchemaNode.Discriminator, _ loc: [Location], _ issues: inout [ValidationIssue]) -> JSONValue {
        guard case .object(let members) = value else {
            issues.append(issue(loc, "model_attributes_type", "Input should be a valid dictionary or object to extract fields from", value))
            return value
        }
        let property = discriminator.propertyName
        guard let tagValue = members[property] else {
            issues.append(issue(loc, "union_tag_not_found", "Unable to extract tag using discriminator '\(property)'", value,
                                ["discriminator": .string("'\(property)'")]))
            return value
        }
        let tag = tagValue.stringValue ?? JSONWriter.string(tagValue)
        guard let target = discriminator.mapping[tag] else {
            let expected = discriminator.mapping.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
            issues.append(issue(loc, "union_tag_invalid",
                                "Input tag '\(tag)' found using '\(property)' does not match any of the expected tags: \(expected)",
                                value, ["discriminator": .string("'\(property)'"), "tag": .string(tag), "expected_tags": .string(expected)]))
            return value
        }
        return check(value, catalog.schema(named: target), loc + [.key(tag)], &issues)
    }

    private func checkTyped(_ value: JSONValue, _ node: SchemaNode, _ loc: [Location], _ issues: inout [ValidationIssue]) -> JSONValue {
        if let constant = node.constant {
            if value != constant {
                let expected = PydanticMessage.expected([constant])
                issues.append(issue(loc, "literal_error", "Input should be \(expected)", value, ["expected": .string(expected)]))
            }
            return value
        }
        if let allowed = node.allowed {
            if !allowed.contains(value) {
                let expected = PydanticMessage.expected(allowed)
                // A named schema is a Python Enum; an inline one is a Literal.
                let kind = node.name == nil ? "literal_error" : "enum"
                issues.append(issue(loc, kind, "Input should be \(expected)", value, ["expected": .string(expected)]))
            }
            return value
        }
        switch node.type {
        case "string": return checkString(value, node, loc, &issues)
        case "integer", "number": return checkNumber(value, node, loc, &issues)
        case "boolean":
            if case .bool = value { return value }
            issues.append(issue(loc, "bool_type", "Input should be a valid boolean", value))
        case "null":
            if value == .null { return value }
            issues.append(issue(loc, "none_required", "Input should be None", value))
        case "array": return checkArray(value, node, loc, &issues)
        case "object":
            return node.properties == nil ? checkDictionary(value, node, loc, &issues) : checkModel(value, node, loc, &issues)
        default:
            if node.properties != nil { return checkModel(value, node, loc, &issues) }
        }
        return value
    }

    private func checkString(_ value: JSONValue, _ node: SchemaNode, _ loc: [Location], _ issues: inout [ValidationIssue]) -> JSONValue {
        guard case .string(let text) = value else {
            issues.append(issue(loc, "string_type", "Input should be a valid string", value))
            return value
        }
        let length = text.unicodeScalars.count
        if case .int(let minimum)? = node.bounds["minLength"], length < minimum {
            issues.append(issue(loc, "string_too_short", "String should have at least \(PydanticMessage.plural(minimum, "character"))",
                                value, ["min_length": .int(minimum)]))
        } else if case .int(let maximum)? = node.bounds["maxLength"], length > maximum {
            issues.append(issue(loc, "string_too_long", "String should have at most \(PydanticMessage.plural(maximum, "character"))",
                                value, ["max_length": .int(maximum)]))
        } else if let pattern = node.pattern, !matches(text, pattern) {
            issues.append(issue(loc, "string_pattern_mismatch", "String should match pattern '\(pattern)'", value,
                                ["pattern": .string(pattern)]))
        }
        return value
    }

    private func matches(_ text: String, _ pattern: String) -> Bool {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return true }
        let range = NSRange(text.startIndex..., in: text)
        return expression.firstMatch(in: text, range: range) != nil
    }

    private func checkNumber(_ value: JSONValue, _ node: SchemaNode, _ loc: [Location], _ issues: inout [ValidationIssue]) -> JSONValue {
        let result: JSONValue
        switch (node.type, value) {
        case ("integer", .int): result = value
        case ("integer", .double(let number)):
            guard number.rounded() == number, abs(number) < 9.2e18 else {
                issues.append(issue(loc, "int_from_float", "Input should be a valid integer, got a number with a fractional part", value))
                return value
            }
            result = .int(Int(number))
        case ("integer", _):
            issues.append(issue(loc, "int_type", "Input should be a valid integer", value))
            return value
        case (_, .int(let number)): result = .double(Double(number))
        case (_, .double): result = value
        default:
            issues.append(issue(loc, "float_type", "Input should be a valid number", value))
            return value
        }
        let number = result.numberValue!
        let checks: [(String, String, String, (Double, Double) -> Bool)] = [
            ("minimum", "greater_than_equal", "greater than or equal to", { $0 >= $1 }),
            ("exclusiveMinimum", "greater_than", "greater than", { $0 > $1 }),
            ("maximum", "less_than_equal", "less than or equal to", { $0 <= $1 }),
            ("exclusiveMaximum", "less_than", "less than", { $0 < $1 }),
        ]
        let contextKeys = ["greater_than_equal": "ge", "greater_than": "gt", "less_than_equal": "le", "less_than": "lt"]
        for (keyword, kind, words, holds) in checks {
            guard let bound = node.bounds[keyword], let limit = bound.numberValue, !holds(number, limit) else { continue }
            issues.append(issue(loc, kind, "Input should be \(words) \(PydanticMessage.number(bound))", value,
                                [contextKeys[kind]!: bound]))
            break
        }
        return result
    }

    private func checkDocumentedRange(_ number: Double, _ range: SchemaNode.DocumentedRange, _ value: JSONValue,
                                      _ loc: [Location], _ issues: inout [ValidationIssue]) {
        if let disabled = range.disabled?.numberValue, number == disabled { return }
        let low = range.minimum, high = range.maximum
        guard number < low.numberValue! || number > high.numberValue! else { return }
        if let disabled = range.disabled {
            let reason = "must be \(PydanticMessage.number(disabled)) to disable or between "
                + "\(PydanticMessage.number(low)) and \(PydanticMessage.number(high))"
            issues.append(issue(loc, "value_error", "Value error, \(reason)", value, ["error": .string(reason)]))
        } else if number < low.numberValue! {
            issues.append(issue(loc, "greater_than_equal", "Input should be greater than or equal to \(PydanticMessage.number(low))",
                                value, ["ge": low]))
        } else {
            issues.append(issue(loc, "less_than_equal", "Input should be less than or equal to \(PydanticMessage.number(high))",
                                value, ["le": high]))
        }
    }

    private func checkArray(_ value: JSONValue, _ node: SchemaNode, _ loc: [Location], _ issues: inout [ValidationIssue]) -> JSONValue {
        guard case .array(let elements) = value else {
            issues.append(issue(loc, "list_type", "Input should be a valid list", value))
            return value
        }
        if case .int(let minimum)? = node.bounds["minItems"], elements.count < minimum {
            issues.append(issue(loc, "too_short",
                                "List should have at least \(PydanticMessage.plural(minimum, "item")) after validation, not \(elements.count)",
                                value, ["field_type": "List", "min_length": .int(minimum), "actual_length": .int(elements.count)]))
            return value
        }
        if case .int(let maximum)? = node.bounds["maxItems"], elements.count > maximum {
            issues.append(issue(loc, "too_long",
                                "List should have at most \(PydanticMessage.plural(maximum, "item")) after validation, not \(elements.count)",
                                value, ["field_type": "List", "max_length": .int(maximum), "actual_length": .int(elements.count)]))
            return value
        }
        guard let items = node.items else { return value }
        return .array(elements.enumerated().map { check($0.element, items, loc + [.index($0.offset)], &issues) })
    }

    private func checkDictionary(_ value: JSONValue, _ node: SchemaNode, _ loc: [Location], _ issues: inout [ValidationIssue]) -> JSONValue {
        guard case .object(let members) = value else {
            issues.append(issue(loc, "dict_type", "Input should be a valid dictionary", value))
            return value
        }
        if case .int(let minimum)? = node.bounds["minProperties"], members.count < minimum {
            issues.append(issue(loc, "too_short",
                                "Dictionary should have at least \(PydanticMessage.plural(minimum, "item")) after validation, not \(members.count)",
                                value, ["field_type": "Dictionary", "min_length": .int(minimum), "actual_length": .int(members.count)]))
            return value
        }
        var result: [String: JSONValue] = [:]
        for key in members.keys.sorted() {
            if let names = node.propertyNames {
                _ = check(.string(key), names, loc + [.key(key), .key("[key]")], &issues)
            }
            if case .values(let schema?) = node.extraKeys {
                result[key] = check(members[key]!, schema, loc + [.key(key)], &issues)
            } else {
                result[key] = members[key]
            }
        }
        return .object(result)
    }

    private func checkModel(_ value: JSONValue, _ node: SchemaNode, _ loc: [Location], _ issues: inout [ValidationIssue]) -> JSONValue {
        guard case .object(let members) = value, let properties = node.properties else {
            if loc.count == 1 {
                issues.append(issue(loc, "model_attributes_type", "Input should be a valid dictionary or object to extract fields from", value))
            } else {
                issues.append(issue(loc, "model_type", "Input should be a valid dictionary or instance of \(node.modelName)", value,
                                    ["class_name": .string(node.modelName)]))
            }
            return value
        }
        var result: [String: JSONValue] = [:]
        for key in properties.keys.sorted() {
            if let member = members[key] {
                result[key] = check(member, properties[key]!, loc + [.key(key)], &issues)
            } else if node.required.contains(key) {
                issues.append(issue(loc + [.key(key)], "missing", "Field required", value))
            }
        }
        for key in members.keys.sorted() where properties[key] == nil {
            switch node.extraKeys {
            case .forbidden:
                issues.append(issue(loc + [.key(key)], "extra_forbidden", "Extra inputs are not permitted", members[key]!))
            case .values(let schema):
                result[key] = schema.map { check(members[key]!, $0, loc + [.key(key)], &issues) } ?? members[key]
            case .ignored:
                continue
            }
        }
        return .object(result)
    }

    private func issue(_ loc: [Location], _ type: String, _ msg: String, _ input: JSONValue,
                       _ ctx: [String: JSONValue]? = nil) -> ValidationIssue {
        ValidationIssue(loc: loc, type: type, msg: msg, input: input, ctx: ctx)
    }
}

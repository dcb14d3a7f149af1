import ConfigModel

extension FieldTable {
    /// Where an API answer does not have the types this table gives its fields: `conversation_config is text
    /// ("oops"), not an object`. Keys the table does not know are the server's and pass; null passes (it means
    /// unset), so only a value that could not be written into a valid file is reported. At most `limit` problems.
    public func answerShapeProblems(in answer: JSONObject, limit: Int = 5) -> [String] {
        var problems: [String] = []
        check(.object(answer), pattern: "", at: { "" }, into: &problems, limit: limit)
        return problems
    }

    /// `place` names the value, and is worked out only for a problem: every answer is checked, few have one.
    private func check(_ value: JSONValue, pattern: String, at place: () -> String, into problems: inout [String], limit: Int) {
        if case .null = value { return }
        guard problems.count < limit else { return }
        let expected = pattern.isEmpty ? .object : rule(pattern)?.type
        guard let expected, expected != .any else { return }
        guard Self.fits(value, expected) else {
            problems.append("\(place()) is \(Self.describe(value)), not \(Self.noun(expected))")
            return
        }
        switch value {
        case .object(let members):
            for (key, child) in members {
                check(child, pattern: childPattern(pattern, type: expected, key: key),
                      at: { let parent = place(); return parent.isEmpty ? key : "\(parent).\(key)" },
                      into: &problems, limit: limit)
            }
        case .array(let items) where expected == .list:
            for (index, item) in items.enumerated() {
                check(item, pattern: childPattern(pattern, type: expected, key: nil), at: { "\(place())[\(index)]" },
                      into: &problems, limit: limit)
            }
        default:
            return
        }
    }

    private static func fits(_ value: JSONValue, _ type: FieldRule.ValueType) -> Bool {
        switch (type, value) {
        case (.text, .string), (.number, .number), (.boolean, .bool), (.list, .array), (.object, .object), (.map, .object),
             (.union, .object),
             (.any, _):
            return true
        case (.integer, .number(let number)):
            return number.intValue != nil || number.doubleValue == number.doubleValue.rounded()
        case (.textList, .array(let items)):
            return items.allSatisfy { $0.stringValue != nil || $0 == .null }
        default:
            return false
        }
    }

    private static func noun(_ type: FieldRule.ValueType) -> String {
        switch type {
        case .text: "text"
        case .number: "a number"
        case .integer: "a whole number"
        case .boolean: "true or false"
        case .textList: "a list of text"
        case .list: "a list"
        case .object, .map, .union: "an object"
        case .any: "anything"
        }
    }

    private static func describe(_ value: JSONValue) -> String {
        let shown = JSONText.encode(value)
        let sample = shown.count > 40 ? String(shown.prefix(37)) + "..." : shown
        return switch value {
        case .string: "text (\(sample))"
        case .number: "a number (\(sample))"
        case .bool: "\(sample)"
        case .array: "a list"
        case .object: "an object"
        case .null: "null"
        }
    }
}

import AgentSchema
import ConfigModel
@testable import Validation
import XCTest

/// Every limit in the field table, checked on both sides: the value at the bound passes, just past it fails.
final class FieldBoundsTests: XCTestCase {
    /// A YAML document that sets the field at `pattern` to `value` (maps get key `x`, or their first allowed key;
    /// lists one item).
    static func document(setting pattern: String, to value: String) -> String {
        var parts = pattern.split(separator: ".").map(String.init)
        let leaf = parts.removeLast()
        var lines: [String] = []
        var indent = ""
        for (index, part) in parts.enumerated() {
            let isItem = part.hasSuffix("[]")
            let map = FieldTable.agent.rule(parts[..<index].joined(separator: "."))
            let name = isItem ? String(part.dropLast(2)) : (part == "*" ? map?.keys?.first ?? "x" : part)
            lines.append(indent + name + ":")
            indent += "  "
            if isItem { lines.append(indent + "-"); indent += "  " }
        }
        let leafIsItem = leaf.hasSuffix("[]")
        let leafMap = FieldTable.agent.rule(parts.joined(separator: "."))
        let leafName = leafIsItem ? String(leaf.dropLast(2)) : (leaf == "*" ? leafMap?.keys?.first ?? "x" : leaf)
        if lines.last?.hasSuffix("-") == true {
            lines[lines.count - 1] += " " + leafName + ": " + value
        } else {
            lines.append(indent + leafName + ": " + value)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func diagnostics(_ pattern: String, _ value: String) throws -> [Diagnostic] {
        let text = Self.document(setting: pattern, to: value)
        let document = try AgentDocument.parse(bytes: Array(text.utf8), file: "t.yaml")
        // A document that states one field leaves out its required siblings; RequiredFieldTests checks those.
        return Validator().validate(document).filter { $0.severity == .error && $0.ruleID != .required }
    }

    private func assertValid(_ pattern: String, _ value: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let found = try diagnostics(pattern, value)
        XCTAssertEqual(found.map(\.message), [], "\(pattern) = \(value)", file: file, line: line)
    }

    private func assertInvalid(_ pattern: String, _ value: String, _ rule: RuleID,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let found = try diagnostics(pattern, value)
        XCTAssertEqual(found.map(\.ruleID), [rule], "\(pattern) = \(value): \(found.map(\.message))", file: file, line: line)
    }

    private static func number(_ value: Double) -> String { JSONText.number(value) }

    func testEveryNumericRangeOnBothSides() throws {
        var checked = 0
        for rule in FieldTable.agent.all where rule.type == .number || rule.type == .integer {
            guard rule.allowed == nil else { continue }
            let step = rule.type == .integer ? 1.0 : 0.01
            if let minimum = rule.minimum {
                try assertValid(rule.path, Self.number(minimum))
                try assertInvalid(rule.path, Self.number(minimum - step), .range)
                checked += 1
            }
            if let maximum = rule.maximum {
                try assertValid(rule.path, Self.number(maximum))
                try assertInvalid(rule.path, Self.number(maximum + step), .range)
                checked += 1
            }
            if let low = rule.exclusiveMinimum {
                try assertValid(rule.path, Self.number(low + step))
                try assertInvalid(rule.path, Self.number(low), .range)
                checked += 1
            }
            if let high = rule.exclusiveMaximum {
                try assertValid(rule.path, Self.number(high - step))
                try assertInvalid(rule.path, Self.number(high), .range)
                checked += 1
            }
            for special in rule.special { try assertValid(rule.path, Self.number(special)) }
        }
        XCTAssertGreaterThan(checked, 20)
    }

    func testEveryLengthLimitOnBothSides() throws {
        var checked = 0
        for rule in FieldTable.agent.all where rule.type == .text && rule.allowed == nil {
            if let max = rule.maxLength {
                try assertValid(rule.path, String(repeating: "a", count: max))
                try assertInvalid(rule.path, String(repeating: "a", count: max + 1), .length)
                checked += 1
            }
            if let min = rule.minLength, min > 0 {
                try assertValid(rule.path, String(repeating: "a", count: min))
                try assertInvalid(rule.path, "\"" + String(repeating: "a", count: min - 1) + "\"", .length)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 5)
    }

    func testEveryItemCountLimitOnBothSides() throws {
        var checked = 0
        for rule in FieldTable.agent.all where rule.type == .textList || rule.type == .list {
            guard let max = rule.maxItems else { continue }
            let item = rule.type == .textList ? (rule.allowed?.first ?? "a") : "{}"
            let list = { (count: Int) in "[" + Array(repeating: item, count: count).joined(separator: ", ") + "]" }
            try assertValid(rule.path, list(max))
            try assertInvalid(rule.path, list(max + 1), .itemCount)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 4)
    }

    func testEveryEnumAcceptsEachValueAndRejectsOthers() throws {
        var checked = 0
        for rule in FieldTable.agent.all where rule.allowed != nil {
            let values = rule.allowed!
            let wrap = { (value: String) in rule.type == .textList ? "[\(JSONText.quoted(value))]" : JSONText.quoted(value) }
            if rule.type == .text || rule.type == .textList {
                for value in values { try assertValid(rule.path, wrap(value)) }
                try assertInvalid(rule.path, wrap("not-a-value"), .allowedValues)
            } else {
                for value in values { try assertValid(rule.path, value) }
                try assertInvalid(rule.path, "99", .allowedValues)
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 30)
    }

    func testEveryTypedFieldRejectsTheWrongType() throws {
        for rule in FieldTable.agent.all {
            switch rule.type {
            case .number, .integer: try assertInvalid(rule.path, "\"7\"", .type)
            case .boolean: try assertInvalid(rule.path, "yes", .type)
            case .text: try assertInvalid(rule.path, "[a]", .type)
            case .textList, .list: try assertInvalid(rule.path, "text", .type)
            case .object, .map: try assertInvalid(rule.path, "7", .type)
            case .any: continue
            }
        }
    }
}

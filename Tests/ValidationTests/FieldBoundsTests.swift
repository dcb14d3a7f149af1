import AgentSchema
import ConfigModel
@testable import Validation
import XCTest

/// Every limit in every field table (agents, tools, tests), checked on both sides: the value at the bound passes,
/// just past it fails.
final class FieldBoundsTests: XCTestCase {
    /// A YAML document of `kind` that sets the field at `pattern` to `value` (maps get key `x`, lists one item, a
    /// union's shape `name{value}` its discriminator).
    static func document(setting pattern: String, to value: String, in kind: FileKind = .agent) -> String {
        var parts = pattern.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let leaf = parts.removeLast()
        var lines: [String] = []
        var indent = ""
        var sofar = ""
        for (index, part) in parts.enumerated() {
            var name = part, shape: String?
            if part.hasSuffix("}"), let brace = part.firstIndex(of: "{") {
                name = String(part[..<brace])
                shape = String(part[part.index(after: brace)...].dropLast())
            }
            let isItem = name.hasSuffix("[]")
            let key = isItem ? String(name.dropLast(2)) : (name == "*" ? "x" : name)
            if !key.isEmpty {
                lines.append(indent + key + ":")
                indent += "  "
            }
            if isItem { lines.append(indent + "-"); indent += "  " }
            let unionPattern = sofar.isEmpty ? name : sofar + "." + name
            sofar = sofar.isEmpty ? part : sofar + "." + part
            if let shape, let discriminator = kind.table.rule(unionPattern)?.discriminator, discriminator != leaf || index < parts.count - 1 {
                lines.append(indent + discriminator + ": " + shape)
            }
        }
        let leafIsItem = leaf.hasSuffix("[]")
        let leafName = leafIsItem ? String(leaf.dropLast(2)) : (leaf == "*" ? "x" : leaf)
        if lines.last?.hasSuffix("-") == true {
            lines[lines.count - 1] += " " + leafName + ": " + value
        } else {
            lines.append(indent + leafName + ": " + value)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every field of every kind that a document can set on its own (not a union's shape, not the whole file).
    private static var everyRule: [(kind: FileKind, rule: FieldRule)] {
        FileKind.allCases.flatMap { kind in kind.table.all.filter { !$0.isVariant && !$0.path.isEmpty }.map { (kind, $0) } }
    }

    private var kind: FileKind = .agent

    /// The errors for a document setting one field; fields its object requires are left out on purpose.
    private func diagnostics(_ pattern: String, _ value: String) throws -> [Diagnostic] {
        let text = Self.document(setting: pattern, to: value, in: kind)
        let document = try AgentDocument.parse(bytes: Array(text.utf8), file: "t.yaml")
        return Validator().validate(document, kind: kind).filter { $0.severity == .error && $0.ruleID != .required }
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
        for (kind, rule) in Self.everyRule where rule.type == .number || rule.type == .integer {
            self.kind = kind
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
        for (kind, rule) in Self.everyRule where rule.type == .text && rule.allowed == nil {
            self.kind = kind
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
        for (kind, rule) in Self.everyRule where rule.type == .textList || rule.type == .list {
            self.kind = kind
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
        for (kind, rule) in Self.everyRule where rule.allowed != nil && rule.type != .union {
            self.kind = kind
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
        for (kind, rule) in Self.everyRule {
            self.kind = kind
            switch rule.type {
            case .number, .integer: try assertInvalid(rule.path, "\"7\"", .type)
            case .boolean: try assertInvalid(rule.path, "yes", .type)
            case .text: try assertInvalid(rule.path, "[a]", .type)
            case .textList, .list: try assertInvalid(rule.path, "text", .type)
            case .object, .map, .union: try assertInvalid(rule.path, "7", .type)
            case .any: continue
            }
        }
    }
}

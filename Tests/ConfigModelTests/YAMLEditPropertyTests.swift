import ConfigModel
import TestSupport
import XCTest

/// Random commented files, random edit sequences: every result reads back as the intended document, and every line
/// no edit touched is still there, unchanged and in order.
final class YAMLEditPropertyTests: XCTestCase {
    func testRandomEditsReadBackExactlyAndLeaveOtherLinesAlone() throws {
        for seed in 1...1000 {
            var random = SeededRandom(seed: UInt64(seed))
            let file = RandomFile(random: &random)
            let edits = file.randomEdits(random: &random)
            let result: String
            do {
                result = try YAMLEdit.apply(edits.map(\.change), to: file.text, file: "random.yaml")
            } catch {
                return XCTFail("seed \(seed): \(error)\n\(file.text)\n\(edits.map(\.change))")
            }
            var expected = file.value
            for edit in edits { Model.apply(edit.change, to: &expected) }
            let read = NodeConversion.json(try YAMLReader().read(result, file: "random.yaml"), kind: { _ in nil })
            XCTAssertTrue(read.sameInOrder(expected), "seed \(seed): reads back differently\n\(file.text)\n---\n\(result)")
            let touched = edits.reduce(into: Set<Int>()) { $0.formUnion($1.lines) }
            XCTAssertTrue(Model.keepsUntouched(file.text, result, touched: touched),
                          "seed \(seed): a line no edit touched changed\n\(file.text)\n---\n\(result)\n\(edits.map(\.change))")
        }
    }
}

/// The JSON an edit sequence should produce, computed without the editor.
private enum Model {
    static func apply(_ change: YAMLEdit.Change, to value: inout JSONValue) {
        switch change {
        case .set(let path, let new): set(path[...], new, &value)
        case .remove(let path): remove(path[...], &value)
        }
    }

    private static func set(_ path: ArraySlice<String>, _ new: JSONValue, _ value: inout JSONValue) {
        guard let key = path.first else { return value = new }
        if case .array(var items) = value, let index = Int(key) {
            set(path.dropFirst(), new, &items[index])
            return value = .array(items)
        }
        var object = value.objectValue ?? JSONObject()
        var child = object[key] ?? .null
        set(path.dropFirst(), new, &child)
        object[key] = child
        value = .object(object)
    }

    private static func remove(_ path: ArraySlice<String>, _ value: inout JSONValue) {
        guard let key = path.first else { return }
        if case .array(var items) = value, let index = Int(key) {
            if path.count == 1 { items.remove(at: index) } else { remove(path.dropFirst(), &items[index]) }
            return value = .array(items)
        }
        guard let object = value.objectValue else { return }
        if path.count == 1 { return value = .object(JSONObject(object.entries.filter { $0.key != key }.map { ($0.key, $0.value) })) }
        var child = object[key]!
        remove(path.dropFirst(), &child)
        var changed = object
        changed[key] = child
        value = .object(changed)
    }

    /// The untouched original lines appear in the result in their order (edits may add lines between them).
    static func keepsUntouched(_ before: String, _ after: String, touched: Set<Int>) -> Bool {
        let old = before.split(separator: "\n", omittingEmptySubsequences: false)
        var new = after.split(separator: "\n", omittingEmptySubsequences: false)[...]
        for (index, line) in old.enumerated() where !touched.contains(index) {
            guard let found = new.firstIndex(of: line) else { return false }
            new = new[(found + 1)...]
        }
        return true
    }
}

/// A random agent-like file: nested block mappings, block and flow lists, literal blocks, every quoting style,
/// comments on their own lines and after values, blank lines. It knows its value and the lines of every key.
private struct RandomFile {
    struct Entry {
        let path: [String]
        let lines: ClosedRange<Int>
        let kind: Kind
        let siblings: Int
        enum Kind {
            case scalar, flowList(count: Int), mapping
            /// A block list of scalars, or of compact mappings (`- name: x` then `  kind: y`): the lines of each item.
            case blockList(items: [ClosedRange<Int>]), mappingList(items: [ClosedRange<Int>])
        }
    }

    var lines: [String] = []
    var entries: [Entry] = []
    var value = JSONValue.null
    var text: String { lines.joined(separator: "\n") + "\n" }

    init(random: inout SeededRandom) {
        value = .object(mapping([], indent: 0, depth: 0, random: &random))
    }

    private static let words = ["alpha", "Support desk", "turn", "yes", "no", "on", "a: b", "x # y", "-dash", "7", "1e3",
                                "null", "~", "it's", "say \"hi\"", "ünïcode", "$5 off", "${NAME}", "", " lead", "[x]"]

    private mutating func comment(_ indent: Int, random: inout SeededRandom) {
        switch Int.random(in: 0..<6, using: &random) {
        case 0: lines.append(String(repeating: " ", count: indent) + "# note: keep this")
        case 1: lines.append("")
        default: break
        }
    }

    private mutating func mapping(_ path: [String], indent: Int, depth: Int, random: inout SeededRandom) -> JSONObject {
        var object = JSONObject()
        let count = Int.random(in: 1...4, using: &random)
        let pad = String(repeating: " ", count: indent)
        for index in 0..<count {
            comment(indent, random: &random)
            let key = "k\(depth)_\(index)"
            let first = lines.count
            let kind: Entry.Kind
            switch Int.random(in: 0..<(depth < 2 ? 10 : 6), using: &random) {
            case 0, 1:
                let (written, value) = Self.scalar(random: &random)
                lines.append(pad + key + ": " + written + (Bool.random(using: &random) ? "   # why" : ""))
                object[key] = value
                kind = .scalar
            case 2:
                lines.append(pad + key + ": |" + (Bool.random(using: &random) ? "-" : ""))
                let body = ["first line", "  second: indented", "", "third # not a comment"].prefix([1, 2, 4].randomElement(using: &random)!)
                lines += body.map { $0.isEmpty ? "" : pad + "    " + $0 }
                let joined = body.joined(separator: "\n")
                object[key] = .string(lines[first].hasSuffix("-") ? joined : joined + "\n")
                kind = .scalar
            case 3:
                let items: [(String, JSONValue)] = [("alpha", .string("alpha")), ("2", .number(2)), ("'07'", .string("07")),
                                                    ("\"a, b\"", .string("a, b")), ("true", .bool(true))]
                let chosen = (0..<Int.random(in: 1...4, using: &random)).map { _ in items.randomElement(using: &random)! }
                lines.append(pad + key + ": [" + chosen.map(\.0).joined(separator: ", ") + "]  # flow")
                object[key] = .array(chosen.map(\.1))
                kind = .flowList(count: chosen.count)
            case 4, 5:
                let (written, value) = Self.scalar(random: &random)
                lines.append(pad + key + ":   " + written)
                object[key] = value
                kind = .scalar
            case 6:
                lines.append(pad + key + ":")
                let items = (0..<Int.random(in: 1...3, using: &random)).map { _ in Self.scalar(random: &random) }
                lines += items.map { pad + "  - " + $0.0 }
                object[key] = .array(items.map(\.1))
                kind = .blockList(items: items.indices.map { (first + 1 + $0)...(first + 1 + $0) })
            case 7:
                lines.append(pad + key + ":")
                var ranges: [ClosedRange<Int>] = []
                var values: [JSONValue] = []
                for index in 0..<Int.random(in: 1...3, using: &random) {
                    let (written, value) = Self.scalar(random: &random)
                    lines.append(pad + "  - name: item\(index)" + (Bool.random(using: &random) ? "  # item" : ""))
                    lines.append(pad + "    kind: " + written)
                    ranges.append((lines.count - 2)...(lines.count - 1))
                    values.append(.object(JSONObject([("name", .string("item\(index)")), ("kind", value)])))
                }
                object[key] = .array(values)
                kind = .mappingList(items: ranges)
            default:
                lines.append(pad + key + ":" + (Bool.random(using: &random) ? "  # section" : ""))
                object[key] = .object(mapping(path + [key], indent: indent + [2, 4].randomElement(using: &random)!,
                                              depth: depth + 1, random: &random))
                kind = .mapping
            }
            entries.append(Entry(path: path + [key], lines: first...(lines.count - 1), kind: kind, siblings: count))
        }
        return object
    }

    private static func scalar(random: inout SeededRandom) -> (String, JSONValue) {
        let word = words.randomElement(using: &random)!
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            let number = Int.random(in: -50...500, using: &random)
            return (String(number), .number(JSONNumber(number)))
        case 1: return ("'" + word.replacingOccurrences(of: "'", with: "''") + "'", .string(word))
        case 2: return (JSONText.quoted(word), .string(word))
        case 3:
            let flag = Bool.random(using: &random)
            return (flag ? "true" : "false", .bool(flag))
        default: return ("plain words here", .string("plain words here"))
        }
    }

    /// One to four edits on distinct keys, none inside another.
    func randomEdits(random: inout SeededRandom) -> [(change: YAMLEdit.Change, lines: Set<Int>)] {
        var edits: [(change: YAMLEdit.Change, lines: Set<Int>)] = []
        var used: [[String]] = []
        var removedFrom: Set<[String]> = []
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let entry = entries.randomElement(using: &random)!
            let clashes = { (path: [String]) in used.contains { $0.starts(with: path) || path.starts(with: $0) } }
            let new = RandomFile.newValue(random: &random)
            switch (Int.random(in: 0..<3, using: &random), entry.kind) {
            case (0, .flowList(let count)):
                let path = entry.path + [String(Int.random(in: 0..<count, using: &random))]
                guard !clashes(entry.path) else { continue }
                used.append(entry.path)
                edits.append((.set(path, new.scalar), Set(entry.lines)))
            case (0, .mapping):
                let path = entry.path + ["added\(edits.count)"]
                guard !clashes(path), !used.contains(entry.path) else { continue }
                used.append(path)
                edits.append((.set(path, new.any), []))
            case (let operation, .blockList(let items)) where operation == 0 || items.count == 1:
                let index = Int.random(in: 0..<items.count, using: &random)
                guard !clashes(entry.path) else { continue }
                used.append(entry.path)
                edits.append((.set(entry.path + [String(index)], new.any), Set(items[index])))
            case (1, .blockList(let items)), (1, .mappingList(let items)):
                let index = Int.random(in: 0..<items.count, using: &random)
                guard !clashes(entry.path), items.count > 1 else { continue }
                used.append(entry.path)
                edits.append((.remove(entry.path + [String(index)]), Set(items[index])))
            case (0, .mappingList(let items)):
                let index = Int.random(in: 0..<items.count, using: &random)
                guard !clashes(entry.path) else { continue }
                used.append(entry.path)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: edits.append((.set(entry.path + [String(index), "name"], new.any), [items[index].lowerBound]))
                case 1: edits.append((.set(entry.path + [String(index), "added"], new.any), []))
                default: edits.append((.remove(entry.path + [String(index), "name"]), Set(items[index])))
                }
            case (1, _) where entry.siblings > 1 && !removedFrom.contains(Array(entry.path.dropLast())):
                guard !clashes(entry.path) else { continue }
                used.append(entry.path)
                removedFrom.insert(Array(entry.path.dropLast()))
                edits.append((.remove(entry.path), Set(entry.lines)))
            default:
                guard !clashes(entry.path) else { continue }
                used.append(entry.path)
                edits.append((.set(entry.path, new.any), Set(entry.lines)))
            }
        }
        return edits
    }

    private static func newValue(random: inout SeededRandom) -> (scalar: JSONValue, any: JSONValue) {
        let scalars: [JSONValue] = [.string(words.randomElement(using: &random)!), .number(JSONNumber(Double(Int.random(in: 0...99, using: &random)) / 4)),
                                    .bool(Bool.random(using: &random)), .null, .string("two\nlines\n"), .string("tab\there")]
        let scalar = scalars.randomElement(using: &random)!
        let collections: [JSONValue] = [.array([scalar, .string("b")]), .object(JSONObject([("x", scalar), ("y", .array([]))])), .array([])]
        return (scalar, Bool.random(using: &random) ? scalar : collections.randomElement(using: &random)!)
    }
}

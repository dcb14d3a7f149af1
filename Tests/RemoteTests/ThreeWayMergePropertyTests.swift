import ConfigModel
import Remote
import TestSupport
import XCTest

/// Random bases changed at random on each side: the merge follows the rule field by field, and its edits, applied
/// in place to a commented file of the file's side, read back as exactly the merge.
final class ThreeWayMergePropertyTests: XCTestCase {
    func testRandomMergesFollowTheRuleAndTheirEditsReadBackExactly() throws {
        for seed in 1...500 {
            var random = SeededRandom(seed: UInt64(seed))
            let base = Generator.object(depth: 0, random: &random)
            let ours = Generator.mutated(base, random: &random)
            let theirs = Generator.mutated(base, random: &random)
            let outcome = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs)

            let (b, o, t) = (leaves(base), leaves(ours), leaves(theirs))
            var expected: [String: JSONValue] = [:]
            var conflicts: [String] = []
            for path in Set(o.keys).union(t.keys).union(b.keys) {
                let value: JSONValue?
                if o[path] == t[path] { value = o[path] } else if b[path] == o[path] { value = t[path] } else if b[path] == t[path] {
                    value = o[path]
                } else {
                    conflicts.append(path)
                    value = o[path]
                }
                expected[path] = value
            }
            XCTAssertEqual(leaves(outcome.merged), expected.compactMapValues { $0 }, "seed \(seed)")
            XCTAssertEqual(outcome.conflicts.map(\.dottedPath).sorted(), conflicts.sorted(), "seed \(seed)")

            let text = YAMLWriter.document(ours).split(separator: "\n").enumerated()
                .map { "\($0.element)   # note \($0.offset)" }.joined(separator: "\n") + "\n# end\n"
            let edits = ThreeWayMerge.edits(from: ours, to: outcome.merged)
            let edited: String
            do { edited = try YAMLEdit.apply(edits, to: text, file: "random.yaml") } catch {
                return XCTFail("seed \(seed): \(error)\n\(text)\n\(edits)")
            }
            let read = NodeConversion.json(try YAMLReader().read(edited, file: "random.yaml"), kind: { _ in nil })
            XCTAssertEqual(read, .object(outcome.merged), "seed \(seed)\n\(text)---\n\(edited)")
            XCTAssertEqual(edits.isEmpty, edited == text, "seed \(seed): the text changes exactly when there are edits")
            XCTAssertTrue(edited.hasSuffix("# end\n"), "seed \(seed)")
        }
    }

    /// Scalars and lists by their dotted path; an empty object is no field.
    private func leaves(_ object: JSONObject, prefix: String = "") -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for (key, value) in object {
            if case .object(let child) = value {
                result.merge(leaves(child, prefix: prefix + key + "."), uniquingKeysWith: { $1 })
            } else {
                result[prefix + key] = value
            }
        }
        return result
    }
}

/// Objects of a few keys, two levels deep, with numbers, words, booleans and short lists; a side's changes keep
/// each field's shape (a scalar stays a scalar, an object an object), as edits to one agent do.
private enum Generator {
    static let keys = ["name", "turn", "tags", "voice", "mode", "limit"]

    static func object(depth: Int, random: inout SeededRandom) -> JSONObject {
        var object = JSONObject()
        for key in keys.shuffled(using: &random).prefix(3 + random.below(3)) {
            object[key] = depth < 2 && random.below(3) == 0 ? .object(Self.object(depth: depth + 1, random: &random))
                : scalar(random: &random)
        }
        return object
    }

    static func scalar(random: inout SeededRandom) -> JSONValue {
        switch random.below(4) {
        case 0: return .number(JSONNumber(Double(random.below(5))))
        case 1: return .string(["alpha", "beta", "gamma", "12", "yes"][random.below(5)])
        case 2: return .bool(random.below(2) == 0)
        default: return .array((0..<random.below(3)).map { _ in .number(JSONNumber(Double(random.below(3)))) })
        }
    }

    static func mutated(_ object: JSONObject, random: inout SeededRandom) -> JSONObject {
        var result = JSONObject()
        for (key, value) in object {
            if case .object(let child) = value {
                result[key] = .object(mutated(child, random: &random))
                continue
            }
            switch random.below(6) {
            case 0: result[key] = scalar(random: &random)
            case 1 where object.count > 3: continue
            default: result[key] = value
            }
        }
        if random.below(4) == 0, let key = keys.first(where: { result[$0] == nil && object[$0] == nil }) {
            result[key] = scalar(random: &random)
        }
        return result
    }
}

import ConfigModel

/// Merges a file with its live resource against what both sides agreed on at the last sync (the base): a field
/// changed on one side only takes that side's value, the same change on both sides is no change, and different
/// changes to one field are a conflict, left as the file has it unless a side is chosen. Scalars and lists are
/// fields; objects are walked. Without a base nothing tells who changed a field, so every difference is a conflict.
public enum ThreeWayMerge {
    /// The side every conflict takes: `theirs` the live value, `ours` the file's.
    public enum Side: String, Sendable {
        case ours, theirs
    }

    public struct Conflict: Sendable, Equatable {
        public let path: [String]
        /// The file's value and the live one; nil where that side leaves the field out.
        public let ours: JSONValue?
        public let theirs: JSONValue?

        public var dottedPath: String { path.joined(separator: ".") }

        public init(path: [String], ours: JSONValue?, theirs: JSONValue?) {
            self.path = path
            self.ours = ours
            self.theirs = theirs
        }
    }

    public struct Outcome: Sendable, Equatable {
        public let merged: JSONObject
        public let conflicts: [Conflict]
        /// Fields the file changed since the last sync, kept.
        public let keptLocal: [[String]]
    }

    /// The merged content. `pinned` fields (placeholders) keep the file's value whatever the other side says; their
    /// differences are reported elsewhere. `side` nil leaves each conflict as the file has it.
    public static func merge(base: JSONObject?, ours: JSONObject, theirs: JSONObject, pinned: [[String]] = [],
                             taking side: Side? = nil) -> Outcome {
        var walk = Walk(based: base != nil, pinned: pinned, side: side)
        let merged = walk.object(base: base, ours: ours, theirs: theirs, path: [])
        return Outcome(merged: merged, conflicts: walk.conflicts, keptLocal: walk.keptLocal)
    }

    private struct Walk {
        let based: Bool
        let pinned: [[String]]
        let side: Side?
        var conflicts: [Conflict] = []
        var keptLocal: [[String]] = []

        /// The file's keys in its order, then keys only the live side has, in its order.
        mutating func object(base: JSONObject?, ours: JSONObject, theirs: JSONObject, path: [String]) -> JSONObject {
            var merged = JSONObject()
            for key in ours.keys + theirs.keys.filter({ ours[$0] == nil }) {
                if let value = field(base: base?[key], ours: ours[key], theirs: theirs[key], path: path + [key]) {
                    merged[key] = value
                }
            }
            return merged
        }

        /// The merged value of one field; nil when the merge leaves it out.
        mutating func field(base: JSONValue?, ours: JSONValue?, theirs: JSONValue?, path: [String]) -> JSONValue? {
            if ours == theirs { return ours }
            if case .object(let mine)? = ours, case .object(let live)? = theirs {
                return .object(object(base: base?.objectValue, ours: mine, theirs: live, path: path))
            }
            if pinned.overlaps(path) { return ours }
            if based {
                if base == ours { return theirs }
                if base == theirs {
                    keptLocal.append(path)
                    return ours
                }
            }
            conflicts.append(Conflict(path: path, ours: ours, theirs: theirs))
            return side == .theirs ? theirs : ours
        }
    }

    /// The in-place edits that turn `from` into `to`: a changed field set, a new key inserted, a gone key removed.
    public static func edits(from: JSONObject, to: JSONObject, path: [String] = []) -> [YAMLEdit.Change] {
        var changes: [YAMLEdit.Change] = []
        for (key, old) in from {
            guard let new = to[key] else {
                changes.append(.remove(path + [key]))
                continue
            }
            if old == new { continue }
            if case .object(let before) = old, case .object(let after) = new, !before.isEmpty, !after.isEmpty {
                changes += edits(from: before, to: after, path: path + [key])
            } else {
                changes.append(.set(path + [key], new))
            }
        }
        for (key, new) in to where from[key] == nil { changes.append(.set(path + [key], new)) }
        return changes
    }
}

import ConfigModel

/// Shows what a push would do, in the layout people know from `terraform plan`, or as JSON for CI bots.
public enum PlanRendering {
    public static func summary(_ comparisons: [FileComparison]) -> String {
        let create = comparisons.filter(\.isCreate).count
        let change = comparisons.filter { !$0.isCreate && !$0.changes.isEmpty }.count
        let same = comparisons.count - create - change
        return "\(change) agent\(change == 1 ? "" : "s") to change, \(create) to create, \(same) unchanged"
    }

    public static func text(_ comparisons: [FileComparison], environment: String, showSecrets: Bool, colour: Bool) -> String {
        let style = TextStyle(enabled: colour)
        var out = ""
        for comparison in comparisons where comparison.hasChanges {
            if comparison.isCreate {
                out += style.green("+ \(comparison.file)") + "  (new agent in \(environment))\n"
            } else {
                out += style.yellow("~ \(comparison.file)") + "  (\(comparison.id!) in \(environment))\n"
            }
            for change in comparison.changes {
                out += line(change, showSecrets: showSecrets, style: style)
            }
            if comparison.unchangedCount > 0 {
                out += "    (\(comparison.unchangedCount) unchanged field\(comparison.unchangedCount == 1 ? "" : "s") hidden)\n"
            }
            out += "\n"
        }
        return out + summary(comparisons) + "\n"
    }

    private static func line(_ change: FieldChange, showSecrets: Bool, style: TextStyle) -> String {
        let secret = !showSecrets && SecretMask.isSecret(change.path)
        let after = secret ? SecretMask.mask : inline(change.after)
        let before = secret ? SecretMask.mask : change.before.map(inline) ?? "(unset)"
        let note: String
        switch change.kind {
        case .create:
            if !secret, case .string(let text) = change.after, text.contains("\n") {
                return "    " + style.green("+ \(change.dottedPath): |") + "\n"
                    + LineDiff.lines("", text).map { "        " + style.green("\($0.text)") + "\n" }.joined()
            }
            return "    " + style.green("+ \(change.dottedPath): \(after)") + "\n"
        case .change: note = ""
        case .drift: note = "  " + style.red("[drift: changed on the live agent since the last sync; push keeps it, push --force reverts it]")
        case .conflict: note = "  " + style.red("[conflict: changed in the file and on the live agent since the last sync]")
        }
        let marker = change.kind == .change ? "~" : "!"
        if !secret, case .string(let old)? = change.before, case .string(let new) = change.after,
           old.contains("\n") || new.contains("\n") {
            var out = "    " + style.yellow("\(marker) \(change.dottedPath):") + note + "\n"
            let hunks = LineDiff.hunks(old, new)
            if hunks.isEmpty { out += "        (only line endings or the final newline differ)\n" }
            for hunk in hunks {
                out += "      " + style.bold(hunk.header) + "\n"
                for diffLine in hunk.lines {
                    switch diffLine {
                    case .same(let text): out += "        \(text)\n"
                    case .removed(let text): out += "      " + style.red("- \(text)") + "\n"
                    case .added(let text): out += "      " + style.green("+ \(text)") + "\n"
                    }
                }
            }
            return out
        }
        return "    " + style.yellow("\(marker) \(change.dottedPath): \(before) -> \(after)") + note + "\n"
    }

    /// A value on one line: text quoted, numbers in their shortest form, lists and objects as compact JSON.
    static func inline(_ value: JSONValue) -> String {
        JSONText.encode(value, numbers: .shortest)
    }

    /// `[{agent, agent_id, path, before, after, kind}]`, one object per changed field (and one per new agent).
    public static func json(_ comparisons: [FileComparison], environment: String, showSecrets: Bool) -> String {
        var items: [JSONValue] = []
        for comparison in comparisons {
            for change in comparison.changes {
                let secret = !showSecrets && SecretMask.isSecret(change.path)
                var object = JSONObject([("agent", .string(comparison.file)),
                                         ("agent_id", comparison.id.map(JSONValue.string) ?? .null),
                                         ("environment", .string(environment)),
                                         ("path", .string(change.dottedPath))])
                object["before"] = secret ? .string(SecretMask.mask) : (change.before ?? .null)
                object["after"] = secret ? .string(SecretMask.mask) : change.after
                object["kind"] = .string(change.kind.rawValue)
                items.append(.object(object))
            }
        }
        return JSONText.encode(.array(items), pretty: true, numbers: .shortest) + "\n"
    }
}

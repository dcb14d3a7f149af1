import AgentSchema
import ConfigModel

/// Shows what a push would do, in the layout people know from `terraform plan`, or as JSON for CI bots.
public enum PlanRendering {
    public static func summary(_ comparisons: [FileComparison]) -> String {
        let create = comparisons.filter(\.isCreate).count
        let change = comparisons.filter { !$0.isCreate && !$0.changes.isEmpty }.count
        let same = comparisons.count - create - change
        return "\(change) \(noun(change, files: comparisons.map(\.file))) to change, \(create) to create, \(same) unchanged"
    }

    /// `agent`/`agents` when every file is an agent's, else `file`/`files` (a plan with tools and tests in it).
    public static func noun(_ count: Int, files: [String]) -> String {
        let onlyAgents = files.allSatisfy { FileKind(path: $0, text: "") == .agent }
        return (onlyAgents ? "agent" : "file") + (count == 1 ? "" : "s")
    }

    /// `secretPaths` names, per file, the fields whose value came from a secret variable: masked like keys are.
    public static func text(_ comparisons: [FileComparison], environment: String, showSecrets: Bool, colour: Bool,
                            secretPaths: [String: [[String]]] = [:], wording: RemedyWording = .plain) -> String {
        let style = TextStyle(enabled: colour)
        var out = ""
        for comparison in comparisons where comparison.hasChanges {
            if comparison.isCreate {
                out += style.green("+ \(shown(comparison.file))") + "  (new \(FileKind(path: comparison.file, text: "").rawValue) in \(shown(environment)))\n"
            } else {
                out += style.yellow("~ \(shown(comparison.file))") + "  (\(shown(comparison.id!)) in \(shown(environment)))\n"
            }
            for change in comparison.changes {
                out += line(change, secret: !showSecrets && isSecret(change, secretPaths[comparison.file] ?? []),
                            style: style, wording: wording)
            }
            if comparison.unchangedCount > 0 {
                out += "    (\(comparison.unchangedCount) unchanged field\(comparison.unchangedCount == 1 ? "" : "s") hidden)\n"
            }
            out += "\n"
        }
        return out + summary(comparisons) + "\n"
    }

    private static func isSecret(_ change: FieldChange, _ secretPaths: [[String]]) -> Bool {
        SecretMask.isSecret(change.path) || secretPaths.overlaps(change.path)
    }

    private static func line(_ change: FieldChange, secret: Bool, style: TextStyle, wording: RemedyWording) -> String {
        let after = secret ? SecretMask.mask(wording) : shown(inline(change.after))
        let before = secret ? SecretMask.mask(wording) : change.before.map { shown(inline($0)) } ?? "(unset)"
        let path = shown(change.dottedPath)
        let note: String
        switch change.kind {
        case .create:
            if !secret, case .string(let text) = change.after, text.contains("\n") {
                return "    " + style.green("+ \(path): |") + "\n"
                    + LineDiff.lines("", text).map { "        " + style.green(shown($0.text)) + "\n" }.joined()
            }
            return "    " + style.green("+ \(path): \(after)") + "\n"
        case .change: note = ""
        case .drift: note = "  " + style.red("[drift: changed on the live agent since the last sync; push keeps it, \(wording(.forcedPush)) reverts it]")
        case .conflict: note = "  " + style.red("[conflict: changed in the file and on the live agent since the last sync]")
        }
        let marker = change.kind == .change ? "~" : "!"
        if !secret, case .string(let old)? = change.before, case .string(let new) = change.after,
           old.contains("\n") || new.contains("\n") {
            var out = "    " + style.yellow("\(marker) \(path):") + note + "\n"
            let hunks = LineDiff.hunks(old, new)
            if hunks.isEmpty { out += "        (only line endings or the final newline differ)\n" }
            for hunk in hunks {
                out += "      " + style.bold(hunk.header) + "\n"
                for diffLine in hunk.lines {
                    switch diffLine {
                    case .same(let text): out += "        \(shown(text))\n"
                    case .removed(let text): out += "      " + style.red("- \(shown(text))") + "\n"
                    case .added(let text): out += "      " + style.green("+ \(shown(text))") + "\n"
                    }
                }
            }
            return out
        }
        return "    " + style.yellow("\(marker) \(path): \(before) -> \(after)") + note + "\n"
    }

    /// Text from a file or the server as it may be printed: control characters escaped.
    private static func shown(_ text: String) -> String { VisibleText.escape(text) }

    /// A value on one line: text quoted, numbers in their shortest form, lists and objects as compact JSON.
    static func inline(_ value: JSONValue) -> String {
        JSONText.encode(value, numbers: .shortest)
    }

    /// `[{agent, agent_id, path, before, after, kind}]`, one object per changed field (and one per new agent).
    public static func json(_ comparisons: [FileComparison], environment: String, showSecrets: Bool,
                            secretPaths: [String: [[String]]] = [:], wording: RemedyWording = .plain) -> String {
        var items: [JSONValue] = []
        for comparison in comparisons {
            for change in comparison.changes {
                let secret = !showSecrets && isSecret(change, secretPaths[comparison.file] ?? [])
                var object = JSONObject([("agent", .string(comparison.file)),
                                         ("agent_id", comparison.id.map(JSONValue.string) ?? .null),
                                         ("environment", .string(environment)),
                                         ("path", .string(change.dottedPath))])
                object["before"] = secret ? .string(SecretMask.mask(wording)) : (change.before ?? .null)
                object["after"] = secret ? .string(SecretMask.mask(wording)) : change.after
                object["kind"] = .string(change.kind.rawValue)
                items.append(.object(object))
            }
        }
        return JSONText.encode(.array(items), pretty: true, numbers: .shortest) + "\n"
    }
}

import Remote
import ConfigModel

/// What pull did, or would do, file by file, and the summary line; names and text from the server are shown with
/// control characters escaped.
enum PullReport {
    static func isSuccess(_ change: Puller.Change) -> Bool {
        switch change {
        case .new, .updated, .unchanged, .deletedRemotely: return true
        case .keptLocalEdits, .failed: return false
        }
    }

    /// Whether a field was left differing from the live agent: a conflict no side was taken for, or drift.
    static func isOpen(_ result: Puller.FileResult, taking side: ThreeWayMerge.Side?) -> Bool {
        (side == nil && !result.conflicts.isEmpty) || !result.drift.isEmpty
    }

    static func text(_ results: [Puller.FileResult], dryRun: Bool, taking side: ThreeWayMerge.Side?, colour: Bool) -> String {
        let style = TextStyle(enabled: colour)
        var out = ""
        for result in results {
            let file = VisibleText.escape(result.file)
            if result.change == .unchanged, !result.conflicts.isEmpty || !result.drift.isEmpty {
                out += (isOpen(result, taking: side) ? style.red("! \(file)") : "= \(file)") + "  (not changed)\n"
            }
            switch result.change {
            case .new:
                out += style.green("+ \(file)") + (dryRun ? "  (would be created)" : "  (new)") + "\n"
            case .updated:
                out += style.yellow("~ \(file)") + (dryRun ? "  (would be updated)" : "  (updated)") + "\n"
                if dryRun, let before = result.before, let after = result.after {
                    for line in LineDiff.lines(before, after) {
                        switch line {
                        case .same: continue
                        case .removed(let text): out += "    " + style.red("- \(VisibleText.escape(text))") + "\n"
                        case .added(let text): out += "    " + style.green("+ \(VisibleText.escape(text))") + "\n"
                        }
                    }
                }
            case .unchanged:
                break
            case .keptLocalEdits(let reason):
                out += style.red("! \(file)") + "  kept: \(VisibleText.escape(reason)); fix it (`agentctl validate` shows where) and pull again\n"
            case .deletedRemotely(let removed):
                out += style.red("- \(file)") + "  deleted remotely (\(VisibleText.escape(result.id)) no longer exists)"
                    + (removed ? "; file and lock entry removed\n" : "; pull --prune removes the file and its entry\n")
            case .failed(let message):
                out += style.red("! \(file)") + "  failed: \(VisibleText.escape(message))\n"
            }
            out += result.conflicts.map { "    " + style.red(conflictLine($0, taking: side)) + "\n" }.joined()
            out += result.drift.map { "    " + style.red(driftLine($0)) + "\n" }.joined()
        }
        let count = { (match: (Puller.Change) -> Bool) in results.filter { match($0.change) }.count }
        let new = count { $0 == .new }, updated = count { $0 == .updated }, unchanged = count { $0 == .unchanged }
        let gone = count { if case .deletedRemotely = $0 { return true } else { return false } }
        let problems = results.count - new - updated - unchanged - gone
        let pulled = results.count - gone
        var summary = "\(dryRun ? "would pull" : "pulled") \(pulled) \(PlanRendering.noun(pulled, files: results.map(\.file))): "
            + "\(new) new, \(updated) updated, \(unchanged) unchanged"
        if gone > 0 { summary += ", \(gone) deleted remotely" }
        if problems > 0 { summary += ", \(problems) not pulled" }
        let conflicts = results.map(\.conflicts.count).reduce(0, +), drift = results.map(\.drift.count).reduce(0, +)
        if conflicts > 0 {
            let taken = side.map { $0 == .theirs ? " (took the live values)" : " (took the file's values)" } ?? ""
            summary += ", \(conflicts) conflict\(conflicts == 1 ? "" : "s")\(taken)"
        }
        if drift > 0 { summary += ", \(drift) placeholder\(drift == 1 ? "" : "s") drifted" }
        return out + summary + "\n"
    }

    /// `! conflict turn.turn_timeout: file 12, live 21; the file's value is kept (--theirs takes the live one)`.
    static func conflictLine(_ conflict: ThreeWayMerge.Conflict, taking side: ThreeWayMerge.Side?) -> String {
        let outcome = switch side {
        case nil: "the file's value is kept (pull --theirs takes the live one, --ours keeps the file's)"
        case .theirs?: "took the live value"
        case .ours?: "kept the file's value"
        }
        return "! conflict \(VisibleText.escape(conflict.dottedPath)): file \(shown(conflict.ours, path: conflict.path)), "
            + "live \(shown(conflict.theirs, path: conflict.path)); changed on both sides since the last sync; \(outcome)"
    }

    /// `! drift tts.voice_id: ${VOICE} = `rachel` from vars/production.yaml:3, live "adam"; the placeholder is kept`.
    static func driftLine(_ drift: PlaceholderDrift) -> String {
        let live = drift.drift.secret ? "differs (secret hidden)" : shown(drift.drift.remote, path: drift.path)
        return "! drift \(VisibleText.escape(drift.dottedPath)): \(VisibleText.escape(drift.drift.origin)), live \(live); "
            + "the placeholder is kept: change the variable to take the live value"
    }

    /// A value on one line, `(unset)` when a side leaves it out; masked where the field looks like a credential.
    static func shown(_ value: JSONValue?, path: [String]) -> String {
        guard let value else { return "(unset)" }
        return SecretMask.isSecret(path) ? Variables.hidden : VisibleText.escape(JSONText.encode(value, numbers: .shortest))
    }
}

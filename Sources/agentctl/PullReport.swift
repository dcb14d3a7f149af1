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

    static func text(_ results: [Puller.FileResult], dryRun: Bool, colour: Bool) -> String {
        let style = TextStyle(enabled: colour)
        var out = ""
        for result in results {
            let file = VisibleText.escape(result.file)
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
                continue
            case .keptLocalEdits(let reason):
                out += style.red("! \(file)") + "  kept: \(VisibleText.escape(reason)); commit or stash your edits, or pull with --force\n"
            case .deletedRemotely(let removed):
                out += style.red("- \(file)") + "  deleted remotely (\(VisibleText.escape(result.id)) no longer exists)"
                    + (removed ? "; file and lock entry removed\n" : "; pull --prune removes the file and its entry\n")
            case .failed(let message):
                out += style.red("! \(file)") + "  failed: \(VisibleText.escape(message))\n"
            }
        }
        let count = { (match: (Puller.Change) -> Bool) in results.filter { match($0.change) }.count }
        let new = count { $0 == .new }, updated = count { $0 == .updated }, unchanged = count { $0 == .unchanged }
        let gone = count { if case .deletedRemotely = $0 { return true } else { return false } }
        let problems = results.count - new - updated - unchanged - gone
        let pulled = results.count - gone
        var summary = "\(dryRun ? "would pull" : "pulled") \(pulled) agent\(pulled == 1 ? "" : "s"): "
            + "\(new) new, \(updated) updated, \(unchanged) unchanged"
        if gone > 0 { summary += ", \(gone) deleted remotely" }
        if problems > 0 { summary += ", \(problems) not pulled" }
        return out + summary + "\n"
    }
}

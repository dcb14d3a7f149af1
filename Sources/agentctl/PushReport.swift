import ConfigModel
import Remote

/// What push did, agent by agent; a 422 answer is shown at the lines of the file (`sources`) it names.
enum PushReport {
    static func text(_ outcomes: [(file: String, outcome: Pusher.Outcome)], deleted: [Pruning.Candidate],
                     sources: [String: String], style: TextStyle) -> String {
        var out = ""
        var applied = 0
        for (file, outcome) in outcomes {
            switch outcome {
            case .created(let id):
                applied += 1
                out += style.green("created \(file)") + " as \(id)\n"
            case .updated(let fields):
                applied += 1
                out += style.green("updated \(file)") + " (\(fields) field\(fields == 1 ? "" : "s"))\n"
            case .unchanged:
                continue
            case .refused(let conflicts):
                out += style.red("refused \(file)") + ": the live agent changed since the last sync on "
                    + conflicts.map(\.dottedPath).joined(separator: ", ")
                    + "; run `agentctl pull` to take those changes, or push --force to overwrite them\n"
            case .rejected(let errors):
                out += style.red("rejected \(file)") + " by the API:\n"
                out += DiagnosticRenderer.text(errors, sources: sources, style: style)
            case .failed(let message):
                out += style.red("failed \(file)") + ": \(message)\n"
            }
        }
        for candidate in deleted {
            out += style.red("deleted \(candidate.id)") + " (its file \(candidate.file) was removed)\n"
        }
        let failed = outcomes.filter { !$0.outcome.succeeded }.count
        return out + "applied \(applied) agent\(applied == 1 ? "" : "s"), \(failed) failed"
            + (deleted.isEmpty ? "" : ", \(deleted.count) deleted") + "\n"
    }
}

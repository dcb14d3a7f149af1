import ConfigModel
import Remote

/// What push did, agent by agent as each finishes, then the count; a 422 answer is shown at the lines of the file
/// it names (read again for them: a push does not hold the files). Names and messages from files and the server are shown with control characters escaped.
enum PushReport {
    static func line(_ path: String, _ outcome: Pusher.Outcome, style: TextStyle) -> String {
        let file = VisibleText.escape(path)
        switch outcome {
        case .created(let id):
            return style.green("created \(file)") + " as \(VisibleText.escape(id))\n"
        case .updated(let fields):
            return style.green("updated \(file)") + " (\(fields) field\(fields == 1 ? "" : "s"))\n"
        case .unchanged:
            return ""
        case .refused(let conflicts):
            return style.red("refused \(file)") + ": the live agent changed since the last sync on "
                + VisibleText.escape(conflicts.map(\.dottedPath).joined(separator: ", "))
                + "; run `agentctl pull` to take those changes, or push --force to overwrite them\n"
        case .rejected(let errors):
            return style.red("rejected \(file)") + " by the API:\n" + DiagnosticRenderer.text(errors, sources: source(path), style: style)
        case .failed(let message):
            return style.red("failed \(file)") + ": \(VisibleText.escape(message))\n"
        }
    }

    private static func source(_ path: String) -> [String: String] {
        (try? AgentDocument.readBytes(path: path)).map { [path: AgentDocument.text(of: $0)] } ?? [:]
    }

    /// The live agents pruned, then the count.
    static func summary(_ outcomes: [(file: String, outcome: Pusher.Outcome)], deleted: [Pruning.Candidate],
                        style: TextStyle) -> String {
        let pruned = deleted.map { candidate in
            style.red("deleted \(VisibleText.escape(candidate.id))") + " (its file \(VisibleText.escape(candidate.file)) was removed)\n"
        }.joined()
        let applied = outcomes.filter {
            switch $0.outcome {
            case .created, .updated: true
            default: false
            }
        }.count
        let failed = outcomes.filter { !$0.outcome.succeeded }.count
        return pruned + "applied \(applied) agent\(applied == 1 ? "" : "s"), \(failed) failed"
            + (deleted.isEmpty ? "" : ", \(deleted.count) deleted") + "\n"
    }
}

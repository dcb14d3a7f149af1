import ConfigModel
import Remote

/// What diff and push show before acting: renames, agents deleted on the server and files whose agent may live on
/// elsewhere, then each file's field changes, then what --prune would delete.
enum PlanReport {
    static func text(_ plans: [PlannedFile], reconciled: Reconciling.Reconciled, pruned: [Pruning.Candidate], environment: String,
                     showSecrets: Bool, colour: Bool) -> String {
        let style = TextStyle(enabled: colour)
        var out = ""
        for rename in reconciled.renamed {
            out += style.yellow("> \(shown(rename.from)) -> \(shown(rename.to))")
                + "  (renamed: still \(shown(rename.id)) in \(shown(environment)))\n"
        }
        for plan in plans {
            guard let id = plan.deletedRemotely else { continue }
            out += style.red("- \(shown(plan.file))") + "  (deleted remotely: \(shown(id)) no longer exists; "
                + "push creates it again, or remove the file)\n"
        }
        for (file, holders) in reconciled.unsure.sorted(by: { $0.key < $1.key }) {
            out += "? \(shown(file))  (gone, but its agent may live on in \(shown(holders.joined(separator: ", "))); not deleted)\n"
        }
        if !out.isEmpty { out += "\n" }
        return out + PlanRendering.text(plans.map(\.comparison), environment: environment, showSecrets: showSecrets,
                                        colour: colour, secretPaths: Connection.secretPaths(plans), wording: .commandLine)
            + Pruning.describe(pruned)
    }

    private static func shown(_ text: String) -> String { VisibleText.escape(text) }
}

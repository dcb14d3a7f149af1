import ArgumentParser
import ConfigModel
import Foundation
import Remote

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mv",
        abstract: "Rename an agent file and keep its live agents: agentctl.lock follows the file in every environment.",
        discussion: """
        A renamed file is the same agent. pull, diff, status and push also notice a rename on their own (a tracked \
        file gone, an untracked file with its content or, failing that, its name); mv says so explicitly, which \
        also covers a rename together with edits to the name.

        EXAMPLES
          agentctl mv agents/refund.yaml agents/refund-desk.yaml

        EXIT CODES
          0  moved
          1  the lock could not be written (the file is moved back)
          2  usage error: no such file, the destination exists, or the file is not tracked
        """
    )

    @Argument(help: "The agent file to rename.")
    var source: String

    @Argument(help: "Its new path.")
    var destination: String

    func run() throws {
        // The lock names files from the project folder: both paths are rebased onto it.
        let project = try Project.enter()
        let source = project.path(self.source), destination = project.path(self.destination)
        let (from, to) = (VisibleText.escape(source), VisibleText.escape(destination))
        guard FileManager.default.fileExists(atPath: source) else {
            throw CommandFailure.usage("no such file: \(from)")
        }
        guard !FileManager.default.fileExists(atPath: destination) else {
            throw CommandFailure.usage("\(to) already exists; nothing was moved")
        }
        var state: SyncState
        do { state = try SyncState.load() } catch { throw CommandFailure.located([error], status: .usage) }
        let environments = state.move(source, to: destination)
        guard !environments.isEmpty else {
            throw CommandFailure.usage("\(from) is not tracked in agentctl.lock; rename it with mv or git mv")
        }
        do {
            let folder = (destination as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try FileManager.default.moveItem(atPath: source, toPath: destination)
        } catch {
            throw CommandFailure.usage("cannot move \(from) to \(to): \(error.localizedDescription)")
        }
        do { try state.save() } catch {
            try? FileManager.default.moveItem(atPath: destination, toPath: source)
            throw CommandFailure.findings("\(error); \(from) was left where it was")
        }
        Terminal.output("moved \(from) -> \(to) (its agent in \(VisibleText.escape(environments.joined(separator: ", "))))\n")
    }
}

import AgentSchema
import ConfigModel
import Foundation
import Remote
import Validation

/// The project a command works in: the folder of the nearest `agentctl.yaml` at or above the current folder (as Git
/// finds `.git`). The command runs from that folder, so the paths in agentctl.yaml and agentctl.lock mean the same
/// from anywhere inside it; the paths a user names are taken from where they stood and shown relative to the project.
struct Project {
    let folder: ProjectFolder
    private let startedIn: String

    /// Finds the project from the current folder and makes its folder the current one.
    static func enter() throws -> Project {
        let here = FileManager.default.currentDirectoryPath
        let folder = ProjectFolder.find(from: here)
        guard FileManager.default.changeCurrentDirectoryPath(folder.path) else {
            throw CommandFailure.usage("cannot enter the project folder \(VisibleText.escape(folder.path))")
        }
        return Project(folder: folder, startedIn: here)
    }

    /// A path the user named, relative to the project folder.
    func path(_ named: String) -> String { folder.relative(named, from: startedIn) }

    func paths(_ named: [String]) -> [String] { named.map(path) }

    /// agentctl.yaml's problems, every one located; none when there is no such file.
    func settingsProblems() -> ValidationReport? {
        guard folder.hasSettingsFile else { return nil }
        return ValidationReport(paths: [ProjectFile.fileName], strict: true)
    }

    /// The settings, checked first: an unknown key, a wrong type or a near-typo stops the command (exit 2) before
    /// any request, as the command would otherwise go to the default endpoint with the default key.
    func settings() throws -> ProjectSettings {
        if let report = settingsProblems(), report.hasErrors {
            throw CommandFailure.located(report.diagnostics, status: .usage)
        }
        do { return try ProjectSettings.load() } catch {
            throw CommandFailure.located([error], status: .usage)
        }
    }

    /// The folder of agent files, or why there is none: without a project file, that `agentctl init` sets one up.
    func agentsFolder(_ settings: ProjectSettings) throws -> String {
        let agents = settings.agentsDirectory
        guard !FileManager.default.fileExists(atPath: agents) else { return agents }
        guard folder.hasSettingsFile else {
            throw CommandFailure.usage("no \(ProjectFile.fileName) in \(VisibleText.escape(startedIn)) or any folder above it, "
                + "and no \(agents)/ folder: run `agentctl init` to set up a project here, or `agentctl -C DIR ...` to use one elsewhere")
        }
        throw CommandFailure.usage(settings.agents_dir == nil
            ? "no \(agents)/ folder beside \(ProjectFile.fileName); create it, or name another with agents_dir"
            : "the agents folder \(VisibleText.escape(agents)) (agents_dir in \(ProjectFile.fileName)) does not exist")
    }
}

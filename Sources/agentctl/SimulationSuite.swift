import ArgumentParser
import ConfigModel
import Foundation
import Simulator

/// `simulate --check`: every script of a folder against its agent, each reported, none stopping the others.
struct SimulationSuite {
    let agentFile: String?
    let assumptions: [String]
    let assumptionsFile: String?
    let monteCarlo: MonteCarloOptions?
    /// What `${NAME}` values in the agent files resolve to.
    let variables: Variables

    /// Each script's check, and the rendered errors of the agent files and scripts that could not be read.
    func run(path: String) throws -> (checks: [ScriptCheck], inputErrors: String) {
        let assumed = try SimulationInputs.assumptions(assumptions, file: assumptionsFile)
        let scripts = try Self.scripts(at: path)
        guard !scripts.isEmpty else { throw ValidationError("no .sim scripts in \(path)") }
        var inputErrors = ""
        let checks = scripts.map { check($0, assumptions: assumed, inputErrors: &inputErrors) }
        return (checks, inputErrors)
    }

    /// One script's check; the errors of a script or agent that cannot be read are added to `inputErrors`.
    private func check(_ script: String, assumptions: Assumptions, inputErrors: inout String) -> ScriptCheck {
        let agent = agentFile ?? Self.agent(for: script)
        guard FileManager.default.fileExists(atPath: agent) else {
            return ScriptCheck(file: script, results: [], error: Self.problem(script, "no agent file for this script: expected \(agent), or pass the agent file"))
        }
        do {
            let settings = SimulationSettings(agent: try SimulationInputs.agent(agent, variables: variables))
            let parsed = try SimulationInputs.parse(try SimulationInputs.scriptText(script) ?? "", file: script)
            if parsed.expectations.isEmpty {
                return ScriptCheck(file: script, results: [], error: Self.problem(script, "the script has no expect lines, so it checks nothing"))
            }
            if let monteCarlo {
                return ScriptCheck(file: script, results: try MonteCarlo.run(
                    settings: settings, script: parsed, assumptions: assumptions, runs: monteCarlo.runs, seed: monteCarlo.seed,
                    llmLatency: monteCarlo.latency, drawScriptedLatencies: monteCarlo.drawScripted).expectations)
            }
            return ScriptCheck(file: script, results: ExpectationCheck.evaluate(try Simulation.run(settings: settings, script: parsed, assumptions: assumptions)))
        } catch let failure as CommandFailure {
            inputErrors += failure.text
            return ScriptCheck(file: script, results: [], error: Self.problem(script, "not simulated (with \(agent)): see the errors on stderr"))
        } catch let problem as Diagnostic {
            return ScriptCheck(file: script, results: [], error: problem)
        } catch let error as SimulatorError {
            return ScriptCheck(file: script, results: [], error: Self.problem(script, error.message))
        } catch {
            return ScriptCheck(file: script, results: [], error: Self.problem(script, "\(error)"))
        }
    }

    /// A problem with a whole script, shown at its first line.
    private static func problem(_ script: String, _ message: String) -> Diagnostic {
        .error(.script, message, at: SourceMark(file: script, line: 1, column: 1))
    }

    /// `scripts/NAME.sim` and `scripts/NAME.variant.sim` belong to `NAME.yaml` in the scripts folder's parent.
    static func agent(for script: String) -> String {
        let url = URL(fileURLWithPath: script)
        let name = url.lastPathComponent.split(separator: ".").first.map(String.init) ?? ""
        let parent = url.deletingLastPathComponent().deletingLastPathComponent()
        let yml = parent.appendingPathComponent(name + ".yml").path
        let yaml = parent.appendingPathComponent(name + ".yaml").path
        let chosen = FileManager.default.fileExists(atPath: yml) && !FileManager.default.fileExists(atPath: yaml) ? yml : yaml
        return relative(chosen)
    }

    /// One script, or every `.sim` file under a folder, sorted so the suite's order is stable.
    static func scripts(at path: String) throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CommandFailure.usage("no such file or folder: \(path)")
        }
        guard isFolder.boolValue else { return [path] }
        let files = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? []
        let base = path.hasSuffix("/") ? path : path + "/"
        return files.filter { $0.hasSuffix(".sim") }.sorted().map { base + $0 }
    }

    /// Paths under the working directory stay relative, as the user typed them.
    private static func relative(_ path: String) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}

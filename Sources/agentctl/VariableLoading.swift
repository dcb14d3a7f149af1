import ConfigModel
import Foundation
import Remote
import Validation

/// The values `${NAME}` placeholders resolve to for a command: the process environment over the chosen
/// environment's variables file (`environments.<name>.variables` in agentctl.yaml).
enum VariableLoading {
    static func variables(settings: ProjectSettings, environment: String?) throws -> Variables {
        let process = ProcessInfo.processInfo.environment
        guard let environment, let path = settings.environment(environment).variables else {
            return Variables(environment: process)
        }
        do {
            return Variables(environment: process, file: try VariablesFile.load(path: path))
        } catch {
            throw CommandFailure.located([error], status: .usage)
        }
    }

    /// For offline commands: the environment named with --env, else the default or only one, else none (then only
    /// the process environment). `validate` checks agentctl.yaml itself and reports its problems at their lines, so
    /// for it a broken project file (with no --env) means only the process environment.
    static func offline(requested: String?, projectFileIsChecked: Bool = false) throws -> Variables {
        let settings: ProjectSettings
        do { settings = try ProjectSettings.load() } catch {
            if projectFileIsChecked, requested == nil { return Variables(environment: ProcessInfo.processInfo.environment) }
            throw CommandFailure.located([error], status: .usage)
        }
        let name: String?
        do { name = try settings.environmentName(requested) } catch {
            if requested != nil { throw CommandFailure.usage("\(error)") }
            name = nil
        }
        return try variables(settings: settings, environment: name)
    }
}

import ConfigModel
import Foundation

/// `agentctl.yaml`: the project's environments and where agent files live. It names the variable that holds each
/// environment's key, never the key itself.
public struct ProjectSettings: Decodable, Sendable {
    public struct Environment: Decodable, Sendable {
        public var base_url: String?
        public var api_key_env: String?
        public var api_key_file: String?
        /// A flat YAML file of `NAME: value` that `${NAME}` placeholders in agent files resolve from.
        public var variables: String?

        public init(base_url: String? = nil, api_key_env: String? = nil, api_key_file: String? = nil, variables: String? = nil) {
            self.base_url = base_url
            self.api_key_env = api_key_env
            self.api_key_file = api_key_file
            self.variables = variables
        }
    }

    public var default_environment: String?
    public var environments: [String: Environment]?
    public var agents_dir: String?

    public static let fileName = "agentctl.yaml"
    public static let implicitEnvironment = "default"

    public init() {}

    /// The settings in `directory`, or the defaults when the project has no `agentctl.yaml`.
    public static func load(directory: String = ".") throws(Diagnostic) -> ProjectSettings {
        let path = directory == "." ? fileName : directory + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return ProjectSettings() }
        let root = try YAMLReader().read(try AgentDocument.readBytes(path: path), file: path)
        do {
            return try NodeDecoder().decode(ProjectSettings.self, from: root)
        } catch let error as Diagnostic {
            throw error
        } catch {
            throw Diagnostic.error(.yaml, "\(error)", at: root.mark)
        }
    }

    public var agentsDirectory: String { agents_dir ?? Resource.agents.folder }

    /// The folder of a resource's files: agents in `agents_dir`, tools and tests in `tools/` and `tests/` beside it
    /// (where `validate` looks for the files an agent names).
    public func directory(of resource: Resource) -> String {
        guard resource != .agents else { return agentsDirectory }
        let parent = agentsDirectory.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return parent.isEmpty ? resource.folder : parent + "/" + resource.folder
    }

    /// The environment to use: the one named, else the default, else the only one, else the implicit `default`.
    public func environmentName(_ requested: String?) throws(SettingsError) -> String {
        let names = (environments ?? [:]).keys.sorted()
        if let requested {
            guard names.contains(requested) || (names.isEmpty && requested == Self.implicitEnvironment) else {
                throw SettingsError("no environment `\(requested)` in \(Self.fileName)"
                    + (names.isEmpty ? " (it defines none)" : "; known: \(names.joined(separator: ", "))"))
            }
            return requested
        }
        if let name = default_environment {
            guard names.contains(name) else {
                throw SettingsError("default_environment `\(name)` is not defined under environments in \(Self.fileName)")
            }
            return name
        }
        if names.count == 1 { return names[0] }
        if names.isEmpty { return Self.implicitEnvironment }
        throw SettingsError { wording in
            "\(Self.fileName) defines several environments (\(names.joined(separator: ", "))); choose one with \(wording(.environmentOption))"
        }
    }

    public func environment(_ name: String) -> Environment {
        environments?[name] ?? Environment()
    }
}

public struct SettingsError: RemedyWorded, Sendable {
    private let words: @Sendable (RemedyWording) -> String

    public init(_ description: String) { words = { _ in description } }

    /// A message that names a remedy, worded by the caller.
    init(_ words: @escaping @Sendable (RemedyWording) -> String) { self.words = words }

    public func message(_ wording: RemedyWording) -> String { words(wording) }
}

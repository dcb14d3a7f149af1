import ConfigModel

/// `agentctl.yaml`, the project file: its environments (where requests go and which variable holds each key) and
/// where agent files live. A typo here could send a command to the default endpoint with the default key (for most
/// teams, production), so every key it does not know is an error, not a warning.
public enum ProjectFile {
    public static let fileName = ProjectFolder.settingsFileName
    public static let schemaFileName = "project.schema.json"
    public static let title = "Project file"

    /// The one table of the project file's keys: the checks, the JSON Schema and the decoded settings follow it.
    public static let table = FieldTable(sections: [[
        FieldRule(path: "default_environment", type: .text, minLength: 1,
                  description: "The environment commands use when none is named on the command line; one of those under `environments`."),
        FieldRule(path: "environments", type: .map,
                  description: "Each environment by name (staging, production): its API host and where its key comes from."),
        FieldRule(path: "environments.*", type: .object, nullable: true, description: "One environment."),
        FieldRule(path: "environments.*.base_url", type: .text, minLength: 1,
                  description: "The API host: a residency name (global, us, eu, in, sg) or a URL such as https://api.eu.residency.elevenlabs.io, without /v1."),
        FieldRule(path: "environments.*.api_key_env", type: .text, minLength: 1,
                  description: "The NAME of the environment variable that holds this environment's API key (never the key itself). Default: ELEVENLABS_API_KEY."),
        FieldRule(path: "environments.*.api_key_file", type: .text, minLength: 1,
                  description: "A file that holds this environment's API key, relative to this file's folder; keep it out of Git."),
        FieldRule(path: "environments.*.variables", type: .text, minLength: 1,
                  description: "A YAML file of values for this environment's `${NAME}` placeholders, relative to this file's folder."),
        FieldRule(path: "agents_dir", type: .text, minLength: 1,
                  description: "The folder of agent files, relative to this file's folder. Default: agents."),
    ]], serverDefaultsJSON: "{}", rejectsUnknownKeys: true)
}

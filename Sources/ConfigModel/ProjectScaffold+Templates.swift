extension ProjectScaffold {
    /// The first line of an agent file agentctl writes, for a file at `agentPath` relative to the project folder
    /// (`agents/support.yaml`): editors on the YAML language server find the schema through its relative path.
    public static func schemaModeline(forAgentAt agentPath: String) -> String {
        schemaModeline(forFileAt: agentPath, schema: "agent.schema.json")
    }

    /// The same for a file of any kind, whose JSON Schema is `schemas/<schema>` (`tool.schema.json`).
    public static func schemaModeline(forFileAt path: String, schema: String) -> String {
        let depth = path.split(separator: "/", omittingEmptySubsequences: true).count - 1
        return "# yaml-language-server: $schema=" + String(repeating: "../", count: depth) + "schemas/" + schema
    }

    /// Where the project keeps the JSON Schema of agent files, relative to the project folder.
    public static let schemaPath = "schemas/agent.schema.json"

    static let exampleAgentName = "front-desk.yaml"

    static let exampleAgent = schemaModeline(forAgentAt: "agents/" + exampleAgentName) + "\n" + """
        # An example agent. Every key is a field of the ElevenLabs agents API, named as the API names it.
        # `agentctl validate` checks it offline; `agentctl schema --format markdown` lists every field and its range.
        name: Front desk
        tags:
          - example
        conversation_config:
          agent:
            # What the agent says first; an empty first_message ("") lets the caller speak first.
            first_message: Hello, you've reached the front desk of Lindenhof Dental. How can I help?
            language: en
            prompt:
              prompt: |
                You are the front desk of Lindenhof Dental, a small dental clinic.
                Answer questions about opening hours, and book, move or cancel appointments.
                Keep every answer to one or two short sentences: callers cannot re-read what you say.
              llm: gemini-2.5-flash
              temperature: 0.2
          tts:
            model_id: eleven_flash_v2_5
            # 0.7 (slower) to 1.2 (faster).
            speed: 1.0
          turn:
            # Seconds to wait for the caller's reply before re-engaging them: 1 to 30.
            turn_timeout: 7
            # End the call after this many seconds of silence; keep it above turn_timeout (-1: never).
            silence_end_call_timeout: 30
            # patient, normal or eager.
            turn_eagerness: normal
            soft_timeout_config:
              # Say a short filler when the reply takes longer than this: 0.5 to 8 seconds, or -1 for never.
              timeout_seconds: 3
              # Up to 200 characters. Promise no time ("one second"): replies take as long as they take.
              message: Let me check that for you.
          conversation:
            max_duration_seconds: 600

        """

    static let projectSettings = """
        # agentctl project settings.
        # No API key is ever written here: api_key_env names the environment variable that holds each key.
        default_environment: staging
        environments:
          staging:
            base_url: https://api.elevenlabs.io
            api_key_env: ELEVENLABS_API_KEY_STAGING
          production:
            base_url: https://api.elevenlabs.io
            api_key_env: ELEVENLABS_API_KEY
        agents_dir: agents

        """

    static let preCommitConfig = """
        # pre-commit (https://pre-commit.com): run `pre-commit install` once, and every commit validates the agents.
        # This is agentctl's `agentctl-validate` hook, run with the agentctl on your PATH.
        repos:
          - repo: local
            hooks:
              - id: agentctl-validate
                name: agentctl validate
                entry: agentctl validate
                language: system
                files: ^agents/.*\\.ya?ml$

        """

    /// Lines `.gitignore` should hold; the comment is written only with the lines it introduces.
    static let gitignoreLines = [
        "# agentctl: API keys come from the environment and never belong in Git, nor does a push's lock file",
        ".env",
        ".env.*",
        ".agentctl-push.lock",
    ]
}

/// A script with each line's speaking time worked out once, so many simulated calls can share it.
struct PreparedScript: Sendable {
    let file: String
    private(set) var lines: [ScriptLine] = []
    private(set) var userDurations: [Microseconds] = []
    private(set) var agentDurations: [Microseconds] = []
    /// The whole user utterance is one of `interruption_ignore_terms`.
    private(set) var isIgnoreTerm: [Bool] = []

    init(_ script: Script, config: CallConfig) {
        file = script.file
        for line in script.lines { append(line, config: config) }
    }

    mutating func append(_ line: ScriptLine, config: CallConfig) {
        lines.append(line)
        let words = Double(SpokenText.wordCount(line.text))
        var userDuration: Microseconds = 0
        var agentDuration: Microseconds = 0
        var ignoreTerm = false
        switch line.kind {
        case .user(let text, _):
            userDuration = Seconds.microseconds(words / config.userWordsPerSecond)
            ignoreTerm = config.ignoreTerms.contains(SpokenText.normalizedTerm(text))
        case .agent:
            agentDuration = Seconds.microseconds(words / config.agentWordsPerSecond)
        case .silence:
            break
        }
        userDurations.append(userDuration)
        agentDurations.append(agentDuration)
        isIgnoreTerm.append(ignoreTerm)
    }
}

import AgentSchema
import ConfigModel

/// Warnings from the vendor's documented guidance: settings that are valid one by one but work against each other.
struct GuidanceRules {
    let document: AgentDocument
    private(set) var diagnostics: [Diagnostic] = []

    init(document: AgentDocument) { self.document = document }

    private static let turnPath = ["conversation_config", "turn"]
    private static let softTimeoutPath = turnPath + ["soft_timeout_config"]

    mutating func check() {
        let config = document.definition.conversation_config
        checkSilenceEndCall(config?.turn)
        checkInitialWait(config?.turn, agent: config?.agent)
        if let softTimeout = config?.turn?.soft_timeout_config { checkFillers(softTimeout) }
    }

    private mutating func warn(_ rule: RuleID, _ path: [String], _ message: String) {
        guard let node = document.node(at: path) else { return }
        diagnostics.append(Diagnostic(rule, at: node.mark, message, path: path.joined(separator: ".")))
    }

    private mutating func checkSilenceEndCall(_ turn: TurnConfig?) {
        guard let silence = turn?.silence_end_call_timeout, silence > 0 else { return }
        let turnTimeout = turn?.turn_timeout ?? Self.defaultNumber(Self.turnPath + ["turn_timeout"])
        guard silence <= turnTimeout else { return }
        warn(.silenceBeforeReengage, Self.turnPath + ["silence_end_call_timeout"],
             "silence_end_call_timeout (\(JSONText.number(silence)) s) is not greater than turn_timeout "
                 + "(\(JSONText.number(turnTimeout)) s): the call ends before the agent re-engages the user")
    }

    private mutating func checkInitialWait(_ turn: TurnConfig?, agent: AgentConfig?) {
        guard turn?.initial_wait_time != nil, let first = agent?.first_message, !first.isEmpty else { return }
        warn(.initialWaitIgnored, Self.turnPath + ["initial_wait_time"],
             "initial_wait_time has no effect while agent.first_message is not empty: the agent speaks first")
    }

    private mutating func checkFillers(_ softTimeout: SoftTimeoutConfig) {
        var fillers: [(path: [String], text: String)] = []
        if let message = softTimeout.message { fillers.append((Self.softTimeoutPath + ["message"], message)) }
        for (index, text) in (softTimeout.additional_soft_timeout_messages ?? []).enumerated() {
            fillers.append((Self.softTimeoutPath + ["additional_soft_timeout_messages", String(index)], text))
        }
        for (path, text) in fillers {
            guard let phrase = TimePromise.find(in: text) else { continue }
            warn(.fillerPromisesTime, path, "the filler \(JSONText.quoted(text)) promises a time (\"\(phrase)\"); the docs "
                + "advise against time indicators in fillers, as actual response times are unpredictable")
        }
        if softTimeout.use_llm_generated_message == true, softTimeout.message?.isEmpty ?? true {
            warn(.llmFillerWithoutFallback, Self.softTimeoutPath + ["use_llm_generated_message"],
                 "use_llm_generated_message is on but no static `message` is set; the docs require a static fallback "
                     + "message for when generation fails")
        }
    }

    private static func defaultNumber(_ path: [String]) -> Double {
        FieldTable.agent.rule(path.joined(separator: "."))?.defaultValue?.numberValue ?? 0
    }
}

/// Finds phrases in a filler that promise how long the wait will be ("one second", "just a moment", "2 minutes").
enum TimePromise {
    private static let units = ["second", "seconds", "sec", "secs", "moment", "minute", "minutes", "min", "mins", "sec."]
    private static let counts: Set<String> = ["a", "one", "two", "three", "few", "1", "2", "3", "5", "10", "just", "quick"]

    static func find(in text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        for (index, word) in words.enumerated() where units.contains(word) && index > 0 && counts.contains(words[index - 1]) {
            return words[index - 1] + " " + word
        }
        return nil
    }
}

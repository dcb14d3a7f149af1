import AgentSchema
import ConfigModel

/// Warnings from the vendor's documented guidance: settings that are valid one by one but work against each other.
/// The few fields they need are read from the node tree as the typed model reads them (absent, null or of the wrong
/// kind is unset: validation reports why), without decoding the whole file a second time.
struct GuidanceRules {
    let document: AgentDocument
    private(set) var diagnostics: [Diagnostic] = []

    init(document: AgentDocument) { self.document = document }

    private static let turnPath = ["conversation_config", "turn"]
    private static let softTimeoutPath = turnPath + ["soft_timeout_config"]

    mutating func check() {
        let config = document.root["conversation_config"]
        let turn = config?["turn"]
        checkSilenceEndCall(turn)
        checkInitialWait(turn, agent: config?["agent"])
        if let softTimeout = turn?["soft_timeout_config"], softTimeout.pairs != nil { checkFillers(softTimeout) }
    }

    private mutating func warn(_ rule: RuleID, _ path: [String], _ message: String) {
        guard let node = document.node(at: path) else { return }
        diagnostics.append(Diagnostic(rule, at: node, message, path: path.joined(separator: ".")))
    }

    /// The value under `key` read by `read`; nil when absent, null or not readable, as the lenient decoder leaves it.
    private func value<T>(_ key: String, in parent: YAMLNode?, _ read: (YAMLNode) -> Result<T, Diagnostic>) -> T? {
        guard let node = parent?[key], !node.isNull, case .success(let value) = read(node) else { return nil }
        return value
    }

    private mutating func checkSilenceEndCall(_ turn: YAMLNode?) {
        guard let silence = value("silence_end_call_timeout", in: turn, ScalarReading.number), silence > 0 else { return }
        let turnTimeout = value("turn_timeout", in: turn, ScalarReading.number) ?? Self.defaultTurnTimeout
        guard silence <= turnTimeout else { return }
        warn(.silenceBeforeReengage, Self.turnPath + ["silence_end_call_timeout"],
             "silence_end_call_timeout (\(JSONText.number(silence)) s) is not greater than turn_timeout "
                 + "(\(JSONText.number(turnTimeout)) s): the call ends before the agent re-engages the user")
    }

    private mutating func checkInitialWait(_ turn: YAMLNode?, agent: YAMLNode?) {
        guard value("initial_wait_time", in: turn, ScalarReading.number) != nil,
              let first = value("first_message", in: agent, ScalarReading.text), !first.isEmpty else { return }
        warn(.initialWaitIgnored, Self.turnPath + ["initial_wait_time"],
             "initial_wait_time has no effect while agent.first_message is not empty: the agent speaks first")
    }

    private mutating func checkFillers(_ softTimeout: YAMLNode) {
        let message = value("message", in: softTimeout, ScalarReading.text)
        var fillers: [(path: [String], text: String)] = []
        if let message { fillers.append((Self.softTimeoutPath + ["message"], message)) }
        for (index, text) in Self.additionalMessages(softTimeout).enumerated() {
            fillers.append((Self.softTimeoutPath + ["additional_soft_timeout_messages", String(index)], text))
        }
        for (path, text) in fillers {
            guard let phrase = TimePromise.find(in: text) else { continue }
            warn(.fillerPromisesTime, path, "the filler \(JSONText.quoted(text)) promises a time (\"\(phrase)\"); the docs "
                + "advise against time indicators in fillers, as actual response times are unpredictable")
        }
        if value("use_llm_generated_message", in: softTimeout, ScalarReading.boolean) == true, message?.isEmpty ?? true {
            warn(.llmFillerWithoutFallback, Self.softTimeoutPath + ["use_llm_generated_message"],
                 "use_llm_generated_message is on but no static `message` is set; the docs require a static fallback "
                     + "message for when generation fails")
        }
    }

    /// The extra fillers, all or none: one item that is not text leaves the list unset, as the typed model does.
    private static func additionalMessages(_ softTimeout: YAMLNode) -> [String] {
        guard let items = softTimeout["additional_soft_timeout_messages"]?.items else { return [] }
        var texts: [String] = []
        for item in items {
            guard case .success(let text) = ScalarReading.text(item) else { return [] }
            texts.append(text)
        }
        return texts
    }

    private static let defaultTurnTimeout = FieldTable.agent.rule("conversation_config.turn.turn_timeout")?.defaultValue?.numberValue ?? 0
}

/// Finds phrases in a filler that promise how long the wait will be ("one second", "about 20 seconds", "give me ten
/// seconds", "just a moment"), but not an ordinal ("a second approach").
enum TimePromise {
    private static let units: Set<String> = ["second", "seconds", "sec", "secs", "moment", "moments", "minute", "minutes",
                                             "min", "mins"]
    private static let counts: Set<String> = [
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety", "hundred", "few", "couple", "several", "half",
        "just", "quick", "some",
    ]
    /// Words between a count and its unit: "a couple of seconds", "ten more seconds".
    private static let between: Set<String> = ["of", "more", "extra", "short", "little"]
    /// After "a second", words that keep it a length of time; any other word makes it an ordinal ("a second try").
    private static let afterDuration: Set<String> = ["please", "while", "or", "and", "i", "we", "let", "so", "to", "as",
                                                     "for", "thanks", "thank", "now", "then", "more", "here", "there"]

    static func find(in text: String) -> String? {
        guard mayNameAUnit(text) else { return nil }
        let words = tokens(text.lowercased())
        for (index, word) in words.enumerated() where units.contains(word.text) && index > 0 {
            var countIndex = index - 1
            while countIndex > 0, between.contains(words[countIndex].text) { countIndex -= 1 }
            let count = words[countIndex].text
            guard counts.contains(count) || count.allSatisfy(\.isNumber) else { continue }
            if (count == "a" || count == "an") && (word.text == "second" || word.text == "minute") && index + 1 < words.count
                && !words[index].endsClause && !afterDuration.contains(words[index + 1].text) {
                continue
            }
            return words[countIndex...index].map(\.text).joined(separator: " ")
        }
        return nil
    }

    /// False when an ASCII text holds none of `sec`, `min` and `moment` in any case, which every unit holds: most
    /// fillers are then passed over without splitting them into words.
    private static func mayNameAUnit(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return true }
            // `| 0x20` lowercases an ASCII letter and leaves every other byte a non-letter.
            func holds(_ word: StaticString) -> Bool {
                let count = word.utf8CodeUnitCount
                guard bytes.count >= count else { return false }
                return (0...(bytes.count - count)).contains { start in
                    (0..<count).allSatisfy { bytes[start + $0] | 0x20 == word.utf8Start[$0] }
                }
            }
            return holds("sec") || holds("min") || holds("moment")
        }
    }

    /// Words of letters and digits; `endsClause` when punctuation follows before the next word.
    private static func tokens(_ text: String) -> [(text: String, endsClause: Bool)] {
        var words: [(text: String, endsClause: Bool)] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
                continue
            }
            if !current.isEmpty {
                words.append((current, false))
                current = ""
            }
            if !character.isWhitespace, !words.isEmpty { words[words.count - 1].endsClause = true }
        }
        if !current.isEmpty { words.append((current, false)) }
        return words
    }
}

import ConfigModel

/// Every rule agentctl checks, with the id shown in brackets and a one-line meaning. The limits themselves live in
/// `FieldTable`; these are the kinds of check made against them, plus the documented guidance.
public enum RuleID: String, Sendable, CaseIterable {
    case yaml
    case variable
    case type
    case null = "null-value"
    case range
    case length
    case allowedValues = "allowed-values"
    case itemCount = "item-count"
    case required = "required-field"
    case unknownKeyTypo = "unknown-key"
    case unknownField = "unknown-field"
    case deprecatedField = "deprecated-field"
    case deprecatedValue = "deprecated-value"
    case silenceBeforeReengage = "silence-end-before-turn-timeout"
    case initialWaitIgnored = "initial-wait-time-ignored"
    case fillerPromisesTime = "filler-promises-time"
    case llmFillerWithoutFallback = "llm-filler-without-fallback"
    case unknownReference = "unknown-reference"
    case rawID = "raw-id"
    case literalSecret = "literal-secret"

    /// The id a diagnostic carries; `yaml` and `variable` are the same rules the YAML reader and the variable
    /// resolution report.
    public var id: Diagnostic.Rule { Diagnostic.Rule(rawValue: rawValue) }

    public var severity: Diagnostic.Severity {
        switch self {
        case .yaml, .variable, .type, .null, .range, .length, .allowedValues, .itemCount, .required, .unknownKeyTypo,
             .unknownReference:
            return .error
        case .unknownField, .deprecatedField, .deprecatedValue, .silenceBeforeReengage, .initialWaitIgnored,
             .fillerPromisesTime, .llmFillerWithoutFallback, .rawID, .literalSecret: return .warning
        }
    }

    public var summary: String {
        switch self {
        case .yaml: return "The file is a single, well-formed YAML mapping in UTF-8 (no tabs, duplicate keys or undefined aliases)."
        case .variable: return "A `${NAME}` value resolves: NAME is set in the environment or the variables file, or has a default."
        case .type: return "A value has the field's type: text, number, whole number, true/false, list or mapping."
        case .null: return "A value is null only where the API accepts null."
        case .range: return "A number lies in the range the vendor documents for its field."
        case .length: return "Text is within the field's length limits, counted in Unicode code points as the API counts."
        case .allowedValues: return "A value is one of the field's allowed values."
        case .itemCount: return "A list has no more (or fewer) items than the field allows."
        case .required: return "A field the API requires in its object (such as a webhook tool's `api_schema`) is stated."
        case .unknownKeyTypo: return "A key that is close to a known field name is a typo (with a did-you-mean)."
        case .unknownField: return "A key agentctl does not know inside a typed section: kept and sent unchanged."
        case .deprecatedField: return "The vendor marks this field as deprecated."
        case .deprecatedValue: return "The vendor marks this value as deprecated."
        case .silenceBeforeReengage: return "silence_end_call_timeout ends the call before turn_timeout lets the agent re-engage."
        case .initialWaitIgnored: return "initial_wait_time has no effect while first_message is not empty."
        case .fillerPromisesTime: return "A soft-timeout filler promises a time (\"one second\"); the docs advise against it."
        case .llmFillerWithoutFallback: return "use_llm_generated_message needs a static fallback message."
        case .unknownReference: return "A name such as `tool:book-appointment` refers to a file of the repository (`tools/book-appointment.yaml`)."
        case .rawID: return "A raw ID where a name could be: it names a resource in one environment only."
        case .literalSecret: return "A webhook header holds what looks like a literal secret; use `${VAR}` or a workspace secret."
        }
    }
}

extension Diagnostic {
    /// A finding of a validation rule, at the rule's severity.
    init(_ rule: RuleID, at mark: SourceMark, _ message: String, path: String?) {
        self.init(rule.severity, rule.id, at: mark, message, path: path)
    }

    /// The validation rule this diagnostic reports, if it is one (API answers and script problems are not).
    public var ruleID: RuleID? { RuleID(rawValue: rule.rawValue) }
}

/// The keys and list indexes from the top of a file to the value being checked, made into its dotted path
/// (`conversation_config.turn.soft_timeout_config.additional_soft_timeout_messages[2]`) only when a diagnostic names it.
struct FieldTrail {
    private enum Step {
        case key(String)
        case index(Int)
    }

    private var steps: [Step] = []

    mutating func enter(_ key: String) { steps.append(.key(key)) }
    mutating func enter(_ index: Int) { steps.append(.index(index)) }
    mutating func leave() { steps.removeLast() }

    /// The path of the value being checked; "" at the top of the file.
    var text: String { Self.text(steps[...]) }

    /// The path of the value that holds the one being checked.
    var parentText: String { Self.text(steps.dropLast()) }

    /// The path of a key under the value being checked.
    func text(adding key: String) -> String { Self.text(steps[...] + [.key(key)]) }

    private static func text(_ steps: ArraySlice<Step>) -> String {
        var text = ""
        for step in steps {
            switch step {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

import ConfigModel
import Validation

/// The rule tests' shared inputs: an agent file's text checked as `a.yaml`, and a `turn` section built from lines.
protocol AgentRuleTesting {}

extension AgentRuleTesting {
    func validate(_ text: String) throws -> [Diagnostic] {
        Validator().validate(try AgentDocument.parse(bytes: Array(text.utf8), file: "a.yaml"))
    }

    func turn(_ body: String) -> String {
        "conversation_config:\n  turn:\n" + body.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
    }
}

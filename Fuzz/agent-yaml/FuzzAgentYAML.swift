import AgentSchema
import ConfigModel
import FuzzDriver
import Simulator
import Validation

/// libFuzzer entry: bytes -> YAML -> typed model, request body and simulator settings -> rules -> every renderer.
/// Traps when an input ends in neither a model nor diagnostics at real places in it (scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAgentYAML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    AgentYAMLInput.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

enum AgentYAMLInput {
    static func check(_ bytes: [UInt8]) {
        let text = AgentDocument.text(of: bytes)
        let lines = SourceText(text).lineCount
        let diagnostics: [Diagnostic]
        switch AgentDocument.read(bytes: bytes, file: "fuzz.yaml") {
        case .success(let document):
            diagnostics = Validator().validate(document)
            _ = SimulationSettings(agent: document.definition)
            _ = JSONText.encode(FieldTable.agent.requestBody(document))
        case .failure(let problems):
            diagnostics = problems.problems
            precondition(!diagnostics.isEmpty, "a rejected input without a diagnostic")
        }
        for diagnostic in diagnostics {
            for mark in [diagnostic.mark] + diagnostic.notes.map(\.mark) {
                precondition(mark.file == "fuzz.yaml" && (1...lines).contains(mark.line) && mark.column >= 1,
                             "a diagnostic outside the file: \(diagnostic)")
            }
        }
        for format in DiagnosticRenderer.Format.allCases {
            _ = DiagnosticRenderer.render(diagnostics, format: format, sources: ["fuzz.yaml": text])
        }
    }
}

@main
enum FuzzAgentYAML {
    static func main() throws {
        try FuzzDriver.main(fuzzing: { data, size in fuzzAgentYAML(data, size) }, replaying: AgentYAMLInput.check)
    }
}

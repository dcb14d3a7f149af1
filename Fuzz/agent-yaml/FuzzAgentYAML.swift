import AgentSchema
import ConfigModel
import Simulator
import Validation
#if canImport(Glibc)
import Glibc
#endif

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

#if FUZZING
/// libFuzzer's driver, called from this program's own entry point (SwiftPM names `main` for every executable).
@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzer(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt
#endif

/// With libFuzzer (scripts/fuzz) it fuzzes; built plainly (`swift build`) it replays files, such as a finding or the
/// corpus, through the same check.
@main
enum FuzzAgentYAML {
    static func main() throws {
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzer(&argc, &argv) { data, size in fuzzAgentYAML(data, size) })
        #else
        for path in CommandLine.arguments.dropFirst() { AgentYAMLInput.check(try AgentDocument.readBytes(path: path)) }
        print("checked \(CommandLine.arguments.count - 1) inputs")
        #endif
    }
}

import AgentSchema
import ConfigModel
import FuzzDriver
import Validation

/// libFuzzer entry: bytes -> JSON (an API answer) -> its shape check -> the YAML file pull writes -> read and
/// validated again. Traps when the reader fails without an offset inside the input, when JSON written back does not
/// read back the same, or when the YAML written for an answer cannot be read back as that answer (scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAgentJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    AgentJSONInput.check(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

enum AgentJSONInput {
    static func check(_ bytes: [UInt8]) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            precondition((0...bytes.count).contains(error.offset), "a failure outside the input: \(error)")
            return
        }
        let written = JSONText.encode(value)
        precondition((try? JSONParser.parse(written)) == value, "JSON written back reads differently: \(written)")
        guard case .object(let answer) = value else { return }
        _ = FieldTable.agent.answerShapeProblems(in: answer)
        let yaml = YAMLWriter.document(answer)
        switch AgentDocument.read(bytes: Array(yaml.utf8), file: "pulled.yaml") {
        case .success(let document):
            _ = Validator().validate(document)
            _ = FieldTable.agent.requestBody(document)
        case .failure(let problems):
            preconditionFailure("the YAML written for an answer does not read back: \(problems)\n\(yaml)")
        }
    }
}

@main
enum FuzzAgentJSON {
    static func main() throws {
        try FuzzDriver.main(fuzzing: { data, size in fuzzAgentJSON(data, size) }, replaying: AgentJSONInput.check)
    }
}

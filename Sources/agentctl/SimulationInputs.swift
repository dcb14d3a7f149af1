import AgentSchema
import ArgumentParser
import ConfigModel
import Foundation
import Simulator
import Validation

/// Reads what `simulate` needs, turning every problem into a located message and the documented exit code.
enum SimulationInputs {
    /// The agent's typed settings, `${NAME}` values resolved; a file with validation errors is refused, as push refuses it.
    static func agent(_ path: String, variables: Variables) throws -> AgentDefinition {
        let report = ValidationReport(paths: [path], strict: false, validator: Validator(variables: variables))
        guard let result = report.files.first, let document = result.document, !report.hasErrors else {
            throw CommandFailure(report.files.first?.text == nil ? .usage : .findings,
                                 details: variables.redact(report.rendered(.text, style: Terminal.stderrStyle)))
        }
        return document.definition
    }

    static func assumptions(_ assignments: [String], file: String?) throws -> Assumptions {
        var assumptions = Assumptions()
        if let file {
            let text = try read(file)
            do { try AssumptionReader.apply(fileContents: text, path: file, to: &assumptions) } catch {
                throw CommandFailure.located(error.problems, sources: [file: text], status: .findings)
            }
        }
        for assignment in assignments {
            do { try AssumptionReader.apply(assignment, to: &assumptions) } catch {
                throw ValidationError("--assume \(assignment): \(error)")
            }
        }
        return assumptions
    }

    /// The script's text from the file, or from standard input when it is not a terminal; nil means interactive.
    static func scriptText(_ path: String?) throws -> String? {
        if let path, path != "-" { return try read(path) }
        if path == nil && isatty(STDIN_FILENO) == 1 { return nil }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }

    static func parse(_ text: String, file: String) throws -> Script {
        do {
            return try ScriptReader.read(text, file: file)
        } catch {
            throw CommandFailure.located(error.problems, sources: [file: text], status: .findings)
        }
    }

    private static func read(_ path: String) throws -> String {
        do {
            return String(decoding: try AgentDocument.readBytes(path: path), as: UTF8.self)
        } catch {
            throw CommandFailure.usage("\(error.message): \(path)")
        }
    }
}

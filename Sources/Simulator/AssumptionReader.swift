import ConfigModel

/// Reads `name=value` assumption overrides from flags and from files.
public enum AssumptionReader {
    /// Applies one `name=value` string, such as the value of `--assume`.
    public static func apply(_ assignment: String, to assumptions: inout Assumptions) throws(SimulatorError) {
        switch parse(Substring(assignment)) {
        case .success(let (name, value)): assumptions.set(name, to: value)
        case .failure(let problem): throw SimulatorError("assumption '\(assignment)': \(problem.message)")
        }
    }

    /// Applies every `name=value` line of a file; `#` starts a comment line. Reports all bad lines at once.
    public static func apply(fileContents: String, path: String, to assumptions: inout Assumptions) throws(Diagnostics) {
        var problems: [Diagnostic] = []
        var updated = assumptions
        for (number, text) in fileContents.fileLines.enumerated() {
            let content = text.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let indent = text.count - content.count
            switch parse(content) {
            case .success(let (name, value)): updated.set(name, to: value)
            case .failure(let problem):
                problems.append(.error(.assumptions, problem.message,
                                       at: SourceMark(file: path, line: number + 1, column: indent + problem.offset + 1)))
            }
        }
        guard problems.isEmpty else { throw Diagnostics(problems) }
        assumptions = updated
    }

    struct Problem: Error {
        /// Characters from the start of the assignment to the offending text.
        let offset: Int
        let message: String
    }

    static func parse(_ text: Substring) -> Result<(AssumptionName, Microseconds), Problem> {
        let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        guard let equals = trimmed.firstIndex(of: "=") else {
            return .failure(Problem(offset: 0, message: "expected name=value"))
        }
        let rawName = String(trimmed[..<equals]).trimmingCharacters
        guard let name = AssumptionName(rawValue: rawName) else {
            let known = AssumptionName.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(Problem(offset: 0, message: "unknown assumption '\(rawName)'; known assumptions: \(known)"))
        }
        let valueStart = trimmed.index(after: equals)
        let rawValue = String(trimmed[valueStart...]).trimmingCharacters
        let offset = trimmed.distance(from: trimmed.startIndex, to: valueStart)
            + trimmed[valueStart...].prefix { $0 == " " || $0 == "\t" }.count
        let unit = Assumption.catalog.first { $0.name == name }!.unit
        guard let value = Seconds.parse(Substring(rawValue)) else {
            return .failure(Problem(offset: offset, message: "assumption '\(name.rawValue)' needs \(unit.example), found '\(rawValue)'"))
        }
        if unit == .onOff && value != 0 && value != 1_000_000 {
            return .failure(Problem(offset: offset, message: "assumption '\(name.rawValue)' must be 1 (on) or 0 (off), found '\(rawValue)'"))
        }
        if unit != .seconds && unit != .onOff && value == 0 {
            return .failure(Problem(offset: offset, message: "assumption '\(name.rawValue)' must be more than 0"))
        }
        return .success((name, value))
    }
}

extension Assumption.Unit {
    var example: String {
        switch self {
        case .seconds: "a number of seconds such as 0.5"
        case .wordsPerSecond: "a number of words per second such as 2.5"
        case .words: "a number of words such as 2"
        case .onOff: "1 (on) or 0 (off)"
        }
    }
}


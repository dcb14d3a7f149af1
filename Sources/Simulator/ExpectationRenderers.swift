import ConfigModel

/// One script's expectations checked, or the error that kept it from running.
public struct ScriptCheck: Equatable, Sendable {
    public let file: String
    public let results: [ExpectationResult]
    /// Why the script or its agent could not be simulated.
    public let error: Diagnostic?

    public init(file: String, results: [ExpectationResult], error: Diagnostic? = nil) {
        self.file = file
        self.results = results
        self.error = error
    }

    public var passed: Bool { error == nil && results.allSatisfy(\.passed) }
}

/// Expectation results for people (text) and for CI (`github` annotations, `junit` XML).
public enum ExpectationRenderer {
    /// `script.sim:12: expected gap <= 1.5 s, found 2.31 s`, one line per failed expectation.
    public static func failures(_ check: ScriptCheck) -> String {
        check.results.filter { !$0.passed }.map { "\(check.file):\($0.expectation.line): \(message($0))\n" }.joined()
    }

    public static func message(_ result: ExpectationResult) -> String {
        "expected \(result.expectation.description)\(result.inEveryRun ? " in every run" : ""), found \(result.found)"
    }

    /// The `expectations` section after a timeline or report.
    public static func section(_ results: [ExpectationResult]) -> String {
        guard !results.isEmpty else { return "" }
        var output = "\nexpectations\n"
        for result in results {
            output += "  " + (result.passed ? "ok    " : "FAIL  ") + "line \(result.expectation.line): \(result.expectation.description)"
            output += " (found \(result.found))\n"
        }
        let failed = results.filter { !$0.passed }.count
        return output + "  \(results.count - failed) passed, \(failed) failed\n"
    }

    /// `[{"line":..,"expect":..,"passed":..,"found":..}]` for the JSON documents.
    static func json(_ results: [ExpectationResult]) -> JSONValue {
        .array(results.map { result in
            .object([("line", .int(result.expectation.line)), ("expect", .string(result.expectation.description)),
                     ("passed", .bool(result.passed)), ("found", .string(result.found))])
        })
    }

    /// A suite as text: one line per passing script, located lines for failures and errors, then a total.
    public static func text(_ checks: [ScriptCheck]) -> String {
        var output = ""
        for check in checks {
            if let error = check.error {
                output += "error \(check.file)\n  \(error)\n"
            } else if check.passed {
                output += "ok    \(check.file) (\(check.results.count) expectation\(check.results.count == 1 ? "" : "s"))\n"
            } else {
                output += "FAIL  \(check.file)\n" + failures(check).split(separator: "\n").map { "  \($0)\n" }.joined()
            }
        }
        let failed = checks.filter { !$0.passed }.count
        return output + "\(checks.count) script\(checks.count == 1 ? "" : "s"), \(checks.count - failed) passed, \(failed) failed\n"
    }

    /// GitHub Actions workflow commands: an `::error` annotation at each failed expectation's line.
    public static func github(_ checks: [ScriptCheck]) -> String {
        var output = ""
        for check in checks {
            if let error = check.error { output += DiagnosticRenderer.github([error]) }
            for result in check.results where !result.passed {
                let mark = SourceMark(file: check.file, line: result.expectation.line, column: result.expectation.column)
                output += DiagnosticRenderer.annotation("error", at: mark, title: "expect " + result.expectation.description, message(result))
            }
        }
        return output
    }

    /// JUnit XML: one test suite per script, one test case per expectation.
    public static func junit(_ checks: [ScriptCheck]) -> String {
        let failures = checks.reduce(0) { $0 + $1.results.filter { !$0.passed }.count }
        let errors = checks.filter { $0.error != nil }.count
        let tests = checks.reduce(0) { $0 + max($1.results.count, $1.error == nil ? 0 : 1) }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"agentctl simulate\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
        for check in checks {
            let file = XMLText.escaped(check.file)
            let checkFailures = check.results.filter { !$0.passed }.count
            output += "  <testsuite name=\"\(file)\" tests=\"\(max(check.results.count, check.error == nil ? 0 : 1))\" failures=\"\(checkFailures)\" errors=\"\(check.error == nil ? 0 : 1)\">\n"
            if let error = check.error {
                output += "    <testcase classname=\"\(file)\" name=\"simulate\">\n      <error message=\"\(XMLText.escaped(error.description))\"/>\n    </testcase>\n"
            }
            for result in check.results {
                let name = XMLText.escaped("line \(result.expectation.line): expect \(result.expectation.description)")
                if result.passed {
                    output += "    <testcase classname=\"\(file)\" name=\"\(name)\"/>\n"
                } else {
                    output += "    <testcase classname=\"\(file)\" name=\"\(name)\">\n"
                    output += "      <failure message=\"\(XMLText.escaped(message(result)))\">\(XMLText.escaped("\(check.file):\(result.expectation.line): \(message(result))"))</failure>\n"
                    output += "    </testcase>\n"
                }
            }
            output += "  </testsuite>\n"
        }
        return output + "</testsuites>\n"
    }
}

/// One script's expectations checked, or the error that kept it from running.
public struct ScriptCheck: Equatable, Sendable {
    public let file: String
    public let results: [ExpectationResult]
    /// A located error (`file:line:col: error: ...`) when the script or its agent could not be simulated.
    public let error: String?

    public init(file: String, results: [ExpectationResult], error: String? = nil) {
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
            if let error = check.error {
                output += "::error file=\(escape(check.file, property: true))::\(escape(error, property: false))\n"
            }
            for result in check.results where !result.passed {
                output += "::error file=\(escape(check.file, property: true)),line=\(result.expectation.line),col=\(result.expectation.column),"
                output += "title=\(escape("expect " + result.expectation.description, property: true))::\(escape(message(result), property: false))\n"
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
                output += "    <testcase classname=\"\(file)\" name=\"simulate\">\n      <error message=\"\(XMLText.escaped(error))\"/>\n    </testcase>\n"
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

    /// Workflow-command escaping: `%`, CR and LF always, `:` and `,` inside properties.
    static func escape(_ text: String, property: Bool) -> String {
        var output = text.replacingAll("%", with: "%25").replacingAll("\r\n", with: "%0D%0A").replacingAll("\r", with: "%0D")
            .replacingAll("\n", with: "%0A")
        if property { output = output.replacingAll(":", with: "%3A").replacingAll(",", with: "%2C") }
        return output
    }
}

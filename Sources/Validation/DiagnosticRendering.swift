import ConfigModel

/// Renders a validation report for people (text), programs (JSON) and GitHub Actions (workflow annotations).
public enum DiagnosticRendering {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, github
    }

    public static func render(_ report: ValidationReport, format: Format, colour: Bool) -> String {
        switch format {
        case .text: return text(report, colour: colour)
        case .json: return json(report)
        case .github: return github(report)
        }
    }

    /// `file:line:col: error: [rule] message`, the source line, a caret under the column; then the summary.
    public static func text(_ report: ValidationReport, colour: Bool) -> String {
        let style = TextStyle(enabled: colour)
        var out = ""
        for result in report.files {
            for diagnostic in result.diagnostics {
                let severity = diagnostic.severity == .error ? style.red("error:") : style.yellow("warning:")
                out += style.bold("\(diagnostic.mark):") + " \(severity) [\(diagnostic.rule.rawValue)] \(diagnostic.message)\n"
                if let line = result.text?.line(diagnostic.mark.line) {
                    let shown = line.replacingTabs()
                    out += "    \(shown)\n"
                    out += "    " + caretPadding(line, column: diagnostic.mark.column) + style.green("^") + "\n"
                }
            }
        }
        return out + report.summary + "\n"
    }

    public static func json(_ report: ValidationReport) -> String {
        let items = report.diagnostics.map { diagnostic -> JSONValue in
            var object = JSONObject([
                ("file", .string(diagnostic.mark.file)),
                ("line", .number(JSONNumber(diagnostic.mark.line))),
                ("column", .number(JSONNumber(diagnostic.mark.column))),
                ("severity", .string(diagnostic.severity.rawValue)),
                ("rule", .string(diagnostic.rule.rawValue)),
                ("message", .string(diagnostic.message)),
            ])
            object["path"] = diagnostic.path.map(JSONValue.string)
            return .object(object)
        }
        return JSONText.encode(.array(items), pretty: true) + "\n"
    }

    /// GitHub Actions workflow commands, so problems show on the pull request's changed lines.
    public static func github(_ report: ValidationReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            let mark = diagnostic.mark
            out += "::\(diagnostic.severity.rawValue) file=\(escapeProperty(mark.file)),line=\(mark.line),col=\(mark.column),"
                + "title=\(escapeProperty("agentctl [\(diagnostic.rule.rawValue)]"))::\(escapeData(diagnostic.message))\n"
        }
        return out + report.summary + "\n"
    }

    /// Spaces up to the column (1-based, in characters), keeping tabs so the caret lines up under them.
    private static func caretPadding(_ line: String, column: Int) -> String {
        String(line.prefix(max(0, column - 1)).map { $0 == "\t" ? "    " : " " }.joined())
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

/// ANSI styling that is a no-op when colour is off.
public struct TextStyle: Sendable {
    public let enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }
    private func wrap(_ code: String, _ text: String) -> String { enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    public func bold(_ text: String) -> String { wrap("1", text) }
    public func red(_ text: String) -> String { wrap("1;31", text) }
    public func yellow(_ text: String) -> String { wrap("1;33", text) }
    public func green(_ text: String) -> String { wrap("32", text) }
}

extension String {
    func replacingAll(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }

    func replacingTabs() -> String { replacingAll("\t", "    ") }
}

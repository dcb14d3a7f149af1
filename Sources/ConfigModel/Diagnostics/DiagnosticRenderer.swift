/// Renders diagnostics for people (text with the source line and a caret), programs (JSON) and GitHub Actions
/// (workflow annotations). Every command that reports a problem at a place in a file renders it here.
public enum DiagnosticRenderer {
    public enum Format: String, Sendable, CaseIterable {
        case text, json, github
    }

    /// `sources` maps a file name to its text, for showing the line under each diagnostic and note.
    public static func render(_ diagnostics: [Diagnostic], format: Format, sources: [String: String] = [:],
                              style: TextStyle = .plain) -> String {
        switch format {
        case .text: return text(diagnostics, sources: sources, style: style)
        case .json: return json(diagnostics)
        case .github: return github(diagnostics)
        }
    }

    /// `file:line:col: error: [rule] message`, the source line, a caret under the column; each note the same way.
    public static func text(_ diagnostics: [Diagnostic], sources: [String: String] = [:], style: TextStyle = .plain)
        -> String {
        var out = ""
        // Each file is split into lines once, however many diagnostics it has.
        var split: [String: SourceText] = [:]
        func appendExcerpt(at mark: SourceMark) {
            if split[mark.file] == nil, let text = sources[mark.file] { split[mark.file] = SourceText(text) }
            guard let whole = split[mark.file]?.line(mark.line) else { return }
            let (line, column) = TerminalWidth.window(whole, column: mark.column)
            out += "    "
            TerminalWidth.appendDisplay(line, to: &out)
            out += "\n    "
            out += TerminalWidth.padding(line, column: column)
            out += style.green("^")
            out += "\n"
        }
        for diagnostic in diagnostics {
            out += style.bold(shown(diagnostic.mark) + ":")
            out += diagnostic.severity == .error ? " " + style.red("error:") : " " + style.yellow("warning:")
            out += " ["
            out += diagnostic.rule.rawValue
            out += "] "
            out += VisibleText.escape(diagnostic.message)
            out += "\n"
            appendExcerpt(at: diagnostic.mark)
            for note in diagnostic.notes {
                out += style.bold(shown(note.mark) + ":")
                out += " note: "
                out += VisibleText.escape(note.message)
                out += "\n"
                appendExcerpt(at: note.mark)
            }
        }
        return out
    }

    /// A JSON array of `{file, line, column, severity, rule, message, path?, notes?}`.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.map { diagnostic -> JSONValue in
            var object = position(diagnostic.mark)
            object["severity"] = .string(diagnostic.severity.rawValue)
            object["rule"] = .string(diagnostic.rule.rawValue)
            object["message"] = .string(diagnostic.message)
            object["path"] = diagnostic.path.map(JSONValue.string)
            if !diagnostic.notes.isEmpty {
                object["notes"] = .array(diagnostic.notes.map { note in
                    var entry = position(note.mark)
                    entry["message"] = .string(note.message)
                    return .object(entry)
                })
            }
            return .object(object)
        }
        return JSONText.encode(.array(items), pretty: true) + "\n"
    }

    /// GitHub Actions workflow commands, so problems show on the pull request's changed lines; notes as notices.
    public static func github(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            let title = "agentctl [\(diagnostic.rule)]"
            out += annotation(diagnostic.severity.rawValue, at: diagnostic.mark, title: title, diagnostic.message)
            for note in diagnostic.notes { out += annotation("notice", at: note.mark, title: title, note.message) }
        }
        return out
    }

    /// One workflow command, `::KIND file=...,line=...,col=...,title=...::message`, escaped as GitHub reads it; for
    /// reports that are not diagnostics (the simulator's failed expectations) but annotate a line all the same.
    public static func annotation(_ kind: String, at mark: SourceMark, title: String, _ message: String) -> String {
        "::\(kind) file=\(escapeProperty(mark.file)),line=\(mark.line),col=\(mark.column),"
            + "title=\(escapeProperty(title))::\(escapeData(message))\n"
    }

    private static func position(_ mark: SourceMark) -> JSONObject {
        JSONObject([
            ("file", .string(mark.file)),
            ("line", .number(JSONNumber(mark.line))),
            ("column", .number(JSONNumber(mark.column))),
        ])
    }

    /// A place in a file, its name shown with control characters escaped: a file name cannot start a line.
    private static func shown(_ mark: SourceMark) -> String {
        "\(VisibleText.escape(mark.file)):\(mark.line):\(mark.column)"
    }

    /// A message as GitHub reads a workflow command's data: `%`, CR and LF percent-encoded.
    private static func escapeData(_ text: String) -> String { percentEncoded(text, Array("%\r\n".utf8)) }

    /// A property (file, title): `:` and `,` as well, since they separate properties.
    private static func escapeProperty(_ text: String) -> String { percentEncoded(text, Array("%\r\n:,".utf8)) }

    /// Replaces code points, not characters: "\r\n" is one Character but two code points to escape.
    private static func percentEncoded(_ text: String, _ special: [UInt8]) -> String {
        guard text.utf8.contains(where: special.contains) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII, special.contains(UInt8(scalar.value)) {
                out += "%" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

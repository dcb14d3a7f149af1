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
        for diagnostic in diagnostics {
            let severity = diagnostic.severity == .error ? style.red("error:") : style.yellow("warning:")
            out += style.bold(shown(diagnostic.mark) + ":") + " \(severity) [\(diagnostic.rule)] \(VisibleText.escape(diagnostic.message))\n"
            out += excerpt(at: diagnostic.mark, sources: sources, style: style)
            for note in diagnostic.notes {
                out += style.bold(shown(note.mark) + ":") + " note: \(VisibleText.escape(note.message))\n"
                out += excerpt(at: note.mark, sources: sources, style: style)
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

    /// The source line as it may be printed (tabs as four spaces, other control characters escaped) and a caret
    /// under the column, counted in what is printed.
    private static func excerpt(at mark: SourceMark, sources: [String: String], style: TextStyle) -> String {
        guard let line = sources[mark.file]?.line(mark.line) else { return "" }
        let printable = { (text: Substring) in VisibleText.escape(String(text).replacingAll("\t", "    ")) }
        let padding = String(repeating: " ", count: printable(line.prefix(max(0, mark.column - 1))).count)
        return "    \(printable(line[...]))\n" + "    " + padding + style.green("^") + "\n"
    }

    private static func escapeData(_ text: String) -> String {
        // "\r\n" is one Character in Swift, so it needs its own replacement.
        text.replacingAll("%", "%25").replacingAll("\r\n", "%0D%0A").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, _ replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}

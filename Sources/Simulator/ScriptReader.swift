import ConfigModel

/// Reads the script text format: `user: ...`, `user +0.5: ...`, `user @42: ...`, `agent 4.5: ...`, `silence 20`.
public enum ScriptReader {
    /// Parses a whole script; every bad line is reported, each at its line and column.
    public static func read(_ text: String, file: String) throws(Diagnostics) -> Script {
        var lines: [ScriptLine] = []
        var problems: [Diagnostic] = []
        var expectations: [Expectation] = []
        var waitingForUserLine: [Expectation] = []
        for (index, rawLine) in text.fileLines.enumerated() {
            let characters = withoutComment(rawLine)
            if let parsed = parseExpectation(characters, number: index + 1) {
                switch parsed {
                case .success(let expectation) where expectation.isAboutATurn: waitingForUserLine.append(expectation)
                case .success(let expectation): expectations.append(expectation)
                case .failure(let problem):
                    problems.append(Diagnostic.script(file: file, line: index + 1, column: problem.column, problem.message))
                }
                continue
            }
            switch parseLine(characters, number: index + 1) {
            case .none: continue
            case .some(.success(let line)):
                if case .user = line.kind {
                    expectations += waitingForUserLine.map { $0.about(userLine: lines.count) }
                    waitingForUserLine.removeAll()
                }
                lines.append(line)
            case .some(.failure(let problem)):
                problems.append(Diagnostic.script(file: file, line: index + 1, column: problem.column, problem.message))
            }
        }
        for expectation in waitingForUserLine {
            problems.append(Diagnostic.script(file: file, line: expectation.line, column: expectation.column,
                                              "expect \(expectation.description) is about the caller turn below it, but no user line follows"))
        }
        guard problems.isEmpty else { throw Diagnostics(problems.sorted { $0.mark < $1.mark }) }
        return Script(file: file, lines: lines, expectations: expectations.sorted { $0.line < $1.line })
    }

    /// An `expect` line's expectation, or nil for any other line.
    static func parseExpectation(_ characters: Substring, number: Int) -> Result<Expectation, Problem>? {
        var cursor = LineCursor(characters)
        cursor.skipSpaces()
        let keywordColumn = cursor.column
        guard cursor.word() == "expect", cursor.peek == nil || cursor.peek == " " || cursor.peek == "\t" else { return nil }
        return ExpectationReader.parse(&cursor, number: number, keywordColumn: keywordColumn)
    }

    /// Parses one line typed in the interactive mode; nil for a blank or comment line.
    public static func readLine(_ text: String, number: Int, file: String) throws(Diagnostic) -> ScriptLine? {
        switch parseLine(withoutComment(Substring(text)), number: number) {
        case .none: return nil
        case .some(.success(let line)): return line
        case .some(.failure(let problem)):
            throw Diagnostic.script(file: file, line: number, column: problem.column, problem.message)
        }
    }

    struct Problem: Error {
        let column: Int
        let message: String
    }

    /// A comment is a `#` at the start of a word followed by a space or the line end, so `#123` stays text.
    static func withoutComment(_ characters: Substring) -> Substring {
        guard !characters.hasOneByteCharacters else { return withoutComment(ascii: characters) }
        var previousIsWhitespace = true
        var index = characters.startIndex
        while index < characters.endIndex {
            let character = characters[index]
            let next = characters.index(after: index)
            if character == "#", previousIsWhitespace, next == characters.endIndex || characters[next].isScriptSpace {
                return characters[..<index]
            }
            previousIsWhitespace = character.isScriptSpace
            index = next
        }
        return characters
    }

    /// `withoutComment` on the bytes of a line whose every character is one byte.
    private static func withoutComment(ascii characters: Substring) -> Substring {
        let bytes = characters.utf8
        var previousIsWhitespace = true
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            if byte == UInt8(ascii: "#"), previousIsWhitespace, next == bytes.endIndex || bytes[next].isScriptSpace {
                return characters[..<index]
            }
            previousIsWhitespace = byte.isScriptSpace
            index = next
        }
        return characters
    }

    static func parseLine(_ characters: Substring, number: Int) -> Result<ScriptLine, Problem>? {
        var cursor = LineCursor(characters)
        cursor.skipSpaces()
        if cursor.atEnd { return nil }
        let keywordColumn = cursor.column
        let keyword = cursor.word()
        switch keyword {
        case "user": return parseUser(&cursor, number: number, keywordColumn: keywordColumn)
        case "agent": return parseAgent(&cursor, number: number, keywordColumn: keywordColumn)
        case "silence": return parseSilence(&cursor, number: number, keywordColumn: keywordColumn)
        default:
            let found = keyword.isEmpty ? String(cursor.peek ?? " ") : keyword
            return .failure(Problem(column: keywordColumn,
                                    message: "expected 'user', 'agent', 'silence' or 'expect' at the start of the line, found '\(found)'"))
        }
    }

    static func parseUser(_ cursor: inout LineCursor, number: Int, keywordColumn: Int) -> Result<ScriptLine, Problem> {
        cursor.skipSpaces()
        var timing = ScriptLine.UserTiming.whenFloorIsFree
        var column = keywordColumn
        if let sign = cursor.peek, sign == "+" || sign == "@" {
            column = cursor.column
            cursor.advance()
            let numberColumn = cursor.column
            let text = cursor.number()
            guard let seconds = Seconds.parse(Substring(text)) else {
                return .failure(Problem(column: numberColumn, message: "expected seconds after '\(sign)' such as 0.5, found '\(text.isEmpty ? String(cursor.peek ?? " ") : text)'"))
            }
            timing = sign == "+" ? .after(seconds) : .at(seconds)
            cursor.skipSpaces()
        }
        let spelling = cursor.skip(word: "spelling")
        return utterance(&cursor, after: spelling ? "spelling" : "user").map {
            ScriptLine(kind: .user(text: $0, timing: timing), line: number, column: column, spelling: spelling)
        }
    }

    static func parseAgent(_ cursor: inout LineCursor, number: Int, keywordColumn: Int) -> Result<ScriptLine, Problem> {
        cursor.skipSpaces()
        var latency: Microseconds?
        if let next = cursor.peek, next != ":" {
            let numberColumn = cursor.column
            let text = cursor.number()
            guard let seconds = Seconds.parse(Substring(text)) else {
                return .failure(Problem(column: numberColumn, message: "expected the reply latency in seconds such as 1.5, or ':', found '\(text.isEmpty ? String(next) : text)'"))
            }
            latency = seconds
            cursor.skipSpaces()
        }
        return utterance(&cursor, after: "agent").map {
            ScriptLine(kind: .agent(text: $0, latency: latency), line: number, column: keywordColumn)
        }
    }

    static func parseSilence(_ cursor: inout LineCursor, number: Int, keywordColumn: Int) -> Result<ScriptLine, Problem> {
        cursor.skipSpaces()
        let numberColumn = cursor.column
        let text = cursor.number()
        guard let seconds = Seconds.parse(Substring(text)) else {
            let found = text.isEmpty ? (cursor.peek.map { String($0) } ?? "the line end") : "'\(text)'"
            return .failure(Problem(column: numberColumn, message: "expected the silence in seconds such as 20, found \(found)"))
        }
        guard seconds > 0 else {
            return .failure(Problem(column: numberColumn, message: "a silence must last more than 0 seconds"))
        }
        cursor.skipSpaces()
        guard cursor.atEnd else {
            return .failure(Problem(column: cursor.column, message: "unexpected text after the silence duration"))
        }
        return .success(ScriptLine(kind: .silence(duration: seconds), line: number, column: keywordColumn))
    }

    static func utterance(_ cursor: inout LineCursor, after keyword: String) -> Result<String, Problem> {
        guard cursor.peek == ":" else {
            let found = cursor.peek.map { "'\($0)'" } ?? "the line end"
            return .failure(Problem(column: cursor.column, message: "expected ':' after '\(keyword)', found \(found)"))
        }
        cursor.advance()
        let text = cursor.restTrimmed()
        guard !text.isEmpty else {
            return .failure(Problem(column: cursor.column, message: "expected what the \(keyword) says after ':'"))
        }
        return .success(text)
    }
}

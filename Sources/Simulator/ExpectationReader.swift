/// Reads `expect` lines: `expect [pN] gap|answer OP SECONDS`, `expect [pN] fillers|re_engagements [OP] N`,
/// `expect [no] interruption`, `expect call_end REASON [before SECONDS]`.
enum ExpectationReader {
    static let grammar = "gap|answer <= SECONDS, fillers|re_engagements [<=] N, [no] interruption, call_end REASON [before SECONDS]"

    /// Parses the words after `expect`; the user line a turn expectation is about is filled in later.
    static func parse(_ cursor: inout LineCursor, number: Int, keywordColumn: Int) -> Result<Expectation, ScriptReader.Problem> {
        func fail(_ message: String) -> Result<Expectation, ScriptReader.Problem> {
            .failure(ScriptReader.Problem(column: cursor.column, message: message))
        }
        cursor.skipSpaces()
        var percentile: Int?
        if cursor.peek == "p" {
            let start = cursor
            cursor.advance()
            let digits = cursor.number()
            if let value = Int(digits), (1...100).contains(value) {
                percentile = value
                cursor.skipSpaces()
            } else {
                cursor = start
            }
        }
        let subjectColumn = cursor.column
        var word = cursor.token()
        let negated = word == "no"
        if negated {
            cursor.skipSpaces()
            word = cursor.token()
        }
        let subject: Expectation.Subject
        switch word {
        case "gap": subject = .gap
        case "answer": subject = .answer
        case "fillers": subject = .fillers
        case "re_engagements": subject = .reEngagements
        case "interruption":
            guard percentile == nil else { return fail("a percentile needs a number: gap, answer, fillers or re_engagements") }
            return finish(&cursor, Expectation(subject: .interruption(expected: !negated), comparison: .equal, limit: 0,
                                               percentile: nil, userLine: nil, line: number, column: keywordColumn))
        case "call_end":
            guard percentile == nil else { return fail("a percentile needs a number: gap, answer, fillers or re_engagements") }
            return callEnd(&cursor, number: number, column: keywordColumn)
        default:
            return .failure(ScriptReader.Problem(column: subjectColumn, message: "expected \(grammar) after 'expect', found '\(word.isEmpty ? String(cursor.peek ?? " ") : word)'"))
        }
        guard !negated else { return .failure(ScriptReader.Problem(column: subjectColumn, message: "'no' goes with 'interruption' only")) }
        cursor.skipSpaces()
        let isCount = subject == .fillers || subject == .reEngagements
        var comparison = Expectation.Comparison.equal
        let operatorText = cursor.operatorToken()
        if let parsed = Expectation.Comparison(rawValue: operatorText == "==" ? "=" : operatorText) {
            comparison = parsed
        } else if !operatorText.isEmpty || !isCount {
            return fail("expected <=, <, >=, > or = after '\(word)', found '\(operatorText.isEmpty ? String(cursor.peek ?? " ") : operatorText)'")
        }
        cursor.skipSpaces()
        let valueColumn = cursor.column
        let valueText = cursor.number()
        let limit: Microseconds
        if isCount, let count = Int(valueText), count >= 0 {
            limit = Microseconds(count)
        } else if !isCount, let seconds = Seconds.parse(Substring(valueText)) {
            limit = seconds
        } else {
            let wanted = isCount ? "a whole number after '\(word)'" : "seconds such as 1.5"
            return .failure(ScriptReader.Problem(column: valueColumn, message: "expected \(wanted), found '\(valueText)'"))
        }
        return finish(&cursor, Expectation(subject: subject, comparison: comparison, limit: limit, percentile: percentile,
                                           userLine: nil, line: number, column: keywordColumn))
    }

    private static func callEnd(_ cursor: inout LineCursor, number: Int, column: Int) -> Result<Expectation, ScriptReader.Problem> {
        cursor.skipSpaces()
        let reasonColumn = cursor.column
        let reasonText = cursor.token()
        guard let reason = CallEndReason(rawValue: reasonText) else {
            let known = CallEndReason.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(ScriptReader.Problem(column: reasonColumn, message: "expected how the call ends (\(known)), found '\(reasonText)'"))
        }
        cursor.skipSpaces()
        var before: Microseconds?
        if cursor.skip(word: "before") {
            let valueText = cursor.number()
            guard let seconds = Seconds.parse(Substring(valueText)) else {
                return .failure(ScriptReader.Problem(column: cursor.column, message: "expected seconds after 'before', found '\(valueText)'"))
            }
            before = seconds
        }
        return finish(&cursor, Expectation(subject: .callEnd(reason, before: before), comparison: .equal, limit: 0,
                                           percentile: nil, userLine: nil, line: number, column: column))
    }

    private static func finish(_ cursor: inout LineCursor, _ expectation: Expectation) -> Result<Expectation, ScriptReader.Problem> {
        cursor.skipSpaces()
        guard cursor.atEnd else {
            return .failure(ScriptReader.Problem(column: cursor.column, message: "unexpected text after the expectation"))
        }
        return .success(expectation)
    }
}

extension Expectation {
    /// The same expectation, about the caller turn of `userLine`.
    func about(userLine: Int) -> Expectation {
        Expectation(subject: subject, comparison: comparison, limit: limit, percentile: percentile, userLine: userLine,
                    line: line, column: column)
    }
}

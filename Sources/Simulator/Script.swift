/// A scripted call: what the user says and when, and what the LLM replies and how fast.
public struct Script: Equatable, Sendable {
    /// The file name used in diagnostics (`<stdin>` for standard input).
    public let file: String
    public var lines: [ScriptLine]
    /// The script's `expect` lines, in line order.
    public var expectations: [Expectation]

    public init(file: String, lines: [ScriptLine], expectations: [Expectation] = []) {
        self.file = file
        self.lines = lines
        self.expectations = expectations
    }
}

/// One event line of a script.
public struct ScriptLine: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The user says `text`.
        case user(text: String, timing: UserTiming)
        /// The LLM's next reply; nil latency means the `llm_latency` assumption.
        case agent(text: String, latency: Microseconds?)
        /// The user says nothing for a while.
        case silence(duration: Microseconds)
    }

    /// When a `user` line starts speaking.
    public enum UserTiming: Equatable, Sendable {
        /// `user:` once the floor is free, after the reaction gap.
        case whenFloorIsFree
        /// `user +N:` N seconds after the previous line's event began.
        case after(Microseconds)
        /// `user @N:` at N seconds into the call.
        case at(Microseconds)
    }

    public let kind: Kind
    /// 1-based line number in the file.
    public let line: Int
    /// 1-based column of the part a timing error points at (the keyword, `+` or `@`).
    public let column: Int
    /// A `user spelling:` line: the caller spells a number or name, which `spelling_patience` waits out.
    public let spelling: Bool

    public init(kind: Kind, line: Int, column: Int, spelling: Bool = false) {
        self.kind = kind
        self.line = line
        self.column = column
        self.spelling = spelling
    }

    var isAgentLine: Bool {
        if case .agent = kind { return true }
        return false
    }

    var text: String {
        switch kind {
        case .user(let text, _), .agent(let text, _): text
        case .silence: ""
        }
    }
}

import ConfigModel

extension Diagnostic.Rule {
    /// A script line that cannot be read, or an event it describes that cannot happen in the call.
    public static let script = Diagnostic.Rule(rawValue: "script")
    /// An assumptions file line that is not a known `name=value`.
    public static let assumptions = Diagnostic.Rule(rawValue: "assumptions")
}

extension Diagnostic {
    /// A script problem at a line and column of the script file.
    static func script(file: String, line: Int, column: Int, _ message: String) -> Diagnostic {
        .error(.script, message, at: SourceMark(file: file, line: line, column: column))
    }
}

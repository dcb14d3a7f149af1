import ConfigModel

/// The outcome of validating a set of files: what was found, in file order, and the totals for the summary line.
public struct ValidationReport: Sendable {
    public struct FileResult: Sendable {
        public let file: String
        public let text: String?
        public let document: AgentDocument?
        public let diagnostics: [Diagnostic]
    }

    public let files: [FileResult]

    /// What to validate: a file on disk, or text read elsewhere (standard input) with the name to show for it.
    public enum Source: Sendable {
        case file(String)
        case text(name: String, bytes: [UInt8])
    }

    /// Validates each file (every problem in every file); with `strict`, warnings count as errors.
    public init(paths: [String], strict: Bool, validator: Validator = Validator()) {
        self.init(sources: paths.map(Source.file), strict: strict, validator: validator)
    }

    public init(sources: [Source], strict: Bool, validator: Validator = Validator()) {
        files = sources.map { Self.check($0, strict: strict, validator: validator) }
    }

    /// Validates each file as `init(paths:)` does, but hands each valid document to `visit` and keeps only what the
    /// diagnostics need (the text of a file with problems, no document): memory holds one file, not all of them.
    public init(paths: [String], strict: Bool, validator: Validator, visit: (AgentDocument) -> Void) {
        files = paths.map { path in
            let result = Self.check(.file(path), strict: strict, validator: validator)
            if let document = result.document { visit(document) }
            return FileResult(file: result.file, text: result.diagnostics.isEmpty ? nil : result.text, document: nil,
                              diagnostics: result.diagnostics)
        }
    }

    private static func check(_ source: Source, strict: Bool, validator: Validator) -> FileResult {
        let name: String
        let result: (text: String?, document: AgentDocument?, diagnostics: [Diagnostic])
        switch source {
        case .file(let path): name = path; result = validator.validate(file: path)
        case .text(let label, let bytes): name = label; result = validator.validate(bytes: bytes, file: label)
        }
        let upgraded = strict ? result.diagnostics.map { $0.with(severity: .error) } : result.diagnostics
        return FileResult(file: name, text: result.text, document: result.document, diagnostics: upgraded)
    }

    public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
    public var errorCount: Int { files.reduce(0) { $0 + $1.diagnostics.count { $0.severity == .error } } }
    public var warningCount: Int { files.reduce(0) { $0 + $1.diagnostics.count { $0.severity == .warning } } }
    public var hasErrors: Bool { errorCount > 0 }

    /// `3 errors, 1 warning in 2 of 40 files`, or `40 files checked, no problems`.
    public var summary: String {
        let total = files.count
        let filesWord = total == 1 ? "file" : "files"
        guard files.contains(where: { !$0.diagnostics.isEmpty }) else { return "\(total) \(filesWord) checked, no problems" }
        let affected = files.filter { !$0.diagnostics.isEmpty }.count
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(errorCount, "error")), \(count(warningCount, "warning")) in \(affected) of \(total) \(filesWord)"
    }
}

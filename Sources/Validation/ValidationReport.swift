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
    /// How many project folders had their names listed: one per folder however many files it holds (each file
    /// listing its own made checking N files cost N x N).
    public let namesListed: Int

    /// What to validate: a file on disk, or text read elsewhere (standard input) with the name to show for it.
    public enum Source: Sendable {
        case file(String)
        case text(name: String, bytes: [UInt8])

        /// The path, or the name shown for the text.
        var name: String {
            switch self {
            case .file(let path): path
            case .text(let name, _): name
            }
        }
    }

    /// Validates each file (every problem in every file); with `strict`, warnings count as errors.
    public init(paths: [String], strict: Bool, validator: Validator = Validator()) {
        self.init(sources: paths.map(Source.file), strict: strict, validator: validator)
    }

    /// Files are checked on every core: each is independent, and many files are the common case in CI.
    public init(sources: [Source], strict: Bool, validator: Validator = Validator()) {
        let folders = ResourceNames.projectFolders(of: sources.map(\.name))
        let names = Self.names(in: folders)
        namesListed = names.count
        files = Array(zip(sources, folders)).concurrentMap { source, folder in
            Self.check(source, strict: strict, validator: validator, names: names[folder])
        }
    }

    /// Validates each file as `init(paths:)` does, but hands each valid document to `visit` and keeps only what the
    /// diagnostics need (the text of a file with problems, no document): memory holds one file, not all of them.
    public init(paths: [String], strict: Bool, validator: Validator, visit: (AgentDocument) -> Void) {
        let folders = ResourceNames.projectFolders(of: paths)
        let names = Self.names(in: folders)
        namesListed = names.count
        files = zip(paths.map(Source.file), folders).map { source, folder in
            let result = Self.check(source, strict: strict, validator: validator, names: names[folder])
            if let document = result.document { visit(document) }
            return FileResult(file: result.file, text: result.diagnostics.isEmpty ? nil : result.text, document: nil,
                              diagnostics: result.diagnostics)
        }
    }

    /// The names in each project folder, listed once per folder.
    private static func names(in folders: [String]) -> [String: ResourceNames] {
        Dictionary(uniqueKeysWithValues: Set(folders).map { ($0, ResourceNames.inProject($0)) })
    }

    private static func check(_ source: Source, strict: Bool, validator: Validator, names beside: ResourceNames?) -> FileResult {
        let name = source.name
        let result: (text: String?, document: AgentDocument?, diagnostics: [Diagnostic])
        switch source {
        case .file(let path): result = validator.validate(file: path, names: beside)
        case .text(let label, let bytes): result = validator.validate(bytes: bytes, file: label, names: beside)
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

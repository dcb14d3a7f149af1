import CYaml

/// Reads one YAML document into a `YAMLNode` tree on libyaml's event API, keeping every node's position.
/// Everything that is not a single, well-formed mapping document is a `Diagnostic`, never a crash or a hang.
public struct YAMLReader: Sendable {
    /// Deeper nesting than this is refused: no agent needs it, and it bounds the reader's work.
    public var maxDepth = 64
    /// Nodes that aliases may add when expanded, in all: stops "billion laughs" documents.
    public var maxAliasExpansion = 10_000

    public init() {}

    public func read(_ bytes: [UInt8], file: String) throws(Diagnostic) -> YAMLNode {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let offset = UTF8Check.firstInvalidOffset(bytes) {
            let (line, column) = UTF8Check.lineAndColumn(of: offset, in: bytes)
            throw Diagnostic.error(.yaml, "the file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                               at: SourceMark(file: file, line: line, column: column))
        }
        var builder = TreeBuilder(file: file, maxDepth: maxDepth, maxAliasExpansion: maxAliasExpansion)
        try bytes.withUnsafeBufferPointer { buffer throws(Diagnostic) in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                throw Diagnostic.error(.yaml, "could not start the YAML parser (out of memory)", at: builder.mark(line: 1, column: 1))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while !builder.finished {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw syntaxError(parser, bytes: bytes, file: file)
                }
                defer { yaml_event_delete(&event) }
                try builder.consume(event)
            }
        }
        return try builder.root()
    }

    public func read(_ text: String, file: String) throws(Diagnostic) -> YAMLNode {
        try read(Array(text.utf8), file: file)
    }

    private func syntaxError(_ parser: yaml_parser_t, bytes: [UInt8], file: String) -> Diagnostic {
        let mark = parser.problem_mark
        let line = Int(mark.line) + 1
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if let tab = SourceLines(bytes).tabInIndentation(line: line) {
            return Diagnostic.error(.yaml, "a tab is used for indentation; YAML indents with spaces",
                                at: SourceMark(file: file, line: line, column: tab))
        }
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextLine = Int(parser.context_mark.line) + 1
            message = "\(context) (line \(contextLine)), \(problem)"
        }
        return Diagnostic.error(.yaml, "invalid YAML: \(message)", at: SourceMark(file: file, line: line, column: Int(mark.column) + 1))
    }
}

/// Lines of the source, for messages that look at the text around a parser error.
struct SourceLines {
    let lines: [ArraySlice<UInt8>]

    init(_ bytes: [UInt8]) {
        lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    /// The 1-based column of a tab in the leading white space of `line`, if there is one.
    func tabInIndentation(line: Int) -> Int? {
        guard line >= 1, line <= lines.count else { return nil }
        var column = 1
        for byte in lines[line - 1] {
            if byte == UInt8(ascii: "\t") { return column }
            if byte != UInt8(ascii: " ") { return nil }
            column += 1
        }
        return nil
    }
}

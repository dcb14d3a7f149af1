import CYaml

/// Reads one YAML document into a `YAMLNode` tree on libyaml's event API, keeping every node's position.
/// Everything that is not a single, well-formed mapping document is a `Diagnostic`, never a crash or a hang.
public struct YAMLReader: Sendable {
    /// Deeper nesting than this is refused: no agent needs it, and it bounds the reader's work.
    public var maxDepth = 64
    /// Nodes that aliases may add when expanded, in all: stops "billion laughs" documents.
    public var maxAliasExpansion = 10_000

    public init() {}

    /// The tree, or the first problem; `readAll` gives every problem the reader can find.
    public func read(_ bytes: [UInt8], file: String) throws(Diagnostic) -> YAMLNode {
        switch readAll(bytes, file: file) {
        case .success(let root): return root
        case .failure(let problems): throw problems.problems[0]
        }
    }

    public func read(_ text: String, file: String) throws(Diagnostic) -> YAMLNode {
        try read(Array(text.utf8), file: file)
    }

    /// The tree, or every problem found in order: reading goes on after duplicate keys and unsupported tags.
    public func readAll(_ bytes: [UInt8], file: String) -> Result<YAMLNode, Diagnostics> {
        let bytes = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        if let offset = UTF8Check.firstInvalidOffset(bytes) {
            let (line, column) = SourceText(String(decoding: bytes[..<offset], as: UTF8.self)).position(byteOffset: offset)
            return .failure(Diagnostics([Diagnostic.error(.yaml, "the file is not valid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true)))",
                                                          at: SourceMark(file: file, line: line, column: column))]))
        }
        let source = SourceText(String(decoding: bytes, as: UTF8.self))
        let breaks = UnicodeLineBreaks(hiddenIn: bytes)
        var builder = TreeBuilder(source: source, file: file, maxDepth: maxDepth, maxAliasExpansion: maxAliasExpansion)
        let outcome = (breaks?.bytes ?? bytes).withUnsafeBufferPointer { buffer -> Result<YAMLNode, Diagnostic> in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(Diagnostic.error(.yaml, "could not start the YAML parser (out of memory)", at: builder.mark(index: 0)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            do throws(Diagnostic) {
                while !builder.finished {
                    var event = yaml_event_t()
                    guard yaml_parser_parse(&parser, &event) == 1 else {
                        throw syntaxError(parser, source: source, file: file, breaksHidden: breaks != nil)
                    }
                    defer { yaml_event_delete(&event) }
                    try builder.consume(event)
                }
                return .success(try builder.root())
            } catch {
                return .failure(error)
            }
        }
        let problems = breaks.map { breaks in builder.problems.map(breaks.restored) } ?? builder.problems
        switch outcome {
        case .success(let root) where problems.isEmpty:
            return .success(breaks?.restored(root) ?? root)
        case .success:
            return .failure(Diagnostics(problems))
        case .failure(let fatal):
            return .failure(Diagnostics((problems + [fatal]).sorted { $0.mark < $1.mark }))
        }
    }

    private func syntaxError(_ parser: yaml_parser_t, source: SourceText, file: String, breaksHidden: Bool) -> Diagnostic {
        if parser.error == YAML_READER_ERROR {
            let (line, column) = source.position(byteOffset: Int(parser.problem_offset))
            let at = SourceMark(file: file, line: line, column: column)
            guard parser.problem_value >= 0, let scalar = Unicode.Scalar(UInt32(parser.problem_value)) else {
                return Diagnostic.error(.yaml, "invalid YAML: \(parser.problem.map { String(cString: $0) } ?? "unreadable input")", at: at)
            }
            return Diagnostic.error(.yaml, "the character \(UserText.name(scalar)) is not allowed in YAML; remove it, "
                + "or write it as an escape (\\u\(UserText.code(scalar).dropFirst(2))) in double quotes", at: at)
        }
        let (line, column) = source.position(scalarOffset: Int(parser.problem_mark.index))
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        if let tab = tabInIndentation(source.line(line)) {
            return Diagnostic.error(.yaml, "a tab is used for indentation; YAML indents with spaces",
                                at: SourceMark(file: file, line: line, column: tab))
        }
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(context) (line \(source.position(scalarOffset: Int(parser.context_mark.index)).line)), \(problem)"
        }
        if !breaksHidden, let (breakLine, scalar) = unicodeLineBreak(in: source), breakLine <= line {
            message += " (line \(breakLine) holds \(UserText.name(scalar)), which the YAML parser reads as a line break; "
                + "write it as an escape in double quotes)"
        }
        return Diagnostic.error(.yaml, "invalid YAML: \(message)", at: SourceMark(file: file, line: line, column: column))
    }

    /// The first U+0085, U+2028 or U+2029, when they could not be hidden: libyaml breaks lines there, editors do not.
    private func unicodeLineBreak(in source: SourceText) -> (line: Int, scalar: Unicode.Scalar)? {
        for number in 1...source.lineCount {
            if let scalar = source.line(number)?.unicodeScalars.first(where: { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" }) {
                return (number, scalar)
            }
        }
        return nil
    }

    /// The 1-based column of a tab in the leading white space of a line, if there is one.
    private func tabInIndentation(_ line: Substring?) -> Int? {
        var column = 1
        for scalar in line?.unicodeScalars ?? Substring().unicodeScalars {
            if scalar == "\t" { return column }
            if scalar != " " { return nil }
            column += 1
        }
        return nil
    }
}

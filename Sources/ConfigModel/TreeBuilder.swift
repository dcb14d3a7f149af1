import CYaml

/// Turns libyaml events into a node tree: resolves aliases, and refuses what an agent file must not contain.
/// Each collection is built in place on the stack, so the work is linear in the number of nodes.
struct TreeBuilder {
    private struct Open {
        let isMapping: Bool
        let mark: SourceMark
        let anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        var pendingKey: YAMLNode?
        /// Keys by their UTF-8 bytes: YAML compares keys by code points, so `café` and `cafe\u{301}` are two keys.
        /// Made when a mapping passes `scannedKeys` keys; below that, scanning its pairs costs less than hashing.
        var keys: [CodePointKey: SourceMark]?
        /// The pending key repeats an earlier one: its value is reported, then dropped.
        var pendingIsDuplicate = false
        var size = 1

        static let scannedKeys = 16

        /// Where a key was first set in this mapping, or nil (and the key is noted, at `mark`) when it is new.
        mutating func firstMark(of name: String, at mark: SourceMark) -> SourceMark? {
            if keys == nil, pairs.count < Self.scannedKeys {
                let count = name.utf8.count
                return pairs.first { $0.key.utf8.count == count && $0.key.hasSameCodePoints(as: name) }?.keyMark
            }
            if keys == nil { keys = Dictionary(pairs.map { (CodePointKey($0.key), $0.keyMark) }, uniquingKeysWith: { first, _ in first }) }
            let key = CodePointKey(name)
            if let first = keys?[key] { return first }
            keys?[key] = mark
            return nil
        }
    }

    private let source: SourceText
    private let file: String
    private let maxDepth: Int
    private let maxAliasExpansion: Int
    private var stack: [Open] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var aliasExpansion = 0
    private var documents = 0
    private var result: YAMLNode?
    private(set) var finished = false
    /// Problems after which reading goes on, so one run reports them all.
    private(set) var problems: [Diagnostic] = []

    init(source: SourceText, file: String, maxDepth: Int, maxAliasExpansion: Int) {
        self.source = source
        self.file = file
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    /// The position of libyaml's code-point offset, counted as editors count lines.
    func mark(index: Int) -> SourceMark {
        let (line, column) = source.position(scalarOffset: index)
        return SourceMark(file: file, line: line, column: column)
    }

    /// Events come in file order, so the line of the previous one is where the search for the next starts.
    private var lastLine = 1

    private mutating func mark(_ event: yaml_event_t) -> SourceMark {
        let (line, column) = source.position(scalarOffset: Int(event.start_mark.index), near: lastLine)
        lastLine = line
        return SourceMark(file: file, line: line, column: column)
    }

    func root() throws(Diagnostic) -> YAMLNode {
        guard let result, !result.isNull else {
            throw Diagnostic.error(.yaml, "the file is empty; an agent file is a YAML mapping (for example `name: Support desk`)",
                               at: mark(index: 0))
        }
        guard result.pairs != nil else {
            throw Diagnostic.error(.yaml, "an agent file must be a mapping of keys to values, but this document is \(result.kindName)",
                               at: result.mark)
        }
        return result
    }

    mutating func consume(_ event: yaml_event_t) throws(Diagnostic) {
        switch event.type {
        case YAML_STREAM_END_EVENT:
            finished = true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw Diagnostic.error(.yaml, "a second YAML document starts here; an agent file holds exactly one", at: mark(event))
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let tag = scalarTag(scalar.tag.map { String(cString: $0) }, text: text, at: mark(event))
            try add(YAMLNode(.scalar(text, YAMLNode.ScalarStyle(scalar.style), tag: tag), mark: mark(event)), size: 1,
                    anchor: scalar.anchor.map { String(cString: $0) })
        case YAML_ALIAS_EVENT:
            try addAlias(String(cString: event.data.alias.anchor), at: mark(event))
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            checkCollectionTag(start.tag.map { String(cString: $0) }, expected: "tag:yaml.org,2002:map", at: mark(event))
            try open(Open(isMapping: true, mark: mark(event), anchor: start.anchor.map { String(cString: $0) }))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            checkCollectionTag(start.tag.map { String(cString: $0) }, expected: "tag:yaml.org,2002:seq", at: mark(event))
            try open(Open(isMapping: false, mark: mark(event), anchor: start.anchor.map { String(cString: $0) }))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            let closed = stack.removeLast()
            let node = closed.isMapping ? YAMLNode(.mapping(closed.pairs), mark: closed.mark)
                : YAMLNode(.sequence(closed.items), mark: closed.mark)
            try add(node, size: closed.size, anchor: closed.anchor)
        default:
            break
        }
    }

    private mutating func addAlias(_ name: String, at use: SourceMark) throws(Diagnostic) {
        guard let (node, size) = anchors[name] else {
            if let container = stack.last(where: { $0.anchor == name }) {
                throw Diagnostic.error(.yaml, "the alias *\(name) refers to the value that contains it; a value cannot include itself",
                                       at: use, notes: [Diagnostic.Note("&\(name) is defined here", at: container.mark)])
            }
            throw Diagnostic.error(.yaml, "the alias *\(name) refers to no anchor &\(name) defined before it", at: use)
        }
        aliasExpansion += size
        if aliasExpansion > maxAliasExpansion {
            throw Diagnostic.error(.yaml, "aliases expand to more than \(maxAliasExpansion) nodes; refusing to expand further",
                               at: use)
        }
        try add(node.reached(through: use), size: size, anchor: nil)
    }

    private mutating func open(_ collection: Open) throws(Diagnostic) {
        if stack.count >= maxDepth {
            throw Diagnostic.error(.yaml, "nesting is deeper than \(maxDepth) levels", at: collection.mark)
        }
        stack.append(collection)
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) throws(Diagnostic) {
        if let anchor { anchors[anchor] = (node, size) }
        guard !stack.isEmpty else {
            result = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        guard let key = stack[top].pendingKey else {
            try checkKey(node)
            stack[top].pendingKey = node
            let name = node.scalar?.text ?? ""
            if let first = stack[top].firstMark(of: name, at: node.mark) {
                stack[top].pendingIsDuplicate = true
                let shown = UserText.shown(name)
                problems.append(Diagnostic.error(.yaml, "duplicate key `\(shown)`; it is already set on line \(first.line)",
                                                 at: node.mark, notes: [Diagnostic.Note("`\(shown)` is first set here", at: first)]))
            }
            return
        }
        if !stack[top].pendingIsDuplicate {
            stack[top].pairs.append(YAMLNode.Pair(key: key.scalar!.text, keyMark: key.mark, value: node))
        }
        stack[top].pendingKey = nil
        stack[top].pendingIsDuplicate = false
    }

    private func checkKey(_ key: YAMLNode) throws(Diagnostic) {
        guard let (text, style, _) = key.scalar else {
            throw Diagnostic.error(.yaml, "a key must be a plain name, not \(key.kindName)", at: key.mark)
        }
        if text == "<<" && style.isPlain {
            throw Diagnostic.error(.yaml, "merge keys (`<<`) are not supported; write the keys out, or use an alias for a whole value",
                               at: key.mark)
        }
    }

    /// The core tag a scalar states, checked against its text; any other tag is reported, and the scalar kept untagged.
    private mutating func scalarTag(_ raw: String?, text: String, at mark: SourceMark) -> YAMLNode.Tag? {
        guard let raw else { return nil }
        if raw == "!" { return .string }  // the non-specific tag: text
        guard let tag = YAMLNode.Tag(rawValue: raw) else {
            problems.append(Diagnostic.error(.yaml, "the tag `\(UserText.shown(Self.shorthand(raw)))` is not supported; agent files "
                + "use text, numbers, true/false and null (tags !!str, !!int, !!float, !!bool, !!null)", at: mark))
            return nil
        }
        let fits: Bool
        switch tag {
        case .string: fits = true
        case .integer: fits = YAMLCoreSchema.isInteger(text)
        case .float: fits = YAMLCoreSchema.numberReading(text) != nil
        case .boolean: fits = YAMLCoreSchema.bool(text) != nil
        case .null: fits = YAMLCoreSchema.isNull(text)
        }
        if !fits {
            problems.append(Diagnostic.error(.yaml, "`\(UserText.shown(text))` cannot be tagged \(tag.shorthand)", at: mark))
            return nil
        }
        return tag
    }

    private mutating func checkCollectionTag(_ raw: String?, expected: String, at mark: SourceMark) {
        guard let raw, raw != expected, raw != "!" else { return }
        problems.append(Diagnostic.error(.yaml, "the tag `\(UserText.shown(Self.shorthand(raw)))` is not supported here", at: mark))
    }

    private static func shorthand(_ tag: String) -> String {
        tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }
}

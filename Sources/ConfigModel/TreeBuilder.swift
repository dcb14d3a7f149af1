import CYaml

/// Turns libyaml events into a node tree: resolves aliases, and refuses what an agent file must not contain.
struct TreeBuilder {
    private enum Open {
        case mapping(mark: SourceMark, anchor: String?, pairs: [YAMLNode.Pair], pendingKey: YAMLNode?, keys: [String: SourceMark])
        case sequence(mark: SourceMark, anchor: String?, items: [YAMLNode])
    }

    private let file: String
    private let maxDepth: Int
    private let maxAliasExpansion: Int
    private var stack: [Open] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var sizes: [Int] = []  // node count of each open collection, for alias budgets
    private var aliasExpansion = 0
    private var documents = 0
    private var result: YAMLNode?
    private(set) var finished = false

    init(file: String, maxDepth: Int, maxAliasExpansion: Int) {
        self.file = file
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
    }

    func mark(line: Int, column: Int) -> SourceMark { SourceMark(file: file, line: line, column: column) }

    private func mark(_ event: yaml_event_t) -> SourceMark {
        mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    }

    func root() throws(Diagnostic) -> YAMLNode {
        guard let result, !result.isNull else {
            throw Diagnostic.error(.yaml, "the file is empty; an agent file is a YAML mapping (for example `name: Support desk`)",
                               at: mark(line: 1, column: 1))
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
            let tag = scalar.tag.map { String(cString: $0) }
            let node = YAMLNode(.scalar(text, YAMLNode.ScalarStyle(scalar.style), tag: tag), mark: mark(event))
            try add(node, size: 1, anchor: scalar.anchor.map { String(cString: $0) })
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let (node, size) = anchors[name] else {
                throw Diagnostic.error(.yaml, "the alias *\(name) refers to no anchor &\(name) defined before it", at: mark(event))
            }
            aliasExpansion += size
            if aliasExpansion > maxAliasExpansion {
                throw Diagnostic.error(.yaml, "aliases expand to more than \(maxAliasExpansion) nodes; refusing to expand further",
                                   at: mark(event))
            }
            try add(node, size: size, anchor: nil)
        case YAML_MAPPING_START_EVENT:
            try open(.mapping(mark: mark(event), anchor: event.data.mapping_start.anchor.map { String(cString: $0) },
                              pairs: [], pendingKey: nil, keys: [:]), at: mark(event))
        case YAML_SEQUENCE_START_EVENT:
            try open(.sequence(mark: mark(event), anchor: event.data.sequence_start.anchor.map { String(cString: $0) },
                               items: []), at: mark(event))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            let closed = stack.removeLast()
            let size = sizes.removeLast()
            switch closed {
            case .mapping(let mark, let anchor, let pairs, _, _):
                try add(YAMLNode(.mapping(pairs), mark: mark), size: size, anchor: anchor)
            case .sequence(let mark, let anchor, let items):
                try add(YAMLNode(.sequence(items), mark: mark), size: size, anchor: anchor)
            }
        default:
            break
        }
    }

    private mutating func open(_ collection: Open, at mark: SourceMark) throws(Diagnostic) {
        if stack.count >= maxDepth {
            throw Diagnostic.error(.yaml, "nesting is deeper than \(maxDepth) levels", at: mark)
        }
        stack.append(collection)
        sizes.append(1)
    }

    private mutating func add(_ node: YAMLNode, size: Int, anchor: String?) throws(Diagnostic) {
        if let anchor { anchors[anchor] = (node, size) }
        guard var top = stack.popLast() else {
            result = node
            return
        }
        sizes[sizes.count - 1] += size
        defer { stack.append(top) }
        switch top {
        case .sequence(let mark, let anchor, var items):
            items.append(node)
            top = .sequence(mark: mark, anchor: anchor, items: items)
        case .mapping(let mark, let anchor, var pairs, let pendingKey, var keys):
            guard let key = pendingKey else {
                try checkKey(node)
                top = .mapping(mark: mark, anchor: anchor, pairs: pairs, pendingKey: node, keys: keys)
                return
            }
            let name = key.scalar!.text
            if let first = keys[name] {
                throw Diagnostic.error(.yaml, "duplicate key `\(name)`; it is already set on line \(first.line)", at: key.mark,
                                       notes: [Diagnostic.Note("`\(name)` is first set here", at: first)])
            }
            keys[name] = key.mark
            pairs.append(YAMLNode.Pair(key: name, keyMark: key.mark, value: node))
            top = .mapping(mark: mark, anchor: anchor, pairs: pairs, pendingKey: nil, keys: keys)
        }
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
}

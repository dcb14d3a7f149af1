import CYaml

/// Where each node of a YAML document sits in its text, in bytes: what an edit in place needs and the node tree
/// does not keep (where a value ends, whether a collection is written in flow style, anchors).
struct YAMLLayout {
    enum Kind: Equatable {
        case scalar(YAMLNode.ScalarStyle)
        case mapping(flow: Bool)
        case sequence(flow: Bool)
        case alias
    }

    struct Pair {
        let key: String
        let keyStart: Int
        let value: Node
    }

    struct Node {
        let kind: Kind
        /// Byte offset of the node's first character (an anchor or tag included).
        var start: Int
        /// Byte offset just after the node's text; for a block collection, after its last child.
        var end: Int
        var anchored: Bool
        var pairs: [Pair] = []
        var items: [Node] = []

        var isFlow: Bool { kind == .mapping(flow: true) || kind == .sequence(flow: true) }
        var isBlockScalar: Bool { kind == .scalar(.literal) || kind == .scalar(.folded) }
        /// An empty plain scalar (`key:` with nothing after it) has no text of its own.
        var isEmpty: Bool { kind == .scalar(.plain) && start == end }
    }

    let bytes: [UInt8]
    let lineStarts: [Int]
    let root: Node

    /// Lays out a document that `YAMLReader` has already accepted; nil when libyaml disagrees.
    init?(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        lineStarts = starts
        guard let root = Self.read(bytes, lineStarts: starts) else { return nil }
        self.root = root
    }

    func line(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The offset just after the line break that ends the line holding `offset` (or the end of the text).
    func lineEnd(after offset: Int) -> Int {
        let next = line(of: offset) + 1
        return next < lineStarts.count ? lineStarts[next] : bytes.count
    }

    func lineStart(of offset: Int) -> Int { lineStarts[line(of: offset)] }

    /// The 0-based column of an offset, in bytes (indentation is spaces, so this is its width).
    func column(of offset: Int) -> Int { offset - lineStart(of: offset) }

    /// True when only spaces stand between the start of the line and `offset`.
    func startsLine(_ offset: Int) -> Bool {
        bytes[lineStart(of: offset)..<offset].allSatisfy { $0 == UInt8(ascii: " ") }
    }

    /// The offset just after the `:` that follows a key starting at `keyStart`.
    static func colonEnd(in bytes: [UInt8], keyStart: Int) -> Int {
        var offset = keyStart
        var quote: UInt8?
        if bytes[offset] == UInt8(ascii: "\"") || bytes[offset] == UInt8(ascii: "'") { quote = bytes[offset]; offset += 1 }
        while offset < bytes.count {
            let byte = bytes[offset]
            if let open = quote {
                if byte == UInt8(ascii: "\\") && open == UInt8(ascii: "\"") { offset += 2; continue }
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: ":") {
                return offset + 1
            }
            offset += 1
        }
        return offset
    }

    private static func read(_ bytes: [UInt8], lineStarts: [Int]) -> Node? {
        var builder = Builder(bytes: bytes, lineStarts: lineStarts)
        let ok = bytes.withUnsafeBufferPointer { buffer -> Bool in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return false }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return false }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return true }
                builder.consume(event)
            }
        }
        return ok ? builder.result : nil
    }
}

/// Builds layout nodes from libyaml events, turning libyaml's (line, column in characters) marks into byte offsets.
private struct Builder {
    private enum Open {
        case mapping(YAMLLayout.Node, pendingKey: (String, Int)?)
        case sequence(YAMLLayout.Node)
    }

    let bytes: [UInt8]
    let lineStarts: [Int]
    private var stack: [Open] = []
    private(set) var result: YAMLLayout.Node?

    init(bytes: [UInt8], lineStarts: [Int]) {
        self.bytes = bytes
        self.lineStarts = lineStarts
    }

    private func offset(_ mark: yaml_mark_t) -> Int {
        let line = Int(mark.line)
        guard line < lineStarts.count else { return bytes.count }
        var offset = lineStarts[line]
        var characters = Int(mark.column)
        while characters > 0 && offset < bytes.count {
            offset += 1
            while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            characters -= 1
        }
        return offset
    }

    /// A block scalar's text ends with its last line that is not blank (keep chomping `+` owns the blank ones too).
    private func blockScalarEnd(start: Int, markEnd: Int) -> Int {
        var header = start
        while header < bytes.count && bytes[header] != UInt8(ascii: "\n") { header += 1 }
        if bytes[start..<header].contains(UInt8(ascii: "+")) { return markEnd }
        var end = markEnd
        while end > header && [UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(bytes[end - 1]) { end -= 1 }
        while end < markEnd && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return min(end + (end < markEnd ? 1 : 0), markEnd)
    }

    mutating func consume(_ event: yaml_event_t) {
        let start = offset(event.start_mark)
        let end = offset(event.end_mark)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let style = YAMLNode.ScalarStyle(scalar.style)
            var node = YAMLLayout.Node(kind: .scalar(style), start: start, end: end, anchored: scalar.anchor != nil)
            if style == .literal || style == .folded { node.end = blockScalarEnd(start: start, markEnd: end) }
            if style == .plain && scalar.length == 0 && scalar.tag == nil && scalar.anchor == nil { node.end = node.start }
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            add(node, keyText: text)
        case YAML_ALIAS_EVENT:
            add(YAMLLayout.Node(kind: .alias, start: start, end: end, anchored: false), keyText: nil)
        case YAML_MAPPING_START_EVENT:
            let flow = event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
            stack.append(.mapping(YAMLLayout.Node(kind: .mapping(flow: flow), start: start, end: start,
                                                  anchored: event.data.mapping_start.anchor != nil), pendingKey: nil))
        case YAML_SEQUENCE_START_EVENT:
            let flow = event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
            stack.append(.sequence(YAMLLayout.Node(kind: .sequence(flow: flow), start: start, end: start,
                                                   anchored: event.data.sequence_start.anchor != nil)))
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            var node: YAMLLayout.Node
            switch stack.removeLast() {
            case .mapping(let mapping, _): node = mapping
            case .sequence(let sequence): node = sequence
            }
            if node.isFlow {
                node.end = end
            } else {
                node.end = max(node.pairs.last?.value.end ?? node.start, node.items.last?.end ?? node.start)
            }
            add(node, keyText: nil)
        default:
            break
        }
    }

    private mutating func add(_ node: YAMLLayout.Node, keyText: String?) {
        guard let top = stack.popLast() else {
            result = node
            return
        }
        switch top {
        case .sequence(var sequence):
            sequence.items.append(node)
            stack.append(.sequence(sequence))
        case .mapping(var mapping, let pendingKey):
            guard let (key, keyStart) = pendingKey else {
                stack.append(.mapping(mapping, pendingKey: (keyText ?? "", node.start)))
                return
            }
            var value = node
            // An empty value sits right after its key's colon, not where libyaml marks it (the next token).
            if value.isEmpty { value.start = YAMLLayout.colonEnd(in: bytes, keyStart: keyStart); value.end = value.start }
            mapping.pairs.append(YAMLLayout.Pair(key: key, keyStart: keyStart, value: value))
            stack.append(.mapping(mapping, pendingKey: nil))
        }
    }
}

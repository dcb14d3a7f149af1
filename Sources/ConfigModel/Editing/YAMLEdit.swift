/// Changes a YAML file in place: only the values that change are rewritten; comments, blank lines, key order,
/// quoting and block scalars everywhere else stay byte for byte. The result is read back and compared with the
/// intended document before it is returned, so an edit that would not read back exactly is an error, never a file.
public enum YAMLEdit {
    public enum Change: Sendable, Equatable {
        /// Make the value at a path of keys (a list item by its index, `"0"`) this value: replaced in place when it
        /// exists, else inserted after its last sibling (missing mappings on the way are created).
        case set([String], JSONValue)
        /// Remove the key (or list item) at a path with its own lines only; nothing when it is not there.
        case remove([String])

        public var path: [String] {
            switch self {
            case .set(let path, _), .remove(let path): return path
            }
        }
    }

    /// The text with every change applied in order; `file` names the file in errors.
    public static func apply(_ changes: [Change], to text: String, file: String) throws(Diagnostic) -> String {
        let original = try YAMLReader().read(text, file: file)
        var expected = DocumentValue.of(original)
        var current = text
        for change in changes {
            try DocumentValue.apply(change, to: &expected, file: file)
            current = try applyOne(change, to: current, file: file)
        }
        let result: YAMLNode
        do { result = try YAMLReader().read(current, file: file) } catch {
            throw refusal("the edited text does not read back (\(error.message))", file: file)
        }
        guard DocumentValue.of(result).sameInOrder(expected) else {
            throw refusal("the edited text would not read back as the intended document", file: file)
        }
        return current
    }

    private static func refusal(_ reason: String, file: String, line: Int = 1) -> Diagnostic {
        Diagnostic.error(.yaml, "cannot edit the file in place: \(reason)", at: SourceMark(file: file, line: line, column: 1))
    }

    private static func applyOne(_ change: Change, to text: String, file: String) throws(Diagnostic) -> String {
        let tree = try YAMLReader().read(text, file: file)
        guard let layout = YAMLLayout(text) else { throw refusal("libyaml could not lay out the file", file: file) }
        let replacement = try Editor(layout: layout, tree: tree, file: file).replacement(for: change)
        // A file written with CRLF line breaks keeps them in what is written into it.
        let written = text.contains("\r\n") ? replacement.text.replacingOccurrences(of: "\n", with: "\r\n") : replacement.text
        var bytes = layout.bytes
        bytes.replaceSubrange(replacement.range, with: Array(written.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// One change as one replaced range of the text.
struct TextReplacement {
    let range: Range<Int>
    let text: String
}

/// Finds where a change goes in the laid-out text and what text it writes there.
struct Editor {
    /// One step down a path: the layout node and the tree node, with the step's key or index.
    struct Step {
        let layout: YAMLLayout.Node
        let node: YAMLNode
        /// The key's offset when the node is a mapping value; nil for a list item (or the root).
        let keyStart: Int?
    }

    let layout: YAMLLayout
    let tree: YAMLNode
    let file: String

    private func refusal(_ reason: String, at offset: Int) -> Diagnostic {
        Diagnostic.error(.yaml, "cannot edit the file in place: \(reason)",
                         at: SourceMark(file: file, line: layout.line(of: offset) + 1, column: layout.column(of: offset) + 1))
    }

    /// The steps from the root down the existing part of `path`.
    func walk(_ path: [String]) -> [Step] {
        var steps = [Step(layout: layout.root, node: tree, keyStart: nil)]
        for key in path {
            let last = steps[steps.count - 1]
            if let pairs = last.node.pairs, let index = pairs.firstIndex(where: { $0.key == key }),
               index < last.layout.pairs.count {
                let pair = last.layout.pairs[index]
                steps.append(Step(layout: pair.value, node: pairs[index].value, keyStart: pair.keyStart))
            } else if let items = last.node.items, let index = Int(key), items.indices.contains(index),
                      index < last.layout.items.count {
                steps.append(Step(layout: last.layout.items[index], node: items[index], keyStart: nil))
            } else {
                break
            }
        }
        return steps
    }

    func replacement(for change: YAMLEdit.Change) throws(Diagnostic) -> TextReplacement {
        let steps = walk(change.path)
        if let anchored = steps.dropFirst().first(where: { $0.layout.anchored }) {
            throw refusal("the value is anchored (`&`); edit it by hand", at: anchored.layout.start)
        }
        // Inside a flow collection the whole outermost flow item is rewritten.
        if let flowIndex = steps.firstIndex(where: { $0.layout.isFlow }) {
            let inside = flowIndex < steps.count - 1
            var addingBelow = false
            if case .set = change { addingBelow = flowIndex == steps.count - 1 && steps.count <= change.path.count }
            if inside || addingBelow {
                return try flowRewrite(steps[flowIndex], relative: Array(change.path.dropFirst(flowIndex)), change: change)
            }
        }
        switch change {
        case .set(let path, let value):
            if steps.count == path.count + 1 { return try replace(steps, with: value) }
            let missing = Array(path.dropFirst(steps.count - 1))
            return try insert(missing, value: value, under: steps)
        case .remove(let path):
            guard steps.count == path.count + 1, path.count >= 1 else { return TextReplacement(range: 0..<0, text: "") }
            return try remove(steps)
        }
    }

    /// The flow item rebuilt with the change applied, unchanged parts keeping their text.
    private func flowRewrite(_ step: Step, relative: [String], change: YAMLEdit.Change) throws(Diagnostic) -> TextReplacement {
        var value = DocumentValue.of(step.node)
        let relativeChange: YAMLEdit.Change
        switch change {
        case .set(_, let new): relativeChange = .set(relative, new)
        case .remove: relativeChange = .remove(relative)
        }
        try DocumentValue.apply(relativeChange, to: &value, file: file)
        let text = FlowText(bytes: layout.bytes).write(value, original: (step.layout, DocumentValue.of(step.node)))
        return TextReplacement(range: step.layout.start..<step.layout.end, text: text)
    }

    /// The column a sibling key or item is written at, and whether the node is a list item.
    private func owner(_ step: Step) -> (indent: Int, asItem: Bool, valueStart: Int) {
        if let keyStart = step.keyStart {
            return (layout.column(of: keyStart), false, YAMLLayout.colonEnd(in: layout.bytes, keyStart: keyStart))
        }
        let dash = dashOffset(before: step.layout.start)
        return (layout.column(of: dash), true, dash + 1)
    }

    private func dashOffset(before offset: Int) -> Int {
        var position = min(offset, layout.bytes.count) - 1
        while position > 0 && layout.bytes[position] != UInt8(ascii: "-") { position -= 1 }
        return max(position, 0)
    }

    /// The end of a value's own text, before the line break a block value ends with.
    private func valueEnd(_ node: YAMLLayout.Node) -> Int {
        var end = node.end
        while end > node.start && [UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(layout.bytes[end - 1]) { end -= 1 }
        return end
    }

    private func replace(_ steps: [Step], with value: JSONValue) throws(Diagnostic) -> TextReplacement {
        let step = steps[steps.count - 1]
        let node = step.layout
        guard steps.count > 1 else {
            let text = YAMLWriter.document(value.objectValue ?? JSONObject())
            return TextReplacement(range: 0..<layout.bytes.count, text: text)
        }
        let inlineValue: Bool
        switch value {
        case .array(let items): inlineValue = items.isEmpty || node.isFlow
        case .object(let object): inlineValue = object.isEmpty || node.isFlow
        default: inlineValue = true
        }
        let (indent, asItem, valueStart) = owner(step)
        if node.isBlockScalar, case .string(let text) = value,
           let block = literalBlock(text, node: node, parentIndent: indent) {
            return TextReplacement(range: node.start..<node.end, text: block)
        }
        // Text that ends where the value ends: a one-line scalar, an alias, a flow collection.
        var scalarLike = node.kind == .alias || node.isFlow
        if case .scalar = node.kind { scalarLike = !node.isEmpty && !node.isBlockScalar }
        if inlineValue && scalarLike {
            let style = node.kind == .scalar(.singleQuoted) ? YAMLNode.ScalarStyle.singleQuoted
                : node.kind == .scalar(.doubleQuoted) ? .doubleQuoted : .plain
            return TextReplacement(range: node.start..<node.end, text: YAMLValueText.inline(value, like: style, inFlow: false))
        }
        let suffix = YAMLValueText.suffix(value, indent: indent, asItem: asItem)
        var end = node.isEmpty ? valueStart : valueEnd(node)
        // A value written over several lines takes the rest of the old value's last line, so no comment ends up in it.
        if suffix.contains("\n") {
            end = layout.lineEnd(after: max(end, valueStart + 1) - 1)
            while end > valueStart && [UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(layout.bytes[end - 1]) { end -= 1 }
        }
        return TextReplacement(range: valueStart..<end, text: suffix)
    }

    /// A literal block at the old block's content indentation.
    private func literalBlock(_ text: String, node: YAMLLayout.Node, parentIndent: Int) -> String? {
        let headerEnd = layout.lineEnd(after: node.start)
        var contentIndent = parentIndent + 2
        var offset = headerEnd
        while offset < node.end {
            let lineEnd = layout.lineEnd(after: offset)
            let line = layout.bytes[offset..<lineEnd]
            if let first = line.firstIndex(where: { $0 != UInt8(ascii: " ") }), line[first] != UInt8(ascii: "\n") {
                contentIndent = first - offset
                break
            }
            offset = lineEnd
        }
        guard let block = YAMLValueText.literalBlock(text, contentIndent: contentIndent, parentIndent: parentIndent) else {
            return nil
        }
        return node.end > 0 && layout.bytes[node.end - 1] == UInt8(ascii: "\n") ? block : String(block.dropLast())
    }

    private func insert(_ missing: [String], value: JSONValue, under steps: [Step]) throws(Diagnostic) -> TextReplacement {
        var nested = value
        for key in missing.dropFirst().reversed() { nested = .object(JSONObject([(key, nested)])) }
        let parent = steps[steps.count - 1]
        let parentPairs = parent.layout.pairs
        guard case .mapping = parent.layout.kind, let last = parentPairs.last else {
            if parent.node.isNull || parent.node.pairs?.isEmpty == true {
                return try replace(steps, with: .object(JSONObject([(missing[0], nested)])))
            }
            throw refusal("`\(missing[0])` cannot be added under \(parent.node.kindName)", at: parent.layout.start)
        }
        let indent = layout.column(of: parentPairs[0].keyStart)
        let at = layout.lineEnd(after: max(last.value.end, last.keyStart + 1) - 1)
        let lead = at == layout.bytes.count && layout.bytes.last != UInt8(ascii: "\n") ? "\n" : ""
        let text = lead + String(repeating: " ", count: indent) + YAMLScalarText.key(missing[0]) + ":"
            + YAMLValueText.suffix(nested, indent: indent, asItem: false) + "\n"
        return TextReplacement(range: at..<at, text: text)
    }

    private func remove(_ steps: [Step]) throws(Diagnostic) -> TextReplacement {
        let target = steps[steps.count - 1]
        let parent = steps[steps.count - 2]
        let siblings = max(parent.layout.pairs.count, parent.layout.items.count)
        if siblings == 1 {
            let empty: JSONValue = parent.layout.items.isEmpty ? .object(JSONObject()) : .array([])
            if steps.count == 2 { return TextReplacement(range: 0..<layout.bytes.count, text: "{}\n") }
            return try replace(Array(steps.dropLast()), with: empty)
        }
        let lastLineEnd = layout.lineEnd(after: max(target.layout.end, (target.keyStart ?? target.layout.start) + 1) - 1)
        if let keyStart = target.keyStart {
            if layout.startsLine(keyStart) {
                return TextReplacement(range: layout.lineStart(of: keyStart)..<lastLineEnd, text: "")
            }
            // The first key of a mapping that shares its list item's dash line: the next key moves up to the dash.
            guard let next = parent.layout.pairs.first(where: { $0.keyStart > keyStart }) else {
                throw refusal("the key shares its line with other text", at: keyStart)
            }
            return TextReplacement(range: keyStart..<next.keyStart, text: "")
        }
        let dash = dashOffset(before: target.layout.start)
        guard layout.startsLine(dash) else { throw refusal("the list item shares its line with other text", at: dash) }
        return TextReplacement(range: layout.lineStart(of: dash)..<lastLineEnd, text: "")
    }
}

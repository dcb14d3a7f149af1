/// A flow collection (`[a, b]`, `{k: v}`) written again after a change: the parts that did not change keep their
/// original text, so `07` or `'single'` inside the item read back exactly as before.
struct FlowText {
    let bytes: [UInt8]

    func write(_ value: JSONValue, original: (layout: YAMLLayout.Node, value: JSONValue)?) -> String {
        if let original, value.sameInOrder(original.value) {
            return String(decoding: bytes[original.layout.start..<original.layout.end], as: UTF8.self)
        }
        switch value {
        case .object(let object):
            let pairs = original?.layout.pairs ?? []
            let old = original?.value.objectValue
            return "{" + object.map { key, child in
                let before = pairs.first(where: { $0.key == key }).flatMap { pair in old?[key].map { (pair.value, $0) } }
                return YAMLValueText.flowKey(key) + ": " + write(child, original: before)
            }.joined(separator: ", ") + "}"
        case .array(let items):
            let layouts = original?.layout.items ?? []
            let old = original?.value.arrayValue ?? []
            var next = 0
            return "[" + items.map { child in
                // Items keep their text when they are still there, in order, after others were removed or added.
                let match = (next..<min(old.count, layouts.count)).first { child.sameInOrder(old[$0]) }
                if let match { next = match + 1 }
                return write(child, original: match.map { (layouts[$0], old[$0]) })
            }.joined(separator: ", ") + "]"
        default:
            return YAMLValueText.inline(value, like: nil, inFlow: true)
        }
    }
}

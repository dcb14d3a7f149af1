/// A mapping key compared and hashed by its code points (UTF-8 bytes), as YAML and JSON compare keys: Swift's `String`
/// equality would make `café` precomposed and decomposed one key. Used where keys are looked up in bulk (mappings,
/// `JSONObject`).
struct CodePointKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: CodePointKey, rhs: CodePointKey) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

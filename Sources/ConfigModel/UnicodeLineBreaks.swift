/// U+0085, U+2028 and U+2029 are line breaks to libyaml (YAML 1.1) but text to YAML 1.2, editors and GitHub.
/// Before parsing, each is swapped for a character of the same UTF-8 length that the file does not use, so libyaml
/// reads it as text and every offset stays right; the values read are then given the original characters back.
struct UnicodeLineBreaks {
    /// Placeholder -> the line break it stands for.
    private let originals: [Unicode.Scalar: Unicode.Scalar]
    /// The bytes for libyaml, with every line break swapped.
    let bytes: [UInt8]

    /// Nil when the file holds none of these breaks, or uses every candidate placeholder (then libyaml sees them).
    init?(hiddenIn bytes: [UInt8]) {
        guard Self.holdsBreak(bytes) else { return nil }
        var used = Set<UInt32>()
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars where scalar.value >= 0xA0 { used.insert(scalar.value) }
        // Two-byte letters for U+0085 (two bytes), private-use characters for U+2028 and U+2029 (three bytes).
        let twoBytes = (0xA0...0x7FF).reversed().lazy.filter { !used.contains(UInt32($0)) }
        let threeBytes = (0xE000...0xF8FF).lazy.filter { !used.contains(UInt32($0)) }
        guard let forNEL = twoBytes.first.flatMap({ Unicode.Scalar(UInt32($0)) }),
              let forLS = threeBytes.first.flatMap({ Unicode.Scalar(UInt32($0)) }),
              let forPS = threeBytes.dropFirst().first.flatMap({ Unicode.Scalar(UInt32($0)) }) else { return nil }
        originals = [forNEL: "\u{85}", forLS: "\u{2028}", forPS: "\u{2029}"]
        var swapped = bytes
        var index = 0
        while index + 1 < swapped.count {
            var placeholder: Unicode.Scalar?
            if swapped[index] == 0xC2, swapped[index + 1] == 0x85 {
                placeholder = forNEL
            } else if index + 2 < swapped.count, swapped[index] == 0xE2, swapped[index + 1] == 0x80, swapped[index + 2] & 0xFE == 0xA8 {
                placeholder = swapped[index + 2] == 0xA8 ? forLS : forPS
            }
            guard let placeholder else {
                index += 1
                continue
            }
            for byte in String(placeholder).utf8 {
                swapped[index] = byte
                index += 1
            }
        }
        self.bytes = swapped
    }

    /// Whether the UTF-8 bytes hold U+0085 (C2 85), U+2028 (E2 80 A8) or U+2029 (E2 80 A9).
    private static func holdsBreak(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(holdsBreak)
    }

    private static func holdsBreak(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0xC2, bytes[index + 1] == 0x85 { return true }
            if bytes[index] == 0xE2, bytes[index + 1] == 0x80, index + 2 < bytes.count, bytes[index + 2] & 0xFE == 0xA8 { return true }
            index += 1
        }
        return false
    }

    /// The tree with every key and scalar as written in the file.
    func restored(_ node: YAMLNode) -> YAMLNode {
        let content: YAMLNode.Content
        switch node.content {
        case .scalar(let text, let style, let tag): content = .scalar(restored(text), style, tag: tag)
        case .sequence(let items): content = .sequence(items.map(restored))
        case .mapping(let pairs):
            content = .mapping(pairs.map { YAMLNode.Pair(key: restored($0.key), keyMark: $0.keyMark, value: restored($0.value)) })
        }
        return YAMLNode(content, mark: node.mark, anchorMark: node.anchorMark)
    }

    /// The reader's problem as it would read with the original text (a duplicate key quoted in its message).
    func restored(_ diagnostic: Diagnostic) -> Diagnostic {
        var message = ""
        for scalar in diagnostic.message.unicodeScalars {
            if let original = originals[scalar] { message += "<\(UserText.code(original))>" } else { message.unicodeScalars.append(scalar) }
        }
        return Diagnostic(diagnostic.severity, diagnostic.rule, at: diagnostic.mark, message, path: diagnostic.path,
                          notes: diagnostic.notes)
    }

    private func restored(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { originals[$0] != nil }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(originals[scalar] ?? scalar) }
        return String(out)
    }
}

import Foundation

/// An agent file as read from disk: its text (for showing source lines) and its node tree.
public struct AgentDocument: Sendable {
    public let file: String
    public let text: String
    public let root: YAMLNode
    /// Paths of the fields whose value came from a secret variable: masked wherever a value is shown or kept.
    public let secretPaths: [[String]]

    public init(file: String, text: String, root: YAMLNode, secretPaths: [[String]] = []) {
        self.file = file
        self.text = text
        self.root = root
        self.secretPaths = secretPaths
    }

    /// Reads and parses `path`; a file that cannot be read or is not a single YAML mapping is a `Diagnostic`.
    public static func load(path: String, reader: YAMLReader = YAMLReader()) throws(Diagnostic) -> AgentDocument {
        try parse(bytes: try readBytes(path: path), file: path, reader: reader)
    }

    /// The bytes of a file, or a located error that says why it cannot be read.
    public static func readBytes(path: String) throws(Diagnostic) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw Diagnostic.error(.yaml, "cannot read the file: \(error.localizedDescription)",
                               at: SourceMark(file: path, line: 1, column: 1))
        }
    }

    public static func parse(bytes: [UInt8], file: String, reader: YAMLReader = YAMLReader()) throws(Diagnostic)
        -> AgentDocument {
        let root = try reader.read(bytes, file: file)
        return AgentDocument(file: file, text: String(decoding: bytes, as: UTF8.self), root: root)
    }

    /// The node at a path of keys (a list item by its index, `"0"`), if the file states it.
    public func node(at path: [String]) -> YAMLNode? {
        var node: YAMLNode? = root
        for key in path {
            if let items = node?.items {
                node = Int(key).flatMap { items.indices.contains($0) ? items[$0] : nil }
            } else {
                node = node?[key]
            }
        }
        return node
    }
}

extension String {
    /// The 1-based line of this text, without its line break, for showing under a diagnostic.
    public func line(_ number: Int) -> String? {
        var current = 1
        // Swift reads "\r\n" as one character, so a CRLF file is split on it as well as on "\n".
        for candidate in split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            if current == number { return String(candidate) }
            current += 1
        }
        return nil
    }
}

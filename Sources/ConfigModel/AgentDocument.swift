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
        if let bytes = FileBytes.read(path: path) { return bytes }
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw Diagnostic.error(.yaml, "cannot read the file: \(error.localizedDescription)",
                               at: SourceMark(file: path, line: 1, column: 1))
        }
    }

    public static func parse(bytes: [UInt8], file: String, reader: YAMLReader = YAMLReader()) throws(Diagnostic)
        -> AgentDocument {
        switch read(bytes: bytes, file: file, reader: reader) {
        case .success(let document): return document
        case .failure(let problems): throw problems.problems[0]
        }
    }

    /// The document, or every problem the reader found in it (duplicate keys and bad tags do not stop reading).
    public static func read(bytes: [UInt8], file: String, reader: YAMLReader = YAMLReader()) -> Result<AgentDocument, Diagnostics> {
        reader.readAll(bytes, file: file).map { AgentDocument(file: file, text: text(of: bytes), root: $0) }
    }

    /// The text as the reader sees it, without a byte order mark, for showing source lines.
    public static func text(of bytes: [UInt8]) -> String {
        String(decoding: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...], as: UTF8.self)
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

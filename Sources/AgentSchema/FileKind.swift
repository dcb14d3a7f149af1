import Foundation

/// The kinds of file a repository holds, each in its own folder, with its own field table and JSON Schema.
public enum FileKind: String, CaseIterable, Sendable {
    case agent, tool, test

    /// The folder under the project that holds files of this kind, one resource a file.
    public var folder: String { rawValue + "s" }

    public var table: FieldTable {
        switch self {
        case .agent: return .agent
        case .tool: return .tool
        case .test: return .test
        }
    }

    /// The name of the committed JSON Schema under `schemas/`.
    public var schemaFileName: String { rawValue + ".schema.json" }

    /// What a file of this kind is, in the words of a heading.
    public var title: String {
        switch self {
        case .agent: return "ElevenLabs agent"
        case .tool: return "ElevenLabs agent tool"
        case .test: return "ElevenLabs agent test"
        }
    }

    /// The kind of a file: the schema its modeline names (`# yaml-language-server: $schema=../schemas/tool.schema.json`),
    /// else the folder it is in (`tools/book.yaml`), else an agent, as every file was before tools and tests.
    public init(path: String, text: String) {
        let folder = path.split(separator: "/").dropLast().last.map(String.init)
        self = Self.named(inModelineOf: text) ?? FileKind.allCases.first { $0.folder == folder } ?? .agent
    }

    /// The kind whose schema file the modeline in the comments at the top of a file names. Only the lines up to the
    /// first that is not a comment are read (LF, CRLF or CR), so a 1 MB file costs no more than a small one.
    private static func named(inModelineOf text: String) -> FileKind? {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        while start < scalars.endIndex {
            let end = scalars[start...].firstIndex { $0 == "\n" || $0 == "\r" } ?? scalars.endIndex
            let line = Substring(scalars[start..<end])
            start = end < scalars.endIndex ? scalars.index(after: end) : end
            let trimmed = line.drop(while: { $0 == " " })
            if trimmed.allSatisfy(\.isWhitespace) { continue }
            guard trimmed.hasPrefix("#") else { return nil }
            guard let schema = trimmed.range(of: "$schema=") else { continue }
            let name = trimmed[schema.upperBound...].split(separator: "/").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            return FileKind.allCases.first { $0.schemaFileName == name }
        }
        return nil
    }
}

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
    /// first that is not a comment are read (LF, CRLF or CR), so a 1 MB file costs no more than a small one. A line
    /// of ASCII is read in its bytes; any other goes through `String`, whose idea of whitespace and prefixes it keeps.
    private static func named(inModelineOf text: String) -> FileKind? {
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end < bytes.count ? end + 1 : end
                let verdict = line.allSatisfy { $0 < 0x80 } ? asciiModeline(line) : modeline(Substring(String(decoding: line, as: UTF8.self)))
                switch verdict {
                case .notAComment: return nil
                case .comment: continue
                case .schema(let kind): return kind
                }
            }
            return nil
        }
    }

    private enum LineVerdict {
        case notAComment
        /// A comment, or a blank line: the search goes on.
        case comment
        case schema(FileKind?)
    }

    private static func modeline(_ line: Substring) -> LineVerdict {
        let trimmed = line.drop(while: { $0 == " " })
        if trimmed.allSatisfy(\.isWhitespace) { return .comment }
        guard trimmed.hasPrefix("#") else { return .notAComment }
        guard let schema = trimmed.range(of: "$schema=") else { return .comment }
        let name = trimmed[schema.upperBound...].split(separator: "/").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return .schema(FileKind.allCases.first { $0.schemaFileName == name })
    }

    /// `modeline` for a line of ASCII, on its bytes (ASCII whitespace is tab to carriage return, and space).
    private static func asciiModeline(_ line: UnsafeBufferPointer<UInt8>) -> LineVerdict {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        let trimmed = line.drop(while: { $0 == 0x20 })
        if trimmed.allSatisfy(isSpace) { return .comment }
        guard trimmed.first == UInt8(ascii: "#") else { return .notAComment }
        let marker = Array("$schema=".utf8)
        guard let found = trimmed.indices.first(where: { trimmed[$0...].starts(with: marker) }) else { return .comment }
        let name = trimmed[(found + marker.count)...].split(separator: UInt8(ascii: "/")).last.map { component in
            String(decoding: component.drop(while: isSpace).reversed().drop(while: isSpace).reversed(), as: UTF8.self)
        }
        return .schema(FileKind.allCases.first { $0.schemaFileName == name })
    }
}

import Foundation

/// The files `agentctl init` writes: an example agent, project settings, pre-commit set-up, the JSON Schemas the
/// modelines of agent, tool and test files point at, and `.gitignore` lines that keep key files out of Git.
public struct ProjectScaffold: Sendable {
    public struct File: Sendable {
        public let path: String
        public let text: String
    }

    public enum Change: Sendable, Equatable {
        case created, replaced
        /// Lines added to an existing `.gitignore`, which is extended rather than replaced.
        case extended(lines: Int)
    }

    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// Files that exist and would be replaced; nothing was written.
        case existing([String])
        case notADirectory(String)
        case write(AtomicFile.WriteError)

        public var description: String {
            switch self {
            case .existing(let paths):
                return "these files already exist: \(paths.joined(separator: ", ")); nothing was written"
            case .notADirectory(let path): return "\(path) exists and is not a directory"
            case .write(let error): return error.description
            }
        }
    }

    /// The files, by path relative to the project directory; `.gitignore` is handled apart.
    public let files: [File]

    /// - Parameter schema: the text of `schemas/agent.schema.json`.
    /// - Parameter otherSchemas: by file name, the schemas of the other files (`tool.schema.json`), which the
    ///   modelines of the tool and test files pull writes point at.
    public init(schema: String, otherSchemas: [(name: String, text: String)] = []) {
        files = [
            File(path: "agents/" + Self.exampleAgentName, text: Self.exampleAgent),
            File(path: "agentctl.yaml", text: Self.projectSettings),
            File(path: ".pre-commit-config.yaml", text: Self.preCommitConfig),
            File(path: Self.schemaPath, text: schema),
        ] + otherSchemas.map { File(path: "schemas/" + $0.name, text: $0.text) }
    }

    /// Writes every file into `directory` (created when missing). Without `force`, nothing is written when any file
    /// already exists. `.gitignore` is never replaced: the lines it lacks are appended.
    public func write(into directory: String, force: Bool) throws(Failure) -> [(path: String, change: Change)] {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw .notADirectory(directory)
        }
        let existing = files.map(\.path).filter { FileManager.default.fileExists(atPath: Self.join(directory, $0)) }
        if !existing.isEmpty && !force { throw .existing(existing) }
        var changes: [(path: String, change: Change)] = []
        do {
            for file in files {
                try AtomicFile.write(file.text, to: Self.join(directory, file.path))
                changes.append((file.path, existing.contains(file.path) ? .replaced : .created))
            }
            if let change = try extendGitignore(in: directory) { changes.append((".gitignore", change)) }
        } catch {
            throw .write(error)
        }
        return changes
    }

    private func extendGitignore(in directory: String) throws(AtomicFile.WriteError) -> Change? {
        let path = Self.join(directory, ".gitignore")
        guard let data = FileManager.default.contents(atPath: path) else {
            try AtomicFile.write(Self.gitignoreLines.joined(separator: "\n") + "\n", to: path)
            return .created
        }
        let current = String(decoding: data, as: UTF8.self)
        let present = Set(current.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = Self.gitignoreLines.filter { !$0.hasPrefix("#") && !present.contains($0) }
        guard !missing.isEmpty else { return nil }
        let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
        try AtomicFile.write(current + separator + ([Self.gitignoreLines[0]] + missing).joined(separator: "\n") + "\n",
                             to: path)
        return .extended(lines: missing.count)
    }

    /// `path` under `directory`, written as the user would type it (no `./` for the current directory).
    public static func join(_ directory: String, _ path: String) -> String {
        directory == "." || directory.isEmpty ? path : (directory.hasSuffix("/") ? directory : directory + "/") + path
    }
}

import AgentSchema
import ConfigModel
import Foundation
import Remote
import Validation

/// Finds and validates the files a remote command works on, one at a time, keeping of each only its `LocalFile`
/// (and of a file with problems, its diagnostics); any error stops the command before a single request is sent.
/// `${NAME}` placeholders are resolved from `variables`.
struct AgentFileLoading: Sendable {
    let variables: Variables

    /// The files under `paths`, each validated and its names of other resources checked against `references` (a
    /// name resolves when it has an ID there, or names one of these files: this command creates it first).
    /// `hashed`: whether to hash a resource's files' content (to find renamed files).
    func scan(paths: [String], defaultDirectory: String, references: ReferenceMap,
              hashed: (Resource) -> Bool) throws -> [LocalFile] {
        let files = try Self.files(paths, defaultDirectory: defaultDirectory)
        var found: [LocalFile] = []
        var unresolved: [ReferenceCheck.Unresolved] = []
        let report = ValidationReport(paths: files, strict: false, validator: Validator(variables: variables)) { document in
            let resource = Resource.of(document)
            found.append(LocalFile(document, of: resource, hashed: hashed(resource)))
            unresolved += ReferenceCheck.unresolved(in: document, references: references)
        }
        if report.hasErrors || found.count != files.count {
            throw CommandFailure(.findings, details: variables.redact(report.rendered(.text, style: Terminal.stderrStyle)),
                                 messages: ["fix the errors above first; nothing was sent"])
        }
        let errors = ReferenceCheck.errors(unresolved, creating: found.compactMap { file in
            file.resource.fileKind.map { (file: file.file, kind: $0) }
        })
        guard errors.isEmpty else { throw CommandFailure.located(errors, status: .findings) }
        return found
    }

    /// A file's document with its placeholders resolved, read again when it is compared or pushed; nil when it no
    /// longer reads cleanly. The scan checked it and reported its diagnostics, so it is not checked again.
    func read(_ file: String) -> AgentDocument? {
        Validator(variables: variables).document(file: file)
    }

    /// The files under `paths`, read whole (for a command that needs every document at once: `agentctl test`).
    static func load(paths: [String], defaultDirectory: String, variables: Variables) throws -> [AgentDocument] {
        let files = try Self.files(paths, defaultDirectory: defaultDirectory)
        let report = ValidationReport(paths: files, strict: false, validator: Validator(variables: variables))
        if report.hasErrors || report.files.contains(where: { $0.document == nil }) {
            throw CommandFailure(.findings, details: variables.redact(report.rendered(.text, style: Terminal.stderrStyle)),
                                 messages: ["fix the errors above first; nothing was sent"])
        }
        return report.files.compactMap(\.document)
    }

    private static func files(_ paths: [String], defaultDirectory: String) throws -> [String] {
        do {
            return try AgentFileFinder.files(in: paths.isEmpty ? [defaultDirectory] : paths)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
    }

    /// The readable files of `resource` in `directory`, read only when a tracked file is gone (it may have been
    /// renamed), so a pull holds no file it does not need, and of those only their `LocalFile`.
    static func renameCandidates(_ resource: Resource, state: SyncState, environment: String, directory: String) -> [LocalFile] {
        guard Reconciling.needsHashes(resource, environment: environment, state: state),
              let files = try? AgentFileFinder.files(in: [directory]) else { return [] }
        return files.compactMap { file in
            (try? AgentDocument.readBytes(path: file)).flatMap { try? AgentDocument.parse(bytes: $0, file: file) }
                .map { LocalFile($0, of: resource, hashed: true) }
        }
    }
}

import Synchronization
import ConfigModel
import Foundation
import Remote
import TestSupport
import XCTest

/// A second resource, described the way tools will be: its own folder and endpoints, PUT replacing the whole
/// `config` section, no documented defaults. The engine must handle it from the description alone.
let widgets = Resource(
    kind: "widget", plural: "widgets", folder: "widgets",
    endpoints: ResourceEndpoints(collection: "/v1/widgets", create: "/v1/widgets", updateMethod: "PUT",
                                 listKey: "widgets", idKey: "id", namePath: ["name"], isWellTypedItem: { _ in true }),
    schema: ResourceSchema(
        requestBody: { NodeConversion.json($0.root, kind: { _ in nil }).objectValue },
        defaultValue: { _ in nil }, fileKeys: ["name", "config"], rank: { _, _ in nil }, fileHeader: { _ in "# widget" }),
    updateBody: { _, local in JSONObject([("config", local["config"] ?? .object(JSONObject()))]) },
    remoteVersion: { $0["metadata"]?["updated_at_unix_secs"]?.numberValue })

func jsonObject(_ text: String) -> JSONObject {
    try! JSONParser.parse(text).objectValue!
}

func document(_ yaml: String, file: String) throws -> AgentDocument {
    try AgentDocument.parse(bytes: Array(yaml.utf8), file: file)
}

/// A reader of these documents by path, as commands read files from disk.
func reading(_ documents: [AgentDocument]) -> @Sendable (String) -> AgentDocument? {
    let byFile = Dictionary(documents.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    return { byFile[$0] }
}

/// Agent files held in memory by path, read by plans and pushes as commands read them from disk; a test may change
/// one between the two.
final class FileShelf: Sendable {
    private let documents = Mutex<[String: AgentDocument]>([:])

    func put(_ document: AgentDocument) { documents.withLock { $0[document.file] = document } }

    @Sendable func read(_ file: String) -> AgentDocument? { documents.withLock { $0[file] } }
}

/// A fresh directory's path, removed after the test; resource files are written under it by absolute path.
func temporaryDirectory(_ test: XCTestCase) throws -> String {
    try AgentctlProcess.temporaryDirectory(test).path
}

extension SyncState {
    /// The entry a sync of `base` would record (file and live content both `base`), its base kept in this state's store.
    func tracking(_ resource: Resource, id: String, remoteUpdatedAt: Double?, base: JSONObject) -> Entry {
        Entry(resource, id: id, remoteUpdatedAt: remoteUpdatedAt, fileHash: ContentHash.of(base),
              baseHash: try? bases.keep(base))
    }
}

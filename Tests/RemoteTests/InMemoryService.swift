import ConfigModel
import Remote
import Synchronization

/// The API in memory, for unit tests of the sync engine: items per resource kind with IDs counted up, an update
/// stamp that moves on every write, PATCH merged and PUT replacing as the description says, every call recorded.
/// Failures and a server that drops fields can be set per test.
final class InMemoryService: ResourceService {
    struct Unreachable: Error, CustomStringConvertible {
        let id: String
        var description: String { "cannot reach \(id)" }
    }

    private struct Store {
        var items: [String: [String: JSONObject]] = [:]
        var names: [String: [String]] = [:]
        var nextID = 1
        var clock = 1000.0
        var calls: [String] = []
        var bodies: [JSONObject] = []
        var running = 0
        var peakRunning = 0
    }

    private let store = Mutex(Store())
    /// IDs whose reads and deletes fail.
    let failing: Set<String>
    /// Top-level keys the server silently does not store.
    let dropped: Set<String>
    /// How long each read takes, so reads overlap.
    let latency: Duration

    init(failing: Set<String> = [], dropped: Set<String> = [], latency: Duration = .zero) {
        self.failing = failing
        self.dropped = dropped
        self.latency = latency
    }

    var calls: [String] { store.withLock { $0.calls } }
    /// The bodies of creates and updates, in order.
    var bodies: [JSONObject] { store.withLock { $0.bodies } }
    var peakReadsInFlight: Int { store.withLock { $0.peakRunning } }

    /// Puts an item on the server, as someone using the web app would; returns its ID.
    @discardableResult
    func seed(_ resource: Resource, _ body: JSONObject) -> String {
        store.withLock { insert(resource, body, in: &$0) }
    }

    /// Edits a live item behind agentctl's back (drift).
    func edit(_ resource: Resource, id: String, _ change: JSONObject) {
        store.withLock { store in
            store.items[resource.kind]![id] = Self.merge(store.items[resource.kind]![id]!, change)
            Self.stamp(resource, id: id, in: &store)
        }
    }

    func item(_ resource: Resource, id: String) -> JSONObject? {
        store.withLock { $0.items[resource.kind]?[id] }
    }

    func list(_ resource: Resource) async throws -> [ResourceListing] {
        store.withLock { store in
            store.calls.append("list \(resource.plural)")
            return (store.names[resource.kind] ?? []).map { id in
                ResourceListing(id: id, name: store.items[resource.kind]![id]!["name"]?.stringValue ?? "")
            }
        }
    }

    func get(_ resource: Resource, id: String) async throws -> JSONObject {
        store.withLock { store in
            store.calls.append("get \(id)")
            store.running += 1
            store.peakRunning = max(store.peakRunning, store.running)
        }
        try? await Task.sleep(for: latency)
        let item = store.withLock { store in
            store.running -= 1
            return store.items[resource.kind]?[id]
        }
        guard !failing.contains(id), let item else { throw Unreachable(id: id) }
        return item
    }

    func create(_ resource: Resource, _ body: JSONObject) async throws -> String {
        store.withLock { store in
            store.calls.append("create \(resource.kind)")
            store.bodies.append(body)
            return insert(resource, body, in: &store)
        }
    }

    func update(_ resource: Resource, id: String, _ body: JSONObject) async throws {
        try store.withLock { store in
            store.calls.append("\(resource.endpoints.updateMethod) \(id)")
            store.bodies.append(body)
            guard let old = store.items[resource.kind]?[id] else { throw Unreachable(id: id) }
            let kept = stored(body)
            store.items[resource.kind]![id] = resource.endpoints.updateMethod == "PUT"
                ? kept.merging(identity: old, idKey: resource.endpoints.idKey) : Self.merge(old, kept)
            Self.stamp(resource, id: id, in: &store)
        }
    }

    func delete(_ resource: Resource, id: String) async throws {
        try store.withLock { store in
            store.calls.append("delete \(id)")
            guard !failing.contains(id), store.items[resource.kind]?.removeValue(forKey: id) != nil else {
                throw Unreachable(id: id)
            }
            store.names[resource.kind]?.removeAll { $0 == id }
        }
    }

    private func insert(_ resource: Resource, _ body: JSONObject, in store: inout Store) -> String {
        let id = "\(resource.kind)_\(store.nextID)"
        store.nextID += 1
        var item = stored(body)
        item[resource.endpoints.idKey] = .string(id)
        store.items[resource.kind, default: [:]][id] = item
        store.names[resource.kind, default: []].append(id)
        Self.stamp(resource, id: id, in: &store)
        return id
    }

    private func stored(_ body: JSONObject) -> JSONObject {
        var kept = JSONObject()
        for (key, value) in body where !dropped.contains(key) { kept[key] = value }
        return kept
    }

    private static func stamp(_ resource: Resource, id: String, in store: inout Store) {
        store.clock += 1
        store.items[resource.kind]![id]!["metadata"] = .object(JSONObject([("updated_at_unix_secs", .number(JSONNumber(store.clock)))]))
    }

    /// PATCH: objects merge key by key, anything else is replaced.
    static func merge(_ old: JSONObject, _ new: JSONObject) -> JSONObject {
        var result = old
        for (key, value) in new {
            if let child = value.objectValue, let existing = old[key]?.objectValue {
                result[key] = .object(merge(existing, child))
            } else {
                result[key] = value
            }
        }
        return result
    }
}

private extension JSONObject {
    /// A replacement that keeps the item's ID.
    func merging(identity old: JSONObject, idKey: String) -> JSONObject {
        var result = self
        result[idKey] = old[idKey]
        return result
    }
}

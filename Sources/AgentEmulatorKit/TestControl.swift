import FlyingFox
import Foundation

/// Test hooks that change how the emulator behaves while it runs, so one server can first fail and then recover:
/// agents whose writes answer 503, fields a write silently drops, answers of the wrong shape, and a log of every
/// write body received.
actor TestControl {
    private var unavailableAgents: Set<String> = []
    private var droppedFields: [[String]] = []
    /// Agent ID (or `*` for every agent) -> dotted path -> the value a GET answers there instead.
    private var answerOverrides: [String: [(path: [String], value: JSONValue)]] = [:]
    private var writes: [JSONValue] = []

    /// `POST /_emulator/control` with `{"unavailable_agents": [...], "drop_fields": ["a.b.c", ...],
    /// "answer_overrides": {"agent_…": {"conversation_config": "oops"}}}`.
    func configure(_ body: JSONValue) {
        if case .array(let ids)? = body["unavailable_agents"] { unavailableAgents = Set(ids.compactMap(\.stringValue)) }
        if case .array(let paths)? = body["drop_fields"] {
            droppedFields = paths.compactMap(\.stringValue).map { $0.split(separator: ".").map(String.init) }
        }
        if case .object(let agents)? = body["answer_overrides"] {
            answerOverrides = agents.compactMapValues { overrides in
                guard case .object(let paths) = overrides else { return nil }
                return paths.sorted { $0.key < $1.key }.map { (path: $0.key.split(separator: ".").map(String.init), value: $0.value) }
            }
        }
    }

    /// A GET answer with the overrides for `id` (and for every agent) applied.
    func overridden(_ document: JSONValue, id: String) -> JSONValue {
        let overrides = (answerOverrides["*"] ?? []) + (answerOverrides[id] ?? [])
        return overrides.reduce(document) { Self.setting($1.path[...], to: $1.value, in: $0) }
    }

    private static func setting(_ path: ArraySlice<String>, to value: JSONValue, in node: JSONValue) -> JSONValue {
        guard let key = path.first, case .object(var members) = node else { return node }
        members[key] = path.count == 1 ? value : setting(path.dropFirst(), to: value, in: members[key] ?? .object([:]))
        return .object(members)
    }

    /// `GET /_emulator/writes`: each POST, PATCH and DELETE on an agent, with its body, in arrival order.
    var writeLog: JSONValue { .array(writes) }

    func record(method: String, path: String, body: Data) {
        let parsed = (try? JSONParser.parse(body)) ?? .null
        writes.append(.object(["method": .string(method), "path": .string(path), "body": parsed]))
    }

    func isUnavailable(_ path: String) -> Bool {
        unavailableAgents.contains { path.hasSuffix("/" + $0) }
    }

    /// The body without the fields the "API" is set to drop silently.
    func withoutDroppedFields(_ body: JSONValue) -> JSONValue {
        droppedFields.reduce(body) { Self.removing($1[...], from: $0) }
    }

    private static func removing(_ path: ArraySlice<String>, from value: JSONValue) -> JSONValue {
        guard let key = path.first, case .object(var members) = value else { return value }
        if path.count == 1 {
            members.removeValue(forKey: key)
        } else if let child = members[key] {
            members[key] = removing(path.dropFirst(), from: child)
        }
        return .object(members)
    }
}

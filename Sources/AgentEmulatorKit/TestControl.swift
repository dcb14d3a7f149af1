import FlyingFox
import Foundation

/// Test hooks that change how the emulator behaves while it runs, so one server can first fail and then recover:
/// agents whose writes answer 503, fields a write silently drops, and a log of every write body received.
actor TestControl {
    private var unavailableAgents: Set<String> = []
    private var droppedFields: [[String]] = []
    private var writes: [JSONValue] = []

    /// `POST /_emulator/control` with `{"unavailable_agents": [...], "drop_fields": ["a.b.c", ...]}`.
    func configure(_ body: JSONValue) {
        if case .array(let ids)? = body["unavailable_agents"] { unavailableAgents = Set(ids.compactMap(\.stringValue)) }
        if case .array(let paths)? = body["drop_fields"] {
            droppedFields = paths.compactMap(\.stringValue).map { $0.split(separator: ".").map(String.init) }
        }
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

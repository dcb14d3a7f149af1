import Foundation

extension EmulatorProcess {
    /// Sends any API request with the key, as a client would; returns the answer as parsed JSON.
    public func request(_ method: String, _ path: String, _ json: String? = nil) async throws -> Any {
        try JSONSerialization.jsonObject(with: try await send(method, path, body: json), options: [.fragmentsAllowed])
    }

    /// Creates an agent test (`POST /v1/convai/agent-testing/create`); returns its ID.
    public func createTest(named name: String) async throws -> String {
        let body = try JSONSerialization.data(withJSONObject: ["name": name, "success_condition": "Helps"])
        let answer = try await request("POST", "/v1/convai/agent-testing/create", String(decoding: body, as: UTF8.self))
        guard let id = (answer as? [String: Any])?["id"] as? String else { throw UnexpectedAnswer(answer: "\(answer)") }
        return id
    }
}

/// An emulator answer that is not what the helper asked for.
struct UnexpectedAnswer: Error, CustomStringConvertible {
    let answer: String
    var description: String { "unexpected answer: \(answer)" }
}

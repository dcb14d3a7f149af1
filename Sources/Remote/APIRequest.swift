import Foundation

/// One call to the API, with what the retry rules need to know about it.
struct APIRequest: Sendable {
    let method: String
    let path: String
    var query: [(String, String)] = []
    var body: Data?
    /// Sending it twice has the same effect as once (GET, PATCH with the same body, DELETE).
    /// Only those are retried after an error that may come after the server acted on them.
    let idempotent: Bool
    /// A 2xx answer must be a JSON object.
    var expectsJSONObject = true
    /// For messages: "list agents", "update agent agent_123".
    let operation: String
}

/// What one attempt produced.
enum AttemptOutcome: Sendable {
    case response(status: Int, retryAfter: String?, location: String?, body: Data)
    case noResponse(any Error)
}

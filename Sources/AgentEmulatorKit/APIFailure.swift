import FlyingFox

/// A refusal from the endpoints beyond the agent itself, in the API's error shapes.
enum APIFailure: Error {
    /// 404 `{"detail": {"status": ..., "message": ...}}`.
    case notFound(status: String, message: String)
    /// 409 for a write the state forbids (a branch name taken, a tool still in use).
    case conflict(status: String, message: String)
    /// FastAPI's 422.
    case invalid([ValidationIssue])

    var reply: HTTPResponse {
        switch self {
        case .notFound(let status, let message): HTTPReplies.detail(.notFound, status, message)
        case .conflict(let status, let message): HTTPReplies.detail(.conflict, status, message)
        case .invalid(let issues): HTTPReplies.invalid(issues)
        }
    }
}

import FlyingFox
import Foundation

/// JSON responses in the shapes the real API uses for its errors.
enum HTTPReplies {
    static func json(_ status: HTTPStatusCode, _ value: JSONValue, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var headers = headers
        headers[.contentType] = "application/json"
        return HTTPResponse(statusCode: status, headers: headers, body: Data(JSONWriter.data(value)))
    }

    /// ElevenLabs' error body: `{"detail": {"status": ..., "message": ...}}`.
    static func detail(_ status: HTTPStatusCode, _ code: String, _ message: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        json(status, .object(["detail": .object(["status": .string(code), "message": .string(message)])]), headers: headers)
    }

    static func invalid(_ issues: [ValidationIssue]) -> HTTPResponse {
        json(.unprocessableContent, ValidationIssue.body(issues))
    }

    static let notFound = json(.notFound, .object(["detail": "Not Found"]))
    static let methodNotAllowed = json(.methodNotAllowed, .object(["detail": "Method Not Allowed"]))

    static func agentNotFound(_ id: String) -> HTTPResponse {
        detail(.notFound, "agent_not_found", "Agent with id \(id) was not found.")
    }

    static let missingKey = detail(.unauthorized, "needs_authorization",
                                   "Neither authorization header nor xi-api-key received, please provide one.")
    static let invalidKey = detail(.unauthorized, "invalid_api_key", "Invalid API key")
    static let readOnlyKey = detail(.forbidden, "missing_permissions",
                                    "The API key you used is missing the permission convai_write to execute this operation.")

    static func rateLimited(retryAfter: String) -> HTTPResponse {
        detail(.tooManyRequests, "rate_limit_exceeded", "Too many requests. Please retry after a short wait.",
               headers: [HTTPHeader("Retry-After"): retryAfter])
    }

    static let serverError = json(.internalServerError, .object(["detail": "Internal Server Error"]))
    static let unavailable = detail(.serviceUnavailable, "service_unavailable", "The service is temporarily unavailable.")

    /// The same status and headers with the body cut in half: a response that is not valid JSON.
    static func truncated(_ response: HTTPResponse) async -> HTTPResponse {
        let body = (try? await response.bodyData) ?? Data()
        let cut = body.isEmpty ? Data("{".utf8) : body.prefix(body.count / 2)
        var headers = response.headers
        headers[.contentLength] = nil
        return HTTPResponse(statusCode: response.statusCode, headers: headers, body: Data(cut))
    }

    /// Retry-After as seconds, or as an IMF-fixdate that many seconds ahead.
    static func retryAfter(seconds: Int, asDate: Bool) -> String {
        guard asDate else { return String(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: Date().addingTimeInterval(TimeInterval(seconds)))
    }
}

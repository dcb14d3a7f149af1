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

    static func rateLimited(retryAfter: String?) -> HTTPResponse {
        detail(.tooManyRequests, "rate_limit_exceeded", "Too many requests. Please retry after a short wait.",
               headers: retryAfter.map { [HTTPHeader("Retry-After"): $0] } ?? [:])
    }

    /// Any status, with its reason phrase as `detail` (`Bad Gateway`).
    static func status(_ code: Int) -> HTTPResponse {
        let status = HTTPStatusCode(code, phrase: phrases[code] ?? "Error")
        return json(status, .object(["detail": .string(status.phrase)]))
    }

    private static let phrases = [
        400: "Bad Request", 408: "Request Timeout", 409: "Conflict", 500: "Internal Server Error", 501: "Not Implemented",
        502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    ]

    /// The headers of `response` promising its whole body, half of it, then the connection closed.
    static func cut(_ response: HTTPResponse) async -> HTTPResponse {
        let body = (try? await response.bodyData) ?? Data()
        let half = StreamedBody(prefix: body.prefix(body.count / 2), filler: 0, failsAtEnd: true)
        return HTTPResponse(statusCode: response.statusCode, headers: response.headers,
                            body: HTTPBodySequence(from: half, count: body.count))
    }

    /// The same answer, whole and with its Content-Length, but the connection kept open `delay` after it before it is
    /// closed, and no `Connection: close` said: what a client reads as a connection it may reuse.
    static func closingLate(_ response: HTTPResponse, after delay: Duration) async -> HTTPResponse {
        let body = (try? await response.bodyData) ?? Data()
        let late = StreamedBody(prefix: body, filler: 0, failsAtEnd: false, pauseAtEnd: delay)
        return HTTPResponse(statusCode: response.statusCode, headers: response.headers,
                            body: HTTPBodySequence(from: late, count: body.count))
    }

    /// 200 with a JSON-looking body of `bytes` bytes, made as it is sent and sent chunked (no Content-Length),
    /// so only a client that counts what it reads can stop it.
    static func huge(bytes: Int, declared: Bool) -> HTTPResponse {
        let prefix = Data(#"{"padding": ""#.utf8)
        let filler = max(0, bytes - prefix.count)
        let body = StreamedBody(prefix: prefix, filler: filler, failsAtEnd: false)
        let sequence = declared ? HTTPBodySequence(from: body, count: prefix.count + filler, suggestedBufferSize: 1 << 20)
            : HTTPBodySequence(from: body, suggestedBufferSize: 1 << 20)
        return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: sequence)
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

    /// The same answer with `key` added to each message (`detail`, `detail.message`, `detail[].msg`), as a server
    /// that echoes what it was sent would: the case a client's redaction exists for.
    static func echoing(key: String, in response: HTTPResponse) async -> HTTPResponse {
        let body = (try? await response.bodyData) ?? Data()
        guard let parsed = try? JSONParser.parse(body), case .object(var members) = parsed else { return response }
        let echo = " (xi-api-key: \(key))"
        switch members["detail"] {
        case .string(let text)?: members["detail"] = .string(text + echo)
        case .object(var detail)?:
            detail["message"] = .string((detail["message"]?.stringValue ?? "") + echo)
            members["detail"] = .object(detail)
        case .array(let issues)?:
            members["detail"] = .array(issues.map { issue in
                guard case .object(var fields) = issue else { return issue }
                fields["msg"] = .string((fields["msg"]?.stringValue ?? "") + echo)
                return .object(fields)
            })
        default: break
        }
        return json(response.statusCode, .object(members))
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

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A request that failed, with what to do about it. Messages name where the key came from, never the key.
public struct RemoteError: RemedyWorded, Sendable {
    public enum Kind: Sendable, Equatable {
        /// 401: the key is wrong or for another region.
        case unauthorized
        /// 403: the key lacks a permission.
        case forbidden
        /// 404: no such agent.
        case notFound
        /// 422: the API rejected values in the body.
        case invalid([APIValidationIssue])
        /// 429 on every attempt.
        case rateLimited
        /// 5xx on every attempt.
        case serverError(status: Int)
        /// Another status the client does not expect.
        case unexpectedStatus(Int)
        /// A 2xx whose body is not the JSON expected.
        case malformedResponse
        /// No response: refused, lost, or timed out.
        case connection(String)
        /// The secure connection could not be set up (the reason from the TLS library); never retried.
        case insecureConnection(String)
        /// No request started: an earlier answer refused the key (`KeyAcceptance`).
        case keyRefused
        /// No request started: the server stopped answering (why, from `ServerReachability.explanation`).
        case unreachable(String)
        /// An answer longer than the client reads ("16 MB").
        case answerTooLarge(limit: String)
        /// A 2xx answer that is JSON but not the shape the API documents: each problem ("name is a number, not text").
        case unexpectedShape([String])
        /// A create whose fate is unknown (connection lost, timeout, 5xx, unreadable answer), not retried
        /// because a retry could create the agent twice.
        case outcomeUnknown(String)
    }

    public let kind: Kind
    /// What was attempted, in the user's words: "update agent agent_123".
    public let operation: String
    public let host: String
    public let keySource: APIKey.Source
    public let attempts: Int
    /// The server's own message, with the key redacted, when it sent one.
    public let serverMessage: String?
    /// The last Retry-After the server asked for.
    public let retryAfter: Duration?
    /// How the message names the options that remedy the problem.
    var wording = RemedyWording.plain

    public var description: String { message(wording) }

    public func message(_ wording: RemedyWording) -> String {
        let tries = attempts == 1 ? "" : " after \(attempts) attempts"
        switch kind {
        case .unauthorized:
            return "\(operation) failed: \(host) rejected the API key from \(keySource) (\(status(401))). "
                + "Check that it holds a valid ElevenLabs API key for this host's region."
        case .forbidden:
            return "\(operation) failed: the API key from \(keySource) is not allowed to do this (\(status(403))). "
                + "Give the key the missing permission or use another key."
        case .notFound:
            return "\(operation) failed: not found on \(host) (\(status(404))). "
                + "It may have been deleted, or belong to another workspace or region."
        case .invalid(let issues):
            let lines = issues.map { "\n  \($0.field): \($0.msg)" }.joined()
            return "\(operation) failed: \(host) rejected the request (\(lines.isEmpty ? status(422) : "422 Unprocessable Entity"))"
                + (lines.isEmpty ? "." : ":" + lines)
        case .rateLimited:
            let answer = attempts == 1 ? "answered 429 Too Many Requests" : "kept answering 429 Too Many Requests\(tries)"
            let wait = retryAfter.map { ", Retry-After \(Self.format($0))" } ?? ""
            return "\(operation) failed: \(host) \(answer)\(wait). "
                + "Wait that long and run again, or lower \(wording(.concurrencyOption))."
        case .serverError(let code):
            return "\(operation) failed: \(host) answered \(status(code))\(tries). "
                + "The service may be having trouble; try again later."
        case .unexpectedStatus(let code):
            return "\(operation) failed: \(host) answered \(status(code))."
        case .malformedResponse:
            return "\(operation) failed: \(host) sent a response that is not the JSON the API documents\(tries)."
        case .connection(let reason):
            return "\(operation) failed: no answer from \(host)\(tries): \(reason)."
        case .insecureConnection(let reason):
            return "\(operation) failed: no secure connection to \(host): \(reason). Not retried: check the base URL, "
                + "and that this machine trusts the server's certificate (a proxy that intercepts TLS needs its own trusted)."
        case .keyRefused:
            return "\(operation) not sent: an earlier answer from \(host) refused the API key from \(keySource)"
        case .unreachable(let reason):
            let outcome = attempts == 0 ? "not sent" : "failed\(tries)"
            return "\(operation) \(outcome): \(host) is unreachable (\(reason)); check the network and the base URL"
        case .answerTooLarge(let limit):
            return "\(operation) failed: the answer from \(host) is larger than \(limit), the most agentctl reads; "
                + "it stopped reading. Check that the base URL points at the ElevenLabs API."
        case .unexpectedShape(let problems):
            return "\(operation) failed: the answer from \(host) is not shaped as the API documents: "
                + problems.joined(separator: "; ") + ". Nothing was written for it."
        case .outcomeUnknown(let reason):
            return "\(operation) may or may not have happened: \(reason). It was not retried, as that could "
                + "create a duplicate; list the agents on \(host) to check before running again."
        }
    }

    /// A refused key (401, 403) without the request it was refused for, since every request meets the same refusal.
    public var keyRefusal: String? {
        switch kind {
        case .unauthorized:
            "\(host) rejected the API key from \(keySource) (\(status(401))); check that it holds a valid ElevenLabs API key for this host's region"
        case .forbidden:
            "\(host) refused the API key from \(keySource) (\(status(403))): it lacks a permission; give the key the missing permission or use another key"
        default: nil
        }
    }

    /// `404 Not Found: "Agent with id x was not found."`, quoting the server when it said something.
    private func status(_ code: Int) -> String {
        "\(code) \(Self.reason(code))" + (serverMessage.map { ": \"\($0)\"" } ?? "")
    }

    static func reason(_ status: Int) -> String {
        HTTPURLResponse.localizedString(forStatusCode: status).capitalized
    }

    /// `16 MB` (binary megabytes, as a size limit is set).
    static func format(bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes) bytes"
    }

    static func format(_ duration: Duration) -> String {
        let value = seconds(duration)
        return value == value.rounded() ? "\(Int(value)) s" : String(format: "%.1f s", value)
    }
}

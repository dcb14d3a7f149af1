import ConfigModel
import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends requests to the agents API: at most `concurrency` at once, each bounded by `timeout`,
/// retried per `RetryPolicy` on 429, 5xx and connection errors when that is safe (see `judge`), with no new request
/// started once the server is gone (`ServerReachability`) or has refused the key (`KeyAcceptance`), and no answer read
/// past `maxAnswerBytes`.
public final class APIClient: Sendable {
    public typealias Sleeper = @Sendable (Duration) async throws -> Void

    public struct Configuration: Sendable {
        public var baseURL: APIBaseURL
        public var apiKey: APIKey
        public var concurrency: Int
        /// Limit on one attempt, from connecting to the last byte.
        public var timeout: Duration
        public var retry: RetryPolicy
        /// The longest answer read; a longer one is cancelled and is an error, not memory exhaustion. The largest
        /// agent (prompts, workflow, knowledge base references) is far below it.
        public var maxAnswerBytes = 16 * 1024 * 1024
        /// Called after every attempt (for --verbose); never sees headers or bodies.
        public var trace: (@Sendable (RequestTrace) -> Void)?
        /// How error messages name the command-line options that remedy them.
        public var wording = RemedyWording.plain
        public var sleep: Sleeper
        /// Uniform in 0..<1, for backoff jitter.
        public var random: @Sendable () -> Double
        /// For Retry-After HTTP-dates.
        public var now: @Sendable () -> Date

        public init(baseURL: APIBaseURL = .production, apiKey: APIKey, concurrency: Int = 8,
                    timeout: Duration = .seconds(30), retry: RetryPolicy = RetryPolicy(),
                    trace: (@Sendable (RequestTrace) -> Void)? = nil) {
            self.baseURL = baseURL
            self.apiKey = apiKey
            self.concurrency = max(1, concurrency)
            self.timeout = timeout
            self.retry = retry
            self.trace = trace
            sleep = { try await Task.sleep(for: $0) }
            random = { Double.random(in: 0..<1) }
            now = { Date() }
        }
    }

    public let configuration: Configuration
    /// For requests that are safe to repeat and carry no body; the others each get a session of their own (`perform`).
    private let session: URLSession
    private let pool: RequestPool
    private let responses: BoundedResponses
    private let reachability: Mutex<ServerReachability>
    private let acceptance = Mutex(KeyAcceptance())

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        responses = BoundedResponses(limit: configuration.maxAnswerBytes)
        session = Self.makeSession(configuration, delegate: responses)
        pool = RequestPool(limit: configuration.concurrency)
        reachability = Mutex(ServerReachability(threshold: configuration.retry.unreachableAfter))
    }

    private static func makeSession(_ configuration: Configuration, delegate: BoundedResponses) -> URLSession {
        let settings = URLSessionConfiguration.ephemeral
        settings.httpMaximumConnectionsPerHost = configuration.concurrency
        settings.timeoutIntervalForRequest = seconds(configuration.timeout)
        settings.timeoutIntervalForResource = seconds(configuration.timeout)
        settings.urlCache = nil
        settings.requestCachePolicy = .reloadIgnoringLocalCacheData
        settings.httpCookieAcceptPolicy = .never
        settings.httpShouldSetCookies = false
        return URLSession(configuration: settings, delegate: delegate, delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    private enum Verdict {
        /// The answer's bytes, and its JSON when it had to be read to judge the answer.
        case done(Data, JSONValue?)
        case fail(RemoteError.Kind, String?)
        case retry(RemoteError.Kind, String?, retryAfter: Duration?)
    }

    func send(_ request: APIRequest) async throws(RemoteError) -> Data {
        try await answer(request).body
    }

    /// The answer to `request`: its bytes and, when the request expects a JSON object, that object as read once.
    func answer(_ request: APIRequest) async throws(RemoteError) -> (body: Data, json: JSONValue?) {
        let policy = configuration.retry
        var waited = Duration.zero
        var lastRetryAfter: Duration?
        var attempt = 0
        while true {
            if let gone = unreachable() { throw error(gone, nil, request, attempt, lastRetryAfter) }
            if acceptance.withLock(\.isRefused) { throw error(.keyRefused, nil, request, attempt, lastRetryAfter) }
            attempt += 1
            let outcome = await perform(request, attempt: attempt)
            let (kind, message, retryAfter): (RemoteError.Kind, String?, Duration?)
            switch judge(outcome, request, attempt: attempt) {
            case .done(let body, let json): return (body, json)
            case .fail(let failure, let text):
                let failed = error(failure, text, request, attempt, lastRetryAfter)
                acceptance.withLock { $0.record(failed) }
                throw failed
            case .retry(let failure, let text, let asked): (kind, message, retryAfter) = (failure, text, asked)
            }
            if let gone = unreachable() { throw error(gone, nil, request, attempt, lastRetryAfter) }
            lastRetryAfter = retryAfter ?? lastRetryAfter
            guard attempt < policy.maxAttempts else { throw error(kind, message, request, attempt, lastRetryAfter) }
            let delay: Duration
            if let retryAfter {
                guard retryAfter <= policy.maxRetryAfter else { throw error(kind, message, request, attempt, retryAfter) }
                delay = policy.wait(forRetryAfter: retryAfter, random: configuration.random())
            } else {
                delay = policy.backoff(afterAttempt: attempt, random: configuration.random())
            }
            guard waited + delay <= policy.maxTotalWait else { throw error(kind, message, request, attempt, lastRetryAfter) }
            waited += delay
            do {
                try await configuration.sleep(delay)
            } catch {
                throw self.error(.connection("cancelled"), nil, request, attempt, lastRetryAfter)
            }
        }
    }

    /// The first request whose answer refused the key (401, 403), once one has: the run stopped starting requests then.
    public var keyRefusal: RemoteError? { acceptance.withLock(\.refusal) }

    /// `.unreachable` once the server is gone: no attempt is started after that.
    private func unreachable() -> RemoteError.Kind? {
        reachability.withLock { $0.isGone ? .unreachable($0.explanation) : nil }
    }

    private func perform(_ request: APIRequest, attempt: Int) async -> AttemptOutcome {
        let url = configuration.baseURL.endpoint(request.path, query: request.query)
        var urlRequest = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData,
                                    timeoutInterval: seconds(configuration.timeout))
        urlRequest.httpMethod = request.method
        urlRequest.setValue(configuration.apiKey.secret, forHTTPHeaderField: "xi-api-key")
        urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
        urlRequest.setValue("agentctl", forHTTPHeaderField: "User-Agent")
        if let body = request.body {
            urlRequest.httpBody = body
            urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        // libcurl silently resends a request once when a reused connection closes before any answer: a create must
        // not be sent twice, and a body cannot be rewound (the resend went without it and waited out the timeout).
        // So these go alone, on a session of their own: a connection a server left open is never theirs to reuse.
        let alone = !request.idempotent || request.body != nil
        if alone { urlRequest.setValue("close", forHTTPHeaderField: "Connection") }
        await pool.acquire()
        let started = ContinuousClock.now
        let outcome: AttemptOutcome
        let transport = alone ? Self.makeSession(configuration, delegate: responses) : session
        do {
            let (body, response) = try await responses.data(for: urlRequest, on: transport)
            if let http = response as? HTTPURLResponse {
                outcome = .response(status: http.statusCode, retryAfter: http.value(forHTTPHeaderField: "Retry-After"),
                                    location: http.value(forHTTPHeaderField: "Location"), body: body)
            } else {
                outcome = .noResponse(URLError(.badServerResponse))
            }
        } catch {
            outcome = .noResponse(error)
        }
        if alone { transport.finishTasksAndInvalidate() }
        await pool.release()
        reachability.withLock { state in
            switch outcome {
            case .response: state.record(answered: true, attempt: attempt)
            case .noResponse(let error) where error is BoundedResponses.TooLarge: state.record(answered: true, attempt: attempt)
            case .noResponse(let error): state.record(answered: false, attempt: attempt, failure: describe(error))
            }
        }
        if let trace = configuration.trace {
            let (status, failure): (Int?, String?) = switch outcome {
            case .response(let status, _, _, _): (status, nil)
            case .noResponse(let error): (nil, describe(error))
            }
            trace(RequestTrace(method: request.method, url: url, status: status, failure: failure,
                               duration: started.duration(to: .now), attempt: attempt))
        }
        return outcome
    }

    /// The retry rules. 429 and 503 mean the server turned the request away, so every request is retried.
    /// Timeouts, lost connections, other 5xx and unreadable answers may come after the server acted:
    /// only idempotent requests are retried then, and a create reports an unknown outcome instead of
    /// risking a duplicate agent. Errors that happen before anything is sent are retried for all: a refused
    /// connection, or a timeout or lost connection before a byte of the body was taken (`BodyNotSent`).
    private func judge(_ outcome: AttemptOutcome, _ request: APIRequest, attempt: Int) -> Verdict {
        let host = configuration.baseURL.host
        switch outcome {
        case .noResponse(let error) where error is BoundedResponses.TooLarge:
            let limit = RemoteError.format(bytes: configuration.maxAnswerBytes)
            return request.idempotent
                ? .fail(.answerTooLarge(limit: limit), nil)
                : .fail(.outcomeUnknown("the answer from \(host) is larger than \(limit), the most agentctl reads"), nil)
        case .noResponse(let error) where error is BoundedResponses.BodyNotSent:
            return .retry(.connection(describe(error)), nil, retryAfter: nil)
        case .noResponse(let error) where TLSFailure.reason(error) != nil:
            return .fail(.insecureConnection(configuration.apiKey.redact(TLSFailure.reason(error) ?? "")), nil)
        case .noResponse(let error):
            let reason = describe(error)
            let code = (error as? URLError)?.code
            if let code, Self.permanentCodes.contains(code) { return .fail(.connection(reason), nil) }
            if request.idempotent || code.map(Self.notSentCodes.contains) == true {
                return .retry(.connection(reason), nil, retryAfter: nil)
            }
            return .fail(.outcomeUnknown(reason), nil)
        case .response(let status, _, _, let body) where (200..<300).contains(status):
            guard request.expectsJSONObject else { return .done(body, nil) }
            // Read once here; the caller takes this reading rather than parsing the answer again.
            guard let json = try? JSONParser.parse(Array(body)), json.objectValue != nil else {
                return request.idempotent
                    ? .retry(.malformedResponse, nil, retryAfter: nil)
                    : .fail(.outcomeUnknown("the answer from \(host) could not be read (status \(status), not JSON)"), nil)
            }
            return .done(body, json)
        case .response(let status, let retryAfterHeader, let location, let body):
            let message = serverMessage(body)
            let retryAfter = retryAfterHeader.flatMap { RetryPolicy.retryAfter($0, now: configuration.now()) }
            switch status {
            case 300..<400:
                let target = location.map { "redirected to \($0); use that address as the base URL" } ?? "redirected"
                return .fail(.unexpectedStatus(status), target)
            case 401: return .fail(.unauthorized, message)
            case 403: return .fail(.forbidden, message)
            // A retried DELETE that finds nothing: an earlier attempt deleted it.
            case 404 where request.method == "DELETE" && attempt > 1: return .done(Data(), nil)
            case 404: return .fail(.notFound, message)
            case 422: return .fail(.invalid(issues(body)), message)
            case 429: return .retry(.rateLimited, message, retryAfter: retryAfter)
            case 503: return .retry(.serverError(status: status), message, retryAfter: retryAfter)
            case 408, 500, 502, 504:
                return request.idempotent
                    ? .retry(.serverError(status: status), message, retryAfter: retryAfter)
                    : .fail(.outcomeUnknown("\(host) answered \(status) \(RemoteError.reason(status))"), message)
            case 500..<600: return .fail(.serverError(status: status), message)
            default: return .fail(.unexpectedStatus(status), message)
            }
        }
    }

    private static let permanentCodes: Set<URLError.Code> = [.badURL, .unsupportedURL, .cancelled]

    /// Failures before the request left this machine: safe to retry even a create.
    private static let notSentCodes: Set<URLError.Code> = [
        .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
    ]

    private func describe(_ error: any Error) -> String {
        if error is BoundedResponses.TooLarge {
            return "the answer is larger than \(RemoteError.format(bytes: configuration.maxAnswerBytes))"
        }
        if let unsent = error as? BoundedResponses.BodyNotSent { return describe(unsent.failure) + " before the request was sent" }
        guard let code = (error as? URLError)?.code else {
            return configuration.apiKey.redact(String(describing: error))
        }
        switch code {
        case .timedOut: return "timed out after \(RemoteError.format(configuration.timeout))"
        case .cannotConnectToHost: return "connection refused"
        case .networkConnectionLost: return "the connection closed before the answer arrived"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .notConnectedToInternet: return "no network connection"
        case .badServerResponse: return "the connection closed without a valid HTTP answer"
        default: return configuration.apiKey.redact((error as NSError).localizedDescription)
        }
    }

    private func error(_ kind: RemoteError.Kind, _ message: String?, _ request: APIRequest, _ attempts: Int,
                       _ retryAfter: Duration?) -> RemoteError {
        RemoteError(kind: kind, operation: request.operation, host: configuration.baseURL.host,
                    keySource: configuration.apiKey.source, attempts: attempts, serverMessage: message,
                    retryAfter: retryAfter, wording: configuration.wording)
    }

    /// `detail` (a string) or `detail.message`, as the API words its errors; redacted, shortened, control characters escaped.
    private func serverMessage(_ body: Data) -> String? {
        guard let detail = (try? JSONParser.parse(Array(body)))?["detail"] else { return nil }
        let text = detail.stringValue ?? detail["message"]?.stringValue
        return text.map { VisibleText.escape(String(configuration.apiKey.redact($0).prefix(300))) }
    }

    private func issues(_ body: Data) -> [APIValidationIssue] {
        let found = (try? JSONParser.parse(Array(body)))?.list("detail", APIValidationIssue.init(json:)) ?? []
        return found.map { APIValidationIssue(loc: $0.loc, msg: VisibleText.escape(configuration.apiKey.redact($0.msg)), type: $0.type) }
    }
}

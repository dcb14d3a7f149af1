import FlyingFox
import FlyingSocks
import Foundation

/// The agents API on 127.0.0.1 over real HTTP, with the faults a `FaultPlan` asks for.
public final class AgentEmulator: Sendable {
    private let configuration: EmulatorConfiguration
    private let store: AgentStore
    private let routes: AgentRoutes
    private let stats = EmulatorStats()
    private let server: HTTPServer

    public init(configuration: EmulatorConfiguration, catalog: SchemaCatalog) async throws {
        self.configuration = configuration
        store = AgentStore(catalog: catalog, seed: configuration.randomSeed, instance: configuration.instance,
                           frozenClock: configuration.frozenClock)
        try await store.seed(count: configuration.seedAgents)
        let ids = IDSpace(seed: configuration.randomSeed, instance: configuration.instance)
        let resources = ResourceStores(
            catalog: catalog,
            tools: ToolStore(catalog: catalog, ids: ids, frozenClock: configuration.frozenClock),
            tests: AgentTestStore(catalog: catalog, ids: ids, frozenClock: configuration.frozenClock)
        )
        routes = AgentRoutes(store: store, apiKey: configuration.apiKey, readOnlyAPIKey: configuration.readOnlyAPIKey,
                             resources: resources, echoKey: configuration.echoKey)
        let config = if configuration.host.contains(":") {
            HTTPServer.Configuration(address: try sockaddr_in6.inet6(ip6: configuration.host, port: configuration.port),
                                     timeout: 300, logger: .disabled)
        } else {
            HTTPServer.Configuration(address: try sockaddr_in.inet(ip4: configuration.host, port: configuration.port),
                                     timeout: 300, logger: .disabled)
        }
        server = HTTPServer(config: config)
        await server.appendRoute("*") { [self] request in await self.handle(request) }
    }

    /// Serves until cancelled; `listening` gets the bound port once connections are accepted.
    public func run(listening: @escaping @Sendable (UInt16) -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask {
                try await self.server.waitUntilListening()
                switch await self.server.listeningAddress {
                case .ip4(_, let port)?, .ip6(_, let port)?: listening(port)
                default: throw SocketError.unsupportedAddress
                }
            }
            // A bind failure ends run() at once; otherwise the listening task ends first and run() serves on.
            while try await group.next() != nil {}
        }
    }

    public func stop() async {
        await server.stop()
    }

    private func handle(_ request: HTTPRequest) async -> HTTPResponse {
        if request.path.hasPrefix("/_emulator/") { return await control(request) }
        let started = ContinuousClock.now
        let number = await stats.begin()
        if configuration.faults.isGone(atRequest: number) {
            await stats.end()
            Task { await server.stop() }
            return HTTPResponse(webSocket: ConnectionDrop())
        }
        let response = await closing(await answer(request, number: number), of: request, number: number)
        await stats.end()
        if configuration.logRequests {
            let elapsed = started.duration(to: .now).components
            let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
            let status = response.statusCode == .switchingProtocols ? "dropped" : String(response.statusCode.code)
            FileHandle.standardError.write(Data("\(request.method.rawValue) \(request.path) \(status) \(milliseconds)ms\n".utf8))
        }
        return response
    }

    private func answer(_ request: HTTPRequest, number: Int) async -> HTTPResponse {
        let faults = configuration.faults
        let delay = faults.delayMilliseconds(forRequest: number, seed: configuration.randomSeed)
        if delay > 0 { try? await Task.sleep(for: .milliseconds(delay)) }
        if let target = configuration.redirectTarget {
            var headers = HTTPHeaders()
            headers[.location] = target + request.target.path() + Self.query(request)
            return HTTPResponse(statusCode: .temporaryRedirect, headers: headers)
        }
        if let fault = faults.fault(forRequest: number) {
            await stats.record(fault.rawValue)
            switch fault {
            case .drop: return HTTPResponse(webSocket: ConnectionDrop())
            case .reset: return HTTPResponse(webSocket: ConnectionReset(client: request.remoteAddress))
            case .rateLimit:
                if faults.retryAfterOmitted { return HTTPReplies.rateLimited(retryAfter: nil) }
                let value = HTTPReplies.retryAfter(seconds: faults.retryAfterSeconds, asDate: faults.retryAfterAsDate)
                return HTTPReplies.rateLimited(retryAfter: value)
            case .serverError: return HTTPReplies.serverError
            case .unavailable: return HTTPReplies.unavailable
            }
        }
        if let status = faults.status(forRequest: number) {
            await stats.record("status_\(status)")
            return HTTPReplies.status(status)
        }
        if faults.answersHuge(toRequest: number) {
            await stats.record("huge")
            return HTTPReplies.huge(bytes: faults.hugeAnswerBytes, declared: faults.hugeAnswerDeclared)
        }
        let response = await routes.handle(request)
        if faults.cutsBody(ofRequest: number) {
            await stats.record("cut")
            return await HTTPReplies.cut(response)
        }
        guard faults.corruptsBody(ofRequest: number) else { return response }
        await stats.record("malformed")
        return await HTTPReplies.truncated(response)
    }

    /// How the answer treats its connection: closed late (a whole answer picked by `closeLateEvery`), else, when the
    /// request asked to close it, saying so (RFC 9112 9.6), so no client keeps a connection the server is closing.
    private func closing(_ response: HTTPResponse, of request: HTTPRequest, number: Int) async -> HTTPResponse {
        guard response.statusCode != .switchingProtocols else { return response }
        let faults = configuration.faults
        if faults.closesLate(afterRequest: number), !faults.cutsBody(ofRequest: number), !faults.answersHuge(toRequest: number) {
            await stats.record("closed_late")
            return await HTTPReplies.closingLate(response, after: faults.lateCloseDelay)
        }
        guard Self.asksToClose(request) else { return response }
        var closing = response
        closing.headers[.connection] = "close"
        return closing
    }

    private static func asksToClose(_ request: HTTPRequest) -> Bool {
        (request.headers[.connection] ?? "").split(separator: ",").contains {
            $0.trimmingCharacters(in: .whitespaces).lowercased() == "close"
        }
    }

    private static func query(_ request: HTTPRequest) -> String {
        let query = request.target.query()
        return query.isEmpty ? "" : "?" + query
    }

    /// Test hooks, outside the API's paths and faults: stats, runtime control and the write log (docs/emulator.md).
    private func control(_ request: HTTPRequest) async -> HTTPResponse {
        switch (request.method, request.path) {
        case (.GET, "/_emulator/stats"):
            return HTTPReplies.json(.ok, await stats.snapshot(agents: await store.count))
        case (.POST, "/_emulator/stats/reset"):
            await stats.reset()
            return HTTPReplies.json(.ok, await stats.snapshot(agents: await store.count))
        case (.POST, "/_emulator/control"):
            let body = (try? JSONParser.parse((try? await request.bodyData) ?? Data())) ?? .object([:])
            await routes.control.configure(body)
            await routes.resources.tests.configure(body)
            return HTTPReplies.json(.ok, .object([:]))
        case (.GET, "/_emulator/writes"):
            return HTTPReplies.json(.ok, await routes.control.writeLog)
        default:
            return HTTPReplies.notFound
        }
    }
}

/// Closes the connection before a byte of the response is written.
/// FlyingFox asks a WebSocket handler for its frames before sending the upgrade response,
/// so a handler that throws there ends the connection with nothing sent.
private struct ConnectionDrop: WSHandler {
    struct Dropped: Error {}

    func makeFrames(for client: AsyncThrowingStream<WSFrame, any Error>) async throws -> AsyncStream<WSFrame> {
        throw Dropped()
    }
}

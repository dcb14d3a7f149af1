import AgentEmulatorKit
import ArgumentParser
import Foundation

/// Test support: serves the ElevenLabs agents API on 127.0.0.1 (see docs/emulator.md).
@main
struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agentctl-emulator",
        abstract: "A local emulator of the ElevenLabs agents API, for tests. Not part of agentctl.",
        discussion: """
        Serves the agents, tools, agent tests and branches endpoints under /v1/convai on 127.0.0.1 and prints one line, \
        "listening on http://127.0.0.1:PORT", once it accepts connections. See docs/emulator.md.

        Faults count API requests in arrival order from 1; when several pick the same request, the \
        first of drop, 429, 500, 503, --error-every, --huge-answer-every wins. Test hooks: GET /_emulator/stats, POST /_emulator/stats/reset.

        Exit status: 0 after SIGTERM, SIGINT or (with --exit-on-stdin-close) end of input; 64 for bad flags; \
        1 when it cannot start (for example, the port is taken).
        """
    )

    @Option(help: ArgumentHelp("TCP port; 0 picks a free one.", valueName: "port"))
    var port: UInt16 = 0

    @Option(help: ArgumentHelp("The loopback address to listen on: 127.0.0.1 or ::1.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(name: .customLong("api-key"), help: ArgumentHelp("The xi-api-key value to accept.", valueName: "key"))
    var apiKey = "emulator-test-key"

    @Option(name: .customLong("read-only-api-key"), help: ArgumentHelp("A key that may read but gets 403 on writes.", valueName: "key"))
    var readOnlyAPIKey: String?

    @Flag(help: "Echo the key a request sent in 401 and 422 answers (tests that clients redact it).")
    var echoKey = false

    @Option(help: ArgumentHelp("Start with N generated agents.", valueName: "n"))
    var seedAgents = 0

    @Option(name: .customLong("latency-ms"), help: ArgumentHelp("Delay every API request: MS fixed, or MIN-MAX uniform.", valueName: "ms|min-max"))
    var latency: Latency?

    @Option(help: ArgumentHelp("Answer every N-th request with 429 and Retry-After.", valueName: "n"))
    var rateLimitEvery: Int?

    @Option(help: ArgumentHelp("Retry-After seconds sent with 429.", valueName: "seconds"))
    var retryAfter = 1

    @Flag(help: "Send Retry-After as an HTTP-date instead of seconds.")
    var retryAfterHttpDate = false

    @Flag(help: "Send 429 without a Retry-After header.")
    var noRetryAfter = false

    @Option(name: .customLong("error-500-every"), help: ArgumentHelp("Answer every N-th request with 500.", valueName: "n"))
    var error500Every: Int?

    @Option(name: .customLong("error-503-every"), help: ArgumentHelp("Answer every N-th request with 503.", valueName: "n"))
    var error503Every: Int?

    @Option(help: ArgumentHelp("Close the connection without answering every N-th request (not processed).", valueName: "n"))
    var dropEvery: Int?

    @Option(help: ArgumentHelp("Reset the connection (TCP RST) without answering every N-th request (not processed).",
                               valueName: "n"))
    var resetEvery: Int?

    @Option(help: ArgumentHelp("Process every N-th request, then cut its response body short.", valueName: "n"))
    var malformedEvery: Int?

    @Option(name: .customLong("error-every"), parsing: .singleValue,
            help: ArgumentHelp("Answer every N-th request with STATUS (not processed); repeatable.", valueName: "status:n"))
    var statusEvery: [StatusEvery] = []

    @Option(help: ArgumentHelp("Process every N-th request, send half its body after the full Content-Length, close.",
                               valueName: "n"))
    var cutBodyEvery: Int?

    @Option(help: ArgumentHelp("Answer every N-th request without Connection: close and close its connection 0.5 s later.",
                               valueName: "n"))
    var closeLateEvery: Int?

    @Option(help: ArgumentHelp("Answer every N-th request 200 with a chunked body of --huge-answer-bytes.", valueName: "n"))
    var hugeAnswerEvery: Int?

    @Option(help: ArgumentHelp("Size of the body --huge-answer-every sends.", valueName: "bytes"))
    var hugeAnswerBytes = 64 * 1024 * 1024

    @Flag(help: "Send the --huge-answer-every body with its Content-Length instead of chunked.")
    var hugeAnswerDeclared = false

    @Option(help: ArgumentHelp("After N API requests, stop listening, close every connection and exit: the server is gone.",
                               valueName: "n"))
    var unreachableAfter: Int?

    @Option(help: ArgumentHelp("Seed for generated IDs and random latency.", valueName: "seed"))
    var randomSeed: UInt64 = 1

    @Option(help: ArgumentHelp("Name of this instance, mixed into every ID (run staging and production side by side).",
                               valueName: "name"))
    var instance: String?

    @Option(help: ArgumentHelp("Freeze the clock at this Unix time; each write still advances one second.", valueName: "unix-seconds"))
    var frozenClock: Int?

    @Option(help: ArgumentHelp("Answer every API request with 307 to this base URL (tests that clients refuse).",
                               valueName: "url"))
    var redirectTo: String?

    @Flag(help: "Log method, path, status and duration of each request to stderr (never headers).")
    var logRequests = false

    @Flag(help: "Exit when standard input reaches end of file (so a crashed test leaves no server behind).")
    var exitOnStdinClose = false

    func validate() throws {
        for (flag, value) in [("--rate-limit-every", rateLimitEvery), ("--error-500-every", error500Every),
                              ("--error-503-every", error503Every), ("--drop-every", dropEvery), ("--reset-every", resetEvery),
                              ("--malformed-every", malformedEvery), ("--cut-body-every", cutBodyEvery),
                              ("--close-late-every", closeLateEvery), ("--huge-answer-every", hugeAnswerEvery)] {
            if let value, value < 1 { throw ValidationError("\(flag) must be at least 1") }
        }
        if seedAgents < 0 { throw ValidationError("--seed-agents must not be negative") }
        if retryAfter < 0 { throw ValidationError("--retry-after must not be negative") }
        if let unreachableAfter, unreachableAfter < 0 { throw ValidationError("--unreachable-after must not be negative") }
        if hugeAnswerBytes < 1 { throw ValidationError("--huge-answer-bytes must be at least 1") }
        guard ["127.0.0.1", "::1"].contains(host) else { throw ValidationError("--host must be 127.0.0.1 or ::1") }
    }

    func run() async throws {
        var settings = EmulatorConfiguration()
        settings.port = port
        settings.host = host
        settings.echoKey = echoKey
        settings.apiKey = apiKey
        settings.readOnlyAPIKey = readOnlyAPIKey
        settings.seedAgents = seedAgents
        settings.randomSeed = randomSeed
        settings.instance = instance
        settings.frozenClock = frozenClock
        settings.logRequests = logRequests
        settings.redirectTarget = redirectTo
        settings.faults.latency = latency?.range
        settings.faults.rateLimitEvery = rateLimitEvery
        settings.faults.retryAfterSeconds = retryAfter
        settings.faults.retryAfterAsDate = retryAfterHttpDate
        settings.faults.serverErrorEvery = error500Every
        settings.faults.unavailableEvery = error503Every
        settings.faults.dropEvery = dropEvery
        settings.faults.resetEvery = resetEvery
        settings.faults.malformedEvery = malformedEvery
        settings.faults.retryAfterOmitted = noRetryAfter
        settings.faults.statusEvery = statusEvery.map { ($0.status, $0.every) }
        settings.faults.cutBodyEvery = cutBodyEvery
        settings.faults.closeLateEvery = closeLateEvery
        settings.faults.hugeAnswerEvery = hugeAnswerEvery
        settings.faults.hugeAnswerBytes = hugeAnswerBytes
        settings.faults.hugeAnswerDeclared = hugeAnswerDeclared
        settings.faults.unreachableAfter = unreachableAfter

        let emulator = try await AgentEmulator(configuration: settings, catalog: try SchemaCatalog.bundled())
        let stopSignals = [SIGTERM, SIGINT].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber)
            source.setEventHandler { Foundation.exit(0) }
            source.resume()
            return source
        }
        defer { stopSignals.forEach { $0.cancel() } }
        if exitOnStdinClose {
            Thread.detachNewThread {
                while readLine(strippingNewline: false) != nil {}
                Foundation.exit(0)
            }
        }
        do {
            try await emulator.run { port in
                let address = host.contains(":") ? "[\(host)]" : host
                FileHandle.standardOutput.write(Data("listening on http://\(address):\(port)\n".utf8))
            }
        } catch {
            FileHandle.standardError.write(Data("agentctl-emulator: cannot serve on \(host) port \(port): \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// `--latency-ms 50` or `--latency-ms 20-80`.
struct Latency: ExpressibleByArgument {
    let range: ClosedRange<Int>

    init?(argument: String) {
        let bounds = argument.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
        switch bounds.count {
        case 1:
            guard let fixed = bounds[0], fixed >= 0 else { return nil }
            range = fixed...fixed
        case 2:
            guard let low = bounds[0], let high = bounds[1], low >= 0, low <= high else { return nil }
            range = low...high
        default:
            return nil
        }
    }
}

/// `--error-every 502:3`: status 502 for every third request.
struct StatusEvery: ExpressibleByArgument {
    let status: Int
    let every: Int

    init?(argument: String) {
        let parts = argument.split(separator: ":").map { Int($0) }
        guard parts.count == 2, let status = parts[0], let every = parts[1], (100...599).contains(status), every >= 1 else {
            return nil
        }
        (self.status, self.every) = (status, every)
    }
}

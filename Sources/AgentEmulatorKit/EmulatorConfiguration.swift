/// Everything the emulator's command-line flags set.
public struct EmulatorConfiguration: Sendable {
    /// 0 picks a free port.
    public var port: UInt16 = 0
    /// The loopback address to listen on: `127.0.0.1` or `::1`.
    public var host = "127.0.0.1"
    /// The `xi-api-key` value accepted for every request.
    public var apiKey = "emulator-test-key"
    /// A second key that may read but not write (writes answer 403).
    public var readOnlyAPIKey: String?
    /// Put the key a request sent into 401 and 422 bodies, as a careless server might: a client must redact it.
    public var echoKey = false
    public var seedAgents = 0
    public var faults = FaultPlan()
    public var randomSeed: UInt64 = 1
    /// Mixed into every generated ID, so emulators run side by side (staging, production) never share an ID.
    public var instance: String?
    /// Freeze the wall clock at this Unix time; writes still advance timestamps one second each.
    public var frozenClock: Int?
    /// Answer every API request with 307 to this base URL plus the request's path, to test that clients
    /// do not follow redirects with the key.
    public var redirectTarget: String?
    /// One line per request on stderr: method, path, status, milliseconds (never headers).
    public var logRequests = false

    public init() {}
}

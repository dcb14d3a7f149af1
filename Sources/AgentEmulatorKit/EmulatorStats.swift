/// Counters a test reads from `GET /_emulator/stats`: how many requests arrived, how many were
/// in flight at once (to check a client's concurrency bound), and which faults were injected.
actor EmulatorStats {
    private var requests = 0
    private var inFlight = 0
    private var maxInFlight = 0
    private var faults: [String: Int] = [:]

    /// Registers an arriving API request and returns its 1-based number.
    func begin() -> Int {
        requests += 1
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        return requests
    }

    func end() {
        inFlight -= 1
    }

    func record(_ fault: String) {
        faults[fault, default: 0] += 1
    }

    func reset() {
        requests = 0
        maxInFlight = inFlight
        faults = [:]
    }

    func snapshot(agents: Int) -> JSONValue {
        .object([
            "requests": .int(requests),
            "in_flight": .int(inFlight),
            "max_in_flight": .int(maxInFlight),
            "agents": .int(agents),
            "faults": .object(faults.mapValues(JSONValue.int)),
        ])
    }
}

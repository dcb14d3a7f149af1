/// Whether the key may still be used in a run, judged from every failed request: the first 401 or 403 refuses it,
/// and the run starts no further request, since each would be refused the same way and say so once per agent.
/// Once refused, it stays refused for the run.
public struct KeyAcceptance: Sendable {
    /// The first request the server refused the key for.
    public private(set) var refusal: RemoteError?

    public init() {}

    /// Records why a request failed; only a refused key (401, 403) counts, and only the first.
    public mutating func record(_ failure: RemoteError) {
        guard refusal == nil, failure.kind.refusesKey else { return }
        refusal = failure
    }

    public var isRefused: Bool { refusal != nil }
}

extension RemoteError.Kind {
    /// 401 or 403: the server turned the key away.
    public var refusesKey: Bool {
        switch self {
        case .unauthorized, .forbidden: true
        default: false
        }
    }
}

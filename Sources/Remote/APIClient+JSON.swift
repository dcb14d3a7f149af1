import ConfigModel

extension APIClient {
    /// The answer to `request` as JSON; an answer that is not JSON is a malformed response.
    func json(_ request: APIRequest) async throws(RemoteError) -> JSONValue {
        let (data, json) = try await answer(request)
        if let json { return json }
        guard let parsed = try? JSONParser.parse(Array(data)) else { throw failure(.malformedResponse, request.operation) }
        return parsed
    }

    /// A failure found in an answer the server gave (not one the client was told of).
    func failure(_ kind: RemoteError.Kind, _ operation: String) -> RemoteError {
        RemoteError(kind: kind, operation: operation, host: configuration.baseURL.host, keySource: configuration.apiKey.source,
                    attempts: 1, serverMessage: nil, retryAfter: nil, wording: configuration.wording)
    }
}

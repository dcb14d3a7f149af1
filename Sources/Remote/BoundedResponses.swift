import Foundation
import Synchronization
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The session delegate: collects each answer up to `limit` bytes and refuses HTTP redirects.
///
/// `URLSession.data(for:)` holds a whole answer in memory whatever its size; reading it chunk by chunk here stops a
/// huge or endless body at the bound (declared by Content-Length or counted as it arrives) instead of exhausting
/// memory. Redirects are refused so the `xi-api-key` header is never replayed to a host the user did not name.
final class BoundedResponses: NSObject, URLSessionDataDelegate, Sendable {
    /// An answer longer than the limit; the transfer was stopped.
    struct TooLarge: Error {}

    /// A request with a body that timed out or lost its connection before a byte of its body was taken to be sent (a
    /// connect that never completed): the server cannot have acted on it, so even a create may be sent again.
    struct BodyNotSent: Error {
        let failure: URLError

        static func of(_ task: URLSessionTask, failing error: any Error) -> BodyNotSent? {
            guard let failure = error as? URLError, [.timedOut, .networkConnectionLost].contains(failure.code),
                  task.countOfBytesExpectedToSend > 0, task.countOfBytesSent == 0 else { return nil }
            return BodyNotSent(failure: failure)
        }
    }

    private struct Pending {
        let continuation: CheckedContinuation<(Data, URLResponse), any Error>
        var response: URLResponse?
        var body = Data()
        var tooLarge = false
    }

    let limit: Int
    /// By task object: task identifiers repeat across the two sessions that share this delegate.
    private let pending = Mutex<[ObjectIdentifier: Pending]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    /// Sends `request` on `session` (whose delegate is this) and returns the answer and its body.
    func data(for request: URLRequest, on session: URLSession) async throws -> (Data, URLResponse) {
        let task = session.dataTask(with: request)
        let identifier = ObjectIdentifier(task)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                pending.withLock { $0[identifier] = Pending(continuation: continuation) }
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let declaredTooLarge = response.expectedContentLength > Int64(limit)
        pending.withLock {
            $0[ObjectIdentifier(dataTask)]?.response = response
            $0[ObjectIdentifier(dataTask)]?.tooLarge = declaredTooLarge
        }
        completionHandler(declaredTooLarge ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let key = ObjectIdentifier(dataTask)
        // Changed in place through the dictionary, with no copy of the entry held, so the body is never copied.
        let overflow = pending.withLock { all -> Bool in
            guard all[key]?.tooLarge == false, let received = all[key]?.body.count else { return false }
            guard received + data.count <= limit else {
                all[key]?.tooLarge = true
                all[key]?.body = Data()
                return true
            }
            all[key]?.body.append(data)
            return false
        }
        if overflow { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = pending.withLock({ $0.removeValue(forKey: ObjectIdentifier(task)) }) else { return }
        if entry.tooLarge {
            entry.continuation.resume(throwing: TooLarge())
        } else if let error {
            entry.continuation.resume(throwing: BodyNotSent.of(task, failing: error) ?? error)
        } else if let response = entry.response ?? task.response {
            entry.continuation.resume(returning: (entry.body, response))
        } else {
            entry.continuation.resume(throwing: URLError(.badServerResponse))
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

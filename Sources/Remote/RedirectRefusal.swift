import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Refuses HTTP redirects, so the `xi-api-key` header is never replayed to a host the user did not name.
final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A secure connection that could not be set up (an untrusted, expired or mismatched certificate, a failed
/// handshake). Retrying cannot fix it, and a client that retried it would only hide a man in the middle.
enum TLSFailure {
    private static let codes: Set<URLError.Code> = [
        .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
        .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected,
        .clientCertificateRequired,
    ]

    /// What went wrong, or nil when `error` is not a TLS failure. On Linux, Foundation reports libcurl's TLS errors
    /// as `URLError(.unknown)` carrying curl's text ("SSL certificate problem: self-signed certificate"), so the
    /// text is read too.
    static func reason(_ error: any Error) -> String? {
        guard let urlError = error as? URLError else { return nil }
        let text = urlError.localizedDescription
        if codes.contains(urlError.code) { return text }
        guard urlError.code == .unknown else { return nil }
        let lower = text.lowercased()
        return ["ssl", "tls", "certificate"].contains(where: lower.contains) ? text : nil
    }
}

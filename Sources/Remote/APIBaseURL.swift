import Foundation

/// Where the agents API lives: the default host, a data-residency host by name, or any URL.
/// Plain http is refused unless the host is loopback, so the key never crosses a network in clear.
public struct APIBaseURL: Sendable, Equatable, CustomStringConvertible {
    public let url: URL

    public static let production = APIBaseURL(url: URL(string: "https://api.elevenlabs.io")!)

    /// The hosts the official SDK names (ElevenLabsEnvironment in elevenlabs-python 2.78.0).
    public static let residencies: [(name: String, url: String)] = [
        ("global", "https://api.elevenlabs.io"),
        ("us", "https://api.us.elevenlabs.io"),
        ("eu", "https://api.eu.residency.elevenlabs.io"),
        ("in", "https://api.in.residency.elevenlabs.io"),
        ("sg", "https://api.sg.residency.elevenlabs.io"),
    ]

    private init(url: URL) {
        self.url = url
    }

    /// A residency name (`eu`) or a URL (`https://api.eu.residency.elevenlabs.io`, `http://127.0.0.1:8080`).
    public init(_ text: String) throws(BaseURLError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let residency = Self.residencies.first(where: { $0.name == trimmed.lowercased() }) {
            self.init(url: URL(string: residency.url)!)
            return
        }
        guard trimmed.contains("://"), let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty else {
            throw .notAURL(text)
        }
        guard components.user == nil, components.password == nil else { throw .containsCredentials }
        guard components.query == nil, components.fragment == nil else { throw .hasQueryOrFragment(text) }
        switch scheme {
        case "https": break
        case "http": guard Self.isLoopback(host) else { throw .plainHTTP(host) }
        default: throw .unsupportedScheme(scheme)
        }
        #if canImport(FoundationNetworking)
        // swift-corelibs-foundation's URLSession answers every IPv6 literal with NSURLErrorBadURL (issue 5496).
        if host.contains(":") { throw .ipv6Literal(scheme: scheme, port: components.port) }
        #endif
        var normalized = components
        normalized.scheme = scheme
        while normalized.percentEncodedPath.hasSuffix("/") { normalized.percentEncodedPath.removeLast() }
        // agentctl adds /v1/...; a path naming it would become /v1/v1/... A path before it (a proxy's prefix) is kept.
        let segments = normalized.percentEncodedPath.split(separator: "/", omittingEmptySubsequences: false)
        if let version = segments.firstIndex(where: { $0.lowercased() == "v1" }) {
            var rightForm = normalized
            rightForm.percentEncodedPath = segments[..<version].joined(separator: "/")
            throw .includesAPIPath(text, rightForm: rightForm.string ?? "")
        }
        guard let url = normalized.url else { throw .notAURL(text) }
        self.init(url: url)
    }

    public var description: String { url.absoluteString }

    /// The host for messages ("api.elevenlabs.io", "127.0.0.1:8080").
    public var host: String {
        let name = url.host ?? url.absoluteString
        return url.port.map { "\(name):\($0)" } ?? name
    }

    /// localhost, 127.0.0.0/8 and ::1 (also written in full or as an IPv4-mapped address).
    static func isLoopback(_ host: String) -> Bool {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if bare.lowercased() == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, bare, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, bare, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        let loopback = Array(repeating: UInt8(0), count: 15) + [1]
        let mappedPrefix = Array(repeating: UInt8(0), count: 10) + [0xFF, 0xFF]
        return bytes == loopback || (Array(bytes.prefix(12)) == mappedPrefix && bytes[12] == 127)
    }

    /// The URL of an API path such as `/v1/convai/agents`, with query items percent-encoded strictly.
    func endpoint(_ path: String, query: [(String, String)] = []) -> URL {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        components.percentEncodedPath += path
        if !query.isEmpty {
            components.percentEncodedQuery = query
                .map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }
                .joined(separator: "&")
        }
        return components.url!
    }

    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes everything but RFC 3986 unreserved characters (so `/`, `+`, `&` survive as data).
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}

public enum BaseURLError: RemedyWorded, Equatable {
    case notAURL(String)
    case unsupportedScheme(String)
    case plainHTTP(String)
    case containsCredentials
    case hasQueryOrFragment(String)
    case ipv6Literal(scheme: String, port: Int?)
    case includesAPIPath(String, rightForm: String)

    public func message(_ wording: RemedyWording) -> String {
        let names = APIBaseURL.residencies.map(\.name).joined(separator: ", ")
        return switch self {
        case .notAURL(let text):
            "base URL \"\(text)\" is neither a residency name (\(names)) nor an http(s) URL"
        case .unsupportedScheme(let scheme):
            "base URL scheme \"\(scheme)\" is not supported; use https://"
        case .plainHTTP(let host):
            "refusing plain http:// to \(host): the API key would be sent unencrypted; use https:// (http is allowed only for localhost, 127.0.0.0/8 and ::1)"
        case .containsCredentials:
            "the base URL must not contain a user name or password; the API key comes from the environment or \(wording(.keyFileOption))"
        case .hasQueryOrFragment(let text):
            "base URL \"\(text)\" must not have a query or fragment"
        case .ipv6Literal(let scheme, let port):
            "base URLs with an IPv6 address are not supported on Linux (Foundation's HTTP client refuses them); "
                + "for ::1 use \(scheme)://localhost\(port.map { ":\($0)" } ?? ""), which reaches a server listening on ::1, "
                + "or give the server a host name"
        case .includesAPIPath(let text, let rightForm):
            "base URL \"\(text)\" includes the API's /v1 path, which agentctl adds itself; use \"\(rightForm)\""
        }
    }
}

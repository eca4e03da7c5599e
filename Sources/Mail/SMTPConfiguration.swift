import Foundation

/// Where and how to reach the mail server, parsed from `SMTP_URL`:
/// `smtp://user:pass@host:587` (STARTTLS when the server offers it; `?tls=required` insists,
/// `?tls=none` never tries), or `smtps://user:pass@host:465` (TLS from the first byte);
/// `?connections=N` sets how many connections a large send uses at once.
public struct SMTPConfiguration: Sendable, Equatable {
    public enum Security: String, Sendable, Equatable {
        /// No TLS (only sensible on loopback).
        case plain
        /// STARTTLS if offered.
        case opportunistic
        /// STARTTLS, and fail if the server does not offer it.
        case startTLS
        /// Implicit TLS (port 465).
        case tls
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The name we give in EHLO.
    public var heloName: String
    /// A PEM file of extra trusted certificate authorities (a private CA, or a test server's).
    public var trustedCAFile: String?
    public var timeout: TimeInterval
    /// Connections used side by side for large sends (`?connections=N`, default 4).
    public var connections: Int

    public init(
        host: String, port: Int, security: Security, username: String? = nil, password: String? = nil, heloName: String = "localhost",
        trustedCAFile: String? = nil, timeout: TimeInterval = 30, connections: Int = 4
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.heloName = heloName
        self.trustedCAFile = trustedCAFile
        self.timeout = timeout
        self.connections = connections
    }

    /// Parses an `smtp://` or `smtps://` URL; nil when it is neither.
    public init?(url: String, heloName: String, trustedCAFile: String? = nil) {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else { return nil }
        let tls = components.queryItems?.first(where: { $0.name == "tls" })?.value?.lowercased()
        switch scheme {
        case "smtps":
            self.security = .tls
            self.port = components.port ?? 465
        case "smtp":
            self.security = tls == "required" ? .startTLS : tls == "none" ? .plain : .opportunistic
            self.port = components.port ?? 587
        default:
            return nil
        }
        self.host = host
        self.username = components.user?.removingPercentEncoding
        self.password = components.password?.removingPercentEncoding
        self.heloName = heloName
        self.trustedCAFile = trustedCAFile
        self.timeout = 30
        let connections = components.queryItems?.first(where: { $0.name == "connections" })?.value.flatMap { Int($0) } ?? 4
        self.connections = min(max(connections, 1), 32)
    }
}

import HTTPTypes
import Hummingbird

/// Headers every response carries: a strict Content Security Policy (no inline script, frames
/// only from the embed providers after a click), no MIME sniffing, no framing, a private referrer,
/// and, when the site is served over https, Strict-Transport-Security.
struct SecurityHeaders: Sendable {
    static let contentSecurityPolicy = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "frame-src https://www.youtube-nocookie.com https://w.soundcloud.com https://platform.twitter.com",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ].joined(separator: "; ")

    /// Browsers remember for a year to reach the site only over https.
    static let strictTransportSecurity = "max-age=31536000"

    let fields: HTTPFields

    init(https: Bool) {
        var fields: HTTPFields = [
            .contentSecurityPolicy: Self.contentSecurityPolicy,
            .xContentTypeOptions: "nosniff",
            .referrerPolicy: "strict-origin-when-cross-origin",
            .xFrameOptions: "DENY",
        ]
        if https { fields[.strictTransportSecurity] = Self.strictTransportSecurity }
        self.fields = fields
    }
}

/// Adds the security headers to responses that do not carry them yet (cached pages have them
/// built in; a response may set its own stricter policy, as media files do).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let headers: SecurityHeaders

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard response.headers[.xContentTypeOptions] == nil else { return response }
        for field in headers.fields where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }
}

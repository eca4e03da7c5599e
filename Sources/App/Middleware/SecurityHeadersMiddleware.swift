import HTTPTypes
import Hummingbird

/// Headers every response carries: a strict Content Security Policy (no inline script, frames
/// only from the embed providers after a click), no MIME sniffing, no framing, a private referrer.
enum SecurityHeaders {
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

    static let fields: HTTPFields = [
        .contentSecurityPolicy: contentSecurityPolicy,
        .xContentTypeOptions: "nosniff",
        .referrerPolicy: "strict-origin-when-cross-origin",
        .xFrameOptions: "DENY",
    ]
}

/// Adds the security headers to responses that do not carry them yet (cached pages have them
/// built in; a response may set its own stricter policy, as media files do).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard response.headers[.xContentTypeOptions] == nil else { return response }
        for field in SecurityHeaders.fields where response.headers[field.name] == nil {
            response.headers.append(field)
        }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}

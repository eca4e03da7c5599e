import Domain
import Hummingbird
import Views

/// Forms used before signing in carry a token that must match a cookie set with the page
/// (double submit), since there is no session to keep it in.
enum OpenForm {
    static func respond(
        _ request: Request, _ context: AppRequestContext, _ app: AppServices, status: HTTPResponse.Status = .ok,
        render: (AdminChrome) -> HTML
    ) async throws -> Response {
        let token = request.cookies[StaffCookies.signInToken]?.value.nilIfEmpty ?? SecretToken.generate(using: app.random)
        let chrome = try await app.adminChrome(context, csrfToken: token)
        var response = AppServices.adminPage(render(chrome), status: status)
        response.setCookie(StaffCookies.make(StaffCookies.signInToken, value: token, maxAge: 3600, secure: app.config.secureCookies))
        return response
    }
}

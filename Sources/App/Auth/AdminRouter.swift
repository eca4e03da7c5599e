import Domain
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Routes

/// Who may reach a back-office route.
public enum RouteAccess: Sendable, Equatable, CustomStringConvertible {
    /// Anyone: sign-in, password reset, invitations.
    case open
    /// A session past the password but not yet the second factor.
    case secondFactor
    /// Signed-in staff whose role grants the permission.
    case staff(Permission)

    public var description: String {
        switch self {
        case .open: "open"
        case .secondFactor: "second factor"
        case .staff(let permission): permission.rawValue
        }
    }
}

/// A back-office route and the access it requires.
public struct AdminRule: Sendable, Equatable {
    public let method: HTTPRequest.Method
    public let route: AdminRoute
    public let access: RouteAccess

    /// The route's pattern.
    public var path: String { route.pattern }
}

/// Errors the admin guard raises; the error middleware turns them into redirects or pages.
enum AdminError: Error {
    /// Not signed in: go to the sign-in page, then come back to `next`.
    case signInRequired(next: String)
    /// Signed in with the password; the second factor is still owed.
    case secondFactorRequired
    /// Signed in, but the role does not allow this.
    case forbidden
    /// The form's anti-forgery token is missing or stale.
    case staleForm
}

/// How much body a back-office route reads, and which of its fields may come more than once.
struct BodyRules: Sendable {
    /// The largest body read, in bytes.
    var limit: Int
    /// Fields a form may repeat (a byline's authors, ticked boxes); every other field must come
    /// at most once, so markup smuggled into a page cannot add a second `status` that wins.
    var repeatable: Set<String> = []

    /// Forms used before signing in.
    static let openForm = BodyRules(limit: 64 << 10)
    /// Back-office forms and API calls (an article body may be a few hundred kilobytes).
    static let form = BodyRules(limit: 2 << 20)
    /// File uploads (images, subscriber lists).
    static let upload = BodyRules(limit: 12 << 20)

    static func form(repeating fields: Set<String>) -> BodyRules {
        BodyRules(limit: form.limit, repeatable: fields)
    }
}

/// Registers back-office routes. Every route is registered through here with the access it
/// requires, so none can exist without a rule; the guard loads the session, enforces the rule on
/// the server, and only then reads the body (up to the route's limit) and checks the
/// anti-forgery token on state changes.
final class AdminRouter {
    typealias Handler = @Sendable (Request, AppRequestContext) async throws -> Response

    let router: Router<AppRequestContext>
    let app: AppServices
    private(set) var rules: [AdminRule] = []

    init(router: Router<AppRequestContext>, app: AppServices) {
        self.router = router
        self.app = app
    }

    func get(_ route: AdminRoute, _ access: RouteAccess, _ handler: @escaping Handler) {
        on(.get, route, access, body: .form, handler)
    }

    func post(_ route: AdminRoute, _ access: RouteAccess, body: BodyRules? = nil, _ handler: @escaping Handler) {
        on(.post, route, access, body: body ?? (access == .open ? .openForm : .form), handler)
    }

    func on(_ method: HTTPRequest.Method, _ route: AdminRoute, _ access: RouteAccess, body: BodyRules, _ handler: @escaping Handler) {
        rules.append(AdminRule(method: method, route: route, access: access))
        let app = self.app
        router.on(RouterPath(route.pattern), method: method) { request, context in
            var context = context
            try await AdminGuard.admit(request, &context, access: access, body: body, app: app)
            var response = try await handler(request, context)
            response.headers[.cacheControl] = "no-store"
            return response
        }
    }
}

/// The checks every back-office request passes before its handler runs, cheapest first: who is
/// asking and whether their role allows the route, then the origin, and only then the body.
enum AdminGuard {
    static func admit(
        _ request: Request, _ context: inout AppRequestContext, access: RouteAccess, body: BodyRules, app: AppServices
    ) async throws {
        let db = try app.db()
        let now = app.time.now()
        if let token = request.cookies[StaffCookies.session]?.value, !token.isEmpty {
            context.session = try await SessionStore.find(token: token, now: now, idleLimit: app.config.sessionIdleLimit, on: db)
            if let session = context.session { try await SessionStore.touch(session, now: now, on: db) }
        }
        switch access {
        case .open:
            break
        case .secondFactor:
            guard let session = context.session, session.secondFactorPending else {
                throw AdminError.signInRequired(next: AdminURL.dashboard.path)
            }
        case .staff(let permission):
            guard let session = context.session else { throw AdminError.signInRequired(next: request.uri.string) }
            if session.secondFactorPending { throw AdminError.secondFactorRequired }
            guard session.member.can(permission) else { throw AdminError.forbidden }
        }
        guard request.method != .get && request.method != .head else { return }
        try SameOrigin.check(request, siteURL: app.config.siteURL)
        context.form = try await AdminForm.read(request, limit: body.limit)
        if let repeated = context.form.repeatedFields.subtracting(body.repeatable).sorted().first {
            throw DomainError.invalidInput(
                field: repeated, message: "The form sent “\(repeated)” more than once. Reload the page and send it again.")
        }
        switch access {
        case .open:
            let expected = request.cookies[StaffCookies.signInToken]?.value ?? ""
            guard !expected.isEmpty, SecretToken.equal(context.form[AntiForgeryField.token], expected) else { throw AdminError.staleForm }
        case .secondFactor, .staff:
            guard let session = context.session else { throw AdminError.signInRequired(next: AdminURL.dashboard.path) }
            try checkToken(request, context, session)
        }
    }

    static func checkToken(_ request: Request, _ context: AppRequestContext, _ session: SessionStore.Session) throws {
        let sent = context.form.value(AntiForgeryField.token.name) ?? request.headers[.csrfToken] ?? ""
        guard SecretToken.equal(sent, session.csrfToken) else { throw AdminError.staleForm }
    }
}

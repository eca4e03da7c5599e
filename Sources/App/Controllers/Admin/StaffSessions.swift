import Domain
import Hummingbird
import Persistence

/// Starting a staff session: a new token on every sign-in (so a planted cookie is worthless), the
/// old session ended, and the browser remembered as one this account uses.
enum StaffSessions {
    static func start(
        for user: StaffMember.ID, pending: Bool, replacing old: SessionStore.Session?, _ request: Request, _ context: AppRequestContext,
        _ response: inout Response, _ app: AppServices
    ) async throws {
        let db = try app.db()
        let secure = app.config.secureCookies
        if let old { try await SessionStore.delete(old.id, on: db) }
        let token = try await SessionStore.create(
            for: user, secondFactorPending: pending, userAgent: request.headers[.userAgent] ?? "", now: app.time.now(),
            lifetime: pending ? 600 : app.config.sessionLifetime, random: app.random, on: db)
        response.setCookie(StaffCookies.make(StaffCookies.session, value: token, maxAge: Int(app.config.sessionLifetime), secure: secure))
        response.setCookie(StaffCookies.clear(StaffCookies.signInToken, secure: secure))
        guard !pending else { return }
        let device = request.cookies[StaffCookies.device]?.value.nilIfEmpty ?? SecretToken.generate(using: app.random)
        try await StaffDeviceStore.remember(
            user: user, deviceToken: device, network: SignInThrottling.network(request, context, app), now: app.time.now(), on: db)
        response.setCookie(StaffCookies.make(StaffCookies.device, value: device, maxAge: 365 * 86_400, secure: secure))
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Routes
import Views

/// Signing in and out, with the optional second step. Guessing is throttled per account and
/// network pair with growing delays (`SignInPolicy`), never by a lock-out a stranger can trigger:
/// a device that signed in to the account before is always let through to the password check.
enum SignInController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        if let session = context.session, !session.secondFactorPending { return redirect("/admin") }
        let next = safeNext(QueryString(request.uri.query)["next"])
        return try await page(request, context, app, email: "", next: next, error: nil)
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let email = StaffStore.normalise(context.form["email"] ?? "")
        let password = context.form["password"] ?? ""
        let next = safeNext(context.form["next"])
        let db = try app.db()
        let now = app.time.now()
        let keys = ThrottleKeys(email: email, network: network(request, context, app))
        let account = try await StaffStore.account(email: email, on: db)
        var origin = SignInPolicy.Origin(knownDevice: false, knownNetwork: false)
        if let account {
            origin = try await SignInThrottle.origin(
                of: account.member.id, deviceToken: request.cookies[StaffCookies.device]?.value, network: keys.network, on: db)
        }
        if let until = try await waitUntil(keys, origin: origin, now: now, on: db) {
            var response = try await page(
                request, context, app, email: email, next: next,
                error: "Too many failed attempts. Try again in \(minutes(until: until, now: now)), or reset your password.",
                status: .tooManyRequests)
            response.headers[HTTPField.Name.retryAfter] = String(Int(until.timeIntervalSince(now).rounded(FloatingPointRoundingRule.up)))
            return response
        }
        let valid = try await app.passwords.verify(password, hash: account?.passwordHash)
        guard let account, valid, account.active, !password.isEmpty else {
            try await SignInThrottle.recordFailure(keys: [keys.pair, keys.account, "network:" + keys.network], at: now, on: db)
            if let account { try await alertIfUnderAttack(account.member, keys: keys, now: now, app: app) }
            return try await page(
                request, context, app, email: email, next: next, error: "That email and password do not match an active account.",
                status: .unauthorized)
        }
        try await SignInThrottle.clear(keys.pair, on: db)
        try await SignInThrottle.clear(keys.account, on: db)
        let pending = account.member.twoFactorEnabled && account.totpSecret != nil
        var response = redirect(pending ? "/admin/sign-in/verify?next=\(SiteURLQuery.encode(next))" : next)
        try await startSession(for: account.member.id, pending: pending, replacing: context.session, request, context, &response, app)
        return response
    }

    @Sendable static func showVerify(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let chrome = try await app.adminChrome(context)
        return AppServices.adminPage(SignInPages.verify(chrome, error: nil))
    }

    @Sendable static func verify(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        guard let session = context.session else { throw AdminError.signInRequired(next: "/admin") }
        let db = try app.db()
        let now = app.time.now()
        // Whoever is here has the password; six digits are guessable, so no device skips this.
        let key = "second-factor:\(session.member.id)|" + network(request, context, app)
        let failures = try await SignInThrottle.failures(key, since: now.addingTimeInterval(-SignInPolicy.window), on: db)
        if let until = SignInPolicy.waitUntil(
            pair: failures, account: .none, network: .none, origin: .init(knownDevice: false, knownNetwork: true), now: now)
        {
            return AppServices.adminPage(
                SignInPages.verify(
                    try await app.adminChrome(context), error: "Too many failed attempts. Try again in \(minutes(until: until, now: now))."),
                status: .tooManyRequests)
        }
        let code = (context.form["code"] ?? "").trimmingCharacters(in: .whitespaces)
        let account = try await StaffStore.account(session.member.id, on: db)
        let valid: Bool
        if let secret = account?.totpSecret, TwoFactor.verify(code, secret: secret, at: now) {
            valid = true
        } else {
            valid = code.contains("-") ? try await StaffStore.useRecoveryCode(session.member.id, code: code, now: now, on: db) : false
        }
        guard valid else {
            try await SignInThrottle.recordFailure(keys: [key], at: now, on: db)
            return AppServices.adminPage(
                SignInPages.verify(try await app.adminChrome(context), error: "That code is not valid. Codes change every 30 seconds."),
                status: .unauthorized)
        }
        try await SignInThrottle.clear(key, on: db)
        var response = redirect(safeNext(QueryString(request.uri.query)["next"]))
        try await startSession(for: session.member.id, pending: false, replacing: session, request, context, &response, app)
        return response
    }

    @Sendable static func signOut(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        if let session = context.session { try await SessionStore.delete(session.id, on: try app.db()) }
        var response = redirect("/admin/sign-in")
        response.setCookie(StaffCookies.clear(StaffCookies.session, secure: app.config.secureCookies))
        return response
    }

    /// Starts a fresh session (a new token on every sign-in, so a planted cookie is worthless)
    /// and ends the one the request came with.
    static func startSession(
        for user: StaffMember.ID, pending: Bool, replacing old: SessionStore.Session?, _ request: Request, _ context: AppRequestContext,
        _ response: inout Response, _ app: AppServices
    ) async throws {
        let db = try app.db()
        if let old { try await SessionStore.delete(old.id, on: db) }
        let token = try await SessionStore.create(
            for: user, secondFactorPending: pending, userAgent: request.headers[.userAgent] ?? "", now: app.time.now(),
            lifetime: pending ? 600 : app.config.sessionLifetime, on: db)
        response.setCookie(
            StaffCookies.make(StaffCookies.session, value: token, maxAge: Int(app.config.sessionLifetime), secure: app.config.secureCookies)
        )
        response.setCookie(StaffCookies.clear(StaffCookies.signInToken, secure: app.config.secureCookies))
        if !pending {
            let device = request.cookies[StaffCookies.device]?.value.nilIfEmpty ?? SecretToken.generate()
            try await SignInThrottle.remember(
                user: user, deviceToken: device, network: network(request, context, app), now: app.time.now(), on: db)
            response.setCookie(
                StaffCookies.make(StaffCookies.device, value: device, maxAge: 365 * 86_400, secure: app.config.secureCookies))
        }
    }

    static func page(
        _ request: Request, _ context: AppRequestContext, _ app: AppServices, email: String, next: String, error: String?,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try await OpenForm.respond(request, context, app, status: status) { chrome in
            SignInPages.signIn(chrome, email: email, next: next, error: error)
        }
    }

    /// The failure counters one attempt touches.
    struct ThrottleKeys {
        let email: String
        /// The reader's network, hashed (never the address itself).
        let network: String
        var account: String { "account:" + email }
        var pair: String { "pair:\(email)|\(network)" }
    }

    static func network(_ request: Request, _ context: AppRequestContext, _ app: AppServices) -> String {
        VisitorFingerprint.network(of: app.clientAddress(request, context))
    }

    static func waitUntil(_ keys: ThrottleKeys, origin: SignInPolicy.Origin, now: Date, on db: any Database) async throws -> Date? {
        let since = now.addingTimeInterval(-SignInPolicy.window)
        return SignInPolicy.waitUntil(
            pair: try await SignInThrottle.failures(keys.pair, since: since, on: db),
            account: try await SignInThrottle.failures(keys.account, since: since, on: db),
            network: try await SignInThrottle.failures("network:" + keys.network, since: since, on: db), origin: origin, now: now)
    }

    /// Tells the account's holder, once, when so many attempts failed that it looks like someone
    /// is guessing their password.
    static func alertIfUnderAttack(_ member: StaffMember, keys: ThrottleKeys, now: Date, app: AppServices) async throws {
        let db = try app.db()
        let since = now.addingTimeInterval(-SignInPolicy.window)
        guard try await SignInThrottle.failures(keys.account, since: since, on: db).count == SignInPolicy.accountAlarm else { return }
        try await app.mailer.enqueue(
            TransactionalMail(
                to: member.email, name: member.name,
                .signInAlert(
                    failures: SignInPolicy.accountAlarm, minutes: Int(SignInPolicy.window / 60),
                    resetLink: app.config.siteURL + "/admin/password/forgot")),
            now: now, on: db)
        app.mailer.wake()
    }

    /// "3 minutes", "1 minute".
    static func minutes(until: Date, now: Date) -> String {
        let count = max(1, Int((until.timeIntervalSince(now) / 60).rounded(.up)))
        return count == 1 ? "a minute" : "\(count) minutes"
    }

    /// Only back-office paths are followed after sign-in (no open redirects).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/admin"), !next.hasPrefix("//"), !next.contains("\\"), next.count < 500 else { return "/admin" }
        return next
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// Forms used before signing in carry a token that must match a cookie set with the page
/// (double submit), since there is no session to keep it in.
enum OpenForm {
    static func respond(
        _ request: Request, _ context: AppRequestContext, _ app: AppServices, status: HTTPResponse.Status = .ok,
        render: (AdminChrome) -> HTML
    ) async throws -> Response {
        let token = request.cookies[StaffCookies.signInToken]?.value.nilIfEmpty ?? SecretToken.generate()
        let chrome = try await app.adminChrome(context, csrfToken: token)
        var response = AppServices.adminPage(render(chrome), status: status)
        response.setCookie(StaffCookies.make(StaffCookies.signInToken, value: token, maxAge: 3600, secure: app.config.secureCookies))
        return response
    }
}

/// Query-string encoding for redirects we build.
enum SiteURLQuery {
    static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "/-_.~"))) ?? ""
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

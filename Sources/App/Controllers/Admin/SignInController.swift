import Domain
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Persistence
import Routes
import Views

/// Signing in and out, with the optional second step. Guessing is throttled (`SignInThrottling`),
/// never locked out.
enum SignInController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        if let session = context.session, !session.secondFactorPending { return .redirect(to: .dashboard) }
        let next = AdminURL.afterSignIn(QueryString(request.uri.query)[SignInForm.Field.next.name])
        return try await page(.signIn(email: "", next: next, error: nil), request, context, app)
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let form = SignInForm(context.form)
        let next = AdminURL.afterSignIn(form.next)
        let db = try app.db()
        let now = app.time.now()
        let keys = SignInThrottling.Keys(email: form.email, network: SignInThrottling.network(request, context, app))
        let account = try await StaffStore.account(email: form.email, on: db)
        if let until = try await SignInThrottling.waitUntil(keys, account: account, request: request, now: now, on: db) {
            var response = try await page(
                .signIn(
                    email: form.email, next: next,
                    error:
                        "Too many failed attempts. Try again in \(SignInThrottling.minutes(until: until, now: now)), or reset your password."
                ),
                request, context, app, status: .tooManyRequests)
            response.headers[.retryAfter] = String(Int(until.timeIntervalSince(now).rounded(.up)))
            return response
        }
        let valid = try await app.passwords.verify(form.password, hash: account?.passwordHash)
        guard let account, valid, account.active, !form.password.isEmpty else {
            try await SignInThrottling.recordFailure(keys, account: account?.member, now: now, app: app)
            return try await page(
                .signIn(email: form.email, next: next, error: "That email and password do not match an active account."), request, context,
                app, status: .unauthorized)
        }
        try await SignInThrottling.recordSuccess(keys, on: db)
        let pending = account.member.twoFactorEnabled && account.totpSecret != nil
        var response = Response.redirect(to: pending ? AdminURL.signInVerify(next: next).path : next)
        try await StaffSessions.start(
            for: account.member.id, pending: pending, replacing: context.session, request, context, &response, app)
        return response
    }

    @Sendable static func showVerify(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let next = QueryString(request.uri.query)[SignInForm.Field.next.name]
        return AppServices.adminPage(
            SignInView.render(.init(chrome: try await app.adminChrome(context), kind: .verify(next: next, error: nil))))
    }

    @Sendable static func verify(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        guard let session = context.session else { throw AdminError.signInRequired(next: AdminURL.dashboard.path) }
        let next = QueryString(request.uri.query)[SignInForm.Field.next.name]
        func again(_ error: String, _ status: HTTPResponse.Status) async throws -> Response {
            let chrome = try await app.adminChrome(context)
            return AppServices.adminPage(SignInView.render(.init(chrome: chrome, kind: .verify(next: next, error: error))), status: status)
        }
        let db = try app.db()
        let now = app.time.now()
        let key = SignInThrottling.secondFactorKey(session.member.id, network: SignInThrottling.network(request, context, app))
        if let until = try await SignInThrottling.secondFactorWait(key, now: now, on: db) {
            return try await again(
                "Too many failed attempts. Try again in \(SignInThrottling.minutes(until: until, now: now)).", .tooManyRequests)
        }
        let code = SecondFactorForm(context.form).code
        let account = try await StaffStore.account(session.member.id, on: db)
        let valid: Bool
        if let secret = account?.totpSecret, TwoFactor.verify(code, secret: secret, at: now) {
            valid = true
        } else {
            valid = code.contains("-") ? try await StaffStore.useRecoveryCode(session.member.id, code: code, now: now, on: db) : false
        }
        guard valid else {
            try await SignInFailureStore.recordFailure(keys: [key], at: now, on: db)
            return try await again("That code is not valid. Codes change every 30 seconds.", .unauthorized)
        }
        try await SignInFailureStore.clear(key, on: db)
        var response = Response.redirect(to: AdminURL.afterSignIn(next))
        try await StaffSessions.start(for: session.member.id, pending: false, replacing: session, request, context, &response, app)
        return response
    }

    @Sendable static func signOut(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        if let session = context.session { try await SessionStore.delete(session.id, on: try app.db()) }
        var response = Response.redirect(to: .signIn())
        response.setCookie(StaffCookies.clear(StaffCookies.session, secure: app.config.secureCookies))
        return response
    }

    static func page(
        _ kind: SignInPageModel.Kind, _ request: Request, _ context: AppRequestContext, _ app: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try await OpenForm.respond(request, context, app, status: status) { SignInView.render(.init(chrome: $0, kind: kind)) }
    }
}

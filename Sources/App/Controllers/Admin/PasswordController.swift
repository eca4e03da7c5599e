import Domain
import FluentKit
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// Forgotten passwords: a single-use link by email (a newer one revokes the older), then a new
/// password.
enum PasswordController {
    static let lifetime: TimeInterval = 3600
    /// Reset requests one network may make per window.
    static let networkLimit = 10

    @Sendable static func showForgot(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await SignInController.page(.forgot(email: "", error: nil), request, context, app)
    }

    @Sendable static func forgot(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let form = PasswordRequestForm(context.form)
        if let error = form.validate()[.email] {
            return try await SignInController.page(
                .forgot(email: form.email, error: error), request, context, app, status: .unprocessableContent)
        }
        let db = try app.db()
        let now = app.time.now()
        let key = "reset:" + SignInThrottling.network(request, context, app)
        if try await SignInFailureStore.failures(key, since: now.addingTimeInterval(-SignInPolicy.window), on: db).count >= networkLimit {
            return try await SignInController.page(
                .forgot(email: form.email, error: "Too many requests from your network. Wait 15 minutes."), request, context, app,
                status: .tooManyRequests)
        }
        try await SignInFailureStore.recordFailure(keys: [key], at: now, on: db)
        // The same answer whether or not the address has an account.
        if let account = try await StaffStore.account(email: form.email, on: db), account.active {
            try await db.transaction { tx in
                try await AuthTokenStore.revokeOpen(.passwordReset, email: form.email, now: now, on: tx)
                let token = try await AuthTokenStore.create(
                    .passwordReset, email: form.email, name: account.member.name, role: nil, userID: account.member.id, createdBy: nil,
                    now: now,
                    lifetime: lifetime, random: app.random, on: tx)
                let link = AdminURL.passwordReset(token: token).absolute(siteURL: app.config.siteURL)
                app.mailer.noteLinkWithoutMailServer("Password reset link", email: form.email, link: link)
                try await app.mailer.enqueue(
                    TransactionalMail(
                        to: form.email, name: account.member.name, .passwordReset(link: link, validHours: Int(lifetime / 3600))),
                    now: now, on: tx)
            }
            app.mailer.wake()
        }
        return try await SignInController.page(.linkSent, request, context, app)
    }

    @Sendable static func showReset(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard try await AuthTokenStore.peek(token, purpose: .passwordReset, now: app.time.now(), on: try app.db()) != nil else {
            return try await SignInController.page(.deadLink(what: "Password reset"), request, context, app, status: .notFound)
        }
        return try await form(token: token, errors: FormErrors(), request, context, app)
    }

    @Sendable static func reset(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        let now = app.time.now()
        guard let grant = try await AuthTokenStore.peek(token, purpose: .passwordReset, now: now, on: db), let user = grant.userID else {
            return try await SignInController.page(.deadLink(what: "Password reset"), request, context, app, status: .notFound)
        }
        let form = NewPasswordForm(context.form)
        let errors = form.validate(email: grant.email)
        guard errors.isEmpty else {
            return try await self.form(token: token, errors: errors, request, context, app, status: .unprocessableContent)
        }
        let hash = try await app.passwords.hash(form.password)
        guard try await AuthTokenStore.consume(token, purpose: .passwordReset, now: now, on: db) != nil else {
            return try await SignInController.page(.deadLink(what: "Password reset"), request, context, app, status: .notFound)
        }
        try await StaffStore.setPassword(user, hash: hash, now: now, on: db)
        // A new password ends every session, wherever it was.
        try await SessionStore.deleteAll(for: user, on: db)
        try await SignInFailureStore.clear("account:" + grant.email, on: db)
        let pending = try await StaffStore.account(user, on: db)?.member.twoFactorEnabled ?? false
        var response = Response.redirect(to: pending ? .signInVerify() : .dashboard, notice: pending ? nil : .password)
        try await StaffSessions.start(for: user, pending: pending, replacing: nil, request, context, &response, app)
        return response
    }

    static func form(
        token: String, errors: FormErrors<NewPasswordForm.Field>, _ request: Request, _ context: AppRequestContext, _ app: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try await SignInController.page(
            .choosePassword(
                title: "Choose a new password", intro: "Choose a new password. You will be signed out everywhere else.",
                action: .passwordReset(token: token), name: nil, errors: errors), request, context, app, status: status)
    }
}

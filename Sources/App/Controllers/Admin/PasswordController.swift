import Domain
import FluentKit
import Foundation
import Hummingbird
import Persistence
import Views

/// Forgotten passwords: a single-use link by email, then a new password.
enum PasswordController {
    static let lifetime: TimeInterval = 3600
    /// Reset requests one network may make per window.
    static let networkLimit = 10

    @Sendable static func showForgot(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await OpenForm.respond(request, context, app) { SignInPages.forgot($0, email: "", sent: false, error: nil) }
    }

    @Sendable static func forgot(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let email = StaffStore.normalise(context.form["email"] ?? "")
        guard CommentSubmission.isPlausibleEmail(email) else {
            return try await OpenForm.respond(request, context, app, status: .unprocessableContent) {
                SignInPages.forgot($0, email: email, sent: false, error: "Give the email address you sign in with.")
            }
        }
        let db = try app.db()
        let now = app.time.now()
        let key = "reset:" + VisitorFingerprint.network(of: app.clientAddress(request, context))
        if try await SignInThrottle.failures(key, since: now.addingTimeInterval(-SignInPolicy.window), on: db).count >= networkLimit {
            return try await OpenForm.respond(request, context, app, status: .tooManyRequests) {
                SignInPages.forgot($0, email: email, sent: false, error: "Too many requests from your network. Wait 15 minutes.")
            }
        }
        try await SignInThrottle.recordFailure(keys: [key], at: now, on: db)
        // The same answer whether or not the address has an account.
        if let account = try await StaffStore.account(email: email, on: db), account.active {
            try await db.transaction { tx in
                try await AuthTokenStore.revokeOpen(.passwordReset, email: email, now: now, on: tx)
                let token = try await AuthTokenStore.create(
                    .passwordReset, email: email, name: account.member.name, role: nil, userID: account.member.id, createdBy: nil, now: now,
                    lifetime: lifetime, on: tx)
                let link = app.config.siteURL + "/admin/password/reset/\(token)"
                app.mailer.noteLinkWithoutMailServer("Password reset link", email: email, link: link)
                try await app.mailer.enqueue(
                    TransactionalMail(to: email, name: account.member.name, .passwordReset(link: link, validHours: Int(lifetime / 3600))),
                    now: now, on: tx)
            }
            app.mailer.wake()
        }
        return try await OpenForm.respond(request, context, app) { SignInPages.forgot($0, email: email, sent: true, error: nil) }
    }

    @Sendable static func showReset(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard try await AuthTokenStore.peek(token, purpose: .passwordReset, now: app.time.now(), on: try app.db()) != nil else {
            return try await OpenForm.respond(request, context, app, status: .notFound) { SignInPages.deadLink($0, what: "Password reset") }
        }
        return try await form(token: token, errors: [:], request, context, app)
    }

    @Sendable static func reset(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        let now = app.time.now()
        guard let grant = try await AuthTokenStore.peek(token, purpose: .passwordReset, now: now, on: db), let user = grant.userID else {
            return try await OpenForm.respond(request, context, app, status: .notFound) { SignInPages.deadLink($0, what: "Password reset") }
        }
        let errors = PasswordForm.problems(context.form, email: grant.email)
        guard errors.isEmpty else {
            return try await form(token: token, errors: errors, request, context, app, status: .unprocessableContent)
        }
        let hash = try await app.passwords.hash(context.form["password"] ?? "")
        guard try await AuthTokenStore.consume(token, purpose: .passwordReset, now: now, on: db) != nil else {
            return try await OpenForm.respond(request, context, app, status: .notFound) { SignInPages.deadLink($0, what: "Password reset") }
        }
        try await StaffStore.setPassword(user, hash: hash, now: now, on: db)
        // A new password ends every session, wherever it was.
        try await SessionStore.deleteAll(for: user, on: db)
        try await SignInThrottle.clear("account:" + grant.email, on: db)
        var response = SignInController.redirect("/admin?done=password")
        let pending = try await StaffStore.account(user, on: db)?.member.twoFactorEnabled ?? false
        try await SignInController.startSession(for: user, pending: pending, replacing: nil, request, context, &response, app)
        if pending { response.headers[.location] = "/admin/sign-in/verify" }
        return response
    }

    static func form(
        token: String, errors: [String: String], _ request: Request, _ context: AppRequestContext, _ app: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try await OpenForm.respond(request, context, app, status: status) { chrome in
            SignInPages.choosePassword(
                chrome, title: "Choose a new password", intro: "Choose a new password. You will be signed out everywhere else.",
                action: "/admin/password/reset/\(token)", name: nil, errors: errors)
        }
    }
}

import Domain
import Hummingbird
import Persistence
import Routes
import Views

/// Accepting an invitation: choose a name and password, and be signed in.
enum InvitationController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let grant = try await AuthTokenStore.peek(token, purpose: .invitation, now: app.time.now(), on: try app.db()) else {
            return try await SignInController.page(.deadLink(what: "Invitation"), request, context, app, status: .notFound)
        }
        return try await form(grant, name: grant.name, errors: FormErrors(), token: token, request, context, app)
    }

    @Sendable static func accept(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        let now = app.time.now()
        guard let grant = try await AuthTokenStore.peek(token, purpose: .invitation, now: now, on: db) else {
            return try await SignInController.page(.deadLink(what: "Invitation"), request, context, app, status: .notFound)
        }
        let form = NewPasswordForm(context.form)
        let errors = form.validate(email: grant.email, needsName: true)
        guard errors.isEmpty else {
            return try await self.form(
                grant, name: form.name, errors: errors, token: token, request, context, app, status: .unprocessableContent)
        }
        let hash = try await app.passwords.hash(form.password)
        guard try await AuthTokenStore.consume(token, purpose: .invitation, now: now, on: db) != nil else {
            return try await SignInController.page(.deadLink(what: "Invitation"), request, context, app, status: .notFound)
        }
        let member = try await StaffStore.create(
            email: grant.email, name: form.name, role: grant.role ?? .contributor, passwordHash: hash, now: now, on: db)
        var response = Response.redirect(to: .dashboard)
        try await StaffSessions.start(for: member.id, pending: false, replacing: context.session, request, context, &response, app)
        return response
    }

    static func form(
        _ grant: AuthTokenStore.Grant, name: String, errors: FormErrors<NewPasswordForm.Field>, token: String, _ request: Request,
        _ context: AppRequestContext, _ app: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try await SignInController.page(
            .choosePassword(
                title: "Join as \(grant.role?.label.lowercased() ?? "staff")",
                intro: "Choose the name for your byline and a password for \(grant.email).", action: .invitation(token: token), name: name,
                errors: errors), request, context, app, status: status)
    }
}

import Domain
import FluentKit
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// Staff management (owner): invitations, roles, deactivation.
enum StaffController {
    static let invitationLifetime: TimeInterval = 7 * 86_400

    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await page(InvitationForm(), errors: FormErrors(), request, context, app)
    }

    @Sendable static func invite(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let form = InvitationForm(context.form)
        var errors = form.validate()
        if errors[.email] == nil, try await StaffStore.account(email: form.email, on: db) != nil {
            errors[.email] = "Someone with that address already has an account."
        }
        guard errors.isEmpty, let role = Role(rawValue: form.role) else {
            return try await page(form, errors: errors, request, context, app, status: .unprocessableContent)
        }
        let now = app.time.now()
        try await db.transaction { tx in
            let token = try await AuthTokenStore.create(
                .invitation, email: form.email, name: form.name, role: role, userID: nil, createdBy: staff.id, now: now,
                lifetime: invitationLifetime, random: app.random, on: tx)
            let link = AdminURL.invitation(token: token).absolute(siteURL: app.config.siteURL)
            app.mailer.noteLinkWithoutMailServer("Staff invitation link", email: form.email, link: link)
            try await app.mailer.enqueue(
                TransactionalMail(
                    to: form.email, name: form.name,
                    .invitation(inviterName: staff.name, roleLabel: role.label, link: link, validDays: Int(invitationLifetime / 86_400))),
                now: now, on: tx)
        }
        app.mailer.wake()
        return .redirect(to: .staff, notice: .invited)
    }

    @Sendable static func changeRole(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let id = StaffMember.ID(try context.requireID("id"))
        guard let role = RoleForm(context.form).role else {
            throw DomainError.invalidInput(field: RoleForm.Field.role.name, message: "Choose a role from the list.")
        }
        guard try await StaffStore.update(id, role: role, on: try app.db()) else {
            throw DomainError.conflict("The site needs at least one owner; make someone else an owner first.")
        }
        return .redirect(to: .staff, notice: .role)
    }

    @Sendable static func deactivate(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let id = StaffMember.ID(try context.requireID("id"))
        let db = try app.db()
        guard id != staff.id else { throw DomainError.conflict("You cannot deactivate your own account.") }
        try await db.transaction { tx in
            guard try await StaffStore.update(id, active: false, on: tx) else {
                throw DomainError.conflict("The site needs at least one active owner.")
            }
            try await SessionStore.deleteAll(for: id, on: tx)
        }
        return .redirect(to: .staff, notice: .deactivated)
    }

    @Sendable static func reactivate(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        _ = try await StaffStore.update(.init(try context.requireID("id")), active: true, on: try app.db())
        return .redirect(to: .staff, notice: .reactivated)
    }

    static func page(
        _ invite: InvitationForm, errors: FormErrors<InvitationForm.Field>, _ request: Request, _ context: AppRequestContext,
        _ app: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let rows = try await StaffStore.all(on: db).map { entry in
            StaffPageModel.Row(
                id: entry.member.id, name: entry.member.name, email: entry.member.email, role: entry.member.role, active: entry.active,
                isSelf: entry.member.id == staff.id, twoFactor: entry.member.twoFactorEnabled)
        }
        let invitations = try await AuthTokenStore.openInvitations(now: app.time.now(), on: db).map {
            StaffPageModel.Invitation(email: $0.email, role: $0.role?.label ?? "", expires: site.format.dateTime($0.expiresAt))
        }
        let chrome = try await app.adminChrome(context, active: .staff, notice: request.adminNotice)
        return AppServices.adminPage(
            StaffView.render(StaffPageModel(chrome: chrome, rows: rows, invitations: invitations, invite: invite, errors: errors)),
            status: status)
    }
}

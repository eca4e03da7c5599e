import Domain
import FluentKit
import Foundation
import Hummingbird
import Persistence
import Views

/// Staff management (owner): invitations, roles, deactivation.
enum StaffController {
    static let invitationLifetime: TimeInterval = 7 * 86_400

    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await page(invite: [:], errors: [:], request, context, app)
    }

    @Sendable static func invite(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let name = (context.form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let email = StaffStore.normalise(context.form["email"] ?? "")
        var errors: [String: String] = [:]
        if name.isEmpty || name.count > 80 { errors["name"] = "Give their name (up to 80 characters)." }
        if !CommentSubmission.isPlausibleEmail(email) {
            errors["email"] = "Give an email address like name@example.org."
        } else if try await StaffStore.account(email: email, on: db) != nil {
            errors["email"] = "Someone with that address already has an account."
        }
        let role = Role(rawValue: context.form["role"] ?? "")
        if role == nil { errors["role"] = "Choose a role." }
        guard errors.isEmpty, let role else {
            return try await page(
                invite: ["name": name, "email": email, "role": context.form["role"] ?? ""], errors: errors, request, context, app,
                status: .unprocessableContent)
        }
        let now = app.time.now()
        try await db.transaction { tx in
            let token = try await AuthTokenStore.create(
                .invitation, email: email, name: name, role: role, userID: nil, createdBy: staff.id, now: now, lifetime: invitationLifetime,
                on: tx)
            let link = app.config.siteURL + "/admin/invitations/\(token)"
            app.mailer.noteLinkWithoutMailServer("Staff invitation link", email: email, link: link)
            try await app.mailer.enqueue(
                TransactionalMail(
                    to: email, name: name,
                    .invitation(inviterName: staff.name, roleLabel: role.label, link: link, validDays: Int(invitationLifetime / 86_400))),
                now: now, on: tx)
        }
        app.mailer.wake()
        return SignInController.redirect("/admin/staff?done=invited")
    }

    @Sendable static func changeRole(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let id = StaffMember.ID(try context.requireID("id"))
        guard let role = Role(rawValue: context.form["role"] ?? "") else {
            throw DomainError.invalidInput(field: "role", message: "Choose a role from the list.")
        }
        let db = try app.db()
        guard let account = try await StaffStore.account(id, on: db) else { throw DomainError.notFound("No such account.") }
        if account.member.role == .owner, role != .owner, account.active, try await StaffStore.activeOwners(on: db) <= 1 {
            throw DomainError.conflict("The site needs at least one owner; make someone else an owner first.")
        }
        try await StaffStore.setRole(id, to: role, on: db)
        return SignInController.redirect("/admin/staff?done=role")
    }

    @Sendable static func deactivate(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let id = StaffMember.ID(try context.requireID("id"))
        let db = try app.db()
        guard id != staff.id else { throw DomainError.conflict("You cannot deactivate your own account.") }
        guard let account = try await StaffStore.account(id, on: db) else { throw DomainError.notFound("No such account.") }
        if account.member.role == .owner, try await StaffStore.activeOwners(on: db) <= 1 {
            throw DomainError.conflict("The site needs at least one active owner.")
        }
        try await db.transaction { tx in
            try await StaffStore.setActive(id, false, on: tx)
            try await SessionStore.deleteAll(for: id, on: tx)
        }
        return SignInController.redirect("/admin/staff?done=deactivated")
    }

    @Sendable static func reactivate(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await StaffStore.setActive(.init(try context.requireID("id")), true, on: try app.db())
        return SignInController.redirect("/admin/staff?done=reactivated")
    }

    static func page(
        invite: [String: String], errors: [String: String], _ request: Request, _ context: AppRequestContext, _ app: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let rows = try await StaffStore.all(on: db).map { entry in
            StaffRowModel(
                id: entry.member.id.rawValue, name: entry.member.name, email: entry.member.email, role: entry.member.role.rawValue,
                active: entry.active, isSelf: entry.member.id == staff.id, twoFactor: entry.member.twoFactorEnabled)
        }
        let invitations = try await AuthTokenStore.openInvitations(now: app.time.now(), on: db).map {
            (email: $0.email, role: $0.role?.label ?? "", expires: site.format.dateTime($0.expiresAt))
        }
        let html = StaffPages.render(
            try await app.adminChrome(context, active: "/admin/staff", notice: AdminNotice.from(request)), rows: rows,
            invitations: invitations,
            roleOptions: Role.allCases.map { ($0.rawValue, "\($0.label): \($0.summary)") }, invite: invite, errors: errors)
        return AppServices.adminPage(html, status: status)
    }
}

/// Accepting an invitation: choose a name and password, and be signed in.
enum InvitationController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let grant = try await AuthTokenStore.peek(token, purpose: .invitation, now: app.time.now(), on: try app.db()) else {
            return try await OpenForm.respond(request, context, app, status: .notFound) { SignInPages.deadLink($0, what: "Invitation") }
        }
        return try await form(grant, name: grant.name, errors: [:], token: token, request, context, app)
    }

    @Sendable static func accept(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let db = try app.db()
        let now = app.time.now()
        guard let grant = try await AuthTokenStore.peek(token, purpose: .invitation, now: now, on: db) else {
            return try await OpenForm.respond(request, context, app, status: .notFound) { SignInPages.deadLink($0, what: "Invitation") }
        }
        let name = (context.form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = PasswordForm.problems(context.form, email: grant.email)
        if name.isEmpty || name.count > 80 { errors["name"] = "Give your name as it should appear in bylines." }
        guard errors.isEmpty else {
            return try await form(grant, name: name, errors: errors, token: token, request, context, app, status: .unprocessableContent)
        }
        let hash = try await app.passwords.hash(context.form["password"] ?? "")
        guard try await AuthTokenStore.consume(token, purpose: .invitation, now: now, on: db) != nil else {
            return try await OpenForm.respond(request, context, app, status: .notFound) { SignInPages.deadLink($0, what: "Invitation") }
        }
        let member = try await StaffStore.create(
            email: grant.email, name: name, role: grant.role ?? .contributor, passwordHash: hash, now: now, on: db)
        var response = SignInController.redirect("/admin")
        try await SignInController.startSession(
            for: member.id, pending: false, replacing: context.session, request, context, &response, app)
        return response
    }

    static func form(
        _ grant: AuthTokenStore.Grant, name: String, errors: [String: String], token: String, _ request: Request,
        _ context: AppRequestContext, _ app: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        try await OpenForm.respond(request, context, app, status: status) { chrome in
            SignInPages.choosePassword(
                chrome, title: "Join as \(grant.role?.label.lowercased() ?? "staff")",
                intro: "Choose the name for your byline and a password for \(grant.email).", action: "/admin/invitations/\(token)",
                name: name, errors: errors)
        }
    }
}

/// Checking a new password and its confirmation.
enum PasswordForm {
    static func problems(_ form: AdminForm, email: String) -> [String: String] {
        let password = form["password"] ?? ""
        var errors: [String: String] = [:]
        if let problem = PasswordRules.problem(with: password, email: email) { errors["password"] = problem }
        if password != (form["confirmation"] ?? "") { errors["confirmation"] = "The two passwords are not the same." }
        return errors
    }
}

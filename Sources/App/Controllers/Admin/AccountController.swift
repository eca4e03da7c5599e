import Domain
import FluentKit
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// The signed-in member's own account: byline profile, password, two-step verification.
enum AccountController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await page(errors: [:], request, context, app)
    }

    @Sendable static func profile(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let name = (context.form["name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let bio = (context.form["bio"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let avatar = context.form["avatar"] ?? ""
        var errors: [String: String] = [:]
        if !avatar.isEmpty {
            let file = avatar.hasPrefix("/media/") ? String(avatar.dropFirst("/media/".count)) : ""
            if try await MediaStore.find(fileName: file, on: try app.db())?.isUsable != true {
                errors["avatar"] = "Choose an image from the media library that has alt text."
            }
        }
        if name.isEmpty || name.count > 80 { errors["name"] = "Give the name for your byline (up to 80 characters)." }
        if bio.count > 600 { errors["bio"] = "Keep the biography under 600 characters." }
        guard errors.isEmpty else { return try await page(errors: errors, request, context, app, status: .unprocessableContent) }
        let db = try app.db()
        try await db.transaction { tx in
            if let user = try await UserRecord.find(staff.id.rawValue, on: tx) {
                user.name = name
                try await user.update(on: tx)
            }
            if let authorID = staff.authorID, let author = try await AuthorRecord.find(authorID.rawValue, on: tx) {
                author.name = name
                author.bio = bio
                author.avatarPath = avatar.isEmpty ? nil : avatar
                try await author.update(on: tx)
            }
        }
        app.contentChanged()
        return SignInController.redirect("/admin/account?done=profile")
    }

    @Sendable static func password(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        var errors = PasswordForm.problems(context.form, email: staff.email)
        let account = try await StaffStore.account(staff.id, on: db)
        if try await !app.passwords.verify(context.form["current"] ?? "", hash: account?.passwordHash) {
            errors["current"] = "That is not your current password."
        }
        guard errors.isEmpty, let session = context.session else {
            return try await page(errors: errors, request, context, app, status: .unprocessableContent)
        }
        try await StaffStore.setPassword(
            staff.id, hash: try await app.passwords.hash(context.form["password"] ?? ""), now: app.time.now(), on: db)
        try await SessionStore.deleteAll(for: staff.id, except: session.id, on: db)
        return SignInController.redirect("/admin/account?done=password")
    }

    /// Starts enrolment: a new secret, shown once as a key and an otpauth link.
    @Sendable static func startTwoFactor(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let secret = TwoFactor.newSecret()
        try await StaffStore.setTwoFactorSecret(staff.id, secret: secret, enabled: false, on: try app.db())
        return try await enrolment(secret: secret, error: nil, request, context, app)
    }

    @Sendable static func confirmTwoFactor(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        guard let secret = try await StaffStore.account(staff.id, on: db)?.totpSecret else {
            return SignInController.redirect("/admin/account")
        }
        guard TwoFactor.verify(context.form["code"] ?? "", secret: secret, at: app.time.now()) else {
            return try await enrolment(
                secret: secret, error: "That code does not match. Check the key and the phone's clock, then try the next code.", request,
                context, app, status: .unprocessableContent)
        }
        try await StaffStore.setTwoFactorSecret(staff.id, secret: secret, enabled: true, on: db)
        return try await newCodes(staff, context, app)
    }

    @Sendable static func disableTwoFactor(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let account = try await StaffStore.account(staff.id, on: db)
        guard try await app.passwords.verify(context.form["password"] ?? "", hash: account?.passwordHash) else {
            return try await page(errors: ["disable": "That is not your password."], request, context, app, status: .unprocessableContent)
        }
        try await StaffStore.setTwoFactorSecret(staff.id, secret: nil, enabled: false, on: db)
        return SignInController.redirect("/admin/account?done=twofactor-off")
    }

    @Sendable static func recoveryCodes(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        guard staff.twoFactorEnabled else { return SignInController.redirect("/admin/account") }
        return try await newCodes(staff, context, app)
    }

    static func newCodes(_ staff: StaffMember, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let codes = SecretToken.recoveryCodes()
        try await StaffStore.replaceRecoveryCodes(staff.id, codes: codes, on: try app.db())
        let chrome = try await app.adminChrome(context, active: "/admin/account", notice: AdminNotice.messages["twofactor"])
        return AppServices.adminPage(AccountPages.recoveryCodes(chrome, codes: codes))
    }

    static func enrolment(
        secret: String, error: String?, _ request: Request, _ context: AppRequestContext, _ app: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let site = try await app.site.current(on: try app.db())
        let enrolment = TwoFactor.enrolment(secret: secret, account: staff.email, issuer: site.settings.title)
        let chrome = try await app.adminChrome(context, active: "/admin/account")
        return AppServices.adminPage(AccountPages.enrol(chrome, key: enrolment.key, url: enrolment.url, error: error), status: status)
    }

    static func page(
        errors: [String: String], _ request: Request, _ context: AppRequestContext, _ app: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        var author: AuthorRecord?
        if let authorID = staff.authorID { author = try await AuthorRecord.find(authorID.rawValue, on: db) }
        let images = try await MediaStore.list(page: ListingPage(number: 1, size: 100), usableOnly: true, on: db).items
        let html = AccountPages.render(
            try await app.adminChrome(context, active: "/admin/account", notice: AdminNotice.from(request)),
            name: author?.name ?? staff.name, bio: author?.bio ?? "", avatar: author?.avatarPath ?? "",
            avatarOptions: [("", "Initials")] + images.map { (SiteURL.media($0.variants.first?.fileName ?? $0.fileName).path, $0.alt) },
            email: staff.email, twoFactor: staff.twoFactorEnabled,
            recoveryLeft: try await StaffStore.unusedRecoveryCodes(staff.id, on: db), errors: errors)
        return AppServices.adminPage(html, status: status)
    }
}

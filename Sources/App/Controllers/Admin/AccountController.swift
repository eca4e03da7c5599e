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
        try await page(request, context, app)
    }

    @Sendable static func profile(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let form = ProfileForm(context.form)
        var errors = form.validate()
        if !form.avatar.isEmpty {
            let file =
                form.avatar.hasPrefix(SiteURL.Pattern.mediaPrefix) ? String(form.avatar.dropFirst(SiteURL.Pattern.mediaPrefix.count)) : ""
            if try await MediaStore.find(fileName: file, on: db)?.isUsable != true {
                errors[.avatar] = "Choose an image from the media library that has alt text."
            }
        }
        guard errors.isEmpty else {
            return try await page(profile: form, profileErrors: errors, request, context, app, status: .unprocessableContent)
        }
        try await StaffStore.updateProfile(staff, name: form.name, bio: form.bio, avatar: form.avatar.nilIfEmpty, on: db)
        app.contentChanged()
        return .redirect(to: .account, notice: .profile)
    }

    @Sendable static func password(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let form = NewPasswordForm(context.form)
        var errors = form.validate(email: staff.email)
        let account = try await StaffStore.account(staff.id, on: db)
        if try await !app.passwords.verify(form.current, hash: account?.passwordHash) {
            errors[.current] = "That is not your current password."
        }
        guard errors.isEmpty, let session = context.session else {
            return try await page(passwordErrors: errors, request, context, app, status: .unprocessableContent)
        }
        try await StaffStore.setPassword(staff.id, hash: try await app.passwords.hash(form.password), now: app.time.now(), on: db)
        try await SessionStore.deleteAll(for: staff.id, except: session.id, on: db)
        return .redirect(to: .account, notice: .password)
    }

    /// Starts enrolment: a new secret, shown once as a key and an otpauth link.
    @Sendable static func startTwoFactor(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let secret = TwoFactor.newSecret()
        try await StaffStore.setTwoFactorSecret(staff.id, secret: secret, enabled: false, on: try app.db())
        return try await enrolment(secret: secret, error: nil, context, app)
    }

    @Sendable static func confirmTwoFactor(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        guard let secret = try await StaffStore.account(staff.id, on: db)?.totpSecret else { return .redirect(to: .account) }
        guard TwoFactor.verify(SecondFactorForm(context.form).code, secret: secret, at: app.time.now()) else {
            return try await enrolment(
                secret: secret, error: "That code does not match. Check the key and the phone's clock, then try the next code.", context,
                app,
                status: .unprocessableContent)
        }
        try await StaffStore.setTwoFactorSecret(staff.id, secret: secret, enabled: true, on: db)
        return try await newCodes(staff, context, app)
    }

    @Sendable static func disableTwoFactor(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let account = try await StaffStore.account(staff.id, on: db)
        guard try await app.passwords.verify(DisableTwoFactorForm(context.form).password, hash: account?.passwordHash) else {
            return try await page(disableError: "That is not your password.", request, context, app, status: .unprocessableContent)
        }
        try await StaffStore.setTwoFactorSecret(staff.id, secret: nil, enabled: false, on: db)
        return .redirect(to: .account, notice: .twoFactorOff)
    }

    @Sendable static func recoveryCodes(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        guard staff.twoFactorEnabled else { return .redirect(to: .account) }
        return try await newCodes(staff, context, app)
    }

    static func newCodes(_ staff: StaffMember, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let codes = SecretToken.recoveryCodes(using: app.random)
        try await StaffStore.replaceRecoveryCodes(staff.id, codes: codes, on: try app.db())
        let chrome = try await app.adminChrome(context, active: .account, notice: .twoFactorOn)
        return AppServices.adminPage(AccountView.recoveryCodes(chrome, codes: codes))
    }

    static func enrolment(
        secret: String, error: String?, _ context: AppRequestContext, _ app: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let site = try await app.site.current(on: try app.db())
        let enrolment = TwoFactor.enrolment(secret: secret, account: staff.email, issuer: site.settings.title)
        let chrome = try await app.adminChrome(context, active: .account)
        return AppServices.adminPage(
            AccountView.enrol(TwoFactorEnrolmentModel(chrome: chrome, key: enrolment.key, url: enrolment.url, error: error)), status: status
        )
    }

    static func page(
        profile: ProfileForm? = nil, profileErrors: FormErrors<ProfileForm.Field> = FormErrors(),
        passwordErrors: FormErrors<NewPasswordForm.Field> = FormErrors(), disableError: String? = nil, _ request: Request,
        _ context: AppRequestContext, _ app: AppServices, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let stored = try await StaffStore.profile(staff, on: db)
        let images = try await MediaStore.list(page: ListingPage(number: 1, size: 100), usableOnly: true, on: db).items
        let model = AccountPageModel(
            chrome: try await app.adminChrome(context, active: .account, notice: request.adminNotice), email: staff.email,
            profile: profile ?? ProfileForm(name: stored.name, bio: stored.bio, avatar: stored.avatar ?? ""), profileErrors: profileErrors,
            avatarOptions: [SelectOption(value: "", label: "Initials")]
                + images.map { SelectOption(value: SiteURL.media($0.variants.first?.fileName ?? $0.fileName).path, label: $0.alt) },
            passwordErrors: passwordErrors, twoFactor: staff.twoFactorEnabled,
            recoveryLeft: try await StaffStore.unusedRecoveryCodes(staff.id, on: db), disableError: disableError)
        return AppServices.adminPage(AccountView.render(model), status: status)
    }
}

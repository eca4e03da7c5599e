import Domain
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// Site settings (owner only). Changes apply at once: the cached chrome and pages are purged.
enum SettingsController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let settings = try await SettingsStore.load(on: try app.db())
        return try await page(SettingsForm(settings), errors: FormErrors(), request, context, app)
    }

    @Sendable static func update(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let db = try app.db()
        let settings = try await SettingsStore.load(on: db)
        let form = SettingsForm(context.form, adRows: settings.adSlots.count + 1)
        let errors = form.validate()
        guard errors.isEmpty else { return try await page(form, errors: errors, request, context, app, status: .unprocessableContent) }
        try await SettingsStore.save(form.applied(to: settings), on: db)
        app.contentChanged()
        return .redirect(to: .settings, notice: .saved)
    }

    static func page(
        _ form: SettingsForm, errors: FormErrors<SettingsForm.Field>, _ request: Request, _ context: AppRequestContext, _ app: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let logos = try await MediaStore.list(page: ListingPage(number: 1, size: 100), usableOnly: true, on: try app.db()).items
        let model = SettingsPageModel(
            chrome: try await app.adminChrome(context, active: .settings, notice: request.adminNotice), form: form, errors: errors,
            timeZoneOptions: (["UTC"] + TimeZone.knownTimeZoneIdentifiers.sorted()).map {
                SelectOption(value: $0, label: $0.replacingOccurrences(of: "_", with: " "))
            },
            logoOptions: [SelectOption(value: "", label: "No logo")]
                + logos.map { SelectOption(value: SiteURL.media($0.fileName).path, label: $0.alt) })
        return AppServices.adminPage(SettingsView.render(model), status: status)
    }
}

import Domain
import Hummingbird
import Persistence
import Routes
import Views

/// Sections: create, rename, reorder, show in or hide from the navigation, delete.
enum SectionsController {
    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await page(newName: "", errors: FormErrors(), request, context, app)
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let form = SectionForm(new: context.form)
        var errors = form.validate()
        if errors.isEmpty {
            do {
                _ = try await SectionStore.create(name: form.name, description: "", inNavigation: true, on: try app.db())
            } catch let error as DomainError {
                errors[.name] = error.message
            }
        }
        guard errors.isEmpty else {
            return try await page(newName: form.name, errors: errors, request, context, app, status: .unprocessableContent)
        }
        app.contentChanged()
        return .redirect(to: .sections, notice: .saved)
    }

    @Sendable static func update(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let id = Section.ID(try context.requireID("id"))
        let form = SectionForm(row: id, context.form)
        guard form.validate().isEmpty else {
            throw DomainError.invalidInput(
                field: SectionForm.Field.rowName(id).name, message: "A section needs a name of up to 60 characters.")
        }
        try await SectionStore.update(id, name: form.name, description: form.description, inNavigation: form.inNavigation, on: try app.db())
        app.contentChanged()
        return .redirect(to: .sections, notice: .saved)
    }

    @Sendable static func move(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let up = context.form[SectionForm.Field.direction] == "up"
        try await SectionStore.move(.init(try context.requireID("id")), by: up ? -1 : 1, on: try app.db())
        app.contentChanged()
        return .redirect(to: .sections, notice: .saved)
    }

    @Sendable static func delete(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await SectionStore.delete(.init(try context.requireID("id")), on: try app.db())
        app.contentChanged()
        return .redirect(to: .sections, notice: .deleted)
    }

    static func page(
        newName: String, errors: FormErrors<SectionForm.Field>, _ request: Request, _ context: AppRequestContext, _ app: AppServices,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let db = try app.db()
        let counts = try await SectionStore.articleCounts(on: db)
        let rows = try await SectionStore.all(on: db).map {
            SectionsPageModel.Row(
                id: $0.id, name: $0.name, slug: $0.slug, description: $0.description, inNavigation: $0.inNavigation,
                articles: counts[$0.id] ?? 0)
        }
        let chrome = try await app.adminChrome(context, active: .sections, notice: request.adminNotice)
        return AppServices.adminPage(
            SettingsView.sections(SectionsPageModel(chrome: chrome, rows: rows, newName: newName, errors: errors)), status: status)
    }
}

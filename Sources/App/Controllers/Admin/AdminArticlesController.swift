import Domain
import FluentKit
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// The article list and the editor's form posts.
enum AdminArticlesController {
    static let pageSize = 25

    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let query = try ArticleListQuery(QueryString(request.uri.query))
        var filter = query
        // Authors and contributors see their own articles.
        if !staff.can(.editAllArticles) { filter.author = staff.authorID ?? .init(0) }
        let result = try await ArticleStore.list(filter, size: pageSize, on: db)
        let counts = try await ArticleStore.statusCounts(on: db)
        let authors = try await AuthorStore.all(on: db)
        let rows = result.items.map { row in
            let date = row.status == .published || row.status == .scheduled ? row.summary.publishedAt : (row.updatedAt ?? row.createdAt)
            return ArticleListModel.Row(
                id: row.summary.id, title: row.summary.title,
                editable: ArticlePolicy.canEdit(staff, authors: row.summary.authors.map(\.id), status: row.status),
                publicURL: row.status == .published ? .article(slug: row.summary.slug) : nil, status: row.status,
                section: row.summary.section?.name ?? "—", authors: Byline.joinText(row.summary.authors.map(\.name)),
                date: site.format.dateTime(date), views: DisplayFormat.grouped(row.summary.viewCount))
        }
        let model = ArticleListModel(
            chrome: try await app.adminChrome(context, active: .articles(), notice: request.adminNotice), rows: rows, query: query,
            statusOptions: [SelectOption(value: "", label: "All statuses")]
                + ArticleStatus.allCases.map { SelectOption(value: $0.rawValue, label: "\($0.label) (\(counts[$0] ?? 0))") },
            sectionOptions: [SelectOption(value: "", label: "All sections")]
                + site.sections.map { SelectOption(value: $0.id.description, label: $0.name) },
            authorOptions: [SelectOption(value: "", label: "All authors")]
                + authors.map { SelectOption(value: $0.id.description, label: $0.name) },
            total: result.totalCount,
            pager: PagerModel(result) { number in
                var page = query
                page.page = number
                return .admin(.articles(page))
            })
        return AppServices.adminPage(ArticleListView.render(model))
    }

    @Sendable static func new(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        return AppServices.adminPage(
            try await EditorPage.render(ArticleForm(newBy: staff.authorID), errors: FormErrors(), article: nil, context, app))
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let form = ArticleForm(context.form)
        let (draft, errors) = try await form.check(by: staff, articleID: nil, clock: site.format.clock, now: app.time.now(), on: db)
        guard let draft else {
            return AppServices.adminPage(
                try await EditorPage.render(form, errors: errors, article: nil, context, app), status: .unprocessableContent)
        }
        let id = try await ArticleStore.create(
            draft, body: try await BodyImages.render(draft.bodyMarkdown, on: db), now: app.time.now(), by: staff, on: db)
        if draft.status == .published { app.contentChanged() }
        return .redirect(to: .articleEdit(id), notice: notice(draft.status))
    }

    @Sendable static func edit(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let article = try await EditorPage.loadEditable(context, app)
        let form = try await EditorPage.form(article, app)
        return AppServices.adminPage(
            try await EditorPage.render(form, errors: FormErrors(), article: article, context, app, notice: request.adminNotice))
    }

    @Sendable static func update(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let article = try await EditorPage.loadEditable(context, app)
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let form = ArticleForm(context.form)
        let (draft, errors) = try await form.check(
            by: staff, articleID: article.id, existing: article.draft, clock: site.format.clock, now: app.time.now(), on: db)
        guard let draft else {
            return AppServices.adminPage(
                try await EditorPage.render(form, errors: errors, article: article, context, app), status: .unprocessableContent)
        }
        do {
            try await ArticleStore.update(
                article.id, with: draft, body: try await BodyImages.render(draft.bodyMarkdown, on: db), now: app.time.now(),
                expectedVersion: form.version, by: staff, on: db)
        } catch let conflict as EditConflict {
            // Keep everything typed; offer to overwrite by sending the form again at the new version.
            var current = form
            current.version = conflict.currentVersion
            return AppServices.adminPage(
                try await EditorPage.render(current, errors: FormErrors(), article: article, context, app, conflict: conflict.message),
                status: .conflict)
        }
        if draft.status == .published || article.draft.status == .published { app.contentChanged() }
        return .redirect(to: .articleEdit(article.id), notice: notice(draft.status))
    }

    static func notice(_ status: ArticleStatus) -> AdminNotice {
        switch status {
        case .published: .published
        case .scheduled: .scheduled
        case .inReview: .submitted
        case .unpublished: .unpublished
        case .draft: .saved
        }
    }
}

extension AppRequestContext {
    /// The signed-in member; the admin guard guarantees one on staff routes.
    func requireStaff() throws -> StaffMember {
        guard let staff else { throw AdminError.signInRequired(next: AdminURL.dashboard.path) }
        return staff
    }

    /// A numeric path parameter, or "not found".
    func requireID(_ name: String) throws -> Int {
        guard let raw = parameters.get(name), raw.count <= 12, let id = Int(raw), id > 0 else {
            throw DomainError.notFound("There is nothing at this address.")
        }
        return id
    }
}

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
        let query = QueryString(request.uri.query)
        let page = try ListingPage(parameter: query["page"], size: pageSize)
        var filter = AdminArticleQueries.Filter(
            status: query["status"].flatMap(ArticleStatus.init), section: query["section"].flatMap(Int.init).map { .init($0) },
            author: query["author"].flatMap(Int.init).map { .init($0) }, search: String((query["q"] ?? "").prefix(100)))
        // Authors and contributors see their own articles.
        if !staff.can(.editAllArticles) { filter.author = staff.authorID ?? .init(0) }
        let result = try await AdminArticleQueries.list(filter, page: page, on: db)
        let counts = try await AdminArticleQueries.statusCounts(on: db)
        let authors = try await ContentQueries.authors(on: db)
        let rows = result.items.map { row in
            let editable = ArticlePolicy.canEdit(staff, authors: row.summary.authors.map(\.id), status: row.status)
            let date = row.status == .published || row.status == .scheduled ? row.summary.publishedAt : (row.updatedAt ?? row.createdAt)
            return ArticleRowModel(
                title: row.summary.title, editHref: editable ? "/admin/articles/\(row.summary.id)/edit" : nil,
                publicHref: row.status == .published ? SiteURL.article(slug: row.summary.slug).path : nil,
                status: StatusLabels.label(row.status), statusKey: row.status.rawValue, section: row.summary.section?.name ?? "—",
                authors: Byline.joinText(row.summary.authors.map(\.name)), date: site.format.dateTime(date),
                views: DisplayFormat.grouped(row.summary.viewCount))
        }
        let url = { (number: Int) -> String in
            var items = [
                "status": query["status"] ?? "", "section": query["section"] ?? "", "author": query["author"] ?? "", "q": query["q"] ?? "",
            ]
            items["page"] = number > 1 ? String(number) : ""
            let pairs = items.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map {
                "\($0.key)=\(SiteURL.encodeQueryValue($0.value))"
            }
            return "/admin/articles" + (pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&"))
        }
        let model = ArticleListModel(
            chrome: try await app.adminChrome(context, active: "/admin/articles", notice: AdminNotice.from(request)), rows: rows,
            statusOptions: [("", "All statuses")]
                + ArticleStatus.allCases.map { ($0.rawValue, "\(StatusLabels.label($0)) (\(counts[$0] ?? 0))") },
            sectionOptions: [("", "All sections")] + site.sections.map { (String($0.id.rawValue), $0.name) },
            authorOptions: [("", "All authors")] + authors.map { (String($0.id.rawValue), $0.name) },
            selectedStatus: query["status"] ?? "", selectedSection: query["section"] ?? "", selectedAuthor: query["author"] ?? "",
            search: filter.search, total: result.totalCount,
            pager: PagerModel(
                current: page.number, total: result.pageCount, previousHref: result.hasPrevious ? url(page.number - 1) : nil,
                nextHref: result.hasNext ? url(page.number + 1) : nil))
        return AppServices.adminPage(ArticleListView.render(model))
    }

    @Sendable static func new(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let form = ArticleForm(newBy: staff)
        return AppServices.adminPage(try await EditorPage.render(form, errors: [:], article: nil, context, app))
    }

    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let form = ArticleForm(context.form)
        let (draft, errors) = try await form.draft(by: staff, articleID: nil, format: site.format, now: app.time.now(), on: db)
        guard let draft else {
            return AppServices.adminPage(
                try await EditorPage.render(form, errors: errors, article: nil, context, app), status: .unprocessableContent)
        }
        let id = try await ArticleWriter.create(
            draft, body: BodyRenderer.render(markdown: draft.bodyMarkdown), now: app.time.now(), by: staff, on: db)
        if draft.status == .published { app.contentChanged() }
        return SignInController.redirect("/admin/articles/\(id)/edit?done=\(outcome(draft.status))")
    }

    @Sendable static func edit(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let article = try await EditorPage.loadEditable(context, app)
        let site = try await app.site.current(on: try app.db())
        let imageID = try await EditorPage.imageID(of: article.draft, on: try app.db())
        let form = ArticleForm(article, format: site.format, imageID: imageID)
        return AppServices.adminPage(
            try await EditorPage.render(form, errors: [:], article: article, context, app, notice: AdminNotice.from(request)))
    }

    @Sendable static func update(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let article = try await EditorPage.loadEditable(context, app)
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let form = ArticleForm(context.form)
        let (draft, errors) = try await form.draft(
            by: staff, articleID: article.id, existing: article.draft, format: site.format, now: app.time.now(), on: db)
        guard let draft else {
            return AppServices.adminPage(
                try await EditorPage.render(form, errors: errors, article: article, context, app), status: .unprocessableContent)
        }
        let expected = Int(context.form["version"] ?? "") ?? -1
        do {
            try await ArticleWriter.update(
                article.id, with: draft, body: BodyRenderer.render(markdown: draft.bodyMarkdown), now: app.time.now(),
                expectedVersion: expected, by: staff, on: db)
        } catch let conflict as EditConflict {
            // Keep everything typed; offer to overwrite by sending the form again at the new version.
            var current = article
            current.version = conflict.currentVersion
            return AppServices.adminPage(
                try await EditorPage.render(form, errors: [:], article: current, context, app, conflict: conflict.message),
                status: .conflict)
        }
        if draft.status == .published || article.draft.status == .published { app.contentChanged() }
        return SignInController.redirect("/admin/articles/\(article.id)/edit?done=\(outcome(draft.status))")
    }

    static func outcome(_ status: ArticleStatus) -> String {
        switch status {
        case .published: "published"
        case .scheduled: "scheduled"
        case .inReview: "submitted"
        case .unpublished: "unpublished"
        case .draft: "saved"
        }
    }
}

extension AppRequestContext {
    /// The signed-in member; the admin guard guarantees one on staff routes.
    func requireStaff() throws -> StaffMember {
        guard let staff else { throw AdminError.signInRequired(next: "/admin") }
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

import Domain
import FluentKit
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// An article's history: the list, a comparison with the current version, and restoring.
enum RevisionsController {
    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let article = try await EditorPage.loadEditable(context, app)
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let rows = try await RevisionStore.all(of: article.id, on: db).map { row($0, article: article.id, format: site.format) }
        let chrome = try await app.adminChrome(context, active: .articles())
        return AppServices.adminPage(RevisionsView.list(chrome, article: article.id, articleTitle: article.draft.title, rows: rows))
    }

    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let article = try await EditorPage.loadEditable(context, app)
        let revision = try await load(context, article: article, app)
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let names = Dictionary(try await AuthorStore.all(on: db).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let sections = Dictionary(site.sections.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let changes = fieldChanges(from: revision.draft, to: article.draft, authors: names, sections: sections, format: site.format)
        let chrome = try await app.adminChrome(context, active: .articles())
        return AppServices.adminPage(
            RevisionsView.compare(
                chrome, articleTitle: article.draft.title, revision: row(revision, article: article.id, format: site.format),
                changes: changes, bodyDiff: TextDiff.lines(from: revision.draft.bodyMarkdown, to: article.draft.bodyMarkdown)))
    }

    /// Makes the revision the current version again (a new save, so nothing is lost).
    @Sendable static func restore(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let article = try await EditorPage.loadEditable(context, app)
        let revision = try await load(context, article: article, app)
        var draft = revision.draft
        // A revision does not change whether the article is public: that stays a deliberate act.
        draft.status = article.draft.status
        draft.publishedAt = article.draft.publishedAt
        if !ArticlePolicy.canSet(draft.status, by: staff) { draft.status = .draft }
        let db = try app.db()
        if try await ArticleStore.slugExists(draft.slug, except: article.id, on: db) { draft.slug = article.draft.slug }
        // Sections and authors deleted since the revision cannot come back with it.
        let site = try await app.site.current(on: db)
        if let section = draft.sectionID, !site.sections.contains(where: { $0.id == section }) { draft.sectionID = nil }
        let authors = Set(try await AuthorStore.all(on: db).map(\.id))
        draft.authorIDs = draft.authorIDs.filter(authors.contains)
        if draft.authorIDs.isEmpty { draft.authorIDs = article.draft.authorIDs }
        try await ArticleStore.update(
            article.id, with: draft, body: try await BodyImages.render(draft.bodyMarkdown, on: db), now: app.time.now(),
            expectedVersion: article.version, by: staff, on: try app.db())
        if article.draft.status == .published { app.contentChanged() }
        return .redirect(to: .articleEdit(article.id), notice: .restored)
    }

    static func load(_ context: AppRequestContext, article: EditableArticle, _ app: AppServices) async throws -> Revision {
        let id = Revision.ID(try context.requireID("revision"))
        guard let revision = try await RevisionStore.find(id, of: article.id, on: try app.db()) else {
            throw DomainError.notFound("That revision does not exist.")
        }
        return revision
    }

    static func row(_ revision: Revision, article: Article.ID, format: DisplayFormat) -> RevisionRowModel {
        RevisionRowModel(
            article: article, id: revision.id, version: revision.version, savedAt: format.dateTime(revision.createdAt),
            savedBy: revision.savedBy ?? "—", kind: revision.kind == .autosave ? "Autosave" : "Save", title: revision.draft.title)
    }

    static func fieldChanges(
        from old: ArticleDraft, to new: ArticleDraft, authors: [Author.ID: String], sections: [Section.ID: String], format: DisplayFormat
    ) -> [FieldChange] {
        func describe(_ draft: ArticleDraft) -> [(String, String)] {
            [
                ("Title", draft.title), ("Address", draft.slug), ("Standfirst", draft.standfirst),
                ("Status", draft.status.label),
                ("Kind", draft.kind.label), ("Section", draft.sectionID.flatMap { sections[$0] } ?? "—"),
                ("Byline", draft.authorIDs.compactMap { authors[$0] }.joined(separator: ", ")),
                ("Tags", draft.tagNames.joined(separator: ", ")),
                ("Feature image", draft.featureImage.map { "\($0.path) (\($0.alt))" } ?? "—"),
                ("Caption", draft.featureImage?.caption ?? ""),
                ("Syndication", draft.syndication.map { "\($0.outlet), \($0.originalURL)" } ?? "—"),
                ("SEO title", draft.seoTitle ?? ""), ("SEO description", draft.seoDescription ?? ""),
                ("Discussion", draft.discussionOpen ? "Open" : "Closed"),
                ("Publication time", draft.publishedAt.map(format.dateTime) ?? "—"),
            ]
        }
        return zip(describe(old), describe(new)).compactMap { before, after in
            before.1 == after.1 ? nil : FieldChange(field: before.0, before: before.1, after: after.1)
        }
    }
}

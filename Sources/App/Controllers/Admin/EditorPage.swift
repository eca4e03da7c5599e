import Domain
import FluentKit
import Foundation
import Hummingbird
import Persistence
import Routes
import Views

/// Builds the editor page and loads what it edits, with the ownership check.
enum EditorPage {
    /// The article in the path, if the signed-in member may edit it.
    static func loadEditable(_ context: AppRequestContext, _ app: AppServices) async throws -> EditableArticle {
        let staff = try context.requireStaff()
        let id = Article.ID(try context.requireID("id"))
        guard let article = try await ArticleStore.editable(id, on: try app.db()) else {
            throw DomainError.notFound("That article does not exist.")
        }
        guard ArticlePolicy.canEdit(staff, authors: article.draft.authorIDs, status: article.draft.status) else {
            throw AdminError.forbidden
        }
        return article
    }

    /// The form for a stored article.
    static func form(_ article: EditableArticle, _ app: AppServices) async throws -> ArticleForm {
        let db = try app.db()
        let site = try await app.site.current(on: db)
        return ArticleForm(article, clock: site.format.clock, imageID: try await imageID(of: article.draft, on: db))
    }

    /// The media id of a draft's feature image: "" when it has none, `ArticleForm.currentImage`
    /// when the image is not in the media library (it is then kept as it is).
    static func imageID(of draft: ArticleDraft, on db: any Database) async throws -> String {
        guard let path = draft.featureImage?.path else { return "" }
        let prefix = SiteURL.Pattern.mediaPrefix
        let item = path.hasPrefix(prefix) ? try await MediaStore.find(fileName: String(path.dropFirst(prefix.count)), on: db) : nil
        return item.map { $0.id.description } ?? ArticleForm.currentImage
    }

    static func render(
        _ form: ArticleForm, errors: FormErrors<ArticleForm.Field>, article: EditableArticle?, _ context: AppRequestContext,
        _ app: AppServices, notice: AdminNotice? = nil, conflict: String? = nil
    ) async throws -> HTML {
        let staff = try context.requireStaff()
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let authors = try await AuthorStore.all(on: db)
        var previewLink: SiteURL?
        var autosave: Revision?
        if let article {
            previewLink = try await PreviewLink.make(for: article.id, now: app.time.now(), app: app)
            autosave = try await RevisionStore.autosave(of: article.id, on: db)
        }
        var featureImage: ArticleEditorModel.ImageChoice?
        if form.image == ArticleForm.currentImage, let image = article?.draft.featureImage {
            featureImage = .init(id: ArticleForm.currentImage, label: "Current image (not in the library)", thumbnail: image.path)
        } else if let id = form.imageID, let item = try await MediaStore.find(id, on: db) {
            featureImage = .init(
                id: item.id.description, label: item.alt.isEmpty ? item.originalName : item.alt,
                thumbnail: SiteURL.media(item.variants.first?.fileName ?? item.fileName).path)
        }
        let model = ArticleEditorModel(
            chrome: try await app.adminChrome(context, active: .articles(), notice: notice), articleID: article?.id, form: form,
            errors: errors, conflict: conflict,
            statusOptions: ArticlePolicy.allowedStatuses(for: staff).map { SelectOption(value: $0.rawValue, label: $0.label) },
            sectionOptions: [SelectOption(value: "", label: "No section")]
                + site.sections.map { SelectOption(value: $0.id.description, label: $0.name) },
            authorOptions: authors.map { SelectOption(value: $0.id.description, label: $0.name) },
            featureImage: featureImage,
            previewHTML: .trusted(try await BodyImages.render(form.body, on: db).html), previewStylesheet: app.assets.stylesheetPath,
            previewLink: previewLink,
            publicLink: article?.draft.status == .published ? article.map { SiteURL.article(slug: $0.draft.slug) } : nil,
            autosaveNote: autosave.map { "Unsaved changes from \(site.format.dateTime($0.createdAt)) are kept; saving replaces them." },
            lastSaved: article.map { site.format.dateTime($0.updatedAt ?? $0.createdAt) })
        return ArticleEditorView.render(model)
    }
}

/// Private preview links for drafts: `/preview/{id}/{expiry}-{signature}`, valid for a week,
/// signed with the site secret so nobody can guess one.
enum PreviewLink {
    static let lifetime: TimeInterval = 7 * 86_400

    static func make(for id: Article.ID, now: Date, app: AppServices) async throws -> SiteURL {
        let expiry = Int(now.addingTimeInterval(lifetime).timeIntervalSince1970)
        let signature = try await app.secret.sign("preview:\(id):\(expiry)", on: try app.db())
        return .preview(id: id, token: "\(expiry)-\(signature)")
    }

    static func isValid(_ token: String, for id: Article.ID, now: Date, app: AppServices) async throws -> Bool {
        let parts = token.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, let expiry = Int(parts[0]), Double(expiry) > now.timeIntervalSince1970 else { return false }
        return try await app.secret.verify(parts[1], for: "preview:\(id):\(expiry)", on: try app.db())
    }
}

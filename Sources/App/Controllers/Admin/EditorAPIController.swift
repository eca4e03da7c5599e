import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Persistence
import Routes
import Views

/// The editor's background requests: the live preview, autosave and the image picker.
enum EditorAPIController {
    /// Images per page of the picker.
    static let pickerPageSize = 24

    /// `GET /admin/api/media?q=&page=`: one page of library images that have alt text, newest
    /// first, with what the picker shows and what inserting one into the body writes.
    @Sendable static func mediaPicker(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let query = try MediaPickerQuery(QueryString(request.uri.query))
        let result = try await MediaStore.list(
            page: ListingPage(number: query.page, size: pickerPageSize), usableOnly: true, search: query.search, on: try app.db())
        let items = result.items.map { item in
            MediaPickerDTO.Item(
                id: item.id.rawValue, alt: item.alt, name: item.originalName, width: item.width, height: item.height,
                thumbnail: SiteURL.media(item.variants.first?.fileName ?? item.fileName).path,
                markdown: "![\(MarkdownText.escapeAlt(item.alt))](\(SiteURL.media(item.fileName).path))")
        }
        return try .json(
            MediaPickerDTO(
                items: items, page: result.page.number, pageCount: result.pageCount, total: result.totalCount,
                previous: result.hasPrevious ? AdminURL.mediaPicker(.init(search: query.search, page: query.page - 1)).path : nil,
                next: result.hasNext ? AdminURL.mediaPicker(.init(search: query.search, page: query.page + 1)).path : nil))
    }

    /// `POST /admin/api/preview`: the body rendered by the same code as the public page, as the
    /// document the editor puts into its sandboxed preview frame. Opened on its own, the document
    /// is sandboxed by its own policy too.
    @Sendable static func preview(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let markdown = context.form[ArticleForm.Field.body]
        guard markdown.count <= 200_000 else {
            throw DomainError.invalidInput(field: ArticleForm.Field.body.name, message: "The body is too long to preview.")
        }
        let document = EditorPreview.document(
            body: .trusted(try await BodyImages.render(markdown, on: try app.db()).html), stylesheet: app.assets.stylesheetPath)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .contentSecurityPolicy: "sandbox; default-src 'none'; style-src 'self'; img-src 'self' data:",
            ],
            body: .init(byteBuffer: ByteBuffer(string: document.rendered)))
    }

    /// `POST /admin/api/articles/{id}/autosave`: keeps work in progress, refusing to overwrite a
    /// newer version (409 with what happened).
    @Sendable static func autosave(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let article = try await EditorPage.loadEditable(context, app)
        let db = try app.db()
        let site = try await app.site.current(on: db)
        let form = ArticleForm(context.form)
        let (draft, errors) = try await form.check(
            by: staff, articleID: article.id, existing: article.draft, clock: site.format.clock, now: app.time.now(), on: db)
        guard let draft else { return try Response.json(AutosaveDTO(invalid: errors), status: .unprocessableContent) }
        do {
            let version = try await ArticleStore.autosave(
                article.id, with: draft, body: try await BodyImages.render(draft.bodyMarkdown, on: db), now: app.time.now(),
                expectedVersion: form.version, by: staff, on: db)
            let kept = article.draft.status == .published || article.draft.status == .scheduled
            return try Response.json(
                AutosaveDTO(
                    status: "saved", version: version, savedAt: site.format.dateTime(app.time.now()),
                    message: kept ? "Changes kept as a draft of this published article; Save publishes them." : "Saved."))
        } catch let conflict as EditConflict {
            return try Response.json(
                AutosaveDTO(status: "conflict", version: conflict.currentVersion, message: conflict.message), status: .conflict)
        }
    }

    /// `POST /admin/api/articles/autosave`: the first autosave of a new article creates it as a
    /// draft, once it has a title.
    @Sendable static func autosaveNew(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let site = try await app.site.current(on: db)
        var form = ArticleForm(context.form)
        form.status = ArticleStatus.draft.rawValue
        let (draft, errors) = try await form.check(by: staff, articleID: nil, clock: site.format.clock, now: app.time.now(), on: db)
        guard let draft else { return try Response.json(AutosaveDTO(invalid: errors), status: .unprocessableContent) }
        let id = try await ArticleStore.create(
            draft, body: try await BodyImages.render(draft.bodyMarkdown, on: db), now: app.time.now(), by: staff, on: db)
        var created = AutosaveDTO(
            status: "created", version: 1, savedAt: site.format.dateTime(app.time.now()), message: "Saved as a draft.")
        created.id = id.rawValue
        created.edit = AdminURL.articleEdit(id).path
        created.action = AdminURL.article(id).path
        created.autosave = AdminURL.autosave(id).path
        return try Response.json(created)
    }
}

/// What the image picker shows: a page of images and the addresses of its neighbours.
struct MediaPickerDTO: Encodable {
    struct Item: Encodable {
        var id: Int
        var alt: String
        var name: String
        var width: Int
        var height: Int
        var thumbnail: String
        /// What "Insert into the text" writes at the cursor.
        var markdown: String
    }

    var items: [Item]
    var page: Int
    var pageCount: Int
    var total: Int
    var previous: String?
    var next: String?
}

/// What an autosave answers: its outcome, the version now stored, and, for a new article, where
/// the editor's form posts from now on.
struct AutosaveDTO: Encodable {
    var status: String
    var version: Int?
    var savedAt: String?
    var message: String?
    var errors: [String: String]?
    var id: Int?
    var edit: String?
    var action: String?
    var autosave: String?

    init(status: String, version: Int? = nil, savedAt: String? = nil, message: String? = nil) {
        self.status = status
        self.version = version
        self.savedAt = savedAt
        self.message = message
    }

    init(invalid errors: FormErrors<ArticleForm.Field>) {
        self.init(status: "invalid")
        self.errors = Dictionary(errors.all.map { ($0.field.name, $0.message) }, uniquingKeysWith: { first, _ in first })
    }
}

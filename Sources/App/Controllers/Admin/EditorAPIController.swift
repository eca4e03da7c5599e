import Domain
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Persistence
import Routes
import Views

/// The editor's background requests: the live preview and autosave.
enum EditorAPIController {
    /// `POST /admin/api/preview`: the body rendered by the same code as the public page, as the
    /// document the editor puts into its sandboxed preview frame. Opened on its own, the document
    /// is sandboxed by its own policy too.
    @Sendable static func preview(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let markdown = context.form["body"] ?? ""
        guard markdown.count <= 200_000 else { throw DomainError.invalidInput(field: "body", message: "The body is too long to preview.") }
        let document = EditorPreview.document(
            body: .trusted(BodyRenderer.render(markdown: markdown).html), stylesheet: app.assets.stylesheetPath)
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
        let (draft, errors) = try await form.draft(
            by: staff, articleID: article.id, existing: article.draft, format: site.format, now: app.time.now(), on: db)
        guard let draft else { return json(["status": "invalid", "errors": errors], status: .unprocessableContent) }
        let expected = Int(context.form["version"] ?? "") ?? -1
        do {
            let version = try await ArticleWriter.autosave(
                article.id, with: draft, body: BodyRenderer.render(markdown: draft.bodyMarkdown), now: app.time.now(),
                expectedVersion: expected, by: staff, on: db)
            let kept = article.draft.status == .published || article.draft.status == .scheduled
            return json([
                "status": "saved", "version": version, "savedAt": site.format.dateTime(app.time.now()),
                "message": kept ? "Changes kept as a draft of this published article; Save publishes them." : "Saved.",
            ])
        } catch let conflict as EditConflict {
            return json(["status": "conflict", "version": conflict.currentVersion, "message": conflict.message], status: .conflict)
        }
    }

    /// `POST /admin/api/articles/autosave`: the first autosave of a new article creates it as a
    /// draft, once it has a title.
    @Sendable static func autosaveNew(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let staff = try context.requireStaff()
        let db = try app.db()
        let site = try await app.site.current(on: db)
        var form = ArticleForm(context.form)
        form.values["status"] = ArticleStatus.draft.rawValue
        let (draft, errors) = try await form.draft(by: staff, articleID: nil, format: site.format, now: app.time.now(), on: db)
        guard let draft else { return json(["status": "invalid", "errors": errors], status: .unprocessableContent) }
        let id = try await ArticleWriter.create(
            draft, body: BodyRenderer.render(markdown: draft.bodyMarkdown), now: app.time.now(), by: staff, on: db)
        return json([
            "status": "created", "id": id.rawValue, "version": 1, "savedAt": site.format.dateTime(app.time.now()),
            "edit": "/admin/articles/\(id)/edit", "action": "/admin/articles/\(id)", "autosave": "/admin/api/articles/\(id)/autosave",
            "message": "Saved as a draft.",
        ])
    }

    static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// `/preview/{id}/{token}`: a draft as readers would see it, for anyone holding the signed link.
enum PreviewController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let id = Article.ID(try context.requireID("id"))
        let token = context.parameters.get("token") ?? ""
        guard try await PreviewLink.isValid(token, for: id, now: app.time.now(), app: app) else {
            throw DomainError.notFound("This preview link has expired or is not valid. Ask for a new one.")
        }
        let db = try app.db()
        guard let article = try await ArticleQueries.find(id, on: db) else { throw DomainError.notFound("That article no longer exists.") }
        let site = try await app.site.current(on: db)
        let discussion = DiscussionModel(
            article: article.summary, isOpen: false, comments: [], settings: site.settings, format: site.format)
        var model = ArticleShowModel(
            article: article, discussion: discussion, next: nil, trending: [], chrome: site.chrome, settings: site.settings,
            format: site.format)
        model.metaTitle = "Preview: " + model.metaTitle
        var response = AppServices.privatePage(ArticleShowView.render(model, preview: true))
        response.headers[.xRobotsTag] = "noindex"
        return response
    }
}

extension HTTPField.Name {
    static let xRobotsTag = Self("X-Robots-Tag")!
}

import Domain
import Hummingbird
import Persistence
import Routes
import Views

/// `/preview/{id}/{token}`: a draft as readers would see it, for anyone holding the signed link.
enum PreviewController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let id = Article.ID(try context.requireID("id"))
        let token = context.parameters.get("token") ?? ""
        guard try await PreviewLink.isValid(token, for: id, now: app.time.now(), app: app) else {
            throw DomainError.notFound("This preview link has expired or is not valid. Ask for a new one.")
        }
        let db = try app.db()
        guard let article = try await ArticleStore.find(id, on: db) else { throw DomainError.notFound("That article no longer exists.") }
        let site = try await app.site.current(on: db)
        let discussion = DiscussionModel(
            article: article.summary, isOpen: false, closedNote: "Readers can comment once the article is published.",
            page: DiscussionPage(roots: [], replies: [], next: nil), bar: DiscussionBar(stats: DiscussionStats()), sort: .newest,
            settings: site.settings, format: site.format)
        var model = ArticleShowModel(
            article: article, discussion: discussion, next: nil, trending: [], chrome: site.chrome, settings: site.settings,
            format: site.format)
        model.metaTitle = "Preview: " + model.metaTitle
        var response = AppServices.privatePage(ArticleShowView.render(model, preview: true))
        response.headers[.xRobotsTag] = "noindex"
        return response
    }
}

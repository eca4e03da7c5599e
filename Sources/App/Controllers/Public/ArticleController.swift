import Domain
import Hummingbird
import Persistence
import Routes
import Views

/// `/{slug}/`: an article, or else a static page of that name.
enum ArticleController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let slug = try SlugParameter.require(context)
        if let redirect = try await SlugParameter.trailingSlashRedirect(
            request,
            exists: {
                let db = try app.db()
                if try await ArticleStore.isPublished(slug: slug, on: db) { return true }
                return try await PageStore.find(slug: slug, on: db) != nil
            })
        {
            return redirect
        }
        let key = SiteURL.article(slug: slug)
        return try await app.page(key, request: request) {
            // The site's settings are kept in memory; reading them (rarely) goes through Fluent.
            let site = try await app.site.current(on: try app.db())
            let reads = try app.pageReads()
            if let (article, next) = try await ArticleStore.publishedWithNext(slug: slug, on: reads) {
                let discussion = try await DiscussionReader.model(
                    article, sort: .newest, after: nil, site: site, now: app.time.now(), on: reads)
                let model = ArticleShowModel(
                    article: article, discussion: discussion, next: next, trending: app.site.trending,
                    chrome: site.chrome, settings: site.settings, format: site.format)
                return ArticleShowView.render(model)
            }
            if let page = try await PageStore.find(slug: slug, on: try app.db()) {
                return StaticPageView.render(StaticPageModel(chrome: site.chrome, page: page))
            }
            throw DomainError.notFound("There is no article or page at this address. It may have moved, or the link may be mistyped.")
        }
    }
}

/// Reading the `:slug` path parameter safely.
enum SlugParameter {
    /// Longer than any slug we create or import.
    static let maximumLength = 200

    /// The decoded slug, or "not found" for anything no slug can be (too long, not UTF-8).
    static func require(_ context: AppRequestContext) throws -> String {
        guard let raw = context.parameters.get("slug"), raw.utf8.count <= maximumLength * 3,
            let slug = QueryString.decodePathSegment(Substring(raw)), !slug.isEmpty, slug.count <= maximumLength
        else { throw notFound }
        return slug
    }

    /// Listing and article addresses end in a slash. The same address without it redirects there
    /// when there is something there, and is not found at once otherwise (a crawler or feed reader
    /// should not follow a redirect to nothing); nil for an address that has its slash.
    static func trailingSlashRedirect(_ request: Request, exists: () async throws -> Bool) async throws -> Response? {
        let path = request.uri.path
        guard !path.hasSuffix("/") else { return nil }
        guard try await exists() else { throw notFound }
        let query = request.uri.query.map { "?" + $0 } ?? ""
        return Response(status: .movedPermanently, headers: [.location: path + "/" + query])
    }

    static var notFound: DomainError {
        .notFound("There is no page at this address. It may have moved, or the link may be mistyped.")
    }
}

import Domain
import FluentKit
import Hummingbird
import Persistence
import Routes
import Views

/// Section, author and tag listings.
enum ListingController {
    static let pageSize = 12

    @Sendable static func section(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await listing(request, context, app) { slug, page in
            .section(slug: slug, page: page)
        } load: { slug, db in
            guard let section = try await SectionStore.find(slug: slug, on: db) else { return nil }
            return (.section(section.id), section.name, .section(description: section.description))
        }
    }

    @Sendable static func author(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await listing(request, context, app) { slug, page in
            .author(slug: slug, page: page)
        } load: { slug, db in
            guard let author = try await AuthorStore.find(slug: slug, on: db) else { return nil }
            return (.author(author.id), author.name, .author(BylineAuthorModel(author)))
        }
    }

    @Sendable static func tag(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await listing(request, context, app) { slug, page in
            .tag(slug: slug, page: page)
        } load: { slug, db in
            guard let tag = try await TagStore.find(slug: slug, on: db) else { return nil }
            return (.tag(tag.id), tag.name, .tag)
        }
    }

    /// The shared shape of the three listings: resolve the slug, read the page number, load one
    /// page of articles and render it.
    static func listing(
        _ request: Request, _ context: AppRequestContext, _ app: AppServices,
        url: @escaping @Sendable (String, Int) -> SiteURL,
        load: @escaping @Sendable (String, any FluentKit.Database) async throws -> (ListingFilter, String, ListingKind)?
    ) async throws -> Response {
        let slug = try SlugParameter.require(context)
        if let redirect = try await SlugParameter.trailingSlashRedirect(request, exists: { try await load(slug, try app.db()) != nil }) {
            return redirect
        }
        let page = try ListingPage(parameter: QueryString(request.uri.query)["page"], size: pageSize)
        return try await app.page(url(slug, page.number), request: request) {
            let db = try app.db()
            let site = try await app.site.current(on: db)
            guard let (filter, heading, kind) = try await load(slug, db) else {
                throw DomainError.notFound("There is nothing at this address. It may have moved, or the link may be mistyped.")
            }
            let result = try await ArticleStore.published(filter, page: page, on: try app.pageReads())
            if result.isBeyondEnd { throw DomainError.notFound("This listing has only \(result.pageCount) pages.") }
            let model = ListingIndexModel(
                chrome: site.chrome, kind: kind, heading: heading,
                canonicalURL: site.chrome.absolute(url(slug, page.number)),
                cards: result.items.map { ArticleCardModel($0, format: site.format) },
                pager: PagerModel(result) { .site(url(slug, $0)) },
                sidebar: SidebarModel(settings: site.settings, trending: app.site.trending, ads: nil))
            return ListingIndexView.render(model)
        }
    }
}

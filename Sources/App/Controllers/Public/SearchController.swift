import Domain
import Hummingbird
import Persistence
import Routes
import Views

/// `/search?q=`: ranked full-text search. Results are not kept in the page cache (any query is
/// a new key), but carry the same caching headers for shared caches.
enum SearchController {
    static let pageSize = 12

    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let parameters = QueryString(request.uri.query)
        let query = SearchQuery(parameters["q"] ?? "")
        let page = try ListingPage(parameter: parameters["page"], size: pageSize)
        return try await app.page(query.text.isEmpty ? .search(query: "", page: 1) : nil, request: request) {
            let db = try app.db()
            let site = try await app.site.current(on: db)
            let result = try await SearchStore.search(query, page: page, on: db)
            if result.isBeyondEnd { throw DomainError.notFound("There are only \(result.pageCount) pages of results.") }
            let url = { (number: Int) in SiteURL.search(query: query.text, page: number) }
            let model = ListingIndexModel(
                chrome: site.chrome, kind: .search(query: query.text, resultCount: result.totalCount),
                heading: query.text.isEmpty ? "Search" : "Search: \(query.text)",
                canonicalURL: site.chrome.absolute(url(page.number)),
                cards: result.items.map { ArticleCardModel($0, format: site.format) },
                pager: PagerModel(result) { .site(url($0)) },
                sidebar: SidebarModel(settings: site.settings, trending: app.site.trending, ads: nil))
            return ListingIndexView.render(model)
        }
    }
}

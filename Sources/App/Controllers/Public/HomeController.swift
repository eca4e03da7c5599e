import Domain
import Hummingbird
import Persistence
import Routes
import Views

/// The front page.
enum HomeController {
    /// The lead story and the latest list under it.
    static let leadSize = 7
    /// Articles per section block.
    static let blockSize = 4

    @Sendable static func index(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        try await app.page(.home, request: request) {
            let site = try await app.site.current(on: try app.db())
            let listed = try await ArticleStore.frontPage(
                top: leadSize, perSection: blockSize, sections: site.sections.map(\.id), on: try app.pageReads())
            let top = listed.top
            let blocks = site.sections.map { section in
                SectionBlockModel(
                    title: section.name, href: SiteURL.section(slug: section.slug).path,
                    cards: (listed.sections[section.id] ?? []).map { ArticleCardModel($0, format: site.format) })
            }
            let settings = site.settings
            let model = HomeIndexModel(
                chrome: site.chrome,
                lead: top.first.map { ArticleCardModel($0, format: site.format) },
                latest: top.dropFirst().map { ArticleCardModel($0, format: site.format) },
                sections: blocks,
                sidebar: SidebarModel(settings: settings, trending: app.site.trending, ads: .homeSidebar),
                topAds: settings.ads(for: .homeTop).map(AdModel.init))
            return HomeIndexView.render(model)
        }
    }
}

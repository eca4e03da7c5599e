/// A section's block on the home page.
public struct SectionBlockModel: Equatable, Sendable {
    public var title: String
    public var href: String
    public var cards: [ArticleCardModel]

    public init(title: String, href: String, cards: [ArticleCardModel]) {
        self.title = title
        self.href = href
        self.cards = cards
    }
}

/// Everything the home page shows, display-ready.
public struct HomeIndexModel: Equatable, Sendable {
    public var chrome: SiteChrome
    public var lead: ArticleCardModel?
    public var latest: [ArticleCardModel]
    public var sections: [SectionBlockModel]
    public var sidebar: SidebarModel
    public var topAds: [AdModel]

    public init(
        chrome: SiteChrome, lead: ArticleCardModel?, latest: [ArticleCardModel], sections: [SectionBlockModel],
        sidebar: SidebarModel, topAds: [AdModel]
    ) {
        self.chrome = chrome
        self.lead = lead
        self.latest = latest
        self.sections = sections
        self.sidebar = sidebar
        self.topAds = topAds
    }
}

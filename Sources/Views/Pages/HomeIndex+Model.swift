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
    public var trending: [TrendingItem]
    public var showNewsletter: Bool
    public var quickDonate: QuickDonateModel?
    public var channels: [LinkModel]
    public var topAds: [AdModel]
    public var sidebarAds: [AdModel]

    public init(
        chrome: SiteChrome, lead: ArticleCardModel?, latest: [ArticleCardModel], sections: [SectionBlockModel],
        trending: [TrendingItem], showNewsletter: Bool, quickDonate: QuickDonateModel?, channels: [LinkModel],
        topAds: [AdModel], sidebarAds: [AdModel]
    ) {
        self.chrome = chrome
        self.lead = lead
        self.latest = latest
        self.sections = sections
        self.trending = trending
        self.showNewsletter = showNewsletter
        self.quickDonate = quickDonate
        self.channels = channels
        self.topAds = topAds
        self.sidebarAds = sidebarAds
    }
}

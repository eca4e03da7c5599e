/// Which listing a page is, with what its header shows.
public enum ListingKind: Equatable, Sendable {
    case section(description: String)
    case author(BylineAuthorModel)
    case tag
    /// Search results for `query` (empty until the reader searches).
    case search(query: String, resultCount: Int)
}

/// A section, author, tag or search listing.
public struct ListingIndexModel: Equatable, Sendable {
    public var chrome: SiteChrome
    public var kind: ListingKind
    public var heading: String
    public var canonicalURL: String
    public var cards: [ArticleCardModel]
    public var pager: PagerModel
    public var sidebar: SidebarModel

    public init(
        chrome: SiteChrome, kind: ListingKind, heading: String, canonicalURL: String, cards: [ArticleCardModel],
        pager: PagerModel, sidebar: SidebarModel
    ) {
        self.chrome = chrome
        self.kind = kind
        self.heading = heading
        self.canonicalURL = canonicalURL
        self.cards = cards
        self.pager = pager
        self.sidebar = sidebar
    }
}

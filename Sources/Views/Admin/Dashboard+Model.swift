import Domain
import Routes

/// One day of the views chart.
public struct ChartDay: Equatable, Sendable {
    public var label: String
    public var shortLabel: String
    public var views: Int

    public init(label: String, shortLabel: String, views: Int) {
        self.label = label
        self.shortLabel = shortLabel
        self.views = views
    }
}

/// A ranked article on the dashboard.
public struct RankedArticle: Equatable, Sendable {
    public var title: String
    public var href: SiteURL
    public var views: String

    public init(title: String, href: SiteURL, views: String) {
        self.title = title
        self.href = href
        self.views = views
    }
}

public struct DashboardModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var days: [ChartDay]
    public var topToday: [RankedArticle]
    public var topWeek: [RankedArticle]
    public var commentsToday: Int
    public var commentsPending: Int
    public var newSubscribers: Int
    public var donationsTotal: String
    public var showsModeration: Bool

    public init(
        chrome: AdminChrome, days: [ChartDay], topToday: [RankedArticle], topWeek: [RankedArticle], commentsToday: Int,
        commentsPending: Int, newSubscribers: Int, donationsTotal: String, showsModeration: Bool
    ) {
        self.chrome = chrome
        self.days = days
        self.topToday = topToday
        self.topWeek = topWeek
        self.commentsToday = commentsToday
        self.commentsPending = commentsPending
        self.newSubscribers = newSubscribers
        self.donationsTotal = donationsTotal
        self.showsModeration = showsModeration
    }
}

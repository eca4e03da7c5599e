import Foundation

/// One hour's views of one article.
public struct HourlyViews: Equatable, Sendable {
    public var articleID: Article.ID
    /// Whole hours since 1970 (see `VisitorFingerprint.hourKey`).
    public var hour: Int
    public var views: Int

    public init(articleID: Article.ID, hour: Int, views: Int) {
        self.articleID = articleID
        self.hour = hour
        self.views = views
    }
}

/// "Trending": the most-read articles of the last two days, where a view loses half its weight
/// every `halfLifeHours`, so a story read heavily this morning outranks yesterday's big one.
public enum Trending {
    public static let windowHours = 48
    public static let halfLifeHours = 12.0

    /// The decayed score of each article from its hourly views.
    public static func scores(_ buckets: [HourlyViews], nowHour: Int) -> [Article.ID: Double] {
        var scores: [Article.ID: Double] = [:]
        for bucket in buckets {
            let age = nowHour - bucket.hour
            guard age >= 0, age < windowHours, bucket.views > 0 else { continue }
            scores[bucket.articleID, default: 0] += Double(bucket.views) * pow(0.5, Double(age) / halfLifeHours)
        }
        return scores
    }

    /// The ids of the top `limit` articles, highest score first (ties: the newer id first).
    public static func rank(_ buckets: [HourlyViews], nowHour: Int, limit: Int) -> [Article.ID] {
        scores(buckets, nowHour: nowHour)
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }
            .prefix(limit)
            .map(\.key)
    }
}

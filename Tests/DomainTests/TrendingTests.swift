import Domain
import Testing

@Suite("Trending")
struct TrendingTests {
    let now = 500_000

    @Test("Recent views outweigh the same number of older views")
    func decay() {
        let buckets = [
            HourlyViews(articleID: .init(1), hour: now - 30, views: 100),
            HourlyViews(articleID: .init(2), hour: now - 1, views: 100),
        ]
        #expect(Trending.rank(buckets, nowHour: now, limit: 5) == [.init(2), .init(1)])
    }

    @Test("A view loses half its weight every half-life")
    func halfLife() {
        let score = Trending.scores([HourlyViews(articleID: .init(1), hour: now - 12, views: 100)], nowHour: now)
        #expect(abs((score[.init(1)] ?? 0) - 50) < 0.001)
    }

    @Test("Views older than the 48-hour window do not count")
    func window() {
        let buckets = [
            HourlyViews(articleID: .init(1), hour: now - 48, views: 10_000),
            HourlyViews(articleID: .init(2), hour: now - 47, views: 1),
        ]
        #expect(Trending.rank(buckets, nowHour: now, limit: 5) == [.init(2)])
    }

    @Test("Many modest hours can beat one spike, and the list is cut at the limit")
    func sumsAndLimits() {
        var buckets = (0..<10).map { HourlyViews(articleID: .init(3), hour: now - $0, views: 20) }
        buckets.append(HourlyViews(articleID: .init(4), hour: now - 2, views: 120))
        buckets.append(HourlyViews(articleID: .init(5), hour: now, views: 1))
        #expect(Trending.rank(buckets, nowHour: now, limit: 2) == [.init(3), .init(4)])
    }
}

import Domain
import FluentKit
import Foundation
import SQLKit

/// A view waiting to be written: who (as a salted hash), what, and when.
public struct PendingView: Equatable, Hashable, Sendable {
    public var visitorHash: String
    public var articleID: Article.ID
    public var day: String
    public var hour: Int

    public init(visitorHash: String, articleID: Article.ID, day: String, hour: Int) {
        self.visitorHash = visitorHash
        self.articleID = articleID
        self.day = day
        self.hour = hour
    }
}

/// Storage of view counts: salts, the visitor hashes already counted, and the buckets.
public enum ViewStore {
    /// Rows per multi-row INSERT, well under both databases' bound-parameter limits.
    static let chunkSize = 300

    /// The salt of `day`, created at random on first use. Every instance shares it through the
    /// database, so a visitor is counted once whichever instance serves them.
    public static func salt(for day: String, on db: any Database) async throws -> String {
        if let existing = try await ViewSaltRecord.find(day, on: db) { return existing.salt }
        let fresh = (0..<4).map { _ in UInt64.random(in: .min ... .max) }.map { String($0, radix: 16) }.joined()
        try await db.sql().raw(
            """
            INSERT INTO view_salts (day, salt) VALUES (\(bind: day), \(bind: fresh)) ON CONFLICT (day) DO NOTHING
            """
        ).run()
        guard let stored = try await ViewSaltRecord.find(day, on: db) else {
            throw PersistenceError.missingRow("view salt for \(day)")
        }
        return stored.salt
    }

    /// Writes a batch of views in one transaction. A visitor hash already stored (by an earlier
    /// batch or another instance) is not counted again, and views of articles that do not exist
    /// (a stale beacon, a forged id) are dropped. Returns the views added per article.
    @discardableResult
    public static func record(_ views: [PendingView], on db: any Database) async throws -> [Article.ID: Int] {
        guard !views.isEmpty else { return [:] }
        return try await db.transaction { tx in
            let sql = try tx.sql()
            var counted: [PendingView] = []
            let requested = Set(views.map(\.articleID.rawValue))
            let existing = Set(try await ArticleRecord.query(on: tx).filter(\.$id ~~ requested).all(\.$id))
            var byHash: [String: PendingView] = [:]
            for view in views where existing.contains(view.articleID.rawValue) { byHash[view.visitorHash] = view }
            let unique = Array(byHash.values)
            for start in stride(from: 0, to: unique.count, by: chunkSize) {
                let chunk = unique[start..<min(start + chunkSize, unique.count)]
                let rows = chunk.map { SQLGroupExpression([SQLBind($0.visitorHash), SQLBind($0.articleID.rawValue), SQLBind($0.day)]) }
                let inserted = try await sql.raw(
                    """
                    INSERT INTO view_marks (hash, article_id, day) VALUES \(SQLList(rows))
                    ON CONFLICT (hash) DO NOTHING RETURNING hash
                    """
                ).all(decodingColumn: "hash", as: String.self)
                counted.append(contentsOf: inserted.compactMap { byHash[$0] })
            }
            var perArticle: [Article.ID: Int] = [:]
            var perDay: [PendingViewDayKey: Int] = [:]
            var perHour: [PendingViewHourKey: Int] = [:]
            for view in counted {
                perArticle[view.articleID, default: 0] += 1
                perDay[PendingViewDayKey(article: view.articleID, day: view.day), default: 0] += 1
                perHour[PendingViewHourKey(article: view.articleID, hour: view.hour), default: 0] += 1
            }
            for (key, views) in perDay {
                try await sql.raw(
                    """
                    INSERT INTO article_views_daily (article_id, day, views)
                    VALUES (\(bind: key.article.rawValue), \(bind: key.day), \(bind: views))
                    ON CONFLICT (article_id, day) DO UPDATE SET views = article_views_daily.views + excluded.views
                    """
                ).run()
            }
            for (key, views) in perHour {
                try await sql.raw(
                    """
                    INSERT INTO article_views_hourly (article_id, hour, views)
                    VALUES (\(bind: key.article.rawValue), \(bind: key.hour), \(bind: views))
                    ON CONFLICT (article_id, hour) DO UPDATE SET views = article_views_hourly.views + excluded.views
                    """
                ).run()
            }
            for (article, views) in perArticle {
                try await sql.raw(
                    """
                    UPDATE articles SET view_count = view_count + \(bind: views) WHERE id = \(bind: article.rawValue)
                    """
                ).run()
            }
            return perArticle
        }
    }

    /// Adds views straight to the buckets and totals, without visitor hashes (imports and the
    /// sample newsroom's history).
    public static func addHistory(article: Article.ID, day: String, hour: Int?, views: Int, on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.raw(
            """
            INSERT INTO article_views_daily (article_id, day, views) VALUES (\(bind: article.rawValue), \(bind: day), \(bind: views))
            ON CONFLICT (article_id, day) DO UPDATE SET views = article_views_daily.views + excluded.views
            """
        ).run()
        if let hour {
            try await sql.raw(
                """
                INSERT INTO article_views_hourly (article_id, hour, views) VALUES (\(bind: article.rawValue), \(bind: hour), \(bind: views))
                ON CONFLICT (article_id, hour) DO UPDATE SET views = article_views_hourly.views + excluded.views
                """
            ).run()
        }
        try await sql.raw("UPDATE articles SET view_count = view_count + \(bind: views) WHERE id = \(bind: article.rawValue)").run()
    }

    /// Hourly buckets at or after `hour`, for Trending.
    public static func hourly(since hour: Int, on db: any Database) async throws -> [HourlyViews] {
        try await HourlyViewsRecord.query(on: db).filter(\.$hour >= hour).all().map {
            HourlyViews(articleID: .init($0.$article.id), hour: $0.hour, views: $0.views)
        }
    }

    /// Views per day across the site, for the dashboard chart.
    public static func dailyTotals(since day: String, on db: any Database) async throws -> [(day: String, views: Int)] {
        try await db.sql().raw(
            """
            SELECT day, CAST(SUM(views) AS BIGINT) AS views FROM article_views_daily WHERE day >= \(bind: day) GROUP BY day ORDER BY day
            """
        ).all().map { row in
            (try row.decode(column: "day", as: String.self), try row.decode(column: "views", as: Int.self))
        }
    }

    /// Forgets what is no longer needed: salts and visitor hashes of days before `day` (so they
    /// cannot be linked to anyone any more) and hourly buckets older than `hour`.
    public static func purge(before day: String, hoursBefore hour: Int, on db: any Database) async throws {
        let sql = try db.sql()
        try await sql.raw("DELETE FROM view_salts WHERE day < \(bind: day)").run()
        try await sql.raw("DELETE FROM view_marks WHERE day < \(bind: day)").run()
        try await sql.raw("DELETE FROM article_views_hourly WHERE hour < \(bind: hour)").run()
    }
}

struct PendingViewDayKey: Hashable {
    let article: Article.ID
    let day: String
}

struct PendingViewHourKey: Hashable {
    let article: Article.ID
    let hour: Int
}

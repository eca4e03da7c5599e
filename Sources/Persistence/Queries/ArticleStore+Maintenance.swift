import Domain
import FluentKit
import Foundation

/// Changes to articles made by jobs rather than people.
extension ArticleStore {
    /// Publishes every scheduled article whose time has come. Returns how many were published.
    public static func publishDue(now: Date, on db: any Database) async throws -> Int {
        let due = try await ArticleRecord.query(on: db)
            .filter(\.$status == ArticleStatus.scheduled.rawValue)
            .filter(\.$publishedAt <= now)
            .all()
        for record in due {
            record.status = ArticleStatus.published.rawValue
            try await record.update(on: db)
        }
        return due.count
    }
}

import Domain
import FluentKit
import Foundation
import SQLKit

/// The moderation queues.
extension CommentStore {
    /// A comment as a moderator sees it: with the article, the commenter's address and their record.
    public struct QueueItem: Equatable, Sendable {
        public var comment: Comment
        public var authorEmail: String
        public var articleTitle: String
        public var articleSlug: String
        public var network: String?
        /// Flags not looked at yet, and every flag's reason.
        public var openFlags: Int
        public var flagReasons: [String]
    }

    public static func queue(_ queue: CommentQueue, page: ListingPage, on db: any Database) async throws -> Paged<QueueItem> {
        let filter: SQLQueryString =
            switch queue {
            case .flagged: "c.open_flags > 0 AND c.status = \(bind: CommentStatus.approved.rawValue)"
            case .pending: "c.status = \(bind: CommentStatus.pending.rawValue)"
            case .approved: "c.status = \(bind: CommentStatus.approved.rawValue)"
            case .spam: "c.status = \(bind: CommentStatus.spam.rawValue)"
            case .trash: "c.status = \(bind: CommentStatus.trash.rawValue)"
            }
        return try await listed(where: filter, page: page, on: db)
    }

    /// Comments matching `filter`, newest first, as moderators read them (with readers' reports).
    static func listed(where filter: SQLQueryString, page: ListingPage, on db: any Database) async throws -> Paged<QueueItem> {
        let sql = try db.sql()
        let total =
            try await sql.raw("SELECT count(*) AS n FROM comments c WHERE \(filter)").first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: columns), c.network_hash, c.open_flags, a.title, a.slug
            FROM comments c JOIN articles a ON a.id = c.article_id
            WHERE \(filter)
            ORDER BY c.created_at DESC, c.id DESC LIMIT \(bind: page.size) OFFSET \(bind: page.offset)
            """
        ).all()
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        var reasons: [Int: [String]] = [:]
        if !ids.isEmpty {
            for flag in try await CommentFlagRecord.query(on: db).filter(\.$commentID ~~ ids).sort(\.$createdAt).all() {
                let label = FlagReason(rawValue: flag.reason)?.label ?? flag.reason
                reasons[flag.commentID, default: []].append(flag.note.isEmpty ? label : "\(label): “\(flag.note)”")
            }
        }
        let items = try rows.map { row in
            let comment = try decode(row)
            return QueueItem(
                comment: comment, authorEmail: try row.decode(column: "author_email", as: String.self),
                articleTitle: try row.decode(column: "title", as: String.self),
                articleSlug: try row.decode(column: "slug", as: String.self),
                network: try row.decode(column: "network_hash", as: String?.self),
                openFlags: try row.decode(column: "open_flags", as: Int.self), flagReasons: reasons[comment.id.rawValue] ?? [])
        }
        return Paged(items: items, page: page, totalCount: total)
    }

    /// Moves comments to another status, keeping the bar's figures right, and returns the articles
    /// whose public discussion changed. Approving clears open flags and the hold reason; `reason`
    /// records why a comment was held.
    @discardableResult
    public static func setStatus(_ ids: [Comment.ID], to status: CommentStatus, reason: String? = nil, on db: any Database)
        async throws -> Set<Article.ID>
    {
        guard !ids.isEmpty else { return [] }
        return try await db.transaction { tx in
            var touched: Set<Article.ID> = []
            let records = try await CommentRecord.query(on: tx).filter(\.$id ~~ ids.map(\.rawValue)).all()
            for record in records {
                let old = record.status
                if old == status.rawValue {
                    if status == .approved, record.openFlags > 0 {
                        record.openFlags = 0
                        try await record.update(on: tx)
                    }
                    continue
                }
                if old == CommentStatus.approved.rawValue { try await count(Counted(record), by: -1, on: tx) }
                if status == .approved { try await count(Counted(record), by: 1, on: tx) }
                record.status = status.rawValue
                if status == .approved {
                    record.openFlags = 0
                    record.holdReason = nil
                } else if let reason {
                    record.holdReason = reason
                }
                try await record.update(on: tx)
                if old == CommentStatus.approved.rawValue || status == .approved { touched.insert(.init(record.$article.id)) }
            }
            return touched
        }
    }

    /// Those of `ids` that have `status` now, in one read.
    public static func filter(_ ids: [Comment.ID], status: CommentStatus, on db: any Database) async throws -> [Comment.ID] {
        guard !ids.isEmpty else { return [] }
        return try await CommentRecord.query(on: db).filter(\.$id ~~ ids.map(\.rawValue)).filter(\.$status == status.rawValue)
            .all().compactMap(\.id).map(Comment.ID.init)
    }

    /// Keeps an approved comment and marks its flags as looked at.
    public static func dismissFlags(_ ids: [Comment.ID], on db: any Database) async throws {
        guard !ids.isEmpty else { return }
        try await CommentRecord.query(on: db).filter(\.$id ~~ ids.map(\.rawValue)).set(\.$openFlags, to: 0).update()
    }

    /// Pins or unpins comments (their cards show the badge: they are made again); returns their
    /// articles.
    @discardableResult
    public static func setPinned(_ ids: [Comment.ID], _ pinned: Bool, on db: any Database) async throws -> Set<Article.ID> {
        guard !ids.isEmpty else { return [] }
        try await CommentRecord.query(on: db).filter(\.$id ~~ ids.map(\.rawValue)).set(\.$pinned, to: pinned)
            .set(\.$cardHTML, to: nil).set(\.$cardKey, to: nil).update()
        return Set(try await CommentRecord.query(on: db).filter(\.$id ~~ ids.map(\.rawValue)).all().map { .init($0.$article.id) })
    }

    /// Deletes comments for good (from the trash); returns their articles.
    @discardableResult
    public static func delete(_ ids: [Comment.ID], on db: any Database) async throws -> Set<Article.ID> {
        guard !ids.isEmpty else { return [] }
        return try await db.transaction { tx in
            var touched: Set<Article.ID> = []
            for record in try await CommentRecord.query(on: tx).filter(\.$id ~~ ids.map(\.rawValue)).all() {
                if record.status == CommentStatus.approved.rawValue {
                    try await count(Counted(record), by: -1, on: tx)
                    touched.insert(.init(record.$article.id))
                }
                try await record.delete(on: tx)
            }
            return touched
        }
    }

    public static func counts(on db: any Database) async throws -> [CommentQueue: Int] {
        let rows = try await db.sql().raw("SELECT status, count(*) AS n FROM comments GROUP BY status").all()
        var counts: [CommentQueue: Int] = [:]
        for row in rows {
            if let queue = CommentQueue(rawValue: try row.decode(column: "status", as: String.self)) {
                counts[queue] = try row.decode(column: "n", as: Int.self)
            }
        }
        counts[.flagged] = try await CommentRecord.query(on: db).filter(\.$openFlags > 0)
            .filter(\.$status == CommentStatus.approved.rawValue).count()
        return counts
    }

    /// What a new comment's checks ask of the comments already stored, in one read (on SQLite
    /// every read of a post starts afresh, the writer having committed meanwhile): how many came
    /// from `network` within each of `windows` seconds before `now` (the comments are the record
    /// the per-network limits count: a post writes nothing else, and a refused one is not
    /// counted); whether the same text came from this address or network on this article since
    /// `since` (a repeat); whether the address has an approved comment anywhere (a known
    /// commenter). Each part is an indexed look-up of its own.
    public static func postingHistory(
        email: String, network: String, body: String, article: Article.ID, since: Date, windows: [TimeInterval], now: Date,
        on db: any Database
    ) async throws -> PostingHistory {
        // On SQLite a unary + keeps the planner on the address and network indexes (the article's
        // has many rows); PostgreSQL chooses by its statistics and has no + for times.
        let plus: SQLQueryString = try db.flavor() == .sqlite ? "+" : ""
        let address = email.lowercased()
        let counts = windows.enumerated().map { offset, window -> SQLQueryString in
            """
            (SELECT COUNT(*) FROM comments WHERE network_hash = \(bind: network) \
            AND created_at > \(bind: now.addingTimeInterval(-window))) AS w\(unsafeRaw: String(offset))
            """
        }
        let repeats: [SQLQueryString] = [("author_email", address, "by_address"), ("network_hash", network, "by_network")].map {
            column, value, name in
            """
            EXISTS (SELECT 1 FROM comments WHERE \(unsafeRaw: column) = \(bind: value) AND \(plus)article_id = \(bind: article.rawValue) \
            AND \(plus)created_at >= \(bind: since) AND body_markdown = \(bind: body)) AS \(unsafeRaw: name)
            """
        }
        let known: SQLQueryString =
            "EXISTS (SELECT 1 FROM comments WHERE author_email = \(bind: address) AND status = \(bind: CommentStatus.approved.rawValue)) AS known"
        guard let row = try await db.sql().raw("SELECT \((counts + repeats + [known]).joined(separator: ", "))").first() else {
            throw PersistenceError.missingRow("the posting checks")
        }
        return PostingHistory(
            fromNetwork: try windows.indices.map { try row.decode(column: "w\($0)", as: Int.self) },
            repeated: try row.decode(column: "by_address", as: Bool.self) || row.decode(column: "by_network", as: Bool.self),
            knownCommenter: try row.decode(column: "known", as: Bool.self))
    }
}

/// See `CommentStore.postingHistory`.
public struct PostingHistory: Sendable, Equatable {
    /// Comments from the network within each window asked for.
    public var fromNetwork: [Int]
    /// The same text from this address or network on this article, recently.
    public var repeated: Bool
    /// An approved comment by this address anywhere.
    public var knownCommenter: Bool

    public init(fromNetwork: [Int], repeated: Bool, knownCommenter: Bool) {
        self.fromNetwork = fromNetwork
        self.repeated = repeated
        self.knownCommenter = knownCommenter
    }
}

extension CommentStore {
    /// Replaces a comment's text (its author within the edit window, or staff). A comment whose new
    /// text a rule would hold goes back to the queue with that reason.
    public static func edit(
        _ id: Comment.ID, body: CommentBody, hold: String?, excerptWords: Int = 100, at now: Date, on db: any Database
    ) async throws {
        try await db.transaction { tx in
            guard let record = try await CommentRecord.find(id.rawValue, on: tx) else { return }
            record.setBody(body, excerptWords: excerptWords)
            record.editedAt = now
            try await record.update(on: tx)
            if let hold, record.status == CommentStatus.approved.rawValue {
                try await setStatus([id], to: .pending, reason: hold, on: tx)
            }
        }
    }
}

extension CommentStore {
    /// Everything from one address or one network, newest first, whatever its status.
    public static func history(_ query: CommenterQuery, page: ListingPage, on db: any Database) async throws -> Paged<QueueItem> {
        let filter: SQLQueryString =
            query.email.isEmpty
            ? "c.network_hash = \(bind: query.network)" : "c.author_email = \(bind: query.email.lowercased())"
        return try await listed(where: filter, page: page, on: db)
    }
}

extension CommentStore {
    /// One comment as a moderator sees it.
    public static func queueItem(_ id: Comment.ID, on db: any Database) async throws -> QueueItem? {
        guard let comment = try await find(id, on: db), let record = try await CommentRecord.find(id.rawValue, on: db),
            let article = try await ArticleRecord.find(comment.articleID.rawValue, on: db)
        else { return nil }
        let flags = try await CommentFlagRecord.query(on: db).filter(\.$commentID == id.rawValue).sort(\.$createdAt).all().map {
            FlagReason(rawValue: $0.reason)?.label ?? $0.reason
        }
        return QueueItem(
            comment: comment, authorEmail: record.authorEmail, articleTitle: article.title, articleSlug: article.slug,
            network: record.networkHash, openFlags: record.openFlags, flagReasons: flags)
    }

    /// The text as its author wrote it.
    public static func markdown(_ id: Comment.ID, on db: any Database) async throws -> String? {
        try await CommentRecord.find(id.rawValue, on: db)?.bodyMarkdown
    }
}

import Domain
import FluentKit
import Foundation
import SQLKit
import Synchronization

/// The public discussion: pages of threads read by keyset, new comments placed in their thread,
/// and the bar's figures kept by the database as comments come and go.
public enum CommentStore {
    /// Every column a `Comment` is read from, in the order `decode` reads them: first those that
    /// place a comment in its thread, all that is read of a comment read as its card.
    static let commentColumns = [
        "id", "article_id", "parent_id", "created_at", "status", "depth", "thread_id", "pinned", "thread_replies",
        "author_name", "is_guest", "body_html", "author_email", "reply_to_id", "staff_id", "upvotes", "downvotes", "edited_at",
        "hold_reason", "word_count", "cut_words", "head_html", "tail_html",
    ]

    /// The columns of those that a card shows (left out of a comment read with a current card).
    static let cardText: Set = ["author_name", "body_html", "author_email", "head_html", "tail_html"]

    /// Every column, for queries over `comments c` that read comments whole.
    static let columns = commentColumns.map { "c.\($0)" }.joined(separator: ", ") + ", NULL AS card_html, NULL AS thread_card_html"

    /// The columns of comments as a page shows them: a comment whose card was rendered for `key`
    /// (the site's settings and markup today) is read as its card, without the text in it; any
    /// other (new, edited, or rendered for other settings) is read whole, to be rendered. The card
    /// comes as bytes (a BLOB, a bytea), which reach the page as they are instead of being checked
    /// as text on the way. The key is ours (a version, a number, a time zone's name) and goes in
    /// as a quoted literal, so the text is made once per key rather than serialised with seven
    /// parameters on every request.
    /// With `thread` (the first comments of threads on a page), a thread whose kept thread card
    /// was rendered for that key comes with it (`UpdateCommentsAddThreadCard`).
    static func shownColumns(card key: String, thread: String? = nil, sqlite: Bool) -> String {
        let made = "\(sqlite) \(key) \(thread ?? "")"
        if let sql = shown.withLock({ $0[made] }) { return sql }
        /// Whether the kept `column` (and its `column`_key) is current for `key`, and its bytes.
        func kept(_ column: String, _ key: String) -> (current: String, bytes: String) {
            (
                "c.\(column)_key = '\(key.replacingOccurrences(of: "'", with: "''"))' AND c.\(column)_html IS NOT NULL",
                sqlite ? "CAST(c.\(column)_html AS BLOB)" : "convert_to(c.\(column)_html, 'UTF8')"
            )
        }
        let card = kept("card", key)
        let sql =
            commentColumns.map { column in
                cardText.contains(column) ? "CASE WHEN \(card.current) THEN NULL ELSE c.\(column) END AS \(column)" : "c.\(column)"
            }.joined(separator: ", ") + ", CASE WHEN \(card.current) THEN \(card.bytes) END AS card_html, "
            + (thread.map { kept("thread_card", $0) }.map { "CASE WHEN \($0.current) THEN \($0.bytes) END AS thread_card_html" }
                ?? "NULL AS thread_card_html")
        shown.withLock { cache in
            if cache.count >= 8 { cache.removeAll() }
            cache[made] = sql
        }
        return sql
    }

    private static let shown = Mutex<[String: String]>([:])

    /// Full columns, or a page's (see `shownColumns`).
    static func selected(card key: String?, thread: String? = nil, on db: any Database) throws -> SQLQueryString {
        guard let key else { return "\(unsafeRaw: columns)" }
        return "\(unsafeRaw: shownColumns(card: key, thread: thread, sqlite: try db.flavor() == .sqlite))"
    }

    /// A comment from a row of `columns` or `shownColumns`. One read with its card carries the
    /// card and what places it (its ids, thread, depth, time, pin and thread's replies), nothing
    /// else: a page shows it by its card, and 233 comments a page need not decode 14 more columns.
    static func decode(_ row: any SQLRow) throws -> Comment {
        let card = try row.decodeBytes(column: "card_html")
        let id = try row.decode(column: "id", as: Int.self)
        var comment = Comment(
            id: .init(id), articleID: .init(try row.decode(column: "article_id", as: Int.self)),
            parentID: try row.decodeOptional(column: "parent_id", as: Int.self).map { .init($0) }, authorName: "", isGuest: true,
            bodyHTML: "", createdAt: try row.decode(column: "created_at", as: Date.self),
            status: CommentStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending, avatarKey: "",
            depth: try row.decode(column: "depth", as: Int.self),
            threadID: .init(try row.decodeOptional(column: "thread_id", as: Int.self) ?? id),
            pinned: try row.decode(column: "pinned", as: Bool.self), threadReplies: try row.decode(column: "thread_replies", as: Int.self))
        comment.threadCard = try row.decodeBytes(column: "thread_card_html")
        if let card {
            comment.card = card
            return comment
        }
        comment.authorName = try row.decodeOptional(column: "author_name", as: String.self) ?? ""
        comment.isGuest = try row.decode(column: "is_guest", as: Bool.self)
        comment.bodyHTML = try row.decodeOptional(column: "body_html", as: String.self) ?? ""
        comment.avatarKey = try row.decodeOptional(column: "author_email", as: String.self).map(AvatarKey.make) ?? ""
        comment.replyToID = try row.decodeOptional(column: "reply_to_id", as: Int.self).map { .init($0) }
        comment.isStaff = try !row.decodeNil(column: "staff_id")
        comment.upvotes = try row.decode(column: "upvotes", as: Int.self)
        comment.downvotes = try row.decode(column: "downvotes", as: Int.self)
        comment.editedAt = try row.decodeOptional(column: "edited_at", as: Date.self)
        comment.holdReason = try row.decodeOptional(column: "hold_reason", as: String.self)
        comment.wordCount = try row.decode(column: "word_count", as: Int.self)
        let cutWords = try row.decode(column: "cut_words", as: Int.self)
        if cutWords > 0, let head = try row.decodeOptional(column: "head_html", as: String.self),
            let tail = try row.decodeOptional(column: "tail_html", as: String.self)
        {
            comment.storedCut = StoredCut(words: cutWords, head: head, tail: tail)
        }
        return comment
    }

    /// One comment, whatever its status.
    public static func find(_ id: Comment.ID, on db: any Database) async throws -> Comment? {
        try await db.sql().raw("SELECT \(unsafeRaw: columns) FROM comments c WHERE c.id = \(bind: id.rawValue)").first().map(decode)
    }

    /// One page of an article's approved threads, each with its replies (oldest first, at most
    /// `repliesPerThread` of them). The first page starts with the pinned threads; later pages
    /// continue after the thread `after`, by the stored sort key of that thread (keyset, so the
    /// cost is the page's, whatever the size of the discussion).
    public static func threads(
        article: Article.ID, sort: CommentSort, after: Comment.ID?, limit: Int, repliesPerThread: Int = 100, card key: String? = nil,
        threadCard threadKey: String? = nil, on db: any Database, only thread: Comment.ID? = nil
    ) async throws -> DiscussionPage {
        let sql = try db.sql()
        let approved = CommentStatus.approved.rawValue
        if let thread {
            var roots: [Comment] = []
            if let root = try await find(thread, on: db), root.articleID == article, root.status == .approved, root.depth == 0 {
                roots = [root]
            }
            let replies = try await replies(of: roots, limit: repliesPerThread, card: key, on: db)
            return DiscussionPage(roots: roots, replies: replies, next: nil)
        }
        var roots: [Comment] = []
        if after == nil {
            roots = try await sql.raw(
                """
                SELECT \(try selected(card: key, thread: threadKey, on: db)) FROM comments c
                WHERE c.article_id = \(bind: article.rawValue) AND c.status = \(bind: approved) AND c.depth = 0 AND c.pinned = \(bind: true)
                ORDER BY c.created_at DESC, c.id DESC LIMIT 10
                """
            ).all().map(decode)
        }
        let order: SQLQueryString
        let seek: SQLQueryString
        switch sort {
        case .newest:
            order = "c.created_at DESC, c.id DESC"
            seek = "(c.created_at, c.id) < (SELECT k.created_at, k.id FROM comments k WHERE k.id = \(bind: after?.rawValue ?? 0))"
        case .oldest:
            order = "c.created_at, c.id"
            seek = "(c.created_at, c.id) > (SELECT k.created_at, k.id FROM comments k WHERE k.id = \(bind: after?.rawValue ?? 0))"
        case .votes:
            order = "c.score DESC, c.id DESC"
            seek = "(c.score, c.id) < (SELECT k.score, k.id FROM comments k WHERE k.id = \(bind: after?.rawValue ?? 0))"
        }
        let rest = try await sql.raw(
            """
            SELECT \(try selected(card: key, thread: threadKey, on: db)) FROM comments c
            WHERE c.article_id = \(bind: article.rawValue) AND c.status = \(bind: approved) AND c.depth = 0 AND c.pinned = \(bind: false)
            \(after == nil ? "" : "AND " + seek)
            ORDER BY \(order) LIMIT \(bind: limit + 1)
            """
        ).all().map(decode)
        let more = rest.count > limit
        let page = Array(rest.prefix(limit))
        roots += page
        // A thread read with its kept thread card needs none of its replies.
        let replies = try await replies(of: roots.filter { $0.threadCard == nil }, limit: repliesPerThread, card: key, on: db)
        return DiscussionPage(roots: roots, replies: replies, next: more ? page.last?.id : nil)
    }

    /// The approved replies of some threads, each thread's oldest first (threads follow one
    /// another in no particular order), at most `limit` a thread. Each thread
    /// knows how many replies it has: the threads with no more than `limit` are read in one
    /// indexed read of exactly their replies, each longer one on its own up to `limit`, so the
    /// work is the page's whatever the size of the discussion (a window function over all the
    /// replies of fifty threads cost five times as much).
    public static func replies(of roots: [Comment], limit: Int, card key: String?, on db: any Database) async throws -> [Comment] {
        guard !roots.isEmpty, limit > 0 else { return [] }
        let sql = try db.sql()
        let approved = CommentStatus.approved.rawValue
        let short = roots.filter { $0.threadReplies <= limit }.map(\.id.rawValue)
        var found: [Comment] = []
        if !short.isEmpty {
            found = try await sql.raw(
                """
                SELECT \(try selected(card: key, on: db)) FROM comments c
                WHERE c.thread_id IN (\(binds: short)) AND c.status = \(bind: approved) AND c.depth > 0
                ORDER BY c.thread_id, c.created_at, c.id
                """
            ).all().map(decode)
        }
        for root in roots where root.threadReplies > limit {
            found += try await sql.raw(
                """
                SELECT \(try selected(card: key, on: db)) FROM comments c
                WHERE c.thread_id = \(bind: root.id.rawValue) AND c.status = \(bind: approved) AND c.depth > 0
                ORDER BY c.created_at, c.id LIMIT \(bind: limit)
                """
            ).all().map(decode)
        }
        // A thread's count that lags behind its replies still shows no more than `limit` of them
        // (rare: the list is copied only then).
        var shown: [Comment.ID: Int] = [:]
        for reply in found { shown[reply.threadID, default: 0] += 1 }
        guard shown.values.contains(where: { $0 > limit }) else { return found }
        shown = [:]
        return found.filter { reply in
            shown[reply.threadID, default: 0] += 1
            return shown[reply.threadID]! <= limit
        }
    }

    /// Whether `id` is an approved thread of the article (a cursor must be one).
    public static func isThread(_ id: Comment.ID, of article: Article.ID, on db: any Database) async throws -> Bool {
        try await db.sql().raw(
            "SELECT 1 AS found FROM comments WHERE id = \(bind: id.rawValue) AND article_id = \(bind: article.rawValue) AND depth = 0"
        ).first() != nil
    }

    /// Approved comments of an article after `id`, oldest first (for live updates and reconnects).
    public static func approved(article: Article.ID, after id: Comment.ID, limit: Int, on db: any Database) async throws -> [Comment] {
        try await db.sql().raw(
            """
            SELECT \(unsafeRaw: columns) FROM comments c
            WHERE c.article_id = \(bind: article.rawValue) AND c.status = \(bind: CommentStatus.approved.rawValue) AND c.id > \(bind: id.rawValue)
            ORDER BY c.id LIMIT \(bind: limit)
            """
        ).all().map(decode)
    }

    /// How many comments wait for a moderator.
    public static func pendingCount(on db: any Database) async throws -> Int {
        try await CommentRecord.query(on: db).filter(\.$status == CommentStatus.pending.rawValue).count()
    }

    /// Comments received since `since`, whatever their status.
    public static func countSince(_ since: Date, on db: any Database) async throws -> Int {
        try await CommentRecord.query(on: db).filter(\.$createdAt >= since).count()
    }

    /// Where a reply to `parent` goes, or nil when `parent` is not an approved comment of the
    /// article (deleted, held, or on another article).
    public static func placement(
        replyingTo parent: Comment.ID, article: Article.ID, levels: Int, anyStatus: Bool = false, on db: any Database
    ) async throws -> CommentPlacement? {
        let status: SQLQueryString = anyStatus ? "" : "AND status = \(bind: CommentStatus.approved.rawValue)"
        guard
            let row = try await db.sql().raw(
                """
                SELECT id, depth, thread_id, parent_id FROM comments
                WHERE id = \(bind: parent.rawValue) AND article_id = \(bind: article.rawValue) \(status)
                """
            ).first()
        else { return nil }
        let id = try row.decode(column: "id", as: Int.self)
        return .reply(
            to: .init(id), depth: try row.decode(column: "depth", as: Int.self),
            thread: .init(try row.decodeOptional(column: "thread_id", as: Int.self) ?? id),
            grandparent: try row.decodeOptional(column: "parent_id", as: Int.self).map { .init($0) }, levels: levels)
    }

    /// A comment ready to store: where it goes, who wrote it, and what moderation decided.
    public struct NewComment: Sendable {
        public var article: Article.ID
        public var placement: CommentPlacement
        public var authorName: String
        public var authorEmail: String
        public var isGuest: Bool
        public var readerID: Int?
        public var staffID: Int?
        public var body: CommentBody
        public var decision: ModerationDecision
        public var networkHash: String?
        public var at: Date
        /// The site's "Read more" length, for the cut kept with the text.
        public var excerptWords: Int = 100

        public init(
            article: Article.ID, placement: CommentPlacement, authorName: String, authorEmail: String, isGuest: Bool,
            readerID: Int? = nil, staffID: Int? = nil, body: CommentBody, decision: ModerationDecision, networkHash: String?, at: Date,
            excerptWords: Int = 100
        ) {
            self.excerptWords = excerptWords
            self.article = article
            self.placement = placement
            self.authorName = authorName
            self.authorEmail = authorEmail
            self.isGuest = isGuest
            self.readerID = readerID
            self.staffID = staffID
            self.body = body
            self.decision = decision
            self.networkHash = networkHash
            self.at = at
        }
    }

    /// Stores a comment and, when it is approved, counts it in the bar's figures. Plain SQL: this
    /// runs for every comment posted, and Fluent's models cost more than the insert itself (they
    /// reflect over their 30 properties on each use). On SQLite the insert is the only statement:
    /// triggers place and count it (`CountNewCommentsInSQLite`); on PostgreSQL a transaction does.
    public static func create(_ new: NewComment, on db: any Database) async throws -> Comment.ID {
        try await store(new, on: db).id
    }

    /// Stores a comment as `create` does and answers it as read back would, without reading it:
    /// every column of a new comment is known before the INSERT but its number.
    public static func store(_ new: NewComment, on db: any Database) async throws -> Comment {
        let measured = StoredCut.measure(new.body.html, excerptWords: new.excerptWords)
        let id = try await insertCounted(new, measured: measured, on: db)
        var comment = Comment(
            id: id, articleID: new.article, parentID: new.placement.parentID, authorName: new.authorName, isGuest: new.isGuest,
            bodyHTML: new.body.html, createdAt: new.at, status: new.decision.status,
            avatarKey: AvatarKey.make(email: new.authorEmail.lowercased()),
            depth: new.placement.depth, threadID: new.placement.threadID, replyToID: new.placement.replyToID,
            isStaff: new.staffID != nil, holdReason: new.decision.reason)
        comment.wordCount = measured.wordCount
        comment.storedCut = measured.cut
        return comment
    }

    private static func insertCounted(
        _ new: NewComment, measured: (wordCount: Int, cut: StoredCut?), on db: any Database
    ) async throws -> Comment.ID {
        if try db.flavor() == .sqlite { return try await insert(new, measured: measured, on: db) }
        return try await db.transaction { tx in
            let id = try await insert(new, measured: measured, on: tx)
            let sql = try tx.sql()
            if new.placement.threadID == nil {
                try await sql.raw("UPDATE comments SET thread_id = \(bind: id.rawValue) WHERE id = \(bind: id.rawValue)").run()
            }
            if new.decision.status == .approved {
                try await count(
                    Counted(
                        id: id.rawValue, article: new.article.rawValue, depth: new.placement.depth,
                        thread: new.placement.threadID?.rawValue ?? id.rawValue, email: new.authorEmail.lowercased()), by: 1, on: tx)
            }
            return id
        }
    }

    /// The INSERT of a new comment.
    private static func insert(
        _ new: NewComment, measured: (wordCount: Int, cut: StoredCut?), on db: any Database
    ) async throws -> Comment.ID {
        let (wordCount, cut) = measured
        guard
            let row = try await db.sql().raw(
                """
                INSERT INTO comments (article_id, parent_id, author_name, author_email, is_guest, reader_id, staff_id,
                    body_markdown, body_html, word_count, cut_words, head_html, tail_html, status, hold_reason, network_hash,
                    created_at, depth, thread_id, reply_to_id, pinned, upvotes, downvotes, score, reactions, thread_replies,
                    flag_count, open_flags)
                VALUES (\(bind: new.article.rawValue), \(bind: new.placement.parentID?.rawValue), \(bind: new.authorName),
                    \(bind: new.authorEmail.lowercased()), \(bind: new.isGuest), \(bind: new.readerID), \(bind: new.staffID),
                    \(bind: new.body.markdown), \(bind: new.body.html), \(bind: wordCount), \(bind: cut?.words ?? 0), \(bind: cut?.head),
                    \(bind: cut?.tail), \(bind: new.decision.status.rawValue), \(bind: new.decision.reason), \(bind: new.networkHash),
                    \(bind: new.at), \(bind: new.placement.depth), \(bind: new.placement.threadID?.rawValue),
                    \(bind: new.placement.replyToID?.rawValue), \(bind: false), 0, 0, 0, 0, 0, 0, 0)
                RETURNING id
                """
            ).first()
        else { throw PersistenceError.missingRow("the comment just stored") }
        return .init(try row.decode(column: "id", as: Int.self))
    }

    /// Stores a comment from a reply to `parent` (or a new thread), placing it with `levels`
    /// levels: for sample content and tests, where no rule decides anything.
    public static func create(
        article: Article.ID, parent: Comment.ID?, authorName: String, authorEmail: String, isGuest: Bool,
        body: CommentBody, status: CommentStatus, networkHash: String?, at createdAt: Date, levels: Int = 5, on db: any Database
    ) async throws -> Comment.ID {
        var placement = CommentPlacement.newThread
        if let parent {
            guard let found = try await self.placement(replyingTo: parent, article: article, levels: levels, anyStatus: true, on: db)
            else { throw PersistenceError.missingRow("comment \(parent) on article \(article)") }
            placement = found
        }
        return try await create(
            NewComment(
                article: article, placement: placement, authorName: authorName, authorEmail: authorEmail, isGuest: isGuest,
                body: body, decision: ModerationDecision(status: status, reason: nil), networkHash: networkHash, at: createdAt),
            on: db)
    }

    /// What the bar counts of a comment.
    struct Counted {
        var id: Int
        var article: Int
        var depth: Int
        var thread: Int
        var email: String
    }

    /// Adds (`delta` 1) or removes (-1) an approved comment from the article's figures: comments,
    /// threads or replies, its thread's replies, and its author among the distinct authors. Each
    /// statement waits its turn at SQLite's one writer, so there are as few as the figures allow:
    /// the author's count first (it says whether the author is new here or gone), then the
    /// article's figures in one upsert, then the thread's.
    static func count(_ comment: Counted, by delta: Int, on db: any Database) async throws {
        let sql = try db.sql()
        let article = comment.article
        let author = comment.email.lowercased()
        var authors = 0
        if delta > 0 {
            let comments =
                try await sql.raw(
                    """
                    INSERT INTO discussion_authors (article_id, author_key, comments) VALUES (\(bind: article), \(bind: author), 1)
                    ON CONFLICT (article_id, author_key) DO UPDATE SET comments = discussion_authors.comments + 1
                    RETURNING comments
                    """
                ).first()?.decode(column: "comments", as: Int.self) ?? 0
            if comments == 1 { authors = 1 }
        } else {
            let remaining =
                try await sql.raw(
                    """
                    UPDATE discussion_authors SET comments = comments - 1
                    WHERE article_id = \(bind: article) AND author_key = \(bind: author) RETURNING comments
                    """
                ).first()?.decode(column: "comments", as: Int.self) ?? 1
            if remaining <= 0 {
                try await sql.raw("DELETE FROM discussion_authors WHERE article_id = \(bind: article) AND author_key = \(bind: author)")
                    .run()
                authors = -1
            }
        }
        let isThread = comment.depth == 0
        let threads = isThread ? delta : 0
        let replies = isThread ? 0 : delta
        try await sql.raw(
            """
            INSERT INTO discussion_stats (article_id, comments, threads, replies, followers, authors)
            VALUES (\(bind: article), \(bind: max(delta, 0)), \(bind: max(threads, 0)), \(bind: max(replies, 0)), 0, \(bind: max(authors, 0)))
            ON CONFLICT (article_id) DO UPDATE SET comments = discussion_stats.comments + \(bind: delta),
                threads = discussion_stats.threads + \(bind: threads), replies = discussion_stats.replies + \(bind: replies),
                authors = discussion_stats.authors + \(bind: authors)
            """
        ).run()
        if !isThread {
            try await sql.raw("UPDATE comments SET thread_replies = thread_replies + \(bind: delta) WHERE id = \(bind: comment.thread)")
                .run()
        }
    }
}

extension CommentStore {
    /// The newest comment's id (0 when there is none): where a live stream starts.
    public static func latestID(on db: any Database) async throws -> Comment.ID {
        .init(try await CommentRecord.query(on: db).max(\.$id) ?? 0)
    }
}

extension CommentStore.Counted {
    /// A stored comment as the figures count it (kept out of the type so its memberwise
    /// initialiser stays).
    init(_ record: CommentRecord) {
        let id = record.id ?? 0
        self.init(id: id, article: record.$article.id, depth: record.depth, thread: record.threadID ?? id, email: record.authorEmail)
    }
}

import Domain
import FluentKit
import Foundation
import SQLKit

/// Readers who sign in with a link we mail them (no password), their sessions, and what they
/// can take away or erase: every comment and subscription under their address.
public enum ReaderStore {
    public struct Reader: Equatable, Sendable {
        public var id: Int
        public var email: String
        public var name: String
    }

    /// What a mailed link is for.
    public enum Purpose: String, Sendable {
        case signIn = "sign-in"
        case export
        case erase
    }

    public static func createLink(
        email: String, purpose: Purpose, next: String, random: any RandomSource, lifetime: TimeInterval, now: Date, on db: any Database
    ) async throws -> String {
        let token = SecretToken.generate(using: random)
        let record = ReaderLinkRecord()
        record.tokenHash = TokenHash.of(token)
        record.email = email.lowercased()
        record.purpose = purpose.rawValue
        record.next = next
        record.expiresAt = now.addingTimeInterval(lifetime)
        record.createdAt = now
        try await record.create(on: db)
        return token
    }

    /// The link's address, purpose and destination, if it is unused and in time.
    public static func peekLink(_ token: String, now: Date, on db: any Database) async throws -> (
        email: String, purpose: Purpose, next: String
    )? {
        guard let record = try await ReaderLinkRecord.query(on: db).filter(\.$tokenHash == TokenHash.of(token)).first(),
            record.usedAt == nil, record.expiresAt > now, let purpose = Purpose(rawValue: record.purpose)
        else { return nil }
        return (record.email, purpose, record.next)
    }

    /// Uses the link once (a second use, even at the same moment, finds nothing).
    public static func useLink(_ token: String, now: Date, on db: any Database) async throws -> (
        email: String, purpose: Purpose, next: String
    )? {
        // One conditional update: of two uses at once, only one finds the link unused.
        guard
            let row = try await db.sql().raw(
                """
                UPDATE reader_links SET used_at = \(bind: now)
                WHERE token_hash = \(bind: TokenHash.of(token)) AND used_at IS NULL AND expires_at > \(bind: now)
                RETURNING email, purpose, next
                """
            ).first(),
            let purpose = Purpose(rawValue: try row.decode(column: "purpose", as: String.self))
        else { return nil }
        return (try row.decode(column: "email", as: String.self), purpose, try row.decode(column: "next", as: String.self))
    }

    /// The reader with this address, made on first sign-in (named as in their latest comment).
    public static func findOrCreate(email: String, now: Date, on db: any Database) async throws -> Reader {
        let email = email.lowercased()
        if let record = try await ReaderRecord.query(on: db).filter(\.$email == email).first() {
            return Reader(id: try record.requireID(), email: record.email, name: record.name)
        }
        let latest = try await CommentRecord.query(on: db).filter(\.$authorEmail == email).sort(\.$createdAt, .descending).first()
        let record = ReaderRecord()
        record.email = email
        record.name = latest?.authorName ?? String(email.split(separator: "@").first ?? "Reader")
        record.createdAt = now
        try await record.create(on: db)
        return Reader(id: try record.requireID(), email: email, name: record.name)
    }

    public static func createSession(_ reader: Reader, random: any RandomSource, lifetime: TimeInterval, now: Date, on db: any Database)
        async throws -> String
    {
        let token = SecretToken.generate(using: random)
        let record = ReaderSessionRecord()
        record.readerID = reader.id
        record.tokenHash = TokenHash.of(token)
        record.createdAt = now
        record.expiresAt = now.addingTimeInterval(lifetime)
        try await record.create(on: db)
        return token
    }

    public static func reader(session token: String, now: Date, on db: any Database) async throws -> Reader? {
        guard !token.isEmpty, token.count < 200,
            let session = try await ReaderSessionRecord.query(on: db).filter(\.$tokenHash == TokenHash.of(token)).first(),
            session.expiresAt > now, let record = try await ReaderRecord.find(session.readerID, on: db)
        else { return nil }
        return Reader(id: try record.requireID(), email: record.email, name: record.name)
    }

    public static func endSession(_ token: String, on db: any Database) async throws {
        try await ReaderSessionRecord.query(on: db).filter(\.$tokenHash == TokenHash.of(token)).delete()
    }

    public static func rename(_ reader: Reader, to name: String, on db: any Database) async throws {
        try await ReaderRecord.query(on: db).filter(\.$id == reader.id).set(\.$name, to: name).update()
    }

    /// Everything stored under an address: comments (any status) and subscriptions.
    public struct Export: Encodable, Sendable {
        public struct ExportedComment: Encodable, Sendable {
            public var id: Int
            public var article: String
            public var articleAddress: String
            public var writtenAt: Date
            public var status: String
            public var name: String
            public var text: String
        }

        public struct ExportedSubscription: Encodable, Sendable {
            public var article: String
            public var kind: String
            public var confirmed: Bool
        }

        public var email: String
        public var comments: [ExportedComment]
        public var subscriptions: [ExportedSubscription]
    }

    public static func export(email: String, on db: any Database) async throws -> Export {
        let email = email.lowercased()
        let comments = try await CommentRecord.query(on: db).filter(\.$authorEmail == email).sort(\.$createdAt).all()
        let subscriptions = try await CommentSubscriptionRecord.query(on: db).filter(\.$email == email).all()
        let articleIDs = Set(comments.map { $0.$article.id } + subscriptions.map(\.articleID))
        let articles = try await ArticleRecord.query(on: db).filter(\.$id ~~ Array(articleIDs)).all()
        let byID = Dictionary(articles.compactMap { record in record.id.map { ($0, record) } }, uniquingKeysWith: { a, _ in a })
        return Export(
            email: email,
            comments: comments.map {
                .init(
                    id: $0.id ?? 0, article: byID[$0.$article.id]?.title ?? "", articleAddress: "/\(byID[$0.$article.id]?.slug ?? "")/",
                    writtenAt: $0.createdAt, status: $0.status, name: $0.authorName, text: $0.bodyMarkdown)
            },
            subscriptions: subscriptions.map {
                .init(article: byID[$0.articleID]?.title ?? "", kind: $0.kind, confirmed: $0.confirmedAt != nil)
            })
    }

    /// Erases every comment, subscription, session and the account of an address; returns the
    /// articles whose discussion changed.
    public static func erase(email: String, on db: any Database) async throws -> Set<Article.ID> {
        let email = email.lowercased()
        var touched: Set<Article.ID> = []
        var gone: [Comment.ID] = []
        for record in try await CommentRecord.query(on: db).filter(\.$authorEmail == email).all() {
            let id = try record.requireID()
            // A comment others answered keeps its place in the thread, emptied of everything theirs.
            if try await CommentRecord.query(on: db).filter(\.$parent.$id == id).count() > 0 {
                let counted = record.status == CommentStatus.approved.rawValue
                if counted { try await CommentStore.count(.init(record), by: -1, on: db) }
                let body = CommentBody(markdown: "", renderedHTML: "<p><em>Deleted by its author.</em></p>")
                record.setBody(body, excerptWords: 100)
                record.authorName = "Deleted"
                record.authorEmail = "deleted-\(id)@invalid"
                record.networkHash = nil
                try await record.update(on: db)
                if counted { try await CommentStore.count(.init(record), by: 1, on: db) }
                touched.insert(.init(record.$article.id))
            } else {
                gone.append(.init(id))
            }
        }
        touched.formUnion(try await CommentStore.delete(gone, on: db))
        for subscription in try await CommentSubscriptionRecord.query(on: db).filter(\.$email == email).all() {
            try await CommentSubscriptionStore.remove(try subscription.requireID(), on: db)
        }
        if let reader = try await ReaderRecord.query(on: db).filter(\.$email == email).first() {
            try await ReaderSessionRecord.query(on: db).filter(\.$readerID == reader.requireID()).delete()
            try await reader.delete(on: db)
        }
        try await ReaderLinkRecord.query(on: db).filter(\.$email == email).delete()
        return touched
    }
}

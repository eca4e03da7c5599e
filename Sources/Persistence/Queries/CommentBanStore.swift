import Domain
import FluentKit
import Foundation
import SQLKit

/// Who may not comment, and until when. A ban applies from the next comment on.
public enum CommentBanStore {
    static func ban(_ record: CommentBanRecord) -> CommentBan {
        CommentBan(
            id: record.id ?? 0, kind: BanKind(rawValue: record.kind) ?? .email, value: record.value, reason: record.reason,
            until: record.until, createdAt: record.createdAt)
    }

    public static func create(
        kind: BanKind, value: String, reason: String, until: Date?, by staff: StaffMember.ID?, now: Date, on db: any Database
    ) async throws {
        let record = CommentBanRecord()
        record.kind = kind.rawValue
        record.value = kind == .email ? value.lowercased() : value
        record.reason = reason
        record.until = until
        record.createdBy = staff?.rawValue
        record.createdAt = now
        try await record.create(on: db)
    }

    /// The ban that applies to this address, account or network now, if any. Plain SQL: it is
    /// read before every comment, on the page reader where there is one.
    public static func active(email: String, network: String?, reader: Int?, now: Date, on db: any Database) async throws -> CommentBan? {
        var who: [SQLQueryString] = ["(kind = \(bind: BanKind.email.rawValue) AND value = \(bind: email.lowercased()))"]
        if let network { who.append("(kind = \(bind: BanKind.network.rawValue) AND value = \(bind: network))") }
        if let reader { who.append("(kind = \(bind: BanKind.account.rawValue) AND value = \(bind: String(reader)))") }
        let rows = try await db.sql().raw(
            """
            SELECT id, kind, value, reason, until, created_at FROM comment_bans
            WHERE (\(who.joined(separator: " OR "))) AND (until IS NULL OR until > \(bind: now)) ORDER BY id LIMIT 1
            """
        ).all()
        return try rows.first.map { row in
            CommentBan(
                id: try row.decode(column: "id", as: Int.self),
                kind: BanKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .email,
                value: try row.decode(column: "value", as: String.self), reason: try row.decode(column: "reason", as: String.self),
                until: try row.decodeOptional(column: "until", as: Date.self),
                createdAt: try row.decode(column: "created_at", as: Date.self))
        }
    }

    /// Bans in force, newest first.
    public static func current(now: Date, on db: any Database) async throws -> [CommentBan] {
        try await CommentBanRecord.query(on: db).sort(\.$createdAt, .descending).all().map(ban)
            .filter { $0.until.map { $0 > now } ?? true }
    }

    public static func lift(_ id: Int, on db: any Database) async throws {
        try await CommentBanRecord.query(on: db).filter(\.$id == id).delete()
    }
}

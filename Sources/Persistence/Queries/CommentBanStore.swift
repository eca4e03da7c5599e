import Domain
import FluentKit
import Foundation

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

    /// The ban that applies to this address, account or network now, if any.
    public static func active(email: String, network: String?, reader: Int?, now: Date, on db: any Database) async throws -> CommentBan? {
        let candidates = try await CommentBanRecord.query(on: db).group(.or) { group in
            group.group(.and) { $0.filter(\.$kind == BanKind.email.rawValue).filter(\.$value == email.lowercased()) }
            if let network { group.group(.and) { $0.filter(\.$kind == BanKind.network.rawValue).filter(\.$value == network) } }
            if let reader { group.group(.and) { $0.filter(\.$kind == BanKind.account.rawValue).filter(\.$value == String(reader)) } }
        }.all()
        return candidates.map(ban).first { $0.until.map { $0 > now } ?? true }
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

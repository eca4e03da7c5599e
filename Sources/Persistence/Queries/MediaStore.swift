import Domain
import FluentKit
import FluentSQL
import Foundation
import SQLKit

/// The media library's rows (the files themselves live in the media folder).
public enum MediaStore {
    static func item(_ record: MediaRecord) throws -> MediaItem {
        let variants = record.variants.split(separator: ",").compactMap { pair -> MediaItem.Variant? in
            let parts = pair.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let width = Int(parts[0]) else { return nil }
            return MediaItem.Variant(width: width, fileName: String(parts[1]))
        }
        return MediaItem(
            id: .init(try record.requireID()), fileName: record.fileName, originalName: record.originalName,
            format: ImageFormat(rawValue: record.format) ?? .jpeg, width: record.width, height: record.height,
            bytes: record.bytes, variants: variants, alt: record.alt, caption: record.caption, createdAt: record.createdAt,
            uploadedBy: record.uploadedBy.map { .init($0) })
    }

    /// Stores a processed upload; an identical file uploaded before is returned instead.
    public static func add(
        fileName: String, originalName: String, format: ImageFormat, width: Int, height: Int, bytes: Int,
        variants: [MediaItem.Variant], by user: StaffMember?, now: Date, on db: any Database
    ) async throws -> MediaItem {
        if let existing = try await MediaRecord.query(on: db).filter(\.$fileName == fileName).first() {
            return try item(existing)
        }
        let record = MediaRecord()
        record.fileName = fileName
        record.originalName = String(originalName.prefix(200))
        record.format = format.rawValue
        record.width = width
        record.height = height
        record.bytes = bytes
        record.variants = variants.map { "\($0.width):\($0.fileName)" }.joined(separator: ",")
        record.alt = ""
        record.caption = ""
        record.uploadedBy = user?.id.rawValue
        record.createdAt = now
        try await record.create(on: db)
        return try item(record)
    }

    public static func find(_ id: MediaItem.ID, on db: any Database) async throws -> MediaItem? {
        try await MediaRecord.find(id.rawValue, on: db).map(item)
    }

    /// The item a stored path ("/media/ab12.jpg") refers to.
    public static func find(fileName: String, on db: any Database) async throws -> MediaItem? {
        try await MediaRecord.query(on: db).filter(\.$fileName == fileName).first().map(item)
    }

    /// The items stored under any of `fileNames`, in one query.
    public static func find(fileNames: Set<String>, on db: any Database) async throws -> [MediaItem] {
        guard !fileNames.isEmpty else { return [] }
        return try await MediaRecord.query(on: db).filter(\.$fileName ~~ Array(fileNames)).all().map(item)
    }

    /// Newest first; `search` matches the alt text, caption or original file name.
    public static func list(
        page: ListingPage, usableOnly: Bool = false, search: String = "", on db: any Database
    ) async throws -> Paged<MediaItem> {
        let query = MediaRecord.query(on: db)
        if usableOnly { query.filter(\.$alt != "") }
        // Every word must appear in one of the three, in any case (LIKE's wildcards are dropped).
        for word in search.lowercased().split(whereSeparator: \.isWhitespace).prefix(5) {
            let pattern = "%" + word.prefix(50).filter { $0 != "%" && $0 != "_" && $0 != "\\" } + "%"
            query.group(.or) { group in
                for column in ["alt", "caption", "original_name"] {
                    group.filter(.sql(SQLBinaryExpression(SQLFunction("lower", args: SQLColumn(column)), .like, SQLBind(pattern))))
                }
            }
        }
        let total = try await query.count()
        let records = try await query.copy().sort(\.$createdAt, .descending).sort(\.$id, .descending)
            .range(page.offset..<(page.offset + page.size)).all()
        return Paged(items: try records.map(item), page: page, totalCount: total)
    }

    public static func describe(_ id: MediaItem.ID, alt: String, caption: String, on db: any Database) async throws {
        guard let record = try await MediaRecord.find(id.rawValue, on: db) else {
            throw DomainError.notFound("That image no longer exists.")
        }
        record.alt = alt
        record.caption = caption
        try await record.update(on: db)
    }

    /// Removes the row; returns the files to delete.
    public static func delete(_ id: MediaItem.ID, on db: any Database) async throws -> [String] {
        guard let record = try await MediaRecord.find(id.rawValue, on: db) else { return [] }
        let files = [record.fileName] + (try item(record)).variants.map(\.fileName)
        try await record.delete(on: db)
        return files
    }

    /// Whether any article uses this file as its feature image.
    public static func isInUse(fileName: String, on db: any Database) async throws -> Bool {
        try await ArticleRecord.query(on: db).filter(\.$featureImagePath == "/media/" + fileName).count() > 0
    }
}

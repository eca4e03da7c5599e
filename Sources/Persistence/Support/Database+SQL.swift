import FluentKit
import Foundation
import SQLKit

/// The two databases Gazette runs on; the few queries one dialect needs differently switch on it.
public enum SQLFlavor: Sendable {
    case sqlite
    case postgres
}

/// Errors the storage layer raises itself (drivers raise their own).
public enum PersistenceError: Error, CustomStringConvertible {
    case notSQLDatabase
    case unsupportedDialect(String)
    case missingRow(String)

    public var description: String {
        switch self {
        case .notSQLDatabase: "The configured database does not speak SQL."
        case .unsupportedDialect(let name): "Unsupported SQL dialect \(name); Gazette runs on SQLite and PostgreSQL."
        case .missingRow(let what): "Expected row is missing: \(what)."
        }
    }
}

extension Database {
    /// This database as SQLKit sees it, for the queries Fluent's builder cannot express.
    func sql() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw PersistenceError.notSQLDatabase }
        return sql
    }

    /// Which SQL dialect this database speaks.
    public func flavor() throws -> SQLFlavor {
        switch try sql().dialect.name {
        case "sqlite": return .sqlite
        case "postgresql": return .postgres
        case let other: throw PersistenceError.unsupportedDialect(other)
        }
    }
}

/// Per-database set-up that is not a migration.
public enum DatabaseMaintenance {
    /// Switches a SQLite file to write-ahead logging and sizes its page cache. Nothing to do on
    /// PostgreSQL.
    ///
    /// Commits append to the log without waiting for the disk (`synchronous = NORMAL`, SQLite's
    /// advice for WAL): an acknowledged write survives the process being killed, as PRODUCT.md
    /// asks, and the file is never corrupted; only the last commits before a power cut or a
    /// kernel crash may be lost, until the next checkpoint writes the log to disk. Waiting for
    /// the disk on every commit (1.5 ms here) held the one writer so long that 20 readers posting
    /// comments at once waited a quarter of a second.
    public static func prepare(on db: any Database) async throws {
        if try db.flavor() == .sqlite {
            try await db.sql().raw("PRAGMA journal_mode=WAL").run()
            try await db.sql().raw("PRAGMA synchronous = NORMAL").run()
            // The one connection keeps up to 64 MB of pages in memory and reads the file through
            // a memory map, instead of a 2 MB cache refilled by a system call per page.
            try await db.sql().raw("PRAGMA cache_size = -65536").run()
            try await db.sql().raw("PRAGMA mmap_size = 268435456").run()
        }
    }
}

extension Database {
    /// Adds columns one statement each: SQLite's ALTER TABLE takes a single ADD COLUMN.
    func addColumns(to table: String, _ columns: [(FieldKey, DatabaseSchema.DataType, [DatabaseSchema.FieldConstraint])]) async throws {
        for (name, type, constraints) in columns {
            try await schema(table).field(.definition(name: .key(name), dataType: type, constraints: constraints)).update()
        }
    }

    /// Drops columns one statement each (see `addColumns`).
    func dropColumns(from table: String, _ names: [FieldKey]) async throws {
        for name in names {
            try await schema(table).deleteField(name).update()
        }
    }
}

/// A row that hands over a BLOB column's bytes as they are (the SQLite page reader's): a comment's
/// card goes from SQLite to the page without passing through `Data` on the way.
public protocol SQLBytesRow: SQLRow {
    /// The bytes of a BLOB column; nil for NULL or a column of another type.
    func bytes(column: String) -> [UInt8]?
}

extension SQLRow {
    /// A nullable BLOB (or bytea) column's bytes.
    func decodeBytes(column: String) throws -> [UInt8]? {
        if let row = self as? any SQLBytesRow { return row.bytes(column: column) }
        return try decodeOptional(column: column, as: Data.self).map { [UInt8]($0) }
    }

    /// A nullable column, read as `T` when it holds a value. Asking the row for `T?` instead makes
    /// the runtime look up the optional type's metadata on every call (200 rows a discussion page).
    @inline(__always) func decodeOptional<T: Decodable>(column: String, as type: T.Type) throws -> T? {
        try decodeNil(column: column) ? nil : decode(column: column, as: T.self)
    }
}

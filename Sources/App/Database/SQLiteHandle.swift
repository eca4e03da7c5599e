import Foundation
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO
import VaporCSQLite

/// One SQLite connection of our own and its prepared statements: read-only for `SQLiteReader`,
/// read-write for `SQLiteWriter`. Used by one caller at a time.
final class SQLiteHandle: @unchecked Sendable {
    private var handle: OpaquePointer?
    private var statements: [String: Prepared] = [:]

    final class Prepared {
        let statement: OpaquePointer
        let columns: ReaderColumns

        init(statement: OpaquePointer, columns: ReaderColumns) {
            self.statement = statement
            self.columns = columns
        }
    }

    init(path: String, writable: Bool) throws {
        let flags = (writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX
        guard sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let error = failure(sqlite_nio_sqlite3_errcode(handle))
            close()
            throw error
        }
        if writable {
            // Waits for Fluent's connection to finish a write, retrying every 0.1 ms for up to
            // 10 s: SQLite's own timeout sleeps 1, 2, 5, 10 … ms between tries, long beside a
            // commit of a fraction of a millisecond.
            sqlite_nio_sqlite3_busy_handler(
                handle,
                { _, tries in
                    guard tries < 100_000 else { return 0 }
                    usleep(100)
                    return 1
                }, nil)
        } else {
            // A reader waits briefly if the database is being recovered; readers never block the writer.
            sqlite_nio_sqlite3_busy_timeout(handle, 2000)
        }
        // The writer checks foreign keys and its commits append to the log without waiting for
        // the disk, as Fluent's connection does (SQLiteKit, `DatabaseMaintenance.prepare`: these
        // settings are per connection).
        let pragmas =
            writable
            ? [
                "PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL", "PRAGMA cache_size = -65536",
                "PRAGMA mmap_size = 268435456",
            ]
            : ["PRAGMA cache_size = -16384", "PRAGMA mmap_size = 268435456"]
        for pragma in pragmas {
            sqlite_nio_sqlite3_exec(handle, pragma, nil, nil, nil)
        }
    }

    func close() {
        for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared.statement) }
        statements.removeAll()
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }

    /// Runs a statement that takes no parameters and returns no rows (BEGIN, COMMIT, ROLLBACK).
    func exec(_ sql: String) throws {
        let code = sqlite_nio_sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw failure(code) }
    }

    /// Whether a transaction is open (SQLite ends one by itself after some failures).
    var inTransaction: Bool { sqlite_nio_sqlite3_get_autocommit(handle) == 0 }

    func run(_ sql: String, _ binds: [SQLiteData], _ onRow: (any SQLRow) -> Void) throws {
        let prepared = try prepare(sql)
        let statement = prepared.statement
        // Every parameter is bound again below, so the bindings are not cleared: clearing them
        // marks a statement with a bound LIMIT as expired, and SQLite would parse it again.
        defer { sqlite_nio_sqlite3_reset(statement) }
        for (offset, bind) in binds.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch bind {
            case .integer(let value): code = sqlite_nio_sqlite3_bind_int64(statement, index, Int64(value))
            case .float(let value): code = sqlite_nio_sqlite3_bind_double(statement, index, value)
            case .null: code = sqlite_nio_sqlite3_bind_null(statement, index)
            case .text(let value):
                code = sqlite_nio_sqlite3_bind_text64(
                    statement, index, value, UInt64(value.utf8.count), transient, UInt8(SQLITE_UTF8))
            case .blob(let value):
                code = value.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, index, $0.baseAddress, UInt64($0.count), transient)
                }
            }
            guard code == SQLITE_OK else { throw failure(code) }
        }
        let width = Int32(prepared.columns.names.count)
        while true {
            let code = sqlite_nio_sqlite3_step(statement)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw failure(code) }
            var values: [SQLiteData] = []
            values.reserveCapacity(Int(width))
            for column in 0..<width { values.append(value(statement, column)) }
            onRow(ReaderRow(columns: prepared.columns, values: values))
        }
    }

    private func prepare(_ sql: String) throws -> Prepared {
        if let prepared = statements[sql] { return prepared }
        var statement: OpaquePointer?
        let code = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw failure(code) }
        let count = sqlite_nio_sqlite3_column_count(statement)
        let names = (0..<count).map { sqlite_nio_sqlite3_column_name(statement, $0).map { String(cString: $0) } ?? "" }
        let prepared = Prepared(statement: statement, columns: ReaderColumns(names))
        statements[sql] = prepared
        return prepared
    }

    private func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT: return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else { return .null }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            }
            return .blob(buffer)
        default: return .null
        }
    }

    private func failure(_ code: Int32) -> SQLiteReaderError {
        .sqlite(code: code, message: handle.flatMap { sqlite_nio_sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "cannot open")
    }
}

private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

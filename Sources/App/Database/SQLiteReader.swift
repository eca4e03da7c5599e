import FluentKit
import Foundation
import Logging
import NIOCore
import Persistence
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization
import VaporCSQLite

/// Reads for public pages on SQLite, run where the request already is: read-only connections of
/// our own (SQLite in WAL mode lets them read while the one writer writes), each keeping its
/// prepared statements, and every statement run at once on the calling thread. A page's reads
/// take microseconds from SQLite's page cache, so this spares each of them the trip to the
/// thread pool and back, and SQLite the parsing of the same SQL on every request.
///
/// It is an `SQLDatabase` (the stores' raw SQL runs on it unchanged, through the same SQLite
/// library as the writer) and a Fluent `Database` that refuses everything but SQL, so handing it
/// to code that writes fails loudly instead of writing elsewhere.
final class SQLiteReader: SQLDatabase, FluentKit.Database, Sendable {
    let path: String
    let context: DatabaseContext
    private let idle = Mutex<[ReadConnection]>([])
    /// Connections kept open while unused; more are opened when more requests read at once.
    static let keptIdle = 8

    init(path: String, context: DatabaseContext) {
        self.path = path
        self.context = context
    }

    var logger: Logger { context.logger }
    var eventLoop: any EventLoop { context.eventLoop }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeCompletedFuture { try run(query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, rawBinds) = serialize(query)
        logger.trace("Executing query", metadata: ["sql": .string(sql), "database-id": "sqlite-reader"])
        let encoder = SQLiteDataEncoder()
        let binds = try rawBinds.map { try encoder.encode($0) }
        let connection = try checkOut()
        defer { checkIn(connection) }
        try connection.run(sql, binds, onRow)
    }

    private func checkOut() throws -> ReadConnection {
        if let connection = idle.withLock({ $0.popLast() }) { return connection }
        return try ReadConnection(path: path)
    }

    private func checkIn(_ connection: ReadConnection) {
        let kept = idle.withLock { idle in
            guard idle.count < Self.keptIdle else { return false }
            idle.append(connection)
            return true
        }
        if !kept { connection.close() }
    }

    /// Closes the idle connections (at shutdown).
    func close() {
        for connection in idle.withLock({ idle in
            defer { idle.removeAll() }
            return idle
        }) { connection.close() }
    }

    // MARK: Fluent's side: nothing but SQL.

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFailedFuture(SQLiteReaderError.notSQL)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { eventLoop.makeFailedFuture(SQLiteReaderError.notSQL) }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { eventLoop.makeFailedFuture(SQLiteReaderError.notSQL) }

    var inTransaction: Bool { false }

    func transaction<T>(_ closure: @escaping @Sendable (any FluentKit.Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        eventLoop.makeFailedFuture(SQLiteReaderError.notSQL)
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any FluentKit.Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        closure(self)
    }
}

enum SQLiteReaderError: Error, CustomStringConvertible {
    case notSQL
    case sqlite(code: Int32, message: String)

    var description: String {
        switch self {
        case .notSQL: "The page reader runs raw SQL reads only"
        case .sqlite(let code, let message): "SQLite error \(code): \(message)"
        }
    }
}

/// One read-only SQLite connection and its prepared statements. Used by one caller at a time
/// (checked out of `SQLiteReader`'s idle list).
private final class ReadConnection: @unchecked Sendable {
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

    init(path: String) throws {
        let flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        guard sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil) == SQLITE_OK else {
            let error = failure(sqlite_nio_sqlite3_errcode(handle))
            close()
            throw error
        }
        // A reader waits briefly if the database is being recovered; readers never block the writer.
        sqlite_nio_sqlite3_busy_timeout(handle, 2000)
        for pragma in ["PRAGMA cache_size = -16384", "PRAGMA mmap_size = 268435456"] {
            sqlite_nio_sqlite3_exec(handle, pragma, nil, nil, nil)
        }
    }

    func close() {
        for prepared in statements.values { sqlite_nio_sqlite3_finalize(prepared.statement) }
        statements.removeAll()
        sqlite_nio_sqlite3_close(handle)
        handle = nil
    }

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

/// A statement's column names, shared by all its rows.
final class ReaderColumns: Sendable {
    let names: [String]
    let index: [String: Int]
    /// Whether each column is the first of its name (the one a look-up by name finds).
    private let first: [Bool]
    /// Where the next look-up probably is. A store reads a row's columns one after another in
    /// about the order it selected them, row after row, so looking there (and at the column just
    /// read, which `decodeNil` then `decode` ask for twice) spares most look-ups hashing the name:
    /// 23 columns × 233 rows on a discussion's first page. Only a hint: a wrong one costs the
    /// dictionary look-up, whoever else moved it.
    private let hint = Atomic<Int>(0)

    init(_ names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        var first: [Bool] = []
        // The first column of a name wins, as in SQLiteNIO's rows.
        for (offset, name) in names.enumerated() {
            first.append(index[name] == nil)
            if index[name] == nil { index[name] = offset }
        }
        self.index = index
        self.first = first
    }

    /// The position of the (first) column named `column`, if any.
    func offset(of column: String) -> Int? {
        let next = hint.load(ordering: .relaxed)
        if next < names.count, first[next], names[next] == column {
            hint.store(next + 1, ordering: .relaxed)
            return next
        }
        if next > 0, next <= names.count, first[next - 1], names[next - 1] == column { return next - 1 }
        guard let found = index[column] else { return nil }
        hint.store(found + 1, ordering: .relaxed)
        return found
    }
}

/// A row read by `SQLiteReader`, decoded the way SQLiteKit decodes its own rows.
struct ReaderRow: SQLBytesRow {
    let columns: ReaderColumns
    let values: [SQLiteData]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.offset(of: column) != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let offset = columns.offset(of: column) else { return true }
        return values[offset] == .null
    }

    func bytes(column: String) -> [UInt8]? {
        guard let offset = columns.offset(of: column), case .blob(let buffer) = values[offset] else { return nil }
        return Array(buffer.readableBytesView)
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let offset = columns.offset(of: column) else {
            throw DecodingError.keyNotFound(
                ReaderColumnKey(stringValue: column), .init(codingPath: [], debugDescription: "No column \(column)"))
        }
        let data = values[offset]
        // The types the stores read most, converted as `SQLiteDataDecoder` converts them (through
        // their `SQLiteDataConvertible` initialisers) without its dynamic protocol look-ups, and
        // returned as `D` itself: building a `D?` would look up the optional's metadata at run
        // time on every call (23 columns × 233 rows on a discussion's first page).
        switch ObjectIdentifier(D.self) {
        case Common.string: if let value = String(sqliteData: data) { return unsafeBitCast(value, to: D.self) }
        case Common.int: if let value = Int(sqliteData: data) { return unsafeBitCast(value, to: D.self) }
        case Common.bool: if let value = Bool(sqliteData: data) { return unsafeBitCast(value, to: D.self) }
        case Common.date: if let value = Date(sqliteData: data) { return unsafeBitCast(value, to: D.self) }
        case Common.double: if let value = Double(sqliteData: data) { return unsafeBitCast(value, to: D.self) }
        case Common.optionalString: if let value = Self.nullable(data, String.init(sqliteData:)) { return unsafeBitCast(value, to: D.self) }
        case Common.optionalInt: if let value = Self.nullable(data, Int.init(sqliteData:)) { return unsafeBitCast(value, to: D.self) }
        case Common.optionalDate: if let value = Self.nullable(data, Date.init(sqliteData:)) { return unsafeBitCast(value, to: D.self) }
        case Common.optionalBool: if let value = Self.nullable(data, Bool.init(sqliteData:)) { return unsafeBitCast(value, to: D.self) }
        default: break
        }
        // Anything else, or a value that did not convert: the decoder handles it (and reports it).
        return try SQLiteDataDecoder().decode(D.self, from: data)
    }

    /// A nullable column's value: `.some(nil)` for NULL, nil when it does not convert. `T` is known
    /// at each call, so no optional's metadata is looked up at run time.
    @inline(__always) private static func nullable<T>(_ data: SQLiteData, _ convert: (SQLiteData) -> T?) -> T?? {
        if data == .null { return .some(nil) }
        return convert(data).map { .some($0) }
    }

    /// The metatypes `decode` recognises, looked up once (comparing `T?.self` on every call
    /// would instantiate the optional's metadata each time).
    private enum Common {
        static let string = ObjectIdentifier(String.self)
        static let int = ObjectIdentifier(Int.self)
        static let bool = ObjectIdentifier(Bool.self)
        static let date = ObjectIdentifier(Date.self)
        static let double = ObjectIdentifier(Double.self)
        static let optionalString = ObjectIdentifier(String?.self)
        static let optionalInt = ObjectIdentifier(Int?.self)
        static let optionalDate = ObjectIdentifier(Date?.self)
        static let optionalBool = ObjectIdentifier(Bool?.self)
    }
}

private struct ReaderColumnKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

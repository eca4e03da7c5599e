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
final class SQLiteReader: RawSQLiteDatabase, Sendable {
    let path: String
    let context: DatabaseContext
    private let idle = Mutex<[SQLiteHandle]>([])
    /// Connections kept open while unused; more are opened when more requests read at once.
    static let keptIdle = 8

    init(path: String, context: DatabaseContext) {
        self.path = path
        self.context = context
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeCompletedFuture { try run(query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try run(query, onRow)
    }

    private func run(_ query: any SQLExpression, _ onRow: (any SQLRow) -> Void) throws {
        let (sql, binds) = try statement(query, databaseID: "sqlite-reader")
        let connection = try checkOut()
        defer { checkIn(connection) }
        try connection.run(sql, binds, onRow)
    }

    private func checkOut() throws -> SQLiteHandle {
        if let connection = idle.withLock({ $0.popLast() }) { return connection }
        return try SQLiteHandle(path: path, writable: false)
    }

    private func checkIn(_ connection: SQLiteHandle) {
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
}

enum SQLiteReaderError: Error, CustomStringConvertible {
    case notSQL
    case sqlite(code: Int32, message: String)

    var description: String {
        switch self {
        case .notSQL: "This connection runs raw SQL only (the page reader, reads only)"
        case .sqlite(let code, let message): "SQLite error \(code): \(message)"
        }
    }
}

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

import FluentKit
import Foundation
import Logging
import NIOCore
import SQLKit
import SQLiteKit
import SQLiteNIO
import VaporCSQLite

/// What `SQLiteReader` and `SQLiteWriter` share: an `SQLDatabase` on connections of our own (the
/// stores' raw SQL runs on it unchanged, through the same SQLite library as Fluent's connection),
/// and a Fluent `Database` that refuses everything but SQL, so code that reaches for Fluent's
/// models on it fails loudly instead of going elsewhere.
protocol RawSQLiteDatabase: SQLDatabase, FluentKit.Database {
    var context: DatabaseContext { get }
}

extension RawSQLiteDatabase {
    var logger: Logger { context.logger }
    var eventLoop: any EventLoop { context.eventLoop }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// The SQL and SQLite values of `query`, logged at trace level as SQLiteKit logs its own.
    func statement(_ query: any SQLExpression, databaseID: String) throws -> (String, [SQLiteData]) {
        let (sql, rawBinds) = serialize(query)
        logger.trace("Executing query", metadata: ["sql": .string(sql), "database-id": .string(databaseID)])
        let encoder = SQLiteDataEncoder()
        return (sql, try rawBinds.map { try encoder.encode($0) })
    }

    // Fluent's side: nothing but SQL.

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

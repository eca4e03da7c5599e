import Dispatch
import FluentKit
import Foundation
import NIOCore
import SQLKit
import SQLiteNIO
import VaporCSQLite

/// The writes of the public site's busiest request on SQLite (a reader posting a comment), on a
/// write connection of our own that keeps its statements prepared, run one at a time on a thread
/// of its own.
///
/// Through Fluent, every statement went to SQLiteNIO's thread pool and back through its event
/// loop (a row at a time), and SQLite parsed it anew: for a comment's INSERT, with its twelve
/// indexes and the triggers that keep the discussion's figures, parsing alone was a fifth of the
/// writer's time. Here the INSERT is parsed once, and each post costs one hand-over to the
/// writer's thread and one back.
///
/// SQLite takes one writer at a time: when Fluent's connection is writing (the back office, the
/// scheduler), this one retries every 0.1 ms until it may (`SQLiteHandle`), on its own thread,
/// never on an event loop. Like `SQLiteReader`, it runs raw SQL only.
final class SQLiteWriter: RawSQLiteDatabase, Sendable {
    let path: String
    let context: DatabaseContext
    private let queue = DispatchQueue(label: "gazette.sqlite-writer", qos: .userInitiated)
    /// Opened on first use, closed by `close()`; touched only on `queue`.
    private nonisolated(unsafe) var handle: SQLiteHandle?
    private nonisolated(unsafe) var closed = false

    init(path: String, context: DatabaseContext) {
        self.path = path
        self.context = context
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await self.execute(sql: query, onRow) }
        return promise.futureResult
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = try statement(query, databaseID: "sqlite-writer")
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            queue.async {
                continuation.resume(with: Result { try self.connection().run(sql, binds, onRow) })
            }
        }
    }

    /// Closes the connection after the statements already handed over.
    func close() {
        queue.sync {
            closed = true
            handle?.close()
            handle = nil
        }
    }

    private func connection() throws -> SQLiteHandle {
        if let handle { return handle }
        guard !closed else { throw SQLiteReaderError.sqlite(code: SQLITE_MISUSE, message: "The writer is closed") }
        let opened = try SQLiteHandle(path: path, writable: true)
        handle = opened
        return opened
    }
}

import Dispatch
import FluentKit
import Foundation
import NIOCore
import SQLKit
import SQLiteNIO
import Synchronization
import VaporCSQLite

/// The discussion's writes on SQLite (readers' comment posts, the busiest request that writes,
/// and the comment cards the scheduler keeps), on a write connection of our own that keeps its
/// statements prepared, run one at a time on a thread of its own, with the statements that arrive
/// together committed together.
///
/// Through Fluent, every statement went to SQLiteNIO's thread pool and back through its event
/// loop (a row at a time), and SQLite parsed it anew: for a comment's INSERT, with its twelve
/// indexes and the triggers that keep the discussion's figures, parsing alone was a fifth of the
/// writer's time. Here the INSERT is parsed once, and each post costs one hand-over to the
/// writer's thread and one back.
///
/// A commit writes every page the transaction changed to SQLite's log (a comment's INSERT
/// changes about 16: the table's, each index's, the figures'). Statements waiting while the
/// writer works run as one transaction when it is free (at most `batchLimit`): consecutive
/// comments share most of those pages, so the batch writes each once. Each statement still
/// succeeds or fails alone (SQLite undoes a failed statement and keeps the transaction), and
/// none is answered before its commit.
///
/// SQLite takes one writer at a time: when Fluent's connection is writing (the back office, the
/// scheduler), this one retries every 0.1 ms until it may (`SQLiteHandle`), on its own thread,
/// never on an event loop. Like `SQLiteReader`, it runs raw SQL only, outside transactions.
final class SQLiteWriter: RawSQLiteDatabase, Sendable {
    let path: String
    let context: DatabaseContext
    static let batchLimit = 64
    private let queue = DispatchQueue(label: "gazette.sqlite-writer", qos: .userInitiated)
    private let waiting = Mutex<(jobs: [Job], draining: Bool)>(([], false))
    /// Opened on first use, closed by `close()`; touched only on `queue`.
    private nonisolated(unsafe) var handle: SQLiteHandle?
    private nonisolated(unsafe) var closed = false

    private struct Job: Sendable {
        let sql: String
        let binds: [SQLiteData]
        let onRow: @Sendable (any SQLRow) -> Void
        let continuation: CheckedContinuation<Void, any Error>
    }

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
            let start = waiting.withLock { state in
                state.jobs.append(Job(sql: sql, binds: binds, onRow: onRow, continuation: continuation))
                defer { state.draining = true }
                return !state.draining
            }
            if start { queue.async { self.drain() } }
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

    /// Runs what is waiting, a batch at a time, until nothing is.
    private func drain() {
        while true {
            let batch = waiting.withLock { state -> [Job] in
                let batch = Array(state.jobs.prefix(Self.batchLimit))
                state.jobs.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            if batch.isEmpty { return }
            run(batch)
        }
    }

    private func run(_ batch: [Job]) {
        let connection: SQLiteHandle
        do {
            connection = try self.connection()
        } catch {
            for job in batch { job.continuation.resume(throwing: error) }
            return
        }
        guard batch.count > 1, (try? connection.exec("BEGIN IMMEDIATE")) != nil else {
            for job in batch { job.continuation.resume(with: Result { try connection.run(job.sql, job.binds, job.onRow) }) }
            return
        }
        var results: [Result<Void, any Error>] = []
        for job in batch {
            results.append(Result { try connection.run(job.sql, job.binds, job.onRow) })
            // Some failures (a full disk, an I/O error) end the transaction: what ran before is
            // undone, so none of the batch stands.
            if case .failure(let error) = results.last, !connection.inTransaction {
                for job in batch { job.continuation.resume(throwing: error) }
                return
            }
        }
        do {
            try connection.exec("COMMIT")
        } catch {
            try? connection.exec("ROLLBACK")
            for job in batch { job.continuation.resume(throwing: error) }
            return
        }
        for (job, result) in zip(batch, results) { job.continuation.resume(with: result) }
    }

    private func connection() throws -> SQLiteHandle {
        if let handle { return handle }
        guard !closed else { throw SQLiteReaderError.sqlite(code: SQLITE_MISUSE, message: "The writer is closed") }
        let opened = try SQLiteHandle(path: path, writable: true)
        handle = opened
        return opened
    }
}

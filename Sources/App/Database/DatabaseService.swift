import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import Persistence
import ServiceLifecycle
import Views

/// Fluent wired as a service (what hummingbird-fluent does, in one small file): it owns the
/// connection pools, runs migrations, and closes the pools after everything else has stopped.
public final class DatabaseService: Service, Sendable {
    public let databases: Databases
    let logger: Logger
    /// SQLite runs every statement on a thread pool. SQLite's busy handler here retries without
    /// end, so a connection waiting for the write lock holds its thread; with a pool of its own
    /// larger than the connection count, the connection holding the lock always has a thread to
    /// finish on (a shared pool can be filled by waiters and never free up).
    let threadPool: NIOThreadPool
    /// How migrations that re-render stored bodies render them.
    let renderers: BodyRenderers
    /// Refuses handles while a SQLite file cannot be written (see `StorageGuard`).
    let storage: StorageGuard
    /// Reads for public pages on a SQLite file (see `SQLiteReader`); nil on PostgreSQL and for
    /// an in-memory database, which only its one connection can see.
    let reader: SQLiteReader?
    /// The discussion's writes on a SQLite file (see `SQLiteWriter`); nil where `reader` is.
    let writer: SQLiteWriter?
    /// SQLite's one writer connection lives on an event loop of its own (see `init`); nil on PostgreSQL.
    let writerLoop: MultiThreadedEventLoopGroup?

    /// Connects to `url` (`sqlite:PATH`, `sqlite::memory:`, `postgres://…`). For a file database
    /// the folder is created and the journal switched to WAL. `siteURL` makes links in re-rendered
    /// newsletter editions absolute.
    public init(url: String, siteURL: String, logger: Logger) throws {
        self.logger = logger
        self.renderers = .current(siteURL: siteURL)
        let shared = MultiThreadedEventLoopGroup.singleton
        self.threadPool = NIOThreadPool(numberOfThreads: shared.makeIterator().reduce(0) { count, _ in count + 1 } + 2)
        threadPool.start()
        // SQLite takes one writer at a time, and SQLiteNIO's busy handler retries at once: two
        // connections writing together spin on the lock and starve the one holding it (on two
        // cores, comment posts took 20 ms each and up to a second under load). One event loop
        // means one connection, which serialises statements without spinning. That loop is not one
        // of the server's: a task resumes on the loop that completed its query (NIO keeps work where
        // it is), so on a shared loop every request that wrote would finish on that one core
        // while the other idled. From a loop of its own, requests resume spread over all of them.
        let writerLoop = url.hasPrefix("sqlite:") ? MultiThreadedEventLoopGroup(numberOfThreads: 1) : nil
        self.writerLoop = writerLoop
        let group: any EventLoopGroup = writerLoop ?? shared
        self.databases = Databases(threadPool: threadPool, on: group)
        let level: Logger.Level = .trace
        self.storage = StorageGuard(
            sqlitePath: url.hasPrefix("sqlite:") && url != "sqlite::memory:" ? String(url.dropFirst(7)) : nil, logger: logger)
        if url == "sqlite::memory:" {
            databases.use(.sqlite(.memory, sqlLogLevel: level), as: .sqlite)
        } else if url.hasPrefix("sqlite:") {
            let path = String(url.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw ConfigurationError.invalid("DATABASE_URL", "names no SQLite file") }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            databases.use(.sqlite(.file(path), sqlLogLevel: level), as: .sqlite)
        } else if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            let config = try SQLPostgresConfiguration(url: url)
            databases.use(
                .postgres(
                    configuration: config, maxConnectionsPerEventLoop: 4, connectionPoolTimeout: .seconds(10),
                    sqlLogLevel: level),
                as: .psql)
        } else {
            throw ConfigurationError.invalid("DATABASE_URL", "must start with sqlite: or postgres://")
        }
        if url.hasPrefix("sqlite:"), url != "sqlite::memory:", let context = databases.database(logger: logger, on: group.any())?.context {
            let path = String(url.dropFirst("sqlite:".count))
            self.reader = SQLiteReader(path: path, context: context)
            self.writer = SQLiteWriter(path: path, context: context)
        } else {
            self.reader = nil
            self.writer = nil
        }
    }

    /// A handle for the reads of a public page: the SQLite reader where there is one, the
    /// connection pool otherwise. Only raw SQL reads may run on it.
    public var pageReads: any Database {
        get throws {
            guard let reader else { return try db }
            try storage.check()
            return reader
        }
    }

    /// A handle for the raw SQL writes of the discussion (comment posts, kept cards): SQLite's
    /// `SQLiteWriter` where there is one, the connection pool otherwise. Only raw SQL, outside
    /// transactions, may run on it.
    public var discussionWrites: any Database {
        get throws {
            guard let writer else { return try db }
            try storage.check()
            return writer
        }
    }

    /// A database handle for one unit of work.
    public var db: any Database {
        get throws {
            try storage.check()
            guard let database = databases.database(logger: logger, on: databases.eventLoopGroup.any()) else {
                throw DatabaseServiceError.shutDown
            }
            return database
        }
    }

    /// Brings the schema up to date, and says so in one line (each migration's own lines are
    /// shown only when the log level is debug or finer).
    public func migrate() async throws {
        try await DatabaseMaintenance.prepare(on: try db)
        let migrator = migrator()
        try await migrator.setupIfNeeded().get()
        let pending = try await migrator.previewPrepareBatch().get().count
        try await migrator.prepareBatch().get()
        let total = GazetteMigrations.all(renderers: renderers).count
        logger.info("Database ready (\(total) migrations\(pending > 0 ? ", \(pending) applied now" : ""))")
    }

    /// Reverts every migration (tests of the round trip; never run by the server).
    public func revertAll() async throws {
        try await migrator().revertAllBatches().get()
    }

    func migrator() -> Migrator {
        let migrations = Migrations()
        GazetteMigrations.register(in: migrations, renderers: renderers)
        var quiet = logger
        if quiet.logLevel > .debug { quiet.logLevel = .warning }
        return Migrator(databases: databases, migrations: migrations, logger: quiet, on: databases.eventLoopGroup.any())
    }

    public func run() async throws {
        try? await gracefulShutdown()
        await shutdown()
    }

    /// Closes the connections and their thread pool (also used by commands that do not run as a
    /// service). Safe to call more than once.
    public func shutdown() async {
        reader?.close()
        writer?.close()
        await databases.shutdownAsync()
        try? await threadPool.shutdownGracefully()
        try? await writerLoop?.shutdownGracefully()
    }
}

extension BodyRenderers {
    /// Today's renderers, for migrations that re-render stored bodies.
    static func current(siteURL: String) -> BodyRenderers {
        BodyRenderers(
            article: { BodyRenderer.render(markdown: $0) },
            edition: { EditionMailView.manualBody(markdown: $0, brand: MailBrand(siteTitle: "", siteURL: siteURL)) })
    }
}

enum DatabaseServiceError: Error, CustomStringConvertible {
    case shutDown

    var description: String { "The database connections are closed." }
}

import Foundation
import Logging
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// SQLite maps its `-shm` file into memory. If the database's files stop being writable while the
/// server runs (made immutable, the disk remounted read-only), the next write into that mapping
/// kills the process with SIGBUS. So every database handle is preceded by a check that the files
/// and their folder are still writable (one `access` call each, microseconds); when they are not,
/// requests get 503 and background jobs wait, instead of the process dying. The change is logged
/// once each way, and `/readyz` and `/healthz` report it.
final class StorageGuard: Sendable {
    /// The SQLite file, its journal files and its folder; empty for PostgreSQL and in-memory.
    let paths: [String]
    let logger: Logger
    private let unwritable = Mutex<String?>(nil)

    init(sqlitePath: String?, logger: Logger) {
        self.logger = logger
        guard let path = sqlitePath else {
            self.paths = []
            return
        }
        self.paths = [path, path + "-wal", path + "-shm", URL(fileURLWithPath: path).deletingLastPathComponent().path]
    }

    /// Throws `StorageError.readOnly` when a file that exists cannot be written.
    func check() throws {
        guard !paths.isEmpty else { return }
        // One call a path: a file that does not exist (yet) answers ENOENT, which is not a refusal.
        let blocked = paths.first { access($0, W_OK) != 0 && errno != ENOENT }
        let previous = unwritable.withLock { state in
            defer { state = blocked }
            return state
        }
        if let blocked {
            if previous == nil {
                logger.critical(
                    "The database's storage is read-only; refusing requests that need it (503) until it is writable again",
                    metadata: ["path": "\(blocked)"])
            }
            throw StorageError.readOnly(blocked)
        }
        if let previous {
            logger.notice("The database's storage is writable again", metadata: ["path": "\(previous)"])
        }
    }

    /// The file that could not be written at the last check, if any.
    var problem: String? { unwritable.withLock { $0 } }
}

/// The database cannot be written to; nothing is attempted until it can.
public enum StorageError: Error, CustomStringConvertible {
    case readOnly(String)

    public var description: String {
        switch self {
        case .readOnly(let path): "The database's storage is read-only (\(path))."
        }
    }

    /// How loudly a background job should report a failure: the guard has already said the
    /// storage is read-only, so each retry need not say it again.
    static func logLevel(for error: any Error) -> Logger.Level {
        error is StorageError ? .debug : .error
    }
}

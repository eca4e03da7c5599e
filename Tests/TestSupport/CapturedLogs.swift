import Logging
import Synchronization

/// A log handler that keeps what is logged, for tests of what an operator would read.
public final class CapturedLogs: Sendable {
    public struct Entry: Sendable, Equatable {
        public var level: Logger.Level
        public var message: String
        /// The metadata, printed ("key=value" pairs, sorted).
        public var metadata: String
    }

    private let entries = Mutex<[Entry]>([])

    public init() {}

    /// Everything logged so far, in order.
    public var all: [Entry] { entries.withLock { $0 } }

    /// A logger at `level` that writes here.
    public func logger(level: Logger.Level) -> Logger {
        var logger = Logger(label: "captured") { _ in Handler(logs: self, logLevel: level) }
        logger.logLevel = level
        return logger
    }

    struct Handler: LogHandler {
        let logs: CapturedLogs
        var logLevel: Logger.Level
        var metadata: Logger.Metadata = [:]

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            let printed = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            logs.entries.withLock { $0.append(Entry(level: event.level, message: "\(event.message)", metadata: printed)) }
        }
    }
}

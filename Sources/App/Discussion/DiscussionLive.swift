import Domain
import Foundation
import Synchronization

/// Readers watching discussions: one signal stream per open page, woken when an article's
/// discussion changes and every `heartbeat` to keep proxies from closing the connection. The
/// number of streams is bounded; `shutdown` ends them all so the server can stop.
final class DiscussionLive: Sendable {
    enum Signal: Sendable {
        case changed
        case heartbeat
    }

    struct Stream {
        let article: Article.ID
        let continuation: AsyncStream<Signal>.Continuation
    }

    /// One event as it goes over the wire.
    struct Event: Sendable {
        let id: Comment.ID
        let text: String
    }

    /// Streams that wake together ask for the same comments: the first asks the database and
    /// renders, the others wait for that one answer (kept a few seconds).
    struct Batch {
        let task: Task<[Event], any Error>
        let made: ContinuousClock.Instant
    }

    struct State {
        var batches: [String: Batch] = [:]
        /// Announcements so far, per article: a batch answers one announcement only.
        var announcements: [Article.ID: Int] = [:]
        var streams: [UUID: Stream] = [:]
        var closed = false
        var heartbeat: Task<Void, Never>?
    }

    let maximumStreams: Int
    let heartbeat: Duration
    private let state = Mutex(State())

    init(maximumStreams: Int, heartbeat: Duration = .seconds(15)) {
        self.maximumStreams = maximumStreams
        self.heartbeat = heartbeat
    }

    /// A new stream for a reader of `article`, or nil when too many are open (or shutting down).
    func open(_ article: Article.ID) -> (id: UUID, signals: AsyncStream<Signal>)? {
        let (signals, continuation) = AsyncStream.makeStream(of: Signal.self, bufferingPolicy: .bufferingNewest(1))
        let id = UUID()
        let opened = state.withLock { state -> Bool in
            guard !state.closed, state.streams.count < maximumStreams else { return false }
            state.streams[id] = Stream(article: article, continuation: continuation)
            if state.heartbeat == nil {
                let interval = heartbeat
                state.heartbeat = Task { [weak self] in
                    while !Task.isCancelled {
                        try? await Task.sleep(for: interval)
                        guard let self else { return }
                        self.beat()
                    }
                }
            }
            return true
        }
        guard opened else {
            continuation.finish()
            return nil
        }
        continuation.onTermination = { [weak self] _ in self?.close(id) }
        return (id, signals)
    }

    func close(_ id: UUID) {
        state.withLock { state in
            _ = state.streams.removeValue(forKey: id)
            if state.streams.isEmpty {
                state.heartbeat?.cancel()
                state.heartbeat = nil
            }
        }
    }

    /// The events after `cursor` on `article`, made once however many streams ask at once.
    func events(article: Article.ID, after cursor: Comment.ID, make: @escaping @Sendable () async throws -> [Event]) async throws -> [Event]
    {
        let now = ContinuousClock.now
        let task = state.withLock { state -> Task<[Event], any Error> in
            let key = "\(article.rawValue):\(cursor.rawValue):\(state.announcements[article, default: 0])"
            state.batches = state.batches.filter { now - $0.value.made < .seconds(5) }
            if let batch = state.batches[key] { return batch.task }
            let task = Task { try await make() }
            state.batches[key] = Batch(task: task, made: now)
            return task
        }
        return try await task.value
    }

    /// Something readers of `article` should see changed.
    func announce(_ article: Article.ID) {
        let streams = state.withLock { state in
            state.announcements[article, default: 0] += 1
            return Array(state.streams.values)
        }
        for stream in streams where stream.article == article {
            stream.continuation.yield(.changed)
        }
    }

    func beat() {
        for stream in state.withLock({ Array($0.streams.values) }) { stream.continuation.yield(.heartbeat) }
    }

    /// Ends every stream and refuses new ones.
    func shutdown() {
        let streams = state.withLock { state -> [Stream] in
            state.closed = true
            state.heartbeat?.cancel()
            state.heartbeat = nil
            return Array(state.streams.values)
        }
        for stream in streams { stream.continuation.finish() }
    }
}

import CompressNIO
import Crypto
import Domain
import Foundation
import NIOCore
import Routes
import Synchronization

/// A rendered page as the cache keeps it: the bytes, their gzip form and the validator.
public struct CachedPage: Sendable {
    public let body: ByteBuffer
    public let gzipBody: ByteBuffer?
    /// Strong validator of the identity bytes ("…"); the gzip bytes carry it with a suffix.
    public let etag: String
    public let storedAt: Date

    public var gzipETag: String { String(etag.dropLast()) + "-gz\"" }

    /// Prepares a page for serving: computes the ETag and, when `compress` is set and the body is
    /// worth it, the gzip bytes.
    public init(html: String, compress: Bool = true, storedAt: Date) {
        let body = ByteBuffer(string: html)
        self.etag = Self.etag(of: body)
        self.gzipBody = compress && body.readableBytes > 1024 ? Self.gzip(body) : nil
        self.body = body
        self.storedAt = storedAt
    }

    /// The gzip form of `buffer`, or nil if compressing fails or does not make it smaller (the
    /// identity bytes are then served to everyone).
    static func gzip(_ buffer: ByteBuffer) -> ByteBuffer? {
        var source = buffer
        guard let compressed = try? source.compress(with: .gzip()), compressed.readableBytes < buffer.readableBytes else {
            return nil
        }
        return compressed
    }

    static func etag(of buffer: ByteBuffer) -> String {
        let digest = buffer.withUnsafeReadableBytes { SHA256.hash(data: $0) }
        return "\"" + digest.prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
    }

    var size: Int { body.readableBytes + (gzipBody?.readableBytes ?? 0) }
}

/// Anonymous pages, rendered once and served from memory until the content they show changes
/// (every content write purges the cache) or their time-to-live passes (view counts, Trending).
/// Bounded in bytes; the oldest entries go first.
public final class PageCache: Sendable {
    struct State {
        var entries: [SiteURL: CachedPage] = [:]
        var order: [SiteURL] = []
        var bytes = 0
        /// Bumped by every purge, so a page rendered from older content is not stored after it.
        var generation = 0
    }

    public let isEnabled: Bool
    let ttl: TimeInterval
    let maximumBytes: Int
    let time: any TimeSource
    private let state = Mutex(State())

    public init(enabled: Bool, ttl: Duration, time: any TimeSource, maximumBytes: Int = 64 << 20) {
        self.isEnabled = enabled
        self.ttl = Double(ttl.components.seconds) + Double(ttl.components.attoseconds) / 1e18
        self.time = time
        self.maximumBytes = maximumBytes
    }

    /// The fresh entry for `key`, if any.
    public func get(_ key: SiteURL) -> CachedPage? {
        guard isEnabled else { return nil }
        let entry = state.withLock { $0.entries[key] }
        guard let entry, time.now().timeIntervalSince(entry.storedAt) < ttl else { return nil }
        return entry
    }

    /// The current generation, read before rendering and handed back to `store`.
    public var generation: Int { state.withLock { $0.generation } }

    /// Keeps `page` unless a purge happened since `generation` was read.
    public func store(_ page: CachedPage, for key: SiteURL, generation: Int) {
        guard isEnabled, page.size < maximumBytes / 8 else { return }
        state.withLock { state in
            guard state.generation == generation else { return }
            if let old = state.entries.updateValue(page, forKey: key) {
                state.bytes -= old.size
            } else {
                state.order.append(key)
            }
            state.bytes += page.size
            while state.bytes > maximumBytes, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                if let removed = state.entries.removeValue(forKey: oldest) { state.bytes -= removed.size }
            }
        }
    }

    /// Forgets every page: called whenever published content changes.
    public func purgeAll() {
        state.withLock { state in
            state.entries.removeAll(keepingCapacity: true)
            state.order.removeAll(keepingCapacity: true)
            state.bytes = 0
            state.generation += 1
        }
    }

    public var count: Int { state.withLock { $0.entries.count } }
}

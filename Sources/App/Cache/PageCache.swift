import CompressNIO
import Crypto
import Domain
import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1
import Routes
import Synchronization

/// A rendered page as the cache keeps it: the bytes, their gzip form, the validator, and the
/// response headers for each form, so serving it builds nothing.
public struct CachedPage: Sendable {
    public let body: ByteBuffer
    public let gzipBody: ByteBuffer?
    /// Strong validator of the identity bytes ("…"); the gzip bytes carry it with a suffix. Nil
    /// for a page that is not kept: hashing it would cost more than a conditional request saves.
    public let etag: String?
    public let storedAt: Date
    let headers: HTTPFields
    let gzipHeaders: HTTPFields
    private var http1Heads:
        (ok: HTTPResponseHead, okGzip: HTTPResponseHead, notModified: HTTPResponseHead, notModifiedGzip: HTTPResponseHead)

    static let cacheControl = "public, max-age=0, s-maxage=60, stale-while-revalidate=300"

    /// Prepares a page for serving: computes the gzip bytes when `compress` is set and the body
    /// is worth it; for a page the cache keeps (`stored`), the ETag and the heads of the connection's
    /// fast path too.
    init(html: String, compress: Bool = true, stored: Bool = true, storedAt: Date, security: SecurityHeaders) {
        self.init(body: ByteBuffer(string: html), compress: compress, stored: stored, storedAt: storedAt, security: security)
    }

    init(body: ByteBuffer, compress: Bool = true, stored: Bool = true, storedAt: Date, security: SecurityHeaders) {
        let etag = stored ? Self.etag(of: body) : nil
        self.etag = etag
        self.gzipBody = compress && body.readableBytes > 1024 ? Self.gzip(body) : nil
        self.body = body
        self.storedAt = storedAt
        var headers = security.fields
        headers[.cacheControl] = Self.cacheControl
        headers[.vary] = "Accept-Encoding"
        headers[.contentType] = "text/html; charset=utf-8"
        var gzipHeaders = headers
        // The length is part of the headers, so a HEAD (which sends no body) carries it too.
        headers[.contentLength] = String(body.readableBytes)
        headers[.eTag] = etag
        gzipHeaders[.contentLength] = gzipBody.map { String($0.readableBytes) }
        gzipHeaders[.eTag] = etag.map { String($0.dropLast()) + "-gz\"" }
        gzipHeaders[.contentEncoding] = "gzip"
        self.headers = headers
        self.gzipHeaders = gzipHeaders
        let empty = HTTPResponseHead(version: .http1_1, status: .ok)
        self.http1Heads = (empty, empty, empty, empty)
        guard stored else { return }
        self.http1Heads = (
            HTTPResponseHead(head(Variant(notModified: false, gzip: false))),
            HTTPResponseHead(head(Variant(notModified: false, gzip: true))),
            HTTPResponseHead(head(Variant(notModified: true, gzip: false))), HTTPResponseHead(head(Variant(notModified: true, gzip: true)))
        )
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
        return "\"" + Hex.string(digest.prefix(12)) + "\""
    }

    var size: Int { body.readableBytes + (gzipBody?.readableBytes ?? 0) }

    /// Which of its four answers a GET or HEAD for this page gets: `304` when the reader's
    /// validator matches, gzip when it is accepted. The router's path and the connection's fast
    /// path both choose here.
    struct Variant: Hashable {
        var notModified: Bool
        var gzip: Bool
    }

    func variant(acceptEncoding: String?, ifNoneMatch: String?) -> Variant {
        let gzip = gzipBody != nil && Self.acceptsGzip(acceptEncoding)
        let notModified = etag.flatMap { etag in ifNoneMatch.map { $0 == "*" || $0.contains(etag.dropLast().dropFirst()) } } ?? false
        return Variant(notModified: notModified, gzip: gzip)
    }

    /// The status and headers of a variant (without `Date`, which the server adds).
    func head(_ variant: Variant) -> HTTPResponse {
        var headers = variant.gzip ? gzipHeaders : self.headers
        guard variant.notModified else { return HTTPResponse(status: .ok, headerFields: headers) }
        headers[.contentType] = nil
        headers[.contentEncoding] = nil
        headers[.contentLength] = nil
        return HTTPResponse(status: .notModified, headerFields: headers)
    }

    /// The body of a variant; none for `304` and for HEAD.
    func body(_ variant: Variant, head: Bool) -> ByteBuffer? {
        variant.notModified || head ? nil : (variant.gzip ? gzipBody : body)
    }

    /// The answer to a GET or HEAD, as the router's path sends it.
    func answer(to request: HTTPRequest) -> (head: HTTPResponse, body: ByteBuffer?) {
        let variant = variant(acceptEncoding: request.headerFields[.acceptEncoding], ifNoneMatch: request.headerFields[.ifNoneMatch])
        return (head(variant), body(variant, head: request.method == .head))
    }

    /// A variant's status and headers in NIO's HTTP/1 form, made once per page, for the
    /// connection's fast path (which adds `Date`).
    func http1Head(_ variant: Variant) -> HTTPResponseHead {
        switch (variant.notModified, variant.gzip) {
        case (false, false): http1Heads.ok
        case (false, true): http1Heads.okGzip
        case (true, false): http1Heads.notModified
        case (true, true): http1Heads.notModifiedGzip
        }
    }

    /// Whether the client takes gzip (and has not refused it with `q=0`).
    static func acceptsGzip(_ accept: String?) -> Bool {
        guard let accept else { return false }
        for part in accept.split(separator: ",") {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let coding = fields.first?.lowercased(), coding == "gzip" || coding == "*" else { continue }
            let quality = fields.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            return quality > 0
        }
        return false
    }
}

/// Anonymous pages, rendered once and served from memory until the content they show changes
/// (every content write purges the cache) or their time-to-live passes (view counts, Trending).
/// Concurrent requests for a page being rendered wait for that one rendering; a page past its
/// time-to-live is served stale while one background rendering refreshes it. Bounded in bytes;
/// the oldest entries go first.
public final class PageCache: Sendable {
    struct State {
        var entries: [SiteURL: CachedPage] = [:]
        var order: [SiteURL] = []
        var bytes = 0
        /// Bumped by every purge, so a page rendered from older content is not stored after it.
        var generation = 0
        /// Bumped when one page is purged (a new comment on one article), for the same reason.
        var pagePurges: [SiteURL: Int] = [:]

        func stamp(_ key: SiteURL) -> Stamp { Stamp(all: generation, page: pagePurges[key] ?? 0) }
        var rendering: [SiteURL: Task<CachedPage, any Error>] = [:]
        var refreshing: Set<SiteURL> = []
        /// Request targets ("/section/news/?page=2") already seen for each page, for the fast path.
        var targets: [String: SiteURL] = [:]
    }

    /// When a rendering started, in purges: it is kept only if no purge touched its page since.
    struct Stamp: Equatable {
        var all: Int
        var page: Int
    }

    /// Most distinct request targets remembered; past this the map starts again (it only holds
    /// shortcuts, so forgetting costs one trip through the router).
    static let maximumTargets = 20_000

    public let isEnabled: Bool
    let ttl: TimeInterval
    /// How long past its time-to-live a page may still be served while it is refreshed.
    let staleness: TimeInterval = 600
    let maximumBytes: Int
    let time: any TimeSource
    let logger: Logger
    /// The headers every cached page is served with.
    let security: SecurityHeaders
    private let state = Mutex(State())
    private let fastAnswers = Atomic<Int>(0)

    init(
        enabled: Bool, ttl: Duration, time: any TimeSource, logger: Logger, security: SecurityHeaders, maximumBytes: Int = 64 << 20
    ) {
        self.isEnabled = enabled
        self.security = security
        self.ttl = Double(ttl.components.seconds) + Double(ttl.components.attoseconds) / 1e18
        self.time = time
        self.logger = logger
        self.maximumBytes = maximumBytes
    }

    /// The page for `key`: from memory, from a rendering already under way, or rendered now.
    public func page(for key: SiteURL, render: @escaping @Sendable () async throws -> String) async throws -> CachedPage {
        enum Step {
            case cached(CachedPage)
            case stale(CachedPage, refresh: Stamp?)
            case wait(Task<CachedPage, any Error>)
        }
        let now = time.now()
        let step = state.withLock { state -> Step in
            if let entry = state.entries[key] {
                let age = now.timeIntervalSince(entry.storedAt)
                if age < ttl { return .cached(entry) }
                if age < ttl + staleness {
                    let claimed = state.refreshing.insert(key).inserted
                    return .stale(entry, refresh: claimed ? state.stamp(key) : nil)
                }
            }
            if let task = state.rendering[key] { return .wait(task) }
            let generation = state.stamp(key)
            let task = Task { try await self.render(key, generation: generation, render) }
            state.rendering[key] = task
            return .wait(task)
        }
        switch step {
        case .cached(let page):
            return page
        case .stale(let page, let generation):
            if let generation {
                Task {
                    do {
                        _ = try await self.render(key, generation: generation, render)
                    } catch {
                        self.logger.error("Could not refresh a cached page", metadata: ["page": "\(key.path)", "error": "\(error)"])
                    }
                    self.state.withLock { _ = $0.refreshing.remove(key) }
                }
            }
            return page
        case .wait(let task):
            return try await task.value
        }
    }

    /// Renders and keeps the page, unless a purge happened since `generation`.
    func render(_ key: SiteURL, generation: Stamp, _ render: @Sendable () async throws -> String) async throws -> CachedPage {
        defer {
            state.withLock { state in
                if state.stamp(key) == generation { state.rendering[key] = nil }
            }
        }
        let page = CachedPage(html: try await render(), compress: true, storedAt: time.now(), security: security)
        store(page, for: key, generation: generation)
        return page
    }

    /// The fresh page last served for this exact request target, if any: lets a repeat request
    /// skip routing and the controller.
    public func fresh(target: String) -> CachedPage? {
        guard isEnabled else { return nil }
        let entry = state.withLock { state in state.targets[target].flatMap { state.entries[$0] } }
        guard let entry, time.now().timeIntervalSince(entry.storedAt) < ttl else { return nil }
        return entry
    }

    /// Notes that `target` is served by the page `key`.
    func remember(target: String, as key: SiteURL) {
        guard isEnabled else { return }
        state.withLock { state in
            guard state.targets[target] != key else { return }
            if state.targets.count >= Self.maximumTargets { state.targets.removeAll(keepingCapacity: true) }
            state.targets[target] = key
        }
    }

    /// Keeps `page` unless a purge happened since `generation` was read.
    func store(_ page: CachedPage, for key: SiteURL, generation: Stamp) {
        guard isEnabled, page.size < maximumBytes / 8 else { return }
        state.withLock { state in
            guard state.stamp(key) == generation else { return }
            if let old = state.entries.updateValue(page, forKey: key) {
                state.bytes -= old.size
                state.order.removeAll { $0 == key }
            }
            state.order.append(key)
            state.bytes += page.size
            while state.bytes > maximumBytes, !state.order.isEmpty {
                let oldest = state.order.removeFirst()
                if let removed = state.entries.removeValue(forKey: oldest) { state.bytes -= removed.size }
            }
        }
    }

    /// Forgets every page: called whenever published content changes. Renderings under way finish
    /// for the requests waiting on them but are not kept.
    public func purgeAll() {
        state.withLock { state in
            state.entries.removeAll(keepingCapacity: true)
            state.order.removeAll(keepingCapacity: true)
            state.bytes = 0
            state.generation += 1
            state.rendering.removeAll()
            state.refreshing.removeAll()
        }
    }

    /// Forgets these pages only (what shows one discussion), leaving the rest of the site cached.
    public func purge(_ keys: some Sequence<SiteURL>) {
        state.withLock { state in
            for key in keys {
                state.pagePurges[key, default: 0] += 1
                if let removed = state.entries.removeValue(forKey: key) {
                    state.bytes -= removed.size
                    state.order.removeAll { $0 == key }
                }
                state.rendering[key] = nil
                state.refreshing.remove(key)
            }
        }
    }

    public var count: Int { state.withLock { $0.entries.count } }

    /// How many requests the connection fast path (`CachedPageHandler`) has answered.
    public var fastAnswerCount: Int { fastAnswers.load(ordering: .relaxed) }

    func countFastAnswer() { fastAnswers.add(1, ordering: .relaxed) }

    /// Whether a page is in memory now.
    public func contains(_ key: SiteURL) -> Bool { state.withLock { $0.entries[key] != nil } }
}

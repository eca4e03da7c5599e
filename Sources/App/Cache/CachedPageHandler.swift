import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1
import Synchronization

/// The page cache's fast path, in each connection's channel pipeline ahead of Hummingbird: a GET
/// or HEAD for a page that is fresh in the cache is answered here, on the connection's event loop,
/// from the page's bytes and a head made once per page, without a task, the router, middleware
/// or a controller, and without converting the request to Swift HTTP Types. Everything else is
/// handed on unchanged. Answers go through NIO's response encoder like every other answer: it
/// pairs each response with its request's method (no body for HEAD).
///
/// It sits right after NIO's HTTP/1 decoder (see `CachedPageHandlerInstaller`). HTTP/1.1 keeps
/// answers in request order, so a request is answered here only while no earlier request of the
/// connection is still with the application; a pipelined hit behind a miss is handed on too (and
/// the router's `CachedPageResponder` serves it from memory in its turn). A request that is not
/// HTTP/1.1 keep-alive (HTTP/1.0, `Connection: close`, an upgrade) is handed on as well, so
/// closing and upgrading stay Hummingbird's job.
final class CachedPageHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    let cache: PageCache
    /// Requests handed on whose answer has not been written completely yet.
    private var handedOn = 0
    /// The answer to the request being read, written when its end arrives.
    private var answer: (head: HTTPResponseHead, body: ByteBuffer?)?
    private var needsFlush = false
    /// The last head sent from here, with its Date: a connection asking for the same page again
    /// within the same second gets the same head without building it again.
    private var lastHead: (etag: String?, variant: CachedPage.Variant, second: Int, head: HTTPResponseHead)?

    init(cache: PageCache) {
        self.cache = cache
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if handedOn == 0, let page = hit(request) {
                let variant = page.variant(
                    acceptEncoding: request.headers.first(name: "accept-encoding"),
                    ifNoneMatch: request.headers.first(name: "if-none-match"))
                answer = (head(page, variant), page.body(variant, head: request.method == .HEAD))
                cache.countFastAnswer()
                return
            }
            handedOn += 1
            context.fireChannelRead(data)
        case .body:
            // A body sent with a GET is read and ignored, as the router does.
            if answer == nil { context.fireChannelRead(data) }
        case .end:
            guard let (head, body) = answer else {
                context.fireChannelRead(data)
                return
            }
            answer = nil
            context.write(wrapOutboundOut(.head(head)), promise: nil)
            if let body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
            context.write(wrapOutboundOut(.end(nil)), promise: nil)
            needsFlush = true
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data), handedOn > 0 { handedOn -= 1 }
        context.write(data, promise: promise)
    }

    /// The head for `variant` of `page`, with the current Date.
    private func head(_ page: CachedPage, _ variant: CachedPage.Variant) -> HTTPResponseHead {
        let second = time(nil)
        if let last = lastHead, last.second == second, last.variant == variant, last.etag == page.etag {
            return last.head
        }
        var head = page.http1Head(variant)
        head.headers.add(name: "Date", value: HTTPDate.now())
        lastHead = (page.etag, variant, second, head)
        return head
    }

    /// The cached page for `request`, if it can be answered here.
    private func hit(_ request: HTTPRequestHead) -> CachedPage? {
        guard request.method == .GET || request.method == .HEAD, request.version == .http1_1 else { return nil }
        if let connection = request.headers.first(name: "connection"), connection.lowercased() != "keep-alive" { return nil }
        return cache.fresh(target: request.uri)
    }
}

/// Puts a `CachedPageHandler` right after NIO's HTTP/1 decoder, ahead of the conversion to Swift
/// HTTP Types (Hummingbird adds its extra handlers after that conversion), then leaves.
final class CachedPageHandlerInstaller: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Never
    let cache: PageCache

    init(cache: PageCache) {
        self.cache = cache
    }

    func handlerAdded(context: ChannelHandlerContext) {
        let pipeline = context.pipeline.syncOperations
        if let codec = try? pipeline.handler(type: HTTP1ToHTTPServerCodec.self) {
            try? pipeline.addHandler(CachedPageHandler(cache: cache), position: .before(codec))
        }
        pipeline.removeHandler(context: context, promise: nil)
    }
}

/// The `Date` header for answers written on the fast path, as Hummingbird writes it on the
/// router's path: IMF-fixdate, formatted once per second.
enum HTTPDate {
    private static let current = Mutex<(second: Int, text: String)>((-1, ""))
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func now() -> String {
        let second = time(nil)
        return current.withLock { current in
            if current.second != second {
                current = (second, format(second))
            }
            return current.text
        }
    }

    static func format(_ second: Int) -> String {
        var seconds = time_t(second)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(1900 + parts.tm_year) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }
}

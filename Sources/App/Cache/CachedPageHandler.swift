import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes
import Synchronization

/// The page cache's fast path, in each connection's channel pipeline ahead of Hummingbird: a GET
/// or HEAD for a page that is fresh in the cache is answered here, on the connection's event loop,
/// from the cached bytes, without a task, the router, middleware or a controller. Everything else
/// is handed on unchanged.
///
/// HTTP/1.1 keeps answers in request order, so a request is answered here only while no earlier
/// request of the connection is still with the application; a pipelined hit behind a miss is handed
/// on too (and the router's `CachedPageResponder` serves it from memory in its turn). A request
/// with a `Connection` header other than keep-alive (close, upgrade) is handed on as well, so
/// closing and upgrading stay Hummingbird's job.
final class CachedPageHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let cache: PageCache
    /// Requests handed on whose answer has not been written completely yet.
    private var handedOn = 0
    /// The answer to the request being read, written when its end arrives.
    private var answer: (head: HTTPResponse, body: ByteBuffer?)?
    private var needsFlush = false

    init(cache: PageCache) {
        self.cache = cache
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if handedOn == 0, let page = hit(request) {
                var answer = page.answer(to: request)
                answer.head.headerFields[.date] = HTTPDate.now()
                self.answer = answer
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
            if let body { context.write(wrapOutboundOut(.body(body)), promise: nil) }
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

    /// The cached page for `request`, if it can be answered here.
    private func hit(_ request: HTTPRequest) -> CachedPage? {
        guard request.method == .get || request.method == .head, let target = request.path else { return nil }
        if let connection = request.headerFields[.connection], connection.lowercased() != "keep-alive" { return nil }
        return cache.fresh(target: target)
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

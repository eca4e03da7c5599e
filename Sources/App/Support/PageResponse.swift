import Domain
import Foundation
import Hummingbird
import NIOCore
import Routes
import Views

/// How HTML pages leave the server: with a validator, `304` when the reader already has them,
/// gzip for clients that accept it, and caching headers that let shared caches keep them.
extension AppServices {
    /// Serves the page `key` from the page cache (rendering it once if needed). Pass `key: nil`
    /// for pages that should not be kept (search results); they, and every page when the cache is
    /// off, are rendered for each request and carry no ETag (hashing every rendering would cost
    /// more than the rare conditional request saves).
    func page(_ key: SiteURL?, request: Request, render: @escaping @Sendable () async throws -> HTML) async throws -> Response {
        if let key, cache.isEnabled {
            let page = try await cache.page(for: key) { try await render().rendered }
            cache.remember(target: request.uri.string, as: key)
            return Self.respond(page, to: request)
        }
        let html = try await render()
        return Self.respond(
            CachedPage(
                body: ByteBuffer(html: html), compress: Self.acceptsGzip(request), stored: false, storedAt: time.now(),
                security: cache.security),
            to: request)
    }

    /// A page that must not be cached anywhere (a form result, a reply form).
    static func privatePage(_ html: HTML, status: HTTPResponse.Status = .ok) -> Response {
        var response = Response(status: status, body: .init(byteBuffer: ByteBuffer(html: html)))
        response.headers[.contentType] = "text/html; charset=utf-8"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    static func respond(_ page: CachedPage, to request: Request) -> Response {
        let (head, body) = page.answer(to: request.head)
        return Response(status: head.status, headers: head.headerFields, body: body.map { .init(byteBuffer: $0) } ?? .init())
    }

    /// Whether the client takes gzip (and has not refused it with `q=0`).
    static func acceptsGzip(_ request: Request) -> Bool { CachedPage.acceptsGzip(request.headers[.acceptEncoding]) }
}

extension ByteBuffer {
    /// A page's bytes, written from its pieces in one pass (`HTML.withEachPart`), without joining them
    /// into one string first.
    init(html: HTML) {
        self = ByteBufferAllocator().buffer(capacity: html.utf8Count)
        html.withEachPart { writeBytes($0) }
    }
}

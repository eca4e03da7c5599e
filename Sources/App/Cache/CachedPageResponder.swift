import Hummingbird

/// The fast path in front of the router: a repeat GET for a page that is fresh in the page cache
/// is answered from memory without routing, middleware or controller.
struct CachedPageResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == AppRequestContext {
    let inner: Inner
    let cache: PageCache

    func respond(to request: Request, context: AppRequestContext) async throws -> Response {
        if request.method == .get || request.method == .head, let page = cache.fresh(target: request.uri.string) {
            return AppServices.respond(page, to: request)
        }
        return try await inner.respond(to: request, context: context)
    }
}

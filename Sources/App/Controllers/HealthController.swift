import Hummingbird
import Persistence

/// `/healthz`: answers 200 when the database answers.
enum HealthController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        _ = try await ContentQueries.sections(on: try app.db())
        return Response(
            status: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"], body: .init(byteBuffer: .init(string: "ok\n")))
    }
}

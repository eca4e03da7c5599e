import Hummingbird
import NIOCore
import Persistence

/// `/healthz` (is this instance working?) and `/readyz` (may a proxy send it readers?): plain
/// text, never cached, 503 with the reason when the answer is no.
enum HealthController {
    @Sendable static func show(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        await answer(problem(app))
    }

    @Sendable static func ready(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        guard app.ready.opened else { return await answer("starting: migrations and seeding are not finished") }
        return await answer(problem(app))
    }

    /// What keeps the database from working, if anything.
    static func problem(_ app: AppServices) async -> String? {
        do {
            _ = try await SectionStore.all(on: try app.db())
            return nil
        } catch let error as StorageError {
            return "degraded: \(error)"
        } catch {
            return "database unavailable: \(error)"
        }
    }

    static func answer(_ problem: String?) async -> Response {
        Response(
            status: problem == nil ? .ok : .serviceUnavailable,
            headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: (problem ?? "ok") + "\n")))
    }
}

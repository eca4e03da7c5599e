import Domain
import HTTPTypes
import Hummingbird
import Routes

/// `POST /api/v1/views`: the beacon an article page sends once it is shown. It counts even when
/// the page itself came from a cache.
enum ViewBeaconController {
    @Sendable static func create(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        let body = try await request.body.collect(upTo: 1024)
        let form = QueryString(Substring(String(buffer: body)))
        guard let raw = form["article"], raw.count <= 12, let number = Int(raw), number > 0 else {
            throw DomainError.invalidInput(
                field: "article", message: "Send the article id as a positive whole number in the field “article”.")
        }
        let userAgent = request.headers[.userAgent] ?? ""
        let purpose = request.headers[.secPurpose] ?? request.headers[.purpose]
        if VisitorFingerprint.isCountable(userAgent: userAgent, purpose: purpose) {
            try await app.views.record(
                article: Article.ID(number), address: app.clientAddress(request, context), userAgent: userAgent)
        }
        return Response(status: .accepted, headers: [.cacheControl: "no-store"])
    }
}

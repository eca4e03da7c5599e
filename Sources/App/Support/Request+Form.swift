import Hummingbird
import Routes

extension Request {
    /// The fields of a URL-encoded form posted to a public page, reading at most `limit` bytes
    /// (a larger body is refused as too large).
    func publicForm(upTo limit: Int) async throws -> QueryString {
        QueryString(Substring(String(buffer: try await body.collect(upTo: limit))))
    }
}

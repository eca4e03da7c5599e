import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// What went wrong talking to a payment provider, in words a reader can be shown.
public enum PaymentError: Error, Equatable, Sendable {
    /// The provider could not be reached, timed out or failed on its side (5xx): try again later.
    case unavailable(String)
    /// The provider refused the request (a declined card, an expired order).
    case rejected(String)
    /// The provider answered with something we cannot read.
    case unexpected(String)

    public var message: String {
        switch self {
        case .unavailable: "The payment service is not answering right now. Nothing was charged; please try again in a moment."
        case .rejected(let reason): reason
        case .unexpected: "The payment service gave an answer we could not read. Nothing was charged; please try again."
        }
    }
}

/// One JSON request to a provider, with a deadline; every failure becomes a `PaymentError`.
struct ProviderHTTP: Sendable {
    let client: HTTPClient
    let timeout: TimeAmount

    /// A provider's id as one path segment: only the characters their ids use (letters, digits,
    /// "_" and "-"), so an id can never add a segment or a query.
    static func pathSegment(_ id: String) -> String {
        String(
            id.unicodeScalars.filter { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "-") }.map(
                Character.init))
    }

    func send(_ method: HTTPMethod, _ url: String, headers: [(String, String)], body: Data?) async throws(PaymentError) -> (Int, Data) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(data: body)) }
        do {
            let response = try await client.execute(request, timeout: timeout)
            let bytes = try await response.body.collect(upTo: 4 * 1024 * 1024)
            let status = Int(response.status.code)
            if status >= 500 { throw PaymentError.unavailable("HTTP \(status)") }
            return (status, Data(buffer: bytes))
        } catch let error as PaymentError {
            throw error
        } catch {
            throw .unavailable(String(describing: error))
        }
    }
}

import Domain
import Forms
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Routes

/// The body of a back-office request, read once by the admin guard (which needs the CSRF token
/// in it) and handed to the controller, which reads it through a form of `Domain`.
public enum AdminForm: Sendable, FormValues {
    case none
    case fields(QueryString)
    case multipart([FormPart])
    case json(ByteBuffer)

    /// A text field from a urlencoded or multipart form.
    public subscript(name: String) -> String? {
        switch self {
        case .fields(let fields): return fields[name]
        case .multipart(let parts): return parts.first(where: { $0.name == name && $0.fileName == nil })?.text
        case .none, .json: return nil
        }
    }

    public func value(_ name: String) -> String? { self[name] }

    public func values(_ name: String) -> [String] { all(name) }

    /// Every value of a repeated field.
    public func all(_ name: String) -> [String] {
        switch self {
        case .fields(let fields): return fields.all(name)
        case .multipart(let parts): return parts.filter { $0.name == name && $0.fileName == nil }.map(\.text)
        case .none, .json: return []
        }
    }

    /// Uploaded files of a field.
    public func files(_ field: some FormField) -> [FormPart] {
        guard case .multipart(let parts) = self else { return [] }
        return parts.filter { $0.name == field.name && $0.fileName != nil }
    }

    /// Names of text fields sent more than once.
    public var repeatedFields: Set<String> {
        var seen: Set<String> = []
        var repeated: Set<String> = []
        let names: [String]
        switch self {
        case .fields(let fields): names = fields.pairs.map(\.name)
        case .multipart(let parts): names = parts.filter { $0.fileName == nil }.map(\.name)
        case .none, .json: names = []
        }
        for name in names where !seen.insert(name).inserted { repeated.insert(name) }
        return repeated
    }

    /// Reads at most `limit` bytes of body according to its content type.
    static func read(_ request: Request, limit: Int) async throws -> AdminForm {
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPError(.contentTooLarge)
        }
        if type.hasPrefix("multipart/form-data") {
            guard let boundary = MultipartForm.boundary(in: request.headers[.contentType] ?? "") else {
                throw HTTPError(.badRequest, message: "The upload is missing its multipart boundary.")
            }
            let body = try await request.body.collect(upTo: limit)
            do {
                return .multipart(try MultipartForm.parts(of: body, boundary: boundary))
            } catch {
                throw HTTPError(.badRequest, message: "The upload could not be read; please try again.")
            }
        }
        let body = try await request.body.collect(upTo: limit)
        if type.hasPrefix("application/json") { return .json(body) }
        if body.readableBytes == 0 { return .fields(QueryString(nil)) }
        return .fields(QueryString(Substring(String(buffer: body))))
    }
}

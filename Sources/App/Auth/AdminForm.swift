import Foundation
import HTTPTypes
import Hummingbird
import MultipartKit
import NIOCore
import Routes

/// One file (or field) of a multipart form.
public struct FormPart: Sendable {
    public var name: String
    public var fileName: String?
    public var body: ByteBuffer

    public var text: String { String(buffer: body) }
}

/// The body of a back-office request, read once by the admin guard (which needs the CSRF token
/// in it) and handed to the controller.
public enum AdminForm: Sendable {
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

    /// Every value of a repeated field.
    public func all(_ name: String) -> [String] {
        switch self {
        case .fields(let fields): return fields.all(name)
        case .multipart(let parts): return parts.filter { $0.name == name && $0.fileName == nil }.map(\.text)
        case .none, .json: return []
        }
    }

    /// Uploaded files of a field.
    public func files(_ name: String) -> [FormPart] {
        guard case .multipart(let parts) = self else { return [] }
        return parts.filter { $0.name == name && $0.fileName != nil }
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
            guard let boundary = boundary(in: request.headers[.contentType] ?? "") else {
                throw HTTPError(.badRequest, message: "The upload is missing its multipart boundary.")
            }
            let body = try await request.body.collect(upTo: limit)
            return .multipart(try parts(of: body, boundary: boundary))
        }
        let body = try await request.body.collect(upTo: limit)
        if type.hasPrefix("application/json") { return .json(body) }
        if body.readableBytes == 0 { return .fields(QueryString(nil)) }
        return .fields(QueryString(Substring(String(buffer: body))))
    }

    static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// Splits a multipart body into its parts with MultipartKit's parser.
    static func parts(of body: ByteBuffer, boundary: String) throws -> [FormPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [FormPart] = []
        var headers: [(String, String)] = []
        var current = ByteBuffer()
        parser.onHeader = { name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { chunk in current.writeBuffer(&chunk) }
        parser.onPartComplete = {
            let disposition = headers.first(where: { $0.0 == "content-disposition" })?.1 ?? ""
            if let name = parameter("name", in: disposition) {
                parts.append(FormPart(name: name, fileName: parameter("filename", in: disposition), body: current))
            }
            headers = []
            current = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "The upload could not be read; please try again.")
        }
        return parts
    }

    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == name {
                return String(pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).prefix(300))
            }
        }
        return nil
    }
}

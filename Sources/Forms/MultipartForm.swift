import MultipartKit
import NIOCore

/// One file (or field) of a multipart form.
public struct FormPart: Sendable {
    public var name: String
    public var fileName: String?
    public var body: ByteBuffer

    public init(name: String, fileName: String?, body: ByteBuffer) {
        self.name = name
        self.fileName = fileName
        self.body = body
    }

    public var text: String { String(buffer: body) }
}

/// Reads `multipart/form-data` bodies (uploads) with MultipartKit's parser. Any malformed input
/// is a `MultipartForm.Failure`, never a crash; it is fuzzed by `scripts/fuzz`.
public enum MultipartForm {
    public enum Failure: Error, Equatable {
        case missingBoundary
        case malformed
    }

    /// The boundary named in a `Content-Type` header.
    public static func boundary(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { trimmed($0, also: nil) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = trimmed(Substring(pair[1]), also: "\"")
                return value.isEmpty || value.utf8.count > 200 || !value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) ? nil : value
            }
        }
        return nil
    }

    /// The parts of a body.
    ///
    /// MultipartKit 4.7 indexes a 128-entry table with every byte of a header name, so a byte
    /// above 127 there crashes the process (found by `scripts/fuzz`). The body is therefore first
    /// parsed as a copy with every such byte replaced by 0x01: both are compared alike against the
    /// boundary, CR, LF, colon and spaces, so the parser walks both the same way, except that in a
    /// header name 0x01 is a syntax error instead of a crash. Only a copy that parses cleanly lets
    /// the real bytes through.
    public static func parts(of body: ByteBuffer, boundary: String) throws(Failure) -> [FormPart] {
        guard !boundary.isEmpty, boundary.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { throw .missingBoundary }
        var probe = body
        probe.withUnsafeMutableReadableBytes { bytes in
            for index in bytes.indices where bytes[index] >= 0x80 { bytes[index] = 0x01 }
        }
        do {
            try MultipartParser(boundary: boundary).execute(probe)
        } catch {
            throw .malformed
        }
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
            throw .malformed
        }
        return parts
    }

    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { trimmed($0, also: nil) }
            if pair.count == 2, pair[0].lowercased() == name {
                return String(trimmed(Substring(pair[1]), also: "\"").prefix(300))
            }
        }
        return nil
    }

    /// `text` without surrounding spaces and tabs (and `extra` characters).
    static func trimmed(_ text: Substring, also extra: Character?) -> String {
        let drop: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == extra }
        return String(text.drop(while: drop).reversed().drop(while: drop).reversed())
    }
}

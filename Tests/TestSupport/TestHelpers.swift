import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore

extension TestResponse {
    /// The body as UTF-8 text.
    public var text: String { String(buffer: body) }
}

/// Form-encodes fields as a browser does.
public func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = fields.map { name, value in
        let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
        return "\(name)=\(encoded)"
    }.joined(separator: "&")
    return ByteBuffer(string: text)
}

public let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// Waits until `condition` holds (background jobs run on their own schedule), up to `seconds`.
public func eventually(seconds: Double = 5, _ condition: () async throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(50))
    }
    return try await condition()
}

/// A multipart/form-data body with text fields and one file, as a browser sends an upload.
public func multipartBody(fields: [(String, String)], file: (name: String, fileName: String, type: String, bytes: [UInt8])) -> (
    HTTPFields, ByteBuffer
) {
    let boundary = "----gazette-test-boundary"
    var body = ByteBuffer()
    for (name, value) in fields {
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }
    body.writeString(
        "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.fileName)\"\r\nContent-Type: \(file.type)\r\n\r\n"
    )
    body.writeBytes(file.bytes)
    body.writeString("\r\n--\(boundary)--\r\n")
    return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
}

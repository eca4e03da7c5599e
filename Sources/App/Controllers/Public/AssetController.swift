import Domain
import Foundation
import Hummingbird
import NIOCore

/// Fingerprinted assets and media files, with year-long caching.
enum AssetController {
    static let immutable = "public, max-age=31536000, immutable"

    @Sendable static func asset(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        guard let name = context.parameters.get("file"), let asset = app.assets.asset(named: name) else {
            throw HTTPError(.notFound)
        }
        return Response(
            status: .ok, headers: [.contentType: asset.contentType, .cacheControl: immutable],
            body: .init(byteBuffer: asset.bytes))
    }

    /// Media types we serve from the media folder, by extension. Nothing else is served, and
    /// never as HTML.
    static let mediaTypes = [
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp", "gif": "image/gif",
        "svg": "image/svg+xml",
    ]

    @Sendable static func media(_ request: Request, _ context: AppRequestContext, _ app: AppServices) async throws -> Response {
        guard let name = context.parameters.get("file"), MediaFiles.isSafeName(name),
            let type = mediaTypes[String(name.split(separator: ".").last ?? "").lowercased()]
        else { throw HTTPError(.notFound) }
        let path = MediaFiles.folder(app.config) + "/" + name
        guard let data = FileManager.default.contents(atPath: path) else { throw HTTPError(.notFound) }
        var headers: HTTPFields = [.contentType: type, .cacheControl: immutable]
        // An SVG opened on its own must not run script.
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Where media files live and which names are allowed.
enum MediaFiles {
    static func folder(_ config: AppConfiguration) -> String {
        config.dataDirectory + "/media"
    }

    /// Lower-case letters, digits, dashes and one dot: no path traversal, no odd names.
    static func isSafeName(_ name: String) -> Bool {
        name.count <= 120 && name.filter { $0 == "." }.count == 1 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" || $0 == "." }
    }
}

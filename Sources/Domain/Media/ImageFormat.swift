/// The image formats the media library accepts, recognised by their bytes, never by the name
/// or the type the browser claims.
public enum ImageFormat: String, CaseIterable, Sendable, Codable {
    case jpeg
    case png
    case webp
    case gif

    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        case .gif: "gif"
        }
    }

    public var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .gif: "image/gif"
        }
    }

    /// The format the bytes start with, if it is one we accept.
    public static func detect(_ bytes: [UInt8]) -> ImageFormat? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return .webp }
        return nil
    }
}

/// Width and height read from an image's header, before any decoding, so a "decompression bomb"
/// (a small file that decodes to billions of pixels) is refused without being decoded.
public struct ImageHeader: Equatable, Sendable {
    public var format: ImageFormat
    public var width: Int
    public var height: Int

    public init(format: ImageFormat, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }

    /// Reads the header; nil when the bytes are not a well-formed image of a format we accept.
    public static func read(_ bytes: [UInt8]) -> ImageHeader? {
        guard let format = ImageFormat.detect(bytes) else { return nil }
        func be16(_ i: Int) -> Int { Int(bytes[i]) << 8 | Int(bytes[i + 1]) }
        func le16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func be32(_ i: Int) -> Int { be16(i) << 16 | be16(i + 2) }
        func le24(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 }
        var size: (Int, Int)?
        switch format {
        case .png:
            // IHDR must be the first chunk.
            if bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) { size = (be32(16), be32(20)) }
        case .gif:
            if bytes.count >= 10 { size = (le16(6), le16(8)) }
        case .webp:
            guard bytes.count >= 30 else { break }
            let chunk = String(decoding: bytes[12..<16], as: UTF8.self)
            switch chunk {
            case "VP8 ": if bytes[23] == 0x9D && bytes[24] == 0x01 && bytes[25] == 0x2A { size = (le16(26) & 0x3FFF, le16(28) & 0x3FFF) }
            case "VP8L":
                if bytes[20] == 0x2F {
                    let bits = Int(bytes[21]) | Int(bytes[22]) << 8 | Int(bytes[23]) << 16 | Int(bytes[24]) << 24
                    size = ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
                }
            case "VP8X": size = (le24(24) + 1, le24(27) + 1)
            default: break
            }
        case .jpeg:
            // Walk the markers to the first start-of-frame.
            var i = 2
            while i + 9 < bytes.count {
                guard bytes[i] == 0xFF else { return nil }
                let marker = bytes[i + 1]
                if marker == 0xFF {
                    i += 1
                    continue
                }
                if marker == 0xD8 || (0xD0...0xD7).contains(marker) || marker == 0x01 {
                    i += 2
                    continue
                }
                let length = be16(i + 2)
                guard length >= 2 else { return nil }
                if (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
                    size = (be16(i + 7), be16(i + 5))
                    break
                }
                i += 2 + length
            }
        }
        guard let (width, height) = size, width > 0, height > 0 else { return nil }
        return ImageHeader(format: format, width: width, height: height)
    }
}

/// Limits on uploaded images.
public enum UploadLimits {
    public static let maximumBytes = 10 << 20
    /// A decoded image takes four bytes a pixel: 25 megapixels (a 6000 × 4000 camera photo and a
    /// little more) is about 100 MB while it is processed, one at a time.
    public static let maximumPixels = 25_000_000
    /// The widths of the resized copies offered through `srcset`.
    public static let variantWidths = [480, 960, 1600]
    /// The largest stored width; bigger uploads are scaled down (and lose their metadata).
    public static let maximumWidth = 2400
}

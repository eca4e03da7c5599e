import Domain
import Testing

@Suite("Recognising images by their bytes")
struct ImageFormatTests {
    static func png(width: Int, height: Int) -> [UInt8] {
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + be32(width) + be32(height) + [8, 6, 0, 0, 0]
    }

    static func be32(_ value: Int) -> [UInt8] { [24, 16, 8, 0].map { UInt8((value >> $0) & 0xFF) } }

    static func jpeg(width: Int, height: Int) -> [UInt8] {
        // SOI, an APP0 segment to skip, then a baseline start-of-frame.
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]
            + [0xFF, 0xC0, 0x00, 0x11, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF), 3]
            + [UInt8](repeating: 0, count: 9)
    }

    static func gif(width: Int, height: Int) -> [UInt8] {
        Array("GIF89a".utf8) + [UInt8(width & 0xFF), UInt8(width >> 8), UInt8(height & 0xFF), UInt8(height >> 8), 0, 0, 0]
    }

    static func webpLossless(width: Int, height: Int) -> [UInt8] {
        let bits = (width - 1) | (height - 1) << 14
        return Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array("VP8L".utf8) + [0, 0, 0, 0, 0x2F]
            + [0, 8, 16, 24].map { UInt8((bits >> $0) & 0xFF) } + [UInt8](repeating: 0, count: 6)
    }

    @Test("Each accepted format's header gives its size")
    func headers() {
        #expect(ImageHeader.read(Self.png(width: 640, height: 480)) == ImageHeader(format: .png, width: 640, height: 480))
        #expect(ImageHeader.read(Self.jpeg(width: 6000, height: 4000)) == ImageHeader(format: .jpeg, width: 6000, height: 4000))
        #expect(ImageHeader.read(Self.gif(width: 300, height: 2)) == ImageHeader(format: .gif, width: 300, height: 2))
        #expect(ImageHeader.read(Self.webpLossless(width: 1024, height: 768)) == ImageHeader(format: .webp, width: 1024, height: 768))
    }

    @Test("A bomb's size is read before anything is decoded")
    func bombSize() throws {
        let header = try #require(ImageHeader.read(Self.png(width: 100_000, height: 100_000)))
        #expect(header.width * header.height > UploadLimits.maximumPixels)
    }

    @Test("Names and claimed types do not count; other files and truncated headers are refused")
    func refused() {
        #expect(ImageFormat.detect(Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8)) == nil)
        #expect(ImageFormat.detect(Array("%PDF-1.7".utf8)) == nil)
        #expect(ImageFormat.detect([]) == nil)
        #expect(ImageHeader.read(Array(Self.png(width: 10, height: 10).prefix(20))) == nil)
        #expect(ImageHeader.read(Self.png(width: 0, height: 10)) == nil)
        #expect(ImageHeader.read([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x01] + [UInt8](repeating: 0, count: 20)) == nil)
        #expect(ImageHeader.read(Array("RIFF\0\0\0\0WEBPJUNK".utf8) + [UInt8](repeating: 0, count: 20)) == nil)
    }

    @Test("Each format has its extension and type")
    func names() {
        #expect(ImageFormat.allCases.map(\.fileExtension) == ["jpg", "png", "webp", "gif"])
        #expect(ImageFormat.allCases.allSatisfy { $0.mimeType == "image/" + $0.rawValue })
    }
}

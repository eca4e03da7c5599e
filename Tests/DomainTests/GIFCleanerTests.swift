import Domain
import Testing

@Suite("GIF cleaning")
struct GIFCleanerTests {
    static let header: [UInt8] = Array("GIF89a".utf8) + [0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF]
    static let frame: [UInt8] = [0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00]
    static let loop: [UInt8] = [0x21, 0xFF, 0x0B] + Array("NETSCAPE2.0".utf8) + [0x03, 0x01, 0x00, 0x00, 0x00]
    static let timing: [UInt8] = [0x21, 0xF9, 0x04, 0x04, 0x0A, 0x00, 0x00, 0x00]

    @Test("An animation keeps its frames, timing and loop; comments and trailing bytes go")
    func keepsAnimation() {
        let comment: [UInt8] = [0x21, 0xFE, 0x03] + Array("hi!".utf8) + [0x00]
        let input = Self.header + Self.loop + comment + Self.timing + Self.frame + Self.timing + Self.frame + [0x3B] + Array("junk".utf8)
        #expect(GIFCleaner.clean(input) == Self.header + Self.loop + Self.timing + Self.frame + Self.timing + Self.frame + [0x3B])
    }

    @Test("A GIF without its trailer gets one; truncated, frameless or foreign data is refused")
    func malformed() {
        #expect(GIFCleaner.clean(Self.header + Self.frame) == Self.header + Self.frame + [0x3B])
        #expect(GIFCleaner.clean(Self.header + Array(Self.frame.prefix(12))) == nil)
        #expect(GIFCleaner.clean(Self.header + [0x3B]) == nil)
        #expect(GIFCleaner.clean(Self.header + [0x99] + Self.frame) == nil)
        #expect(GIFCleaner.clean(Array("GIF89a".utf8)) == nil)
    }
}

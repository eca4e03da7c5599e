import CGD
import Domain

@testable import App

extension ImageProcessor {
    /// A plain JPEG of the given size, made with libgd.
    static func testJPEG(width: Int, height: Int) -> [UInt8]? {
        guard let image = gdImageCreateTrueColor(Int32(width), Int32(height)) else { return nil }
        defer { gdImageDestroy(image) }
        gdImageFilledRectangle(image, 0, 0, Int32(width - 1), Int32(height - 1), 0x336699)
        return encode(image, as: .jpeg)
    }

    /// The size `decodeJPEG` produces.
    static func decodeScaledJPEG(_ bytes: [UInt8], atLeast width: Int) -> (width: Int, height: Int)? {
        guard let image = decodeJPEG(bytes, atLeast: width) else { return nil }
        defer { gdImageDestroy(image) }
        return (Int(image.pointee.sx), Int(image.pointee.sy))
    }
}

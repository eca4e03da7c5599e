import CGD
import CImageDecode
import Domain
import Foundation

/// Turns an upload into what the media library stores, with libgd: the bytes are checked to be
/// an image of an accepted format and a sane size, JPEG orientation is applied, the image is
/// scaled down to a maximum width and re-encoded (which drops camera metadata such as GPS
/// positions), and smaller copies are made for `srcset`. A JPEG much wider than we store is
/// scaled down while it is decoded. GIFs keep their animation: their blocks are copied without
/// comments, unknown extensions or bytes after the end (`GIFCleaner`).
enum ImageProcessor {
    struct Output {
        var format: ImageFormat
        var width: Int
        var height: Int
        var data: [UInt8]
        var variants: [(width: Int, data: [UInt8])]
    }

    enum Failure: Error, Equatable {
        case notAnImage
        case tooLarge(String)
        case unreadable

        var message: String {
            switch self {
            case .notAnImage: "This file is not a JPEG, PNG, WebP or GIF image (whatever its name says)."
            case .tooLarge(let reason): reason
            case .unreadable: "This image is damaged or uses a variant we cannot read."
            }
        }
    }

    static func process(_ bytes: [UInt8]) throws(Failure) -> Output {
        guard bytes.count <= UploadLimits.maximumBytes else {
            throw .tooLarge("Images may be at most \(UploadLimits.maximumBytes >> 20) MB.")
        }
        guard let header = ImageHeader.read(bytes) else { throw .notAnImage }
        guard header.width * header.height <= UploadLimits.maximumPixels else {
            throw .tooLarge("Images may have at most \(UploadLimits.maximumPixels / 1_000_000) megapixels.")
        }
        silenceErrors
        if header.format == .gif {
            guard let cleaned = GIFCleaner.clean(bytes), let decoded = decode(cleaned, as: .gif) else { throw .unreadable }
            let width = Int(decoded.pointee.sx)
            let height = Int(decoded.pointee.sy)
            gdImageDestroy(decoded)
            return Output(format: .gif, width: width, height: height, data: cleaned, variants: [])
        }
        let scaledJPEG =
            header.format == .jpeg && header.width >= 2 * UploadLimits.maximumWidth
            ? decodeJPEG(bytes, atLeast: UploadLimits.maximumWidth) : nil
        guard let decoded = scaledJPEG ?? decode(bytes, as: header.format) else { throw .unreadable }
        var image = oriented(decoded, orientation: header.format == .jpeg ? exifOrientation(bytes) : 1)
        defer { gdImageDestroy(image) }
        if Int(image.pointee.sx) > UploadLimits.maximumWidth, let smaller = scaled(image, toWidth: UploadLimits.maximumWidth) {
            gdImageDestroy(image)
            image = smaller
        }
        guard let data = encode(image, as: header.format) else { throw .unreadable }
        var variants: [(Int, [UInt8])] = []
        for width in UploadLimits.variantWidths where width < Int(image.pointee.sx) {
            guard let copy = scaled(image, toWidth: width) else { continue }
            if let encoded = encode(copy, as: header.format) { variants.append((width, encoded)) }
            gdImageDestroy(copy)
        }
        return Output(
            format: header.format, width: Int(image.pointee.sx), height: Int(image.pointee.sy), data: data, variants: variants)
    }

    /// libgd reports problems on stderr; a damaged upload is our error to report, not its.
    static let silenceErrors: Void = gdSetErrorMethod { _, _, _ in }

    static func decode(_ bytes: [UInt8], as format: ImageFormat) -> gdImagePtr? {
        var copy = bytes
        return copy.withUnsafeMutableBytes { buffer -> gdImagePtr? in
            let size = Int32(buffer.count)
            switch format {
            case .jpeg: return gdImageCreateFromJpegPtr(size, buffer.baseAddress)
            case .png: return gdImageCreateFromPngPtr(size, buffer.baseAddress)
            case .webp: return gdImageCreateFromWebpPtr(size, buffer.baseAddress)
            case .gif: return gdImageCreateFromGifPtr(size, buffer.baseAddress)
            }
        }
    }

    /// A JPEG decoded at the smallest power-of-two fraction still at least `width` wide.
    static func decodeJPEG(_ bytes: [UInt8], atLeast width: Int) -> gdImagePtr? {
        bytes.withUnsafeBufferPointer { gazette_jpeg_decode_scaled($0.baseAddress, $0.count, Int32(width)) }
    }

    static func encode(_ image: gdImagePtr, as format: ImageFormat) -> [UInt8]? {
        var size: Int32 = 0
        let pointer: UnsafeMutableRawPointer?
        switch format {
        case .jpeg: pointer = gdImageJpegPtr(image, &size, 82)
        case .png:
            gdImageSaveAlpha(image, 1)
            pointer = gdImagePngPtrEx(image, &size, 6)
        case .webp: pointer = gdImageWebpPtrEx(image, &size, 80)
        case .gif: pointer = gdImageGifPtr(image, &size)
        }
        guard let pointer, size > 0 else { return nil }
        defer { gdFree(pointer) }
        return Array(UnsafeRawBufferPointer(start: pointer, count: Int(size)))
    }

    static func scaled(_ image: gdImagePtr, toWidth width: Int) -> gdImagePtr? {
        let sourceWidth = Int(image.pointee.sx)
        let sourceHeight = Int(image.pointee.sy)
        let height = max(1, (sourceHeight * width + sourceWidth / 2) / sourceWidth)
        gdImageSetInterpolationMethod(image, GD_BILINEAR_FIXED)
        guard let scaled = gdImageScale(image, UInt32(width), UInt32(height)) else { return nil }
        gdImageAlphaBlending(scaled, 0)
        return scaled
    }

    /// Applies the EXIF orientation so the stored image displays upright everywhere.
    static func oriented(_ image: gdImagePtr, orientation: Int) -> gdImagePtr {
        switch orientation {
        case 2: gdImageFlipHorizontal(image)
        case 3: gdImageFlipBoth(image)
        case 4: gdImageFlipVertical(image)
        case 5, 6, 7, 8:
            // 6 and 8 are quarter turns; 5 and 7 are quarter turns of a mirrored image.
            if orientation == 5 || orientation == 7 { gdImageFlipHorizontal(image) }
            let angle: Float = (orientation == 6 || orientation == 5) ? 270 : 90
            if let rotated = gdImageRotateInterpolated(image, angle, 0) {
                gdImageDestroy(image)
                return rotated
            }
        default: break
        }
        return image
    }

    /// The EXIF orientation (1–8) of a JPEG, 1 when it has none.
    static func exifOrientation(_ bytes: [UInt8]) -> Int {
        var i = 2
        while i + 4 < bytes.count, bytes[i] == 0xFF {
            let marker = bytes[i + 1]
            let length = Int(bytes[i + 2]) << 8 | Int(bytes[i + 3])
            if marker == 0xDA || length < 2 { break }
            if marker == 0xE1, i + 10 + 8 < bytes.count, Array(bytes[(i + 4)..<(i + 10)]) == Array("Exif\0\0".utf8) {
                let tiff = i + 10
                let little = bytes[tiff] == 0x49
                func u16(_ at: Int) -> Int {
                    guard at + 1 < bytes.count else { return 0 }
                    return little ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : Int(bytes[at]) << 8 | Int(bytes[at + 1])
                }
                func u32(_ at: Int) -> Int { little ? u16(at) | u16(at + 2) << 16 : u16(at) << 16 | u16(at + 2) }
                let directory = tiff + u32(tiff + 4)
                let entries = u16(directory)
                for entry in 0..<min(entries, 100) {
                    let at = directory + 2 + entry * 12
                    if u16(at) == 0x0112 { return (1...8).contains(u16(at + 8)) ? u16(at + 8) : 1 }
                }
                return 1
            }
            i += 2 + length
        }
        return 1
    }
}

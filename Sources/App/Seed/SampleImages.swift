import CGD
import Domain
import Foundation

/// Feature images for the sample stories: abstract valley landscapes drawn with libgd and
/// stored through the media library like any upload, so the sample newsroom needs no downloads,
/// and its images have alt text and resized copies.
enum SampleImages {
    static let palettes: [String: [UInt32]] = [
        "news": [0x1D3557, 0x457B9D, 0xA8DADC, 0xF1FAEE, 0xE63946],
        "analysis": [0x264653, 0x2A9D8F, 0x8AB17D, 0xE9C46A, 0xF4A261],
        "opinion": [0x3D405B, 0x81B29A, 0xF2CC8F, 0xF4F1DE, 0xE07A5F],
        "culture": [0x5F0F40, 0x9A031E, 0xFB8B24, 0xE36414, 0x0F4C5C],
        "video": [0x14213D, 0xFCA311, 0xE5E5E5, 0xFFFFFF, 0x000000],
    ]

    /// A 1600×900 JPEG for the story at `index` in `section`.
    static func jpeg(index: Int, section: String) -> [UInt8] {
        let width: Int32 = 1600
        let height: Int32 = 900
        guard let image = gdImageCreateTrueColor(width, height) else { return [] }
        defer { gdImageDestroy(image) }
        var rng = SeededGenerator(seed: UInt64(index + 1) &* 7919)
        let palette = palettes[section] ?? palettes["news"] ?? [0]
        func color(_ i: Int) -> Int32 { Int32(bitPattern: palette[i % palette.count]) }
        // Sky: a vertical blend between two palette colours.
        let top = palette[3 % palette.count]
        let bottom = palette[2 % palette.count]
        for y in 0..<height {
            let t = Double(y) / Double(height)
            func mix(_ shift: UInt32) -> UInt32 {
                let a = Double((top >> shift) & 0xFF)
                let b = Double((bottom >> shift) & 0xFF)
                return UInt32(a + (b - a) * t) & 0xFF
            }
            gdImageLine(image, 0, y, width, y, Int32(bitPattern: mix(16) << 16 | mix(8) << 8 | mix(0)))
        }
        let sunX = Int32.random(in: 250...1350, using: &rng)
        let sunY = Int32.random(in: 150...320, using: &rng)
        let sunSize = Int32.random(in: 130...240, using: &rng)
        gdImageFilledEllipse(image, sunX, sunY, sunSize, sunSize, color(4))
        func hills(base: Int32, amplitude: Int32, fill: Int32) {
            var points: [gdPoint] = [gdPoint(x: 0, y: height)]
            var x: Int32 = 0
            while x <= width {
                points.append(gdPoint(x: x, y: base - Int32.random(in: 0...amplitude, using: &rng)))
                x += Int32.random(in: 60...140, using: &rng)
            }
            points.append(gdPoint(x: width, y: base))
            points.append(gdPoint(x: width, y: height))
            points.withUnsafeMutableBufferPointer { buffer in
                gdImageFilledPolygon(image, buffer.baseAddress, Int32(buffer.count), fill)
            }
        }
        hills(base: 560, amplitude: 190, fill: color(1))
        hills(base: 700, amplitude: 120, fill: color(0))
        hills(base: 830, amplitude: 50, fill: color(2))
        var size: Int32 = 0
        guard let pointer = gdImageJpegPtr(image, &size, 85), size > 0 else { return [] }
        defer { gdFree(pointer) }
        return Array(UnsafeRawBufferPointer(start: pointer, count: Int(size)))
    }
}

import Crypto
import Foundation

/// Feature images for the sample stories: abstract valley landscapes drawn as SVG, so the sample
/// newsroom needs no downloads and no bundled photographs.
enum SampleImages {
    static let palettes: [String: [String]] = [
        "news": ["#1d3557", "#457b9d", "#a8dadc", "#f1faee", "#e63946"],
        "analysis": ["#264653", "#2a9d8f", "#8ab17d", "#e9c46a", "#f4a261"],
        "opinion": ["#3d405b", "#81b29a", "#f2cc8f", "#f4f1de", "#e07a5f"],
        "culture": ["#5f0f40", "#9a031e", "#fb8b24", "#e36414", "#0f4c5c"],
        "video": ["#14213d", "#fca311", "#e5e5e5", "#ffffff", "#000000"],
    ]

    /// An SVG of 1200×675 for the story at `index` in `section`.
    static func svg(index: Int, section: String) -> String {
        var rng = SeededGenerator(seed: UInt64(index + 1) &* 7919)
        let palette = palettes[section] ?? palettes["news"] ?? []
        func color(_ i: Int) -> String { palette[i % palette.count] }
        func hill(base: Int, amplitude: Int, fill: String) -> String {
            var points = "M0 \(base)"
            var x = 0
            while x < 1200 {
                let step = Int.random(in: 120...260, using: &rng)
                let y = base - Int.random(in: 0...amplitude, using: &rng)
                points += " Q\(x + step / 2) \(y - amplitude / 3) \(min(x + step, 1200)) \(y)"
                x += step
            }
            return "<path d=\"\(points) L1200 675 L0 675 Z\" fill=\"\(fill)\"/>"
        }
        let sunX = Int.random(in: 200...1000, using: &rng)
        let sunY = Int.random(in: 110...240, using: &rng)
        let sunR = Int.random(in: 50...95, using: &rng)
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 675" width="1200" height="675">\
            <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">\
            <stop offset="0" stop-color="\(color(3))"/><stop offset="1" stop-color="\(color(2))"/></linearGradient></defs>\
            <rect width="1200" height="675" fill="url(#sky)"/>\
            <circle cx="\(sunX)" cy="\(sunY)" r="\(sunR)" fill="\(color(4))" opacity="0.9"/>\
            \(hill(base: 420, amplitude: 140, fill: color(1)))\
            \(hill(base: 520, amplitude: 90, fill: color(0)))\
            <path d="M0 600 C300 560 500 640 800 590 S1100 560 1200 600 L1200 675 L0 675 Z" fill="\(color(2))" opacity="0.8"/>\
            </svg>
            """
    }

    /// Writes the image into the media folder under a content-hash name; returns the file name.
    static func write(_ svg: String, to folder: String) throws -> String {
        let data = Data(svg.utf8)
        let name = SHA256.hash(data: data).prefix(16).map { String(format: "%02x", $0) }.joined() + ".svg"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try data.write(to: URL(fileURLWithPath: folder + "/" + name), options: .atomic)
        return name
    }
}

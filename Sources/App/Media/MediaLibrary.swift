import Crypto
import Domain
import FluentKit
import Foundation
import Persistence

/// Puts a processed image into the media library: the files under content-hash names in the
/// media folder, and the row that describes them.
enum MediaLibrary {
    static func store(
        _ output: ImageProcessor.Output, originalName: String, alt: String = "", caption: String = "", by user: StaffMember?, now: Date,
        folder: String, on db: any Database
    ) async throws -> MediaItem {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let base = Hex.string(SHA256.hash(data: Data(output.data)).prefix(12))
        let name = "\(base).\(output.format.fileExtension)"
        try Data(output.data).write(to: URL(fileURLWithPath: "\(folder)/\(name)"), options: .atomic)
        var variants: [MediaItem.Variant] = []
        for variant in output.variants {
            let variantName = "\(base)-\(variant.width).\(output.format.fileExtension)"
            try Data(variant.data).write(to: URL(fileURLWithPath: "\(folder)/\(variantName)"), options: .atomic)
            variants.append(.init(width: variant.width, fileName: variantName))
        }
        let item = try await MediaStore.add(
            fileName: name, originalName: originalName, format: output.format, width: output.width, height: output.height,
            bytes: output.data.count, variants: variants, by: user, now: now, on: db)
        if !alt.isEmpty {
            try await MediaStore.describe(item.id, alt: alt, caption: caption, on: db)
            return try await MediaStore.find(item.id, on: db) ?? item
        }
        return item
    }
}

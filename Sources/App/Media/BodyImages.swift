import Domain
import FluentKit
import Persistence
import Routes
import Views

/// Renders an article body with what the media library knows of the images it shows, so each
/// gets its real size and resized copies (see `BodyRenderer.render(markdown:images:)`).
enum BodyImages {
    static func render(_ markdown: String, on db: any Database) async throws -> RenderedBody {
        let items = try await MediaStore.find(fileNames: fileNames(in: markdown), on: db)
        let images = Dictionary(
            items.map { item in (SiteURL.media(item.fileName).path, item.featureImage(path: { SiteURL.media($0).path }, caption: "")) },
            uniquingKeysWith: { first, _ in first })
        return BodyRenderer.render(markdown: markdown, images: images)
    }

    /// The file names of every `/media/…` address in the text (at most 100).
    static func fileNames(in markdown: String) -> Set<String> {
        let prefix = SiteURL.Pattern.mediaPrefix
        var names = Set<String>()
        var rest = markdown[...]
        while names.count < 100, let found = rest.range(of: prefix) {
            let name = rest[found.upperBound...].prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) }
            if !name.isEmpty { names.insert(String(name)) }
            rest = rest[found.upperBound...]
        }
        return names
    }
}

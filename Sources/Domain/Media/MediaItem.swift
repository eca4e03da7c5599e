import Foundation

/// An image in the media library.
public struct MediaItem: Equatable, Sendable {
    public typealias ID = EntityID<MediaItem>

    /// A resized copy.
    public struct Variant: Equatable, Sendable {
        public var width: Int
        public var fileName: String

        public init(width: Int, fileName: String) {
            self.width = width
            self.fileName = fileName
        }
    }

    public var id: ID
    public var fileName: String
    public var originalName: String
    public var format: ImageFormat
    public var width: Int
    public var height: Int
    public var bytes: Int
    public var variants: [Variant]
    public var alt: String
    public var caption: String
    public var createdAt: Date
    /// Who uploaded it (nil for sample and imported images, or a removed account).
    public var uploadedBy: StaffMember.ID?

    public init(
        id: ID, fileName: String, originalName: String, format: ImageFormat, width: Int, height: Int, bytes: Int,
        variants: [Variant], alt: String, caption: String, createdAt: Date, uploadedBy: StaffMember.ID? = nil
    ) {
        self.id = id
        self.fileName = fileName
        self.originalName = originalName
        self.format = format
        self.width = width
        self.height = height
        self.bytes = bytes
        self.variants = variants
        self.alt = alt
        self.caption = caption
        self.createdAt = createdAt
        self.uploadedBy = uploadedBy
    }

    /// Staff who manage the library may describe any image; others only the ones they uploaded.
    public func canDescribe(_ staff: StaffMember) -> Bool {
        staff.can(.manageMedia) || (staff.can(.uploadMedia) && uploadedBy == staff.id)
    }

    /// Alt text is required before an image can be used in an article.
    public var isUsable: Bool { !alt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }

    /// The image as an article's feature image, with its resized copies for `srcset`.
    public func featureImage(path: (String) -> String, caption: String) -> FeatureImage {
        let sources = (variants.map { (path($0.fileName), $0.width) } + [(path(fileName), width)])
            .map { "\($0.0) \($0.1)w" }
        return FeatureImage(
            path: path(fileName), alt: alt, caption: caption, width: width, height: height,
            srcset: variants.isEmpty ? "" : sources.joined(separator: ", "))
    }
}

import Domain
import Routes

/// The media library: the upload form and a page of images.
public struct MediaLibraryModel: Equatable, Sendable {
    public struct Tile: Equatable, Sendable {
        public var id: MediaItem.ID
        public var thumbnail: SiteURL
        public var alt: String
        public var details: String

        public init(id: MediaItem.ID, thumbnail: SiteURL, alt: String, details: String) {
            self.id = id
            self.thumbnail = thumbnail
            self.alt = alt
            self.details = details
        }
    }

    public var chrome: AdminChrome
    public var tiles: [Tile]
    public var pager: PagerModel
    /// Why the last upload was refused.
    public var error: String?

    public init(chrome: AdminChrome, tiles: [Tile], pager: PagerModel, error: String?) {
        self.chrome = chrome
        self.tiles = tiles
        self.pager = pager
        self.error = error
    }
}

/// One image: how it looks, its details, and its description (editable by its uploader or an editor).
public struct MediaItemModel: Equatable, Sendable {
    public var chrome: AdminChrome
    public var id: MediaItem.ID
    public var image: String
    public var srcset: String
    public var form: MediaDescriptionForm
    public var errors: FormErrors<MediaDescriptionForm.Field>
    public var details: [String]
    public var canDescribe: Bool
    public var canDelete: Bool
    public var inUse: Bool

    public init(
        chrome: AdminChrome, id: MediaItem.ID, image: String, srcset: String, form: MediaDescriptionForm,
        errors: FormErrors<MediaDescriptionForm.Field>, details: [String], canDescribe: Bool, canDelete: Bool, inUse: Bool
    ) {
        self.chrome = chrome
        self.id = id
        self.image = image
        self.srcset = srcset
        self.form = form
        self.errors = errors
        self.details = details
        self.canDescribe = canDescribe
        self.canDelete = canDelete
        self.inUse = inUse
    }
}

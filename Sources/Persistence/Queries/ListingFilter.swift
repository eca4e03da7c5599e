import Domain

/// Which published articles a listing shows.
public enum ListingFilter: Equatable, Sendable {
    case all
    case section(Section.ID)
    case author(Author.ID)
    case tag(Tag.ID)
}

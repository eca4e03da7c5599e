import Domain
import FluentKit
import Foundation
import Persistence
import Routes

extension ArticleForm {
    /// The draft the form describes, or everything that needs fixing: the form's own checks,
    /// then what only storage knows (a free address, sections, authors and images that still
    /// exist). `existing` is the stored draft, whose feature image is kept when the form says
    /// `currentImage` (an image that is not in the media library, e.g. imported).
    func check(
        by staff: StaffMember, articleID: Article.ID?, existing: ArticleDraft? = nil, clock: LocalClock, now: Date, on db: any Database
    ) async throws -> (draft: ArticleDraft?, errors: FormErrors<Field>) {
        var errors = validate(by: staff, now: now, clock: clock)
        let slug = effectiveSlug
        if errors[.slug] == nil, try await ArticleStore.slugExists(slug, except: articleID, on: db) {
            let free = try await Slug.unique(slug) { try await ArticleStore.slugExists($0, except: articleID, on: db) }
            errors[.slug] = "Another article already uses “\(slug)”. “\(free)” is free."
        }
        if let section = sectionID, try await !SectionStore.exists(section, on: db) {
            errors[.section] = "That section no longer exists."
        }
        if try await !AuthorStore.exist(authorIDs, on: db) { errors[.authors] = "One of the authors no longer exists." }
        var image: FeatureImage?
        if self.image == Self.currentImage, var current = existing?.featureImage {
            current.caption = imageCaption
            image = current
        } else if let id = imageID {
            if let item = try await MediaStore.find(id, on: db) {
                if item.isUsable {
                    image = item.featureImage(path: { SiteURL.media($0).path }, caption: imageCaption)
                } else {
                    errors[.image] = "Add alt text to this image in the media library before using it."
                }
            } else {
                errors[.image] = "That image no longer exists."
            }
        }
        guard errors.isEmpty else { return (nil, errors) }
        return (draft(clock: clock, featureImage: image), errors)
    }
}

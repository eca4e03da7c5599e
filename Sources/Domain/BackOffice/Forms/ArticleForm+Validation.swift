import Foundation

extension ArticleForm {
    /// What needs fixing that can be told without the database, for `staff` saving at `now`.
    public func validate(by staff: StaffMember, now: Date, clock: LocalClock) -> FormErrors<Field> {
        var errors = FormErrors<Field>()
        if title.isEmpty {
            errors[.title] = "Give the article a title."
        } else if title.count > 300 {
            errors[.title] = "Keep the title under 300 characters."
        }
        if !Slug.isValid(effectiveSlug) {
            errors[.slug] = "Use lower-case letters, digits and single hyphens, like “\(Slug.make(from: effectiveSlug))”."
        }
        if standfirst.count > 600 { errors[.standfirst] = "Keep the standfirst under 600 characters." }
        if body.count > 200_000 { errors[.body] = "The body is longer than 200,000 characters; split it into several articles." }
        if !ArticlePolicy.canSet(parsedStatus, by: staff) {
            errors[.status] = "Your role cannot set an article to “\(parsedStatus.label)”; submit it for review instead."
        }
        let when = publishDate(clock: clock)
        if !publishAt.isEmpty, when == nil { errors[.publishAt] = "Give a date and time like 2026-11-24 14:05." }
        if parsedStatus == .scheduled {
            if let when, when <= now {
                errors[.publishAt] = "A scheduled time must be in the future; choose “Published” to publish now."
            } else if publishAt.isEmpty {
                errors[.publishAt] = "Choose when the article should be published."
            }
        }
        if authorIDs.isEmpty { errors[.authors] = "Choose at least one author for the byline." }
        if !staff.can(.editAllArticles), let own = staff.authorID, !authorIDs.contains(own) {
            errors[.authors] = "Keep yourself in the byline, or you will not be able to edit the article."
        }
        if tagNames.count > 20 || tagNames.contains(where: { $0.count > 60 }) {
            errors[.tags] = "Use at most 20 tags of up to 60 characters."
        }
        if syndicationOutlet.isEmpty != syndicationURL.isEmpty {
            errors[syndicationOutlet.isEmpty ? .syndicationOutlet : .syndicationURL] =
                "Give both the outlet and the original URL, or neither."
        } else if !syndicationURL.isEmpty && !(syndicationURL.hasPrefix("https://") || syndicationURL.hasPrefix("http://")) {
            errors[.syndicationURL] = "The original URL must start with https:// or http://."
        }
        if seoTitle.count > 200 { errors[.seoTitle] = "Keep the SEO title under 200 characters." }
        if seoDescription.count > 300 { errors[.seoDescription] = "Keep the SEO description under 300 characters." }
        return errors
    }

    /// The publication time typed, in the site's time zone.
    public func publishDate(clock: LocalClock) -> Date? {
        publishAt.isEmpty ? nil : clock.date(fromInput: publishAt)
    }

    /// The draft these fields describe, once the app has checked what only storage knows and
    /// resolved the feature image.
    public func draft(clock: LocalClock, featureImage: FeatureImage?) -> ArticleDraft {
        ArticleDraft(
            slug: effectiveSlug, title: title, standfirst: standfirst, bodyMarkdown: body, kind: parsedKind, status: parsedStatus,
            sectionID: sectionID, authorIDs: authorIDs, tagNames: tagNames, featureImage: featureImage,
            syndication: syndicationOutlet.isEmpty ? nil : Syndication(outlet: syndicationOutlet, originalURL: syndicationURL),
            seoTitle: seoTitle.isEmpty ? nil : seoTitle, seoDescription: seoDescription.isEmpty ? nil : seoDescription,
            discussionOpen: discussionOpen, commentMode: ModerationPolicy.Mode(rawValue: commentMode),
            publishedAt: publishDate(clock: clock))
    }
}

extension ArticleStatus {
    /// How the status reads in the back office.
    public var label: String {
        switch self {
        case .draft: "Draft"
        case .inReview: "In review"
        case .scheduled: "Scheduled"
        case .published: "Published"
        case .unpublished: "Unpublished"
        }
    }
}

import Domain
import FluentKit
import Foundation
import Persistence
import Routes
import Views

/// The editor's fields as typed, turned into a draft with a message for every field that needs
/// fixing. What was typed is always kept, valid or not, so a mistake never loses work.
struct ArticleForm: Sendable {
    static let bylineSlots = 4

    var values: [String: String]
    var authorSlots: [String]

    /// The fields of a submitted form.
    init(_ form: AdminForm) {
        var values: [String: String] = [:]
        for name in ArticleEditorView.fieldOrder where name != "authors" {
            values[name] = form[name] ?? ""
        }
        values["discussion_open"] = form["discussion_open"] == "on" ? "on" : ""
        self.values = values
        self.authorSlots = Self.padded(form.all("author").filter { !$0.isEmpty })
    }

    /// The fields of a stored article.
    init(_ article: EditableArticle, format: DisplayFormat, imageID: String) {
        let draft = article.draft
        values = [
            "title": draft.title, "slug": draft.slug, "standfirst": draft.standfirst, "body": draft.bodyMarkdown,
            "status": draft.status.rawValue, "publish_at": draft.publishedAt.map(format.inputValue) ?? "",
            "kind": draft.kind.rawValue, "section": draft.sectionID.map { String($0.rawValue) } ?? "",
            "tags": draft.tagNames.joined(separator: ", "), "image": imageID, "image_caption": draft.featureImage?.caption ?? "",
            "syndication_outlet": draft.syndication?.outlet ?? "", "syndication_url": draft.syndication?.originalURL ?? "",
            "seo_title": draft.seoTitle ?? "", "seo_description": draft.seoDescription ?? "",
            "discussion_open": draft.discussionOpen ? "on" : "",
        ]
        authorSlots = Self.padded(draft.authorIDs.map { String($0.rawValue) })
    }

    /// A blank form for a new article written by `staff`.
    init(newBy staff: StaffMember) {
        values = ["status": ArticleStatus.draft.rawValue, "kind": ArticleKind.news.rawValue, "discussion_open": "on"]
        authorSlots = Self.padded(staff.authorID.map { [String($0.rawValue)] } ?? [])
    }

    static func padded(_ ids: [String]) -> [String] {
        ids + Array(repeating: "", count: max(1, bylineSlots - ids.count))
    }

    func value(_ name: String) -> String { (values[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    /// The draft these fields describe, or the problems with them.
    /// `existing` is the stored draft, whose feature image is kept when the form says "current"
    /// (an image that is not in the media library, e.g. imported).
    func draft(
        by staff: StaffMember, articleID: Article.ID?, existing: ArticleDraft? = nil, format: DisplayFormat, now: Date, on db: any Database
    ) async throws -> (draft: ArticleDraft?, errors: [String: String]) {
        var errors: [String: String] = [:]
        let title = value("title")
        if title.isEmpty {
            errors["title"] = "Give the article a title."
        } else if title.count > 300 {
            errors["title"] = "Keep the title under 300 characters."
        }
        var slug = value("slug")
        if slug.isEmpty { slug = Slug.make(from: title) }
        if !Slug.isValid(slug) {
            errors["slug"] = "Use lower-case letters, digits and single hyphens, like “\(Slug.make(from: slug))”."
        } else if try await ArticleWriter.slugExists(slug, except: articleID, on: db) {
            let free = try await Slug.unique(slug) { try await ArticleWriter.slugExists($0, except: articleID, on: db) }
            errors["slug"] = "Another article already uses “\(slug)”. “\(free)” is free."
        }
        let standfirst = value("standfirst")
        if standfirst.count > 600 { errors["standfirst"] = "Keep the standfirst under 600 characters." }
        let body = values["body"] ?? ""
        if body.count > 200_000 { errors["body"] = "The body is longer than 200,000 characters; split it into several articles." }
        let status = ArticleStatus(rawValue: value("status")) ?? .draft
        if !ArticlePolicy.canSet(status, by: staff) {
            errors["status"] = "Your role cannot set an article to “\(StatusLabels.label(status))”; submit it for review instead."
        }
        var publishAt: Date?
        if !value("publish_at").isEmpty {
            publishAt = format.date(fromInput: value("publish_at"))
            if publishAt == nil { errors["publish_at"] = "Give a date and time like 2026-11-24 14:05." }
        }
        if status == .scheduled {
            if let when = publishAt, when <= now {
                errors["publish_at"] = "A scheduled time must be in the future; choose “Published” to publish now."
            } else if publishAt == nil && errors["publish_at"] == nil {
                errors["publish_at"] = "Choose when the article should be published."
            }
        }
        let kind = ArticleKind(rawValue: value("kind")) ?? .news
        var sectionID: Section.ID?
        if let id = Int(value("section")) {
            if try await SectionRecord.find(id, on: db) == nil {
                errors["section"] = "That section no longer exists."
            } else {
                sectionID = .init(id)
            }
        }
        var authorIDs: [Author.ID] = []
        for slot in authorSlots {
            guard let id = Int(slot) else { continue }
            if try await AuthorRecord.find(id, on: db) == nil {
                errors["authors"] = "One of the authors no longer exists."
            } else {
                authorIDs.append(.init(id))
            }
        }
        if authorIDs.isEmpty { errors["authors"] = "Choose at least one author for the byline." }
        if !staff.can(.editAllArticles), let own = staff.authorID, !authorIDs.contains(own) {
            errors["authors"] = "Keep yourself in the byline, or you will not be able to edit the article."
        }
        let tags = value("tags").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if tags.count > 20 || tags.contains(where: { $0.count > 60 }) { errors["tags"] = "Use at most 20 tags of up to 60 characters." }
        var image: FeatureImage?
        if value("image") == "current", var current = existing?.featureImage {
            current.caption = value("image_caption")
            image = current
        } else if let id = Int(value("image")) {
            if let item = try await MediaStore.find(.init(id), on: db) {
                if item.isUsable {
                    image = item.featureImage(path: { SiteURL.media($0).path }, caption: value("image_caption"))
                } else {
                    errors["image"] = "Add alt text to this image in the media library before using it."
                }
            } else {
                errors["image"] = "That image no longer exists."
            }
        }
        let outlet = value("syndication_outlet")
        let original = value("syndication_url")
        if outlet.isEmpty != original.isEmpty {
            errors[outlet.isEmpty ? "syndication_outlet" : "syndication_url"] = "Give both the outlet and the original URL, or neither."
        } else if !original.isEmpty && !(original.hasPrefix("https://") || original.hasPrefix("http://")) {
            errors["syndication_url"] = "The original URL must start with https:// or http://."
        }
        if value("seo_title").count > 200 { errors["seo_title"] = "Keep the SEO title under 200 characters." }
        if value("seo_description").count > 300 { errors["seo_description"] = "Keep the SEO description under 300 characters." }
        guard errors.isEmpty else { return (nil, errors) }
        let draft = ArticleDraft(
            slug: slug, title: title, standfirst: standfirst, bodyMarkdown: body, kind: kind, status: status, sectionID: sectionID,
            authorIDs: authorIDs, tagNames: tags, featureImage: image,
            syndication: outlet.isEmpty ? nil : Syndication(outlet: outlet, originalURL: original),
            seoTitle: value("seo_title").nilIfEmpty, seoDescription: value("seo_description").nilIfEmpty,
            discussionOpen: value("discussion_open") == "on", publishedAt: publishAt)
        return (draft, [:])
    }
}

/// How statuses read in the back office.
enum StatusLabels {
    static func label(_ status: ArticleStatus) -> String {
        switch status {
        case .draft: "Draft"
        case .inReview: "In review"
        case .scheduled: "Scheduled"
        case .published: "Published"
        case .unpublished: "Unpublished"
        }
    }
}

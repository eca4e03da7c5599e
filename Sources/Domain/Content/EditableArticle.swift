import Foundation

/// An article as the editor opens it: the draft fields plus what the editor must know to save
/// safely (its id, the version the form was loaded at) and to show its history.
public struct EditableArticle: Equatable, Sendable {
    public var id: Article.ID
    public var version: Int
    public var draft: ArticleDraft
    public var createdAt: Date
    public var updatedAt: Date?
    public var viewCount: Int

    public init(id: Article.ID, version: Int, draft: ArticleDraft, createdAt: Date, updatedAt: Date?, viewCount: Int) {
        self.id = id
        self.version = version
        self.draft = draft
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.viewCount = viewCount
    }
}

/// A save that was based on an older version than the one stored: someone (or another tab)
/// saved in between. Nothing is overwritten; the editor shows both.
public struct EditConflict: Error, Equatable, Sendable {
    /// The version now stored.
    public var currentVersion: Int
    /// The version the rejected save was based on.
    public var attemptedVersion: Int
    public var savedAt: Date?
    public var savedBy: String?

    public init(currentVersion: Int, attemptedVersion: Int, savedAt: Date?, savedBy: String?) {
        self.currentVersion = currentVersion
        self.attemptedVersion = attemptedVersion
        self.savedAt = savedAt
        self.savedBy = savedBy
    }

    public var message: String {
        let who = savedBy.map { " by \($0)" } ?? ""
        return
            "This article was saved elsewhere\(who) after you opened it (version \(currentVersion), you have version \(attemptedVersion)). Your text is kept here; compare before you overwrite."
    }
}

/// One entry in an article's history.
public struct Revision: Equatable, Sendable {
    public typealias ID = EntityID<Revision>
    public enum Kind: String, Sendable, Codable {
        case save
        case autosave
    }

    public var id: ID
    public var articleID: Article.ID
    public var version: Int
    public var kind: Kind
    public var draft: ArticleDraft
    public var savedBy: String?
    public var createdAt: Date

    public init(id: ID, articleID: Article.ID, version: Int, kind: Kind, draft: ArticleDraft, savedBy: String?, createdAt: Date) {
        self.id = id
        self.articleID = articleID
        self.version = version
        self.kind = kind
        self.draft = draft
        self.savedBy = savedBy
        self.createdAt = createdAt
    }
}

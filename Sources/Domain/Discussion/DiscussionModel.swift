import Foundation

/// How a discussion's threads are ordered. Replies inside a thread are always oldest first.
public enum CommentSort: String, Sendable, CaseIterable, Codable {
    case newest
    case oldest
    case votes

    public var label: String {
        switch self {
        case .newest: "Newest"
        case .oldest: "Oldest"
        case .votes: "Most voted"
        }
    }

    /// The sort a reader asked for; nil when the value is not one (the caller says so).
    public init?(parameter: String?) {
        guard let parameter else { return nil }
        self.init(rawValue: parameter)
    }
}

/// Where a new comment sits in its discussion. Replies nest up to the site's number of levels;
/// a reply to a comment at the deepest level is attached to that comment's parent (so it shows at
/// the deepest level, right after the conversation it continues), and remembers whom it answers.
public struct CommentPlacement: Equatable, Sendable {
    /// The comment it is shown under; nil for a new thread.
    public var parentID: Comment.ID?
    /// 0 for a thread's first comment.
    public var depth: Int
    /// The thread's first comment; nil when the new comment starts a thread (it is its own).
    public var threadID: Comment.ID?
    /// The comment the reader answered (mail notifications and "in reply to" go to its author).
    public var replyToID: Comment.ID?

    public init(parentID: Comment.ID?, depth: Int, threadID: Comment.ID?, replyToID: Comment.ID?) {
        self.parentID = parentID
        self.depth = depth
        self.threadID = threadID
        self.replyToID = replyToID
    }

    public static let newThread = CommentPlacement(parentID: nil, depth: 0, threadID: nil, replyToID: nil)

    /// A reply to `parent` (its id, depth, thread and own parent) with `levels` levels allowed.
    public static func reply(
        to parent: Comment.ID, depth: Int, thread: Comment.ID, grandparent: Comment.ID?, levels: Int
    ) -> CommentPlacement {
        let levels = max(1, levels)
        guard levels > 1 else { return CommentPlacement(parentID: nil, depth: 0, threadID: nil, replyToID: parent) }
        if depth + 1 < levels {
            return CommentPlacement(parentID: parent, depth: depth + 1, threadID: thread, replyToID: parent)
        }
        // Already at the deepest level: sit beside it, under its parent.
        return CommentPlacement(parentID: grandparent ?? parent, depth: min(depth, levels - 1), threadID: thread, replyToID: parent)
    }
}

/// The discussion bar's figures, kept up to date by the database on every write.
public struct DiscussionStats: Equatable, Sendable, Codable {
    /// Approved comments.
    public var comments: Int
    /// Approved comments that start a thread.
    public var threads: Int
    /// Approved replies.
    public var replies: Int
    /// Confirmed subscribers to the whole discussion.
    public var followers: Int
    /// Distinct people with an approved comment.
    public var authors: Int

    public init(comments: Int = 0, threads: Int = 0, replies: Int = 0, followers: Int = 0, authors: Int = 0) {
        self.comments = comments
        self.threads = threads
        self.replies = replies
        self.followers = followers
        self.authors = authors
    }
}

/// What readers can subscribe to.
public enum SubscriptionKind: String, Sendable, CaseIterable, Codable {
    /// Every new approved comment on the article.
    case article
    /// Replies to any of my comments on the article.
    case replies
    /// Replies to one comment.
    case comment

    public var label: String {
        switch self {
        case .article: "new follow-up comments"
        case .replies: "new replies to my comments"
        case .comment: "new replies to this comment"
        }
    }
}

/// A ban keeps someone from commenting until `until` (nil: for good).
public enum BanKind: String, Sendable, CaseIterable, Codable {
    case email
    case account
    case network

    public var label: String {
        switch self {
        case .email: "Email address"
        case .account: "Reader account"
        case .network: "Network"
        }
    }
}

/// One page of a discussion: its threads' first comments in order, their replies, and the
/// thread to continue after (nil on the last page).
public struct DiscussionPage: Equatable, Sendable {
    public var roots: [Comment]
    public var replies: [Comment]
    public var next: Comment.ID?

    public init(roots: [Comment], replies: [Comment], next: Comment.ID?) {
        self.roots = roots
        self.replies = replies
        self.next = next
    }

    /// The threads as trees, in the page's order (replies oldest first at every level).
    public func threads(levels: Int) -> [CommentNode] {
        // Where each thread's replies are, not copies of them: a reply is copied once into its
        // thread's list, and once into its node.
        var byThread: [Comment.ID: [Int]] = [:]
        for (position, reply) in replies.enumerated() { byThread[reply.threadID, default: []].append(position) }
        return roots.map { root in
            guard let positions = byThread[root.id] else { return CommentNode(comment: root, replies: [], depth: 0) }
            var thread = [root]
            thread.reserveCapacity(positions.count + 1)
            for position in positions { thread.append(replies[position]) }
            // A reply whose parent is held or gone hangs under the thread's first comment.
            let present = Set(thread.map(\.id))
            for index in thread.indices.dropFirst() where thread[index].parentID.map({ !present.contains($0) }) ?? true {
                thread[index].parentID = root.id
            }
            return CommentThreads.build(thread, levels: levels).first ?? CommentNode(comment: root, replies: [], depth: 0)
        }
    }
}

/// Someone who commented lately, for the bar's row of avatars.
public struct RecentAuthor: Equatable, Sendable {
    public var name: String
    public var avatarKey: String
    /// Their latest comment, which the avatar links to.
    public var commentID: Comment.ID

    public init(name: String, avatarKey: String, commentID: Comment.ID) {
        self.name = name
        self.avatarKey = avatarKey
        self.commentID = commentID
    }
}

/// Everything the discussion bar shows, read from figures the database keeps on write.
public struct DiscussionBar: Equatable, Sendable {
    public var stats: DiscussionStats
    public var recentAuthors: [RecentAuthor]
    /// The comment with the most votes either way, when any has one.
    public var mostReacted: Comment?
    /// The thread with the most replies, when any has one.
    public var hottest: Comment?

    public init(stats: DiscussionStats, recentAuthors: [RecentAuthor] = [], mostReacted: Comment? = nil, hottest: Comment? = nil) {
        self.stats = stats
        self.recentAuthors = recentAuthors
        self.mostReacted = mostReacted
        self.hottest = hottest
    }
}

/// Builds the visible discussion tree from a flat list of comments.
public enum CommentThreads {
    /// Nests `comments` by parent, oldest first at every level, in at most `levels` levels.
    /// A reply that would sit deeper is shown as a sibling at the deepest level, under the same
    /// ancestor (as WordPress does), so no reply is hidden. A reply whose parent is not in the list
    /// (deleted, or held in moderation) becomes top-level; a parent cycle in bad data is broken.
    public static func build(_ comments: [Comment], levels: Int) -> [CommentNode] {
        let levels = max(1, levels)
        let byID = Dictionary(comments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        /// The ancestors from the root down to the comment's parent; empty for a top-level comment,
        /// and also when the parent chain loops, which makes the comment top-level.
        func ancestors(of comment: Comment) -> [Comment.ID] {
            var chain: [Comment.ID] = []
            var seen: Set<Comment.ID> = [comment.id]
            var parent = comment.parentID
            while let id = parent, let next = byID[id] {
                guard seen.insert(id).inserted else { return [] }
                chain.append(id)
                parent = next.parentID
            }
            return chain.reversed()
        }

        var children: [Comment.ID: [Comment]] = [:]
        var roots: [Comment] = []
        for comment in comments {
            let chain = ancestors(of: comment)
            if chain.isEmpty || levels == 1 {
                roots.append(comment)
            } else {
                // Depth is the chain's length; past the last level, hang it under the ancestor one
                // level up so it shows at the deepest level.
                let parent = chain.count < levels ? chain[chain.count - 1] : chain[levels - 2]
                children[parent, default: []].append(comment)
            }
        }

        func ordered(_ list: [Comment]) -> [Comment] {
            list.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        }
        func node(_ comment: Comment, depth: Int) -> CommentNode {
            CommentNode(
                comment: comment,
                replies: ordered(children[comment.id] ?? []).map { node($0, depth: depth + 1) },
                depth: depth)
        }
        return ordered(roots).map { node($0, depth: 0) }
    }

    /// Counts every comment in a forest.
    public static func count(_ nodes: [CommentNode]) -> Int {
        nodes.reduce(0) { $0 + 1 + count($1.replies) }
    }
}

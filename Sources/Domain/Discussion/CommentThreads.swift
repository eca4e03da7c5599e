/// Builds the visible discussion tree from a flat list of comments.
public enum CommentThreads {
    /// Nests `comments` by parent, oldest first at every level, in at most `levels` levels.
    /// A reply that would sit deeper is shown as a sibling at the deepest level, under the same
    /// ancestor (as WordPress does), so no reply is hidden. A reply whose parent is not in the list
    /// (deleted, or held in moderation) becomes top-level; a parent cycle in bad data is broken.
    public static func build(_ comments: [Comment], levels: Int) -> [CommentNode] {
        let levels = max(1, levels)
        // Positions in `comments`, not copies: a comment is copied once, into its node.
        var position: [Comment.ID: Int] = [:]
        position.reserveCapacity(comments.count)
        for (index, comment) in comments.enumerated() where position[comment.id] == nil { position[comment.id] = index }

        /// The ancestors from the root down to the comment's parent; empty for a top-level comment,
        /// and also when the parent chain loops (longer than the list), which makes it top-level.
        func ancestors(of index: Int) -> [Int] {
            var chain: [Int] = []
            var parent = comments[index].parentID
            while let id = parent, let next = position[id] {
                guard next != index, chain.count < comments.count else { return [] }
                chain.append(next)
                parent = comments[next].parentID
            }
            return chain.reversed()
        }

        var children: [Int: [Int]] = [:]
        var roots: [Int] = []
        for index in comments.indices {
            let chain = ancestors(of: index)
            if chain.isEmpty || levels == 1 {
                roots.append(index)
            } else {
                // Depth is the chain's length; past the last level, hang it under the ancestor one
                // level up so it shows at the deepest level.
                let parent = chain.count < levels ? chain[chain.count - 1] : chain[levels - 2]
                children[parent, default: []].append(index)
            }
        }

        func ordered(_ list: [Int]) -> [Int] {
            list.sorted { (comments[$0].createdAt, comments[$0].id) < (comments[$1].createdAt, comments[$1].id) }
        }
        func node(_ index: Int, depth: Int) -> CommentNode {
            CommentNode(
                comment: comments[index],
                replies: ordered(children[index] ?? []).map { node($0, depth: depth + 1) },
                depth: depth)
        }
        return ordered(roots).map { node($0, depth: 0) }
    }

    /// Counts every comment in a forest.
    public static func count(_ nodes: [CommentNode]) -> Int {
        nodes.reduce(0) { $0 + 1 + count($1.replies) }
    }
}

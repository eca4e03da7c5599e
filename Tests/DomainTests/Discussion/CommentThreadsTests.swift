import Domain
import Foundation
import Testing

@Suite("Comment threads")
struct CommentThreadsTests {
    func comment(_ id: Int, parent: Int? = nil, minute: Int) -> Domain.Comment {
        Domain.Comment(
            id: .init(id), articleID: .init(1), parentID: parent.map { .init($0) }, authorName: "R\(id)", isGuest: true,
            bodyHTML: "<p>\(id)</p>", createdAt: Date(timeIntervalSince1970: Double(minute * 60)), status: .approved,
            avatarKey: "k")
    }

    @Test("Replies nest under their parents, oldest first at every level")
    func nests() {
        let threads = CommentThreads.build(
            [comment(3, parent: 1, minute: 3), comment(1, minute: 1), comment(2, minute: 2), comment(4, parent: 1, minute: 4)],
            levels: 5)
        #expect(threads.map(\.comment.id.rawValue) == [1, 2])
        #expect(threads[0].replies.map(\.comment.id.rawValue) == [3, 4])
        #expect(threads[0].replies[0].depth == 1)
        #expect(CommentThreads.count(threads) == 4)
    }

    @Test("Replies deeper than the limit show at the deepest level, none hidden")
    func flattensDeepReplies() {
        let chain = [
            comment(1, minute: 1), comment(2, parent: 1, minute: 2), comment(3, parent: 2, minute: 3), comment(4, parent: 3, minute: 4),
        ]
        let threads = CommentThreads.build(chain, levels: 2)
        #expect(threads.count == 1)
        #expect(threads[0].replies.map(\.comment.id.rawValue) == [2, 3, 4])
        #expect(threads[0].replies.allSatisfy { $0.depth == 1 && $0.replies.isEmpty })
        #expect(CommentThreads.count(threads) == 4)
    }

    @Test("A reply whose parent is missing becomes top-level; a parent loop is broken")
    func orphansAndLoops() {
        let threads = CommentThreads.build(
            [comment(5, parent: 99, minute: 1), comment(6, parent: 7, minute: 2), comment(7, parent: 6, minute: 3)], levels: 3)
        #expect(threads.map(\.comment.id.rawValue) == [5, 6, 7])
    }
}

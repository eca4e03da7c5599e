import Domain
import Testing

@Suite("Who may edit and publish which article")
struct ArticlePolicyTests {
    static let own = Author.ID(1)
    static let other = Author.ID(2)

    static func member(_ role: Role, author: Author.ID? = own) -> StaffMember {
        StaffMember(id: .init(1), email: "x@example.org", name: "X", role: role, authorID: author, twoFactorEnabled: false)
    }

    @Test("Owners and editors edit every article in every state", arguments: [Role.owner, .editor])
    func editorsEditAll(_ role: Role) {
        for status in ArticleStatus.allCases {
            #expect(ArticlePolicy.canEdit(Self.member(role, author: nil), authors: [Self.other], status: status))
        }
    }

    @Test("Authors edit their own articles, published or not, and nobody else's")
    func authors() {
        let author = Self.member(.author)
        for status in ArticleStatus.allCases {
            #expect(ArticlePolicy.canEdit(author, authors: [Self.other, Self.own], status: status))
            #expect(!ArticlePolicy.canEdit(author, authors: [Self.other], status: status))
        }
        #expect(!ArticlePolicy.canEdit(Self.member(.author, author: nil), authors: [Self.own], status: .draft))
    }

    @Test("Contributors edit their own drafts and submissions only, and cannot publish")
    func contributors() {
        let contributor = Self.member(.contributor)
        #expect(ArticlePolicy.canEdit(contributor, authors: [Self.own], status: .draft))
        #expect(ArticlePolicy.canEdit(contributor, authors: [Self.own], status: .inReview))
        #expect(!ArticlePolicy.canEdit(contributor, authors: [Self.own], status: .published))
        #expect(!ArticlePolicy.canEdit(contributor, authors: [Self.own], status: .scheduled))
        #expect(!ArticlePolicy.canEdit(contributor, authors: [Self.other], status: .draft))
        #expect(ArticlePolicy.allowedStatuses(for: contributor) == [.draft, .inReview])
        #expect(!ArticlePolicy.canSet(.published, by: contributor))
        #expect(ArticlePolicy.canSet(.inReview, by: contributor))
    }

    @Test("Moderators touch no article")
    func moderators() {
        let moderator = Self.member(.moderator)
        #expect(!ArticlePolicy.canEdit(moderator, authors: [Self.own], status: .draft))
        #expect(ArticlePolicy.allowedStatuses(for: moderator).isEmpty)
    }

    @Test("Whoever may publish may use every status", arguments: [Role.owner, .editor, .author])
    func publishers(_ role: Role) {
        for status in ArticleStatus.allCases {
            #expect(ArticlePolicy.canSet(status, by: Self.member(role)))
        }
    }
}

import Domain
import Testing

@Suite("Moderation rules")
struct ModerationTests {
    let post = ModerationPolicy(
        mode: .post, holdFirstComment: true, maximumLinks: 2, blockWords: WordList("viagra, buy now"),
        holdWords: WordList("idiot\nÄrger"), minimumSeconds: 3)
    let known = CommentContext(knownCommenter: true, secondsToFill: 30)

    func decide(_ text: String, links: Int = 0, _ context: CommentContext? = nil, policy: ModerationPolicy? = nil) -> ModerationDecision {
        ModerationDecision.decide(text: text, links: links, context: context ?? known, policy: policy ?? post)
    }

    @Test("A known commenter's ordinary comment appears at once under post-moderation")
    func approved() {
        #expect(decide("Good reporting.") == ModerationDecision(status: .approved, reason: nil))
    }

    @Test("Every hold says why")
    func reasons() {
        #expect(decide("Hi", .init(knownCommenter: false, secondsToFill: 30)).reason == "First comment from this address.")
        #expect(decide("Hi", .init(knownCommenter: false, signedIn: true, secondsToFill: 30)).status == .approved)
        #expect(decide("See these", links: 3).reason == "Contains 3 links (more than 2).")
        #expect(decide("See these", links: 2).status == .approved)
        #expect(decide("What an IDIOT.").reason == "Contains “idiot”, a word that is reviewed first.")
        #expect(decide("So viel ärger hier").status == .pending)
        #expect(decide("Fine", policy: ModerationPolicy(mode: .pre)).reason == "Comments are reviewed before they appear.")
        #expect(decide("Fine", .init(knownCommenter: true, secondsToFill: 30, articleMode: .pre)).status == .pending)
        #expect(
            decide("Fine", .init(knownCommenter: true, secondsToFill: 30, articleMode: .post), policy: ModerationPolicy(mode: .pre)).status
                == .approved)
    }

    @Test("Robots and blocked words go to spam, with the reason")
    func spam() {
        #expect(decide("Hi", .init(knownCommenter: true, secondsToFill: 30, honeypotFilled: true)).status == .spam)
        #expect(decide("Hi", .init(knownCommenter: true, secondsToFill: 1)).reason == "Sent 1 s after the page loaded (a robot).")
        #expect(decide("Cheap VIAGRA here") == ModerationDecision(status: .spam, reason: "Contains “viagra”, a blocked word."))
        #expect(decide("Please BUY   now!").status == .spam)
    }

    @Test("Staff are never held")
    func staff() {
        #expect(
            decide("idiot viagra", links: 9, .init(knownCommenter: false, isStaff: true), policy: ModerationPolicy(mode: .pre)).status
                == .approved)
    }

    @Test(
        "Word lists match whole words in any case and script, and phrases",
        arguments: [
            ("class act", nil), ("assess", nil), ("ass", "ass"), ("ÄRGER!", "ärger"), ("ärgerlich", nil), ("buy now", "buy now"),
            ("buy nowhere", nil), ("Straße", "straße"),
        ] as [(String, String?)])
    func words(_ text: String, _ match: String?) {
        #expect(WordList("ass, ärger, buy now, straße").firstMatch(in: text) == match)
    }

    @Test("Links are counted in the rendered comment")
    func links() {
        #expect(ModerationDecision.linkCount(CommentMarkdown.html("https://a.org https://b.org [c](https://c.org)")) == 3)
    }
}

@Suite("Votes")
struct VoteTests {
    @Test(
        "Changing or taking back a vote moves the counts by what changed",
        arguments: [
            (VoteValue.none, VoteValue.up, 1, 0), (.up, .up, 0, 0), (.up, .down, -1, 1), (.down, .none, 0, -1), (.none, .down, 0, 1),
        ])
    func change(_ old: VoteValue, _ new: VoteValue, _ up: Int, _ down: Int) {
        let delta = VoteValue.change(from: old, to: new)
        #expect(delta.up == up && delta.down == down)
    }
}

@Suite("Where a reply is placed")
struct PlacementTests {
    @Test("Replies nest until the last level, then sit beside their parent and remember it")
    func depthCap() {
        let shallow = CommentPlacement.reply(to: .init(10), depth: 1, thread: .init(1), grandparent: .init(5), levels: 5)
        #expect(shallow == CommentPlacement(parentID: .init(10), depth: 2, threadID: .init(1), replyToID: .init(10)))
        let deepest = CommentPlacement.reply(to: .init(40), depth: 4, thread: .init(1), grandparent: .init(30), levels: 5)
        #expect(deepest == CommentPlacement(parentID: .init(30), depth: 4, threadID: .init(1), replyToID: .init(40)))
        let flat = CommentPlacement.reply(to: .init(40), depth: 0, thread: .init(40), grandparent: nil, levels: 1)
        #expect(flat.parentID == nil && flat.depth == 0 && flat.replyToID == .init(40))
    }
}

import Domain
import Testing

@Suite("Comment submissions")
struct CommentSubmissionTests {
    @Test("A complete submission has no problems, with whitespace trimmed")
    func valid() {
        let submission = CommentSubmission(name: " Ana ", email: "ana@example.org ", body: "Hello\r\nthere\n", parentID: nil, honeypot: "")
        #expect(submission.problems().isEmpty)
        #expect(submission.name == "Ana")
        #expect(submission.body == "Hello\nthere")
    }

    @Test("Every missing or bad field is named")
    func invalid() {
        let problems = CommentSubmission(name: "", email: "not-an-address", body: "   ", parentID: nil, honeypot: "").problems()
        #expect(Set(problems.keys) == ["name", "email", "body"])
    }

    @Test("Overlong comments are refused with their length", arguments: [5001, 20_000])
    func tooLong(length: Int) {
        let problems = CommentSubmission(
            name: "A", email: "a@b.org", body: String(repeating: "x", count: length), parentID: nil, honeypot: ""
        ).problems()
        #expect(problems["body"]?.contains("\(length)") == true)
    }

    @Test(
        "Email addresses are checked for plausibility",
        arguments: [
            ("a@b.org", true), ("first.last+tag@sub.example.co.uk", true), ("a@b", false), ("a b@c.org", false),
            ("@c.org", false), ("a@.org", false), ("a@b..org", false),
        ])
    func email(address: String, ok: Bool) {
        #expect(EmailAddress.isPlausible(address) == ok)
    }

    @Test("Control characters (a NUL byte among them) are dropped; tabs and line breaks stay")
    func controlCharacters() {
        let submission = CommentSubmission(
            name: "Ru\u{0000}th\u{7F}", email: "ruth@example.org", body: "a\u{0000}b\tc\nd\u{1B}", parentID: nil, honeypot: "")
        #expect(submission.name == "Ruth")
        #expect(submission.body == "ab\tc\nd")
    }
}

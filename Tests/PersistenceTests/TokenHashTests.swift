import Persistence
import Testing

/// The stored forms of secrets and networks are fixed: stored rows are compared with them later,
/// so a change of spelling would orphan every session and split every commenter's history.
@Suite("Token and network hashes")
struct TokenHashTests {
    @Test("A token's hash is its SHA-256 in lowercase hex; a network's, the first half of an HMAC-SHA256 with the site's secret")
    func knownValues() {
        #expect(TokenHash.of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(NetworkHash.of("203.0.113.0", secret: "site-secret") == "6b99ef3887f03c9fe02ab5783f0a70d8")
    }
}

import Domain
import Testing

/// A generator that repeats a fixed list of bytes.
struct FixedRandom: RandomSource {
    let pattern: [UInt8]

    func bytes(_ count: Int) -> [UInt8] {
        (0..<count).map { pattern[$0 % pattern.count] }
    }
}

@Suite("Secret tokens and recovery codes")
struct SecretTokenTests {
    @Test("A token is 256 bits in URL-safe base64, and comes from the injected generator")
    func tokens() {
        let token = SecretToken.generate(using: FixedRandom(pattern: [0xFB, 0xFF, 0xBF]))
        #expect(token.count == 43)
        #expect(token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        #expect(token.contains("-") && token.contains("_"))  // the bytes were chosen to need both
        #expect(SecretToken.generate(using: SystemRandom()) != SecretToken.generate(using: SystemRandom()))
    }

    @Test("Recovery codes read like k7m2-9qxd and never use letters people mistype")
    func recoveryCodes() {
        let codes = SecretToken.recoveryCodes(using: SystemRandom())
        #expect(codes.count == 10 && Set(codes).count == 10)
        for code in codes {
            #expect(code.count == 9 && Array(code)[4] == "-")
            #expect(!code.contains { "01ilo".contains($0) })
        }
    }

    @Test("Bytes that would bias the alphabet are skipped, not folded in")
    func rejectionSampling() {
        // 31 letters: bytes from 248 up would favour the first eight letters, so they are dropped.
        let codes = SecretToken.recoveryCodes(count: 1, using: FixedRandom(pattern: [255, 250, 248, 0, 1, 2, 3, 4, 5, 6, 7]))
        #expect(codes == ["abcd-efgh"])
    }

    @Test("Comparison is exact")
    func equality() {
        #expect(SecretToken.equal("abc", "abc"))
        #expect(!SecretToken.equal("abc", "abd"))
        #expect(!SecretToken.equal("abc", "abcd"))
        #expect(!SecretToken.equal("", "a"))
    }
}

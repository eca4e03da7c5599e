import Foundation

/// Unguessable tokens for cookies and emailed links, and the recovery codes staff type. Only a
/// hash of a token is stored (see Persistence's `TokenHash`), so a leaked database holds no usable
/// session or link.
public enum SecretToken {
    /// 256 random bits, URL-safe base64.
    public static func generate(using random: any RandomSource) -> String {
        Data(random.bytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares two secrets in time that does not depend on where they differ.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }

    /// The letters recovery codes use: no 0/o, 1/l/i to mistype.
    static let codeAlphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// Recovery codes people can type: ten groups like "k7m2-9qxd".
    public static func recoveryCodes(count: Int = 10, using random: any RandomSource) -> [String] {
        (0..<count).map { _ in
            // Rejection sampling keeps every letter equally likely.
            var characters: [Character] = []
            while characters.count < 8 {
                for byte in random.bytes(16) where Int(byte) < 256 - 256 % codeAlphabet.count && characters.count < 8 {
                    characters.append(codeAlphabet[Int(byte) % codeAlphabet.count])
                }
            }
            return String(characters[0..<4]) + "-" + String(characters[4..<8])
        }
    }
}

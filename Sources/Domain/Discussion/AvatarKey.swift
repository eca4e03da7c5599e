/// The key a generated avatar's colour is drawn from: a hash of the normalised email, so the same
/// commenter keeps the same colour. Only the colour derived from it reaches the page, never the
/// key or the address, so a fast non-cryptographic hash (64-bit FNV-1a) is enough.
public enum AvatarKey {
    public static func make(email: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in email.utf8 {
            let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            guard lower != 0x20 && lower != 0x09 && lower != 0x0A && lower != 0x0D else { continue }
            hash = (hash ^ UInt64(lower)) &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// Bytes as lowercase hexadecimal, two digits a byte (digests, keys, tokens). `String(format:)`
/// took about a microsecond a byte: a comment's network hash spent more on its 16 digits than
/// on the HMAC.
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func string(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Copies a GIF block by block, keeping what shows the picture (frames, their timing, the loop
/// count) and dropping what could carry anything else: comments, plain-text and unknown
/// extensions, application data other than the loop count (XMP, ICC), and every byte after the
/// end. GIFs are not re-encoded (libgd would keep only the first frame of an animation), so this
/// is how an upload's hidden payload is removed.
public enum GIFCleaner {
    /// The cleaned file, or nil when the bytes are not a well-formed GIF with at least one frame.
    public static func clean(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 13, bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) else {
            return nil
        }
        var output = Array(bytes[0..<13])
        var index = 13
        let screenFlags = bytes[10]
        if screenFlags & 0x80 != 0 {
            let table = 3 << (Int(screenFlags & 0x07) + 1)
            guard index + table <= bytes.count else { return nil }
            output += bytes[index..<(index + table)]
            index += table
        }
        var frames = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x2C:
                guard index + 10 <= bytes.count else { return nil }
                let flags = bytes[index + 9]
                var end = index + 10
                if flags & 0x80 != 0 { end += 3 << (Int(flags & 0x07) + 1) }
                end += 1  // LZW minimum code size.
                guard end <= bytes.count, let dataEnd = subBlocksEnd(bytes, from: end) else { return nil }
                output += bytes[index..<dataEnd]
                index = dataEnd
                frames += 1
            case 0x21:
                guard index + 2 <= bytes.count, let end = subBlocksEnd(bytes, from: index + 2) else { return nil }
                if keeps(extension: bytes[index + 1], firstBlock: Array(bytes[(index + 2)..<end].prefix(12))) {
                    output += bytes[index..<end]
                }
                index = end
            case 0x3B:
                index = bytes.count
            default:
                return nil
            }
        }
        guard frames > 0 else { return nil }
        return output + [0x3B]
    }

    /// Where a run of data sub-blocks starting at `start` ends (just past its zero-length block).
    static func subBlocksEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            let length = Int(bytes[index])
            index += 1
            if length == 0 { return index }
            index += length
        }
        return nil
    }

    /// Graphic control (frame timing and transparency) and the looping application block stay.
    static func keeps(extension label: UInt8, firstBlock: [UInt8]) -> Bool {
        switch label {
        case 0xF9: return true
        case 0xFF:
            let identifier = firstBlock.count == 12 ? String(decoding: firstBlock[1..<12], as: UTF8.self) : ""
            return identifier == "NETSCAPE2.0" || identifier == "ANIMEXTS1.0"
        default: return false
        }
    }
}

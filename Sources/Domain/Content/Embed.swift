import Foundation

/// Third-party media a body line can stand for. A line holding only such a URL becomes an embed,
/// shown as a click-to-load facade so no request reaches the provider until the reader asks.
public enum Embed: Equatable, Sendable {
    /// A YouTube video by its 11-character id, with an optional start time in seconds.
    case youTube(videoID: String, start: Int?)
    /// A SoundCloud track or playlist page (the player takes the page URL).
    case soundCloud(url: String)
    /// A post on X (formerly Twitter) by its numeric id and the account that posted it.
    case xPost(id: String, account: String)

    /// Recognises a provider URL; anything else (other hosts, odd schemes, user names or
    /// ports in the URL, ids of the wrong shape) is not an embed.
    public init?(url text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count <= 500, !trimmed.contains(where: \.isWhitespace),
            let components = URLComponents(string: trimmed),
            let scheme = components.scheme?.lowercased(), scheme == "https" || scheme == "http",
            components.user == nil, components.password == nil, components.port == nil,
            var host = components.host?.lowercased()
        else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        if host.hasPrefix("m.") { host.removeFirst(2) }
        let parts = components.path.split(separator: "/").map(String.init)
        let query = components.queryItems ?? []

        switch host {
        case "youtube.com", "youtube-nocookie.com":
            let id: String?
            if parts.first == "watch" {
                id = query.first(where: { $0.name == "v" })?.value
            } else if ["embed", "shorts", "live"].contains(parts.first ?? ""), parts.count == 2 {
                id = parts[1]
            } else {
                id = nil
            }
            guard let id, Self.isYouTubeID(id) else { return nil }
            self = .youTube(videoID: id, start: Self.startSeconds(query))
        case "youtu.be":
            guard parts.count == 1, Self.isYouTubeID(parts[0]) else { return nil }
            self = .youTube(videoID: parts[0], start: Self.startSeconds(query))
        case "soundcloud.com":
            guard parts.count >= 2, parts.allSatisfy(Self.isSoundCloudSegment) else { return nil }
            self = .soundCloud(url: "https://soundcloud.com/" + parts.joined(separator: "/"))
        case "twitter.com", "x.com":
            guard parts.count == 3, parts[1] == "status", Self.isAccount(parts[0]),
                parts[2].count <= 25, parts[2].allSatisfy(\.isASCIIDigit)
            else { return nil }
            self = .xPost(id: parts[2], account: parts[0])
        default:
            return nil
        }
    }

    /// The provider's name as readers know it.
    public var providerName: String {
        switch self {
        case .youTube: "YouTube"
        case .soundCloud: "SoundCloud"
        case .xPost: "X"
        }
    }

    /// The address the iframe loads once the reader clicks.
    public var playerURL: String {
        switch self {
        case .youTube(let id, let start):
            let startQuery = start.map { "&start=\($0)" } ?? ""
            return "https://www.youtube-nocookie.com/embed/\(id)?autoplay=1\(startQuery)"
        case .soundCloud(let url):
            let encoded = url.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? url
            return "https://w.soundcloud.com/player/?url=\(encoded)&auto_play=true"
        case .xPost(let id, _):
            return "https://platform.twitter.com/embed/Tweet.html?id=\(id)"
        }
    }

    /// A plain link to the media on the provider's site (the no-JavaScript fallback).
    public var pageURL: String {
        switch self {
        case .youTube(let id, _): "https://www.youtube.com/watch?v=\(id)"
        case .soundCloud(let url): url
        case .xPost(let id, let account): "https://x.com/\(account)/status/\(id)"
        }
    }

    static func isYouTubeID(_ id: String) -> Bool {
        id.count == 11 && id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }

    static func isSoundCloudSegment(_ segment: String) -> Bool {
        !segment.isEmpty && segment.count <= 100
            && segment.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }

    static func isAccount(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 15
            && name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") }
    }

    /// Reads `t=90`, `t=1m30s` or `start=90`.
    static func startSeconds(_ query: [URLQueryItem]) -> Int? {
        guard let raw = query.first(where: { $0.name == "t" || $0.name == "start" })?.value, raw.count <= 12 else { return nil }
        if let seconds = Int(raw.hasSuffix("s") ? String(raw.dropLast()) : raw), seconds >= 0 { return seconds }
        var total = 0
        var number = 0
        for char in raw {
            if let digit = char.wholeNumberValue {
                number = number * 10 + digit
                continue
            }
            switch char {
            case "h": total += number * 3600
            case "m": total += number * 60
            case "s": total += number
            default: return nil
            }
            number = 0
        }
        return total > 0 ? total : nil
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

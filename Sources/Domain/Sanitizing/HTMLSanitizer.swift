/// Makes HTML from people safe to show: tokenises it, keeps only what the policy allows, and
/// writes every kept token out again (attributes double-quoted and escaped, text escaped, every
/// element closed), so the output is well-formed whatever came in. Applied when content is
/// saved (article and page bodies, editions, comments), never on each page view.
public enum HTMLSanitizer {
    /// Sanitises `html`. `image`, given an `<img>`'s checked `src`, may return attributes that
    /// replace the ones written (a library image's real size and resized copies); its values are
    /// escaped like any other.
    public static func sanitize(
        _ html: String, policy: HTMLPolicy, image: ((String) -> [(String, String)]?)? = nil
    ) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var open: [String] = []
        /// Inside an element dropped with its content: its name and how deep it nests.
        var dropping: (name: String, depth: Int)?
        for token in HTMLTokenizer(html) {
            switch token {
            case .text(let text):
                if dropping == nil { appendText(text, to: &output) }
            case .start(let name, let attributes):
                if let current = dropping {
                    if name == current.name && !HTMLPolicy.voidElements.contains(name) { dropping?.depth += 1 }
                    continue
                }
                if policy.dropWithContent.contains(name) {
                    dropping = (name, 1)
                    continue
                }
                guard let allowed = policy.elements[name], open.count < policy.maximumDepth else { continue }
                output += "<" + name
                var attributes = kept(attributes, of: name, allowed: allowed, policy: policy)
                if name == "img", let image, let src = attributes.first(where: { $0.0 == "src" })?.1, let known = image(src) {
                    attributes = attributes.filter { attribute in !known.contains { $0.0 == attribute.0 } } + known
                }
                for (attribute, value) in attributes {
                    output += " " + attribute + "=\""
                    appendAttribute(value, to: &output)
                    output += "\""
                }
                output += ">"
                if !HTMLPolicy.voidElements.contains(name) { open.append(name) }
            case .end(let name):
                if let current = dropping {
                    if name == current.name {
                        dropping?.depth -= 1
                        if dropping?.depth == 0 { dropping = nil }
                    }
                    continue
                }
                guard let position = open.lastIndex(of: name) else { continue }
                for element in open[position...].reversed() { output += "</" + element + ">" }
                open.removeSubrange(position...)
            }
        }
        for element in open.reversed() { output += "</" + element + ">" }
        return output
    }

    /// The attributes of an allowed element that survive, with the values they keep.
    static func kept(
        _ attributes: [(name: String, value: String)], of element: String, allowed: Set<String>, policy: HTMLPolicy
    ) -> [(String, String)] {
        var result: [(String, String)] = []
        var rel: [String] = []
        var blank = false
        for (name, value) in attributes where allowed.contains(name) || policy.globalAttributes.contains(name) {
            switch name {
            case "href", "cite":
                if let url = SafeURL.check(value, schemes: policy.linkSchemes) { result.append((name, url)) }
            case "src":
                if let url = SafeURL.check(value, schemes: policy.imageSchemes) { result.append((name, url)) }
            case "srcset":
                if let set = SafeURL.checkSourceSet(value, schemes: policy.imageSchemes) { result.append((name, set)) }
            case "rel":
                rel = value.lowercased().split(whereSeparator: \.isWhitespace).map(String.init).filter(policy.allowedRelTokens.contains)
            case "target":
                blank = policy.allowsBlankTarget && value.lowercased() == "_blank"
            case "class":
                let classes = value.split(whereSeparator: \.isWhitespace).filter { name in
                    name.count <= 60 && policy.classPrefixes.contains(where: name.hasPrefix)
                        && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
                }
                if !classes.isEmpty { result.append((name, classes.joined(separator: " "))) }
            case "width", "height", "colspan", "rowspan", "span", "value", "start":
                if value.count <= 6, let number = Int(value.filter { $0 != " " }), number >= 0 || name == "start" {
                    result.append((name, String(number)))
                }
            case "dir":
                if ["ltr", "rtl", "auto"].contains(value.lowercased()) { result.append((name, value.lowercased())) }
            case "scope":
                if ["row", "col", "rowgroup", "colgroup"].contains(value.lowercased()) { result.append((name, value.lowercased())) }
            case "type":
                if ["1", "a", "A", "i", "I"].contains(value) { result.append((name, value)) }
            case "loading":
                if ["lazy", "eager"].contains(value.lowercased()) { result.append((name, value.lowercased())) }
            case "decoding":
                if ["async", "sync", "auto"].contains(value.lowercased()) { result.append((name, value.lowercased())) }
            case "reversed", "open":
                result.append((name, ""))
            case "sizes":
                if value.count <= 200, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || " ,.()-:%".contains($0)) }) {
                    result.append((name, value))
                }
            default:
                if value.count <= 1000 { result.append((name, value)) }
            }
        }
        if element == "a" {
            if let forced = policy.forcedLinkRel {
                result.append(("rel", forced))
            } else {
                if blank {
                    result.append(("target", "_blank"))
                    if !rel.contains("noopener") { rel.append("noopener") }
                }
                if !rel.isEmpty { result.append(("rel", rel.joined(separator: " "))) }
            }
        }
        return result
    }

    /// Text with `<` and `>` escaped and every `&` that does not begin a complete character
    /// reference escaped; NUL and other control characters (but tab and line breaks) dropped.
    static func appendText(_ text: String, to output: inout String) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "&":
                if let length = CharacterReferences.isComplete(in: scalars, at: index) {
                    output.unicodeScalars.append(contentsOf: scalars[index..<(index + length)])
                    index += length
                    continue
                }
                output += "&amp;"
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                    output.unicodeScalars.append(scalar)
                }
            }
            index += 1
        }
    }

    /// An attribute value (already decoded) escaped for a double-quoted attribute.
    static func appendAttribute(_ value: String, to output: inout String) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "\"": output += "&quot;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { output.unicodeScalars.append(scalar) }
            }
        }
    }
}

import Domain
import Testing

/// Checks that sanitised markup holds nothing a browser could run or be steered by.
enum SanitizedMarkup {
    static let forbiddenTags = [
        "<script", "<iframe", "<svg", "<math", "<meta", "<base", "<form", "<input", "<button", "<object", "<embed", "<style", "<link",
        "<textarea", "<select", "<frame", "<applet", "<template", "<noscript", "<portal", "<video", "<audio",
    ]

    static func expectSafe(_ output: String, policy: HTMLPolicy, input: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lowered = output.lowercased()
        for tag in forbiddenTags {
            #expect(!lowered.contains(tag), "\(tag) survived \(input)", sourceLocation: sourceLocation)
        }
        for token in HTMLTokenizer(output) {
            guard case .start(let name, let attributes) = token else { continue }
            guard let allowed = policy.elements[name] else {
                Issue.record("<\(name)> is not allowed but survived \(input)", sourceLocation: sourceLocation)
                continue
            }
            for (attribute, value) in attributes {
                #expect(
                    allowed.contains(attribute) || policy.globalAttributes.contains(attribute),
                    "\(attribute) on <\(name)> survived \(input)", sourceLocation: sourceLocation)
                #expect(!attribute.hasPrefix("on"), "handler \(attribute) survived \(input)", sourceLocation: sourceLocation)
                let squeezed = value.lowercased().filter { !$0.isWhitespace && $0.asciiValue.map { $0 >= 0x20 } ?? true }
                for scheme in ["javascript:", "vbscript:", "data:", "livescript:", "file:"] {
                    #expect(!squeezed.hasPrefix(scheme), "\(scheme) in \(attribute) survived \(input)", sourceLocation: sourceLocation)
                }
                if ["href", "src", "cite"].contains(attribute) {
                    let schemes = attribute == "src" ? policy.imageSchemes : policy.linkSchemes
                    #expect(
                        SafeURL.check(value, schemes: schemes) == value, "\(attribute)=\(value) from \(input)",
                        sourceLocation: sourceLocation)
                }
            }
        }
    }
}

import Domain
import Foundation

/// What a browser would submit for one form of a page, read from the page's HTML: text inputs
/// and hidden fields with their values, ticked boxes and radios, each select's selected option (or
/// its first, as browsers do), and textareas' text. Buttons and file inputs are left out.
public func submittedFields(of html: String, formAction action: String) -> [(String, String)] {
    guard let start = html.range(of: "action=\"\(action)\"")?.lowerBound,
        let end = html.range(of: "</form>", range: start..<html.endIndex)?.lowerBound
    else { return [] }
    let form = String(html[start..<end])
    var fields: [(String, String)] = []
    var select: (name: String, first: String?, selected: String?)?
    for token in HTMLTokenizer(String(form.drop { $0 != ">" }.dropFirst())) {
        guard case .start(let element, let attributes) = token else {
            if case .end("select") = token, let open = select {
                if let value = open.selected ?? open.first { fields.append((open.name, value)) }
                select = nil
            }
            continue
        }
        func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
        switch element {
        case "input":
            guard let name = attribute("name") else { continue }
            let type = attribute("type") ?? "text"
            if ["submit", "button", "file", "image", "reset"].contains(type) { continue }
            if type == "checkbox" || type == "radio" {
                if attribute("checked") != nil { fields.append((name, attribute("value") ?? "on")) }
            } else {
                fields.append((name, attribute("value") ?? ""))
            }
        case "select":
            select = attribute("name").map { ($0, nil, nil) }
        case "option":
            guard var open = select else { continue }
            let value = attribute("value") ?? ""
            if open.first == nil { open.first = value }
            if attribute("selected") != nil { open.selected = value }
            select = open
        default:
            continue
        }
    }
    // The tokenizer skips a textarea's text (it is not markup); read it here.
    var rest = form[...]
    while let open = rest.range(of: "<textarea"), let close = rest.range(of: "</textarea>", range: open.upperBound..<rest.endIndex) {
        let tag = rest[open.lowerBound..<close.lowerBound]
        if let nameStart = tag.range(of: " name=\"")?.upperBound, let nameEnd = tag[nameStart...].firstIndex(of: "\""),
            let textStart = tag.firstIndex(of: ">")
        {
            var text = CharacterReferences.decode(String(tag[tag.index(after: textStart)...]))
            if text.hasPrefix("\n") { text.removeFirst() }  // as the HTML parser drops it
            fields.append((String(tag[nameStart..<nameEnd]), text))
        }
        rest = rest[close.upperBound...]
    }
    return fields
}

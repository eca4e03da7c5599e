/// A JSON value for structured data; small on purpose, and fast (pages render it on every miss).
enum JSONValue {
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// Serialises with `<`, `>` and `&` escaped as well, so the JSON can never close the script
    /// element it sits in or be read as markup.
    func write(to output: inout String) {
        switch self {
        case .string(let text):
            output.append("\"")
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": output.append("\\\"")
                case "\\": output.append("\\\\")
                case "\n": output.append("\\n")
                case "\r": output.append("\\r")
                case "\t": output.append("\\t")
                case "<": output.append("\\u003c")
                case ">": output.append("\\u003e")
                case "&": output.append("\\u0026")
                case "\u{2028}": output.append("\\u2028")
                case "\u{2029}": output.append("\\u2029")
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                    } else {
                        output.unicodeScalars.append(scalar)
                    }
                }
            }
            output.append("\"")
        case .array(let values):
            output.append("[")
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(",") }
                value.write(to: &output)
            }
            output.append("]")
        case .object(let members):
            output.append("{")
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(",") }
                JSONValue.string(key).write(to: &output)
                output.append(":")
                value.write(to: &output)
            }
            output.append("}")
        }
    }
}

/// Structured data for search engines, as a `<script type="application/ld+json">` element.
enum JSONLD {
    static func script(_ object: JSONValue) -> HTML {
        var json = ""
        object.write(to: &json)
        return .trusted("<script type=\"application/ld+json\">\(json)</script>")
    }
}

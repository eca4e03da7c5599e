/// Form controls for the back office: every control has a label, shows its error next to it
/// (wired with aria-describedby) and keeps the value the user typed.
public enum AdminField {
    public static func text(
        _ name: String, label: String, value: String, error: String? = nil, hint: String? = nil, type: String = "text",
        attributes: HTML = .empty
    ) -> HTML {
        wrap(name, label: label, error: error, hint: hint) { described in
            HTML("<input id=\"f-\(name)\" name=\"\(name)\" type=\"\(type)\" value=\"\(value)\"\(described) \(attributes)>")
        }
    }

    public static func textarea(
        _ name: String, label: String, value: String, error: String? = nil, hint: String? = nil, rows: Int = 4,
        attributes: HTML = .empty
    ) -> HTML {
        wrap(name, label: label, error: error, hint: hint) { described in
            HTML("<textarea id=\"f-\(name)\" name=\"\(name)\" rows=\"\(rows)\"\(described) \(attributes)>\(value)</textarea>")
        }
    }

    public static func select(
        _ name: String, label: String, options: [(value: String, label: String)], selected: String, error: String? = nil,
        hint: String? = nil
    ) -> HTML {
        let items = options.map { option in
            HTML("<option value=\"\(option.value)\"\(HTML.when(option.value == selected) { " selected" })>\(option.label)</option>")
        }
        return wrap(name, label: label, error: error, hint: hint) { described in
            HTML("<select id=\"f-\(name)\" name=\"\(name)\"\(described)>\(items)</select>")
        }
    }

    public static func checkbox(_ name: String, label: String, checked: Bool, hint: String? = nil) -> HTML {
        """
        <div class="field field--check"><input id="f-\(name)" name="\(name)" type="checkbox" value="on"\
        \(HTML.when(checked) { " checked" })><label for="f-\(name)">\(label)</label>\
        \(hint.map { HTML("<p class=\"field__hint\">\($0)</p>") })</div>
        """
    }

    static func wrap(_ name: String, label: String, error: String?, hint: String?, control: (HTML) -> HTML) -> HTML {
        var described: [String] = []
        if hint != nil { described.append("f-\(name)-hint") }
        if error != nil { described.append("f-\(name)-error") }
        let attributes: HTML =
            described.isEmpty
            ? .empty
            : HTML(" aria-describedby=\"\(described.joined(separator: " "))\"\(HTML.when(error != nil) { " aria-invalid=\"true\"" })")
        return """
            <div class="field\(HTML.when(error != nil) { " field--invalid" })"><label for="f-\(name)">\(label)</label>\
            \(hint.map { HTML("<p class=\"field__hint\" id=\"f-\(name)-hint\">\($0)</p>") })\
            \(error.map { HTML("<p class=\"field__error\" id=\"f-\(name)-error\">\($0)</p>") })\
            \(control(attributes))</div>
            """
    }

    /// A summary of every problem at the top of a form, linking to the fields.
    public static func errorSummary(_ errors: [String: String], order: [String]) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let keys = order.filter { errors[$0] != nil } + errors.keys.filter { !order.contains($0) }.sorted()
        let items = keys.map { key in HTML("<li><a href=\"#f-\(key)\">\(errors[key] ?? "")</a></li>") }
        return """
            <div class="form-errors" role="alert" tabindex="-1"><h2>Please check the form</h2><ul>\(items)</ul></div>
            """
    }
}

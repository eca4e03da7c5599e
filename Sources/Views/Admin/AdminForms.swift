import Domain
import Routes

/// Form controls for the back office: every control has a label, shows its error next to it
/// (wired with aria-describedby) and keeps the value the user typed. Field names come from each
/// form's `Field` enum, never from a string typed here.
public enum AdminField {
    /// A text input; `id` names the control when two forms on one page share a field name.
    public static func text(
        _ field: some FormField, label: String, value: String, error: String? = nil, hint: String? = nil, type: String = "text",
        id: String? = nil, attributes: HTML = .empty
    ) -> HTML {
        let id = id ?? field.name
        return wrap(id, label: label, error: error, hint: hint) { described in
            HTML("<input id=\"f-\(id)\" name=\"\(field.name)\" type=\"\(type)\" value=\"\(value)\"\(described) \(attributes)>")
        }
    }

    public static func textarea(
        _ field: some FormField, label: String, value: String, error: String? = nil, hint: String? = nil, rows: Int = 4,
        attributes: HTML = .empty
    ) -> HTML {
        wrap(field.name, label: label, error: error, hint: hint) { described in
            HTML("<textarea id=\"f-\(field.name)\" name=\"\(field.name)\" rows=\"\(rows)\"\(described) \(attributes)>\(value)</textarea>")
        }
    }

    /// A select that always shows the stored value: one that is not among the options is added
    /// as the first choice, so saving the form unchanged never changes it.
    public static func select(
        _ field: some FormField, label: String, options: [SelectOption], selected: String, error: String? = nil, hint: String? = nil
    ) -> HTML {
        let choices = options.contains { $0.value == selected } ? options : [SelectOption(value: selected, label: selected)] + options
        let items = choices.map { option in
            HTML("<option value=\"\(option.value)\"\(HTML.when(option.value == selected) { " selected" })>\(option.label)</option>")
        }
        return wrap(field.name, label: label, error: error, hint: hint) { described in
            HTML("<select id=\"f-\(field.name)\" name=\"\(field.name)\"\(described)>\(items)</select>")
        }
    }

    public static func checkbox(_ field: some FormField, label: String, checked: Bool, hint: String? = nil) -> HTML {
        """
        <div class="field field--check"><input id="f-\(field.name)" name="\(field.name)" type="checkbox" value="on"\
        \(HTML.when(checked) { " checked" })><label for="f-\(field.name)">\(label)</label>\
        \(hint.map { HTML("<p class=\"field__hint\">\($0)</p>") })</div>
        """
    }

    /// A hidden field.
    public static func hidden(_ field: some FormField, value: String) -> HTML {
        "<input type=\"hidden\" name=\"\(field.name)\" value=\"\(value)\">"
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

    /// A summary of every problem at the top of a form, in the order they were found, linking to
    /// the fields.
    public static func errorSummary<Field>(_ errors: FormErrors<Field>) -> HTML {
        errorSummary(unordered: errors)
    }

    static func errorSummary<Field>(unordered errors: FormErrors<Field>) -> HTML {
        guard !errors.isEmpty else { return .empty }
        let items = errors.all.map { entry in HTML("<li><a href=\"#f-\(entry.field.name)\">\(entry.message)</a></li>") }
        return """
            <div class="form-errors" role="alert" tabindex="-1"><h2>Please check the form</h2><ul>\(items)</ul></div>
            """
    }

    /// The summary with the problems in the order the form shows its fields.
    public static func errorSummary<Field: CaseIterable>(_ errors: FormErrors<Field>) -> HTML {
        let order = Array(Field.allCases)
        var sorted = FormErrors<Field>()
        for field in order where errors[field] != nil { sorted[field] = errors[field] }
        sorted.merge(errors)
        return errorSummary(unordered: sorted)
    }

    /// A form that posts to `action`, with the anti-forgery token.
    public static func form(
        _ action: AdminURL, chrome: AdminChrome, class className: String? = nil, confirm: String? = nil, multipart: Bool = false,
        _ content: HTML
    ) -> HTML {
        """
        <form method="post" action="\(action)"\(className.map { HTML(" class=\"\($0)\"") })\
        \(confirm.map { HTML(" data-confirm=\"\($0)\"") })\(HTML.when(multipart) { " enctype=\"multipart/form-data\"" })>\
        \(chrome.csrfField)\(content)</form>
        """
    }
}

/// One choice of a select: the value sent and the label shown.
public struct SelectOption: Equatable, Sendable {
    public var value: String
    public var label: String

    public init(value: String, label: String) {
        self.value = value
        self.label = label
    }
}

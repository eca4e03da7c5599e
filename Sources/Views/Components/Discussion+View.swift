import Routes

/// The discussion area: the count, the threads, and the "Leave a Reply" form.
public enum DiscussionView {
    public static func html(_ model: DiscussionModel) -> HTML {
        let id = model.articleID
        let heading = model.commentCount == 0 ? "No comments yet" : DisplayFormat.count(model.commentCount, "Comment", "Comments")
        return """
            <section class="discussion" id="comments-\(id)" aria-labelledby="discussion-heading-\(id)">
            <h2 class="discussion__title" id="discussion-heading-\(id)">\(heading)</h2>
            \(HTML.when(!model.threads.isEmpty) { HTML("<ol class=\"comment-list\">\(model.threads.map { comment(model, $0) })</ol>") })
            \(model.isOpen ? form(model) : "<p class=\"discussion__closed\">Comments are closed.</p>")
            </section>
            """
    }

    static func comment(_ discussion: DiscussionModel, _ comment: CommentModel) -> HTML {
        let replyHref =
            SiteURL.comments(articleSlug: discussion.articleSlug).path + "?reply_to=\(comment.id)#respond-\(discussion.articleID)"
        return """
            <li class="comment-item">
            <article class="comment" id="comment-\(comment.id)" aria-label="Comment by \(comment.authorName)">
            <header class="comment__header">\(Avatar.html(name: comment.authorName, key: comment.avatarKey, size: 36))\
            <span class="comment__author">\(comment.authorName)</span>\
            \(HTML.when(comment.isGuest) { "<span class=\"comment__badge\">Guest</span>" })\
            <a class="comment__time" href="#comment-\(comment.id)"><time datetime="\(comment.dateISO)">\(comment.dateText)</time></a>
            </header>
            <div class="comment__body prose">\(comment.body)</div>
            \(HTML.when(discussion.isOpen && comment.canReply) { HTML("<p class=\"comment__actions\"><a class=\"comment__reply\" href=\"\(replyHref)\" data-reply-to=\"\(comment.id)\" data-reply-name=\"\(comment.authorName)\">Reply</a></p>") })
            </article>
            \(HTML.when(!comment.replies.isEmpty) { HTML("<ol class=\"comment-replies\">\(comment.replies.map { self.comment(discussion, $0) })</ol>") })
            </li>
            """
    }

    /// The reply form, empty or holding what the reader typed with what needs fixing.
    public static func form(_ model: DiscussionModel, state: CommentFormState = CommentFormState()) -> HTML {
        let id = model.articleID
        let replying = state.parentID.map { parent in (parent, state.parentName ?? "a comment") }
        return """
            <div class="respond" id="respond-\(id)">
            <h3 class="respond__title">Leave a Reply</h3>
            <form class="comment-form" action="\(model.formAction)" method="post" novalidate>
            <input type="hidden" name="parent" value="\(replying.map { String($0.0) } ?? "")">
            <p class="comment-form__replying"\(HTML.when(replying == nil) { " hidden" })>Replying to <strong>\(replying?.1 ?? "")</strong> \
            <a class="comment-form__cancel" href="\(SiteURL.article(slug: model.articleSlug).path)#respond-\(id)">Cancel reply</a></p>
            \(field("body", label: "Comment", articleID: id, state: state) { attributes in
                HTML("<textarea \(attributes) name=\"body\" rows=\"6\" required maxlength=\"5000\">\(state.body)</textarea>") })
            <div class="comment-form__row">
            \(field("name", label: "Name", articleID: id, state: state) { attributes in
                HTML("<input \(attributes) name=\"name\" required maxlength=\"80\" autocomplete=\"name\" value=\"\(state.name)\">") })
            \(field("email", label: "Email", articleID: id, state: state) { attributes in
                HTML("<input \(attributes) name=\"email\" type=\"email\" required maxlength=\"254\" autocomplete=\"email\" value=\"\(state.email)\">") })
            </div>
            <div class="hp" aria-hidden="true"><label for="comment-website-\(id)">Leave this empty</label>\
            <input id="comment-website-\(id)" name="website" tabindex="-1" autocomplete="off"></div>
            <p class="comment-form__hint">Plain text; leave a blank line between paragraphs. \(model.policyNote)</p>
            <button type="submit">Post Comment</button>
            </form>
            </div>
            """
    }

    /// A labelled control with its error message wired up for screen readers.
    static func field(_ name: String, label: String, articleID: Int, state: CommentFormState, control: (HTML) -> HTML) -> HTML {
        let id = "comment-\(name)-\(articleID)"
        let problem = state.problems[name]
        let attributes: HTML =
            problem == nil
            ? "id=\"\(id)\""
            : "id=\"\(id)\" aria-invalid=\"true\" aria-describedby=\"\(id)-error\""
        return """
            <p class="field\(HTML.when(problem != nil) { " field--invalid" })"><label for="\(id)">\(label)</label>\
            \(problem.map { HTML("<span class=\"field__error\" id=\"\(id)-error\">\($0)</span>") })\
            \(control(attributes))</p>
            """
    }
}

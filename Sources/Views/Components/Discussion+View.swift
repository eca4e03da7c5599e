import Domain
import Routes

/// The discussion area: the bar, the sort, the threads, more pages, and the "Leave a Reply" form.
/// Every control works as a plain link or form; the page's script makes them act in place.
public enum DiscussionView {
    public static func html(_ model: DiscussionModel, form state: CommentFormState = CommentFormState()) -> HTML {
        let id = model.articleID
        let slug = model.articleSlug
        let heading = model.commentCount == 0 ? "No comments yet" : DisplayFormat.count(model.commentCount, "Comment", "Comments")
        return """
            <section class="discussion" id="comments-\(id)" aria-labelledby="discussion-heading-\(id)" data-article="\(id)" \
            data-api="\(SiteURL.apiComments(articleSlug: slug).path)" data-live="\(SiteURL.apiLive(articleSlug: slug).path)" \
            data-token="\(SiteURL.apiCommentToken.path)" data-reader="\(SiteURL.apiReader.path)" data-sort="\(model.sort.rawValue)">
            <div class="discussion__head">
            <h2 class="discussion__title" id="discussion-heading-\(id)">\(heading)</h2>
            \(HTML.when(model.isOpen) { HTML("<a class=\"button discussion__reply\" href=\"#respond-\(id)\">Leave a Reply</a>") })
            </div>
            \(bar(model))
            <p class="discussion__live" role="status" hidden><button type="button" class="discussion__show-new"></button></p>
            \(HTML.when(model.commentCount > 1) { sortLinks(model) })
            \(reportTemplate())
            <ol class="comment-list" data-threads>\(comments(model, model.threads))</ol>
            \(model.next.map { next in HTML("<p class=\"discussion__more\"><a class=\"button button--quiet\" rel=\"next\" data-more href=\"\(SiteURL.discussion(articleSlug: slug, sort: model.sort, after: next).path)\">More comments</a></p>") })
            \(model.isOpen ? form(model, state: state) : HTML("<p class=\"discussion__closed\">\(model.closedNote)</p>"))
            </section>
            """
    }

    /// Counts kept by the database, recent authors, and the two comments worth jumping to.
    static func bar(_ model: DiscussionModel) -> HTML {
        let bar = model.bar
        guard bar.stats.comments > 0 else { return "" }
        let figures: [(Int, String, String)] = [
            (bar.stats.threads, "Comment thread", "Comment threads"), (bar.stats.replies, "Thread reply", "Thread replies"),
            (bar.stats.followers, "Follower", "Followers"), (bar.stats.authors, "Comment author", "Comment authors"),
        ]
        let stats = figures.map { number, one, many in
            HTML("<li><strong>\(DisplayFormat.grouped(number))</strong> \(number == 1 ? one : many)</li>")
        }
        let authors = bar.recentAuthors.map { author in
            HTML(
                "<li><a href=\"#comment-\(author.commentID.rawValue)\" title=\"\(author.name)\" aria-label=\"\(author.name)\">\(Avatar.html(name: author.name, key: author.avatarKey, size: 32))</a></li>"
            )
        }
        func pick(_ label: String, _ pick: DiscussionBarModel.Pick?) -> HTML {
            guard let pick else { return "" }
            return """
                <li class="discussion-bar__pick"><span class="discussion-bar__label">\(label)</span> \
                <a href="#comment-\(pick.id)"><strong>\(pick.authorName)</strong>: \(pick.excerpt)</a> \
                <span class="muted">(\(pick.figure))</span></li>
                """
        }
        return """
            <div class="discussion-bar">
            <ul class="discussion-bar__stats">\(stats)</ul>
            \(HTML.when(!authors.isEmpty) { HTML("<div class=\"discussion-bar__authors\"><span class=\"discussion-bar__label\">Recent comment authors</span><ul>\(authors)</ul></div>") })
            <ul class="discussion-bar__picks">\(pick("Most reacted comment", bar.mostReacted))\(pick("Hottest comment thread", bar.hottest))</ul>
            \(subscribe(model))
            </div>
            """
    }

    /// "Subscribe — Notify of: new follow-up comments / new replies to my comments".
    static func subscribe(_ model: DiscussionModel) -> HTML {
        let id = model.articleID
        let options = [SubscriptionKind.article, .replies].map { HTML("<option value=\"\($0.rawValue)\">\($0.label)</option>") }
        return """
            <form class="discussion-subscribe" method="post" action="\(SiteURL.apiSubscribe(articleSlug: model.articleSlug).path)" data-subscribe>\
            <span class="discussion-bar__label">Subscribe</span> \
            <label for="subscribe-kind-\(id)">Notify of</label> <select id="subscribe-kind-\(id)" name="kind">\(options)</select> \
            <input type="email" name="email" required maxlength="254" autocomplete="email" placeholder="you@example.org" aria-label="Your email address"> \
            <button type="submit">Subscribe</button><span class="discussion-subscribe__status" role="status"></span></form>
            """
    }

    static var flagOptions: HTML {
        HTML.join(FlagReason.allCases.map { HTML("<option value=\"\($0.rawValue)\">\($0.label)</option>") })
    }

    /// The report form the script copies under a comment (a page of its own without it).
    static func reportTemplate() -> HTML {
        """
        <template data-report-form><form class="comment__flag" method="post">\
        <label>Why should a moderator look at it? <select name="reason">\(flagOptions)</select></label> \
        <button type="submit">Send the report</button></form></template>
        """
    }

    /// The report form on its own page, for readers without the script.
    public static func reportForm(_ comment: Comment.ID) -> HTML {
        """
        <form class="comment__flag" method="post" action="\(SiteURL.apiCommentFlag(comment).path)">\
        <label for="flag-reason">Why should a moderator look at it?</label> <select id="flag-reason" name="reason">\(flagOptions)</select> \
        <button type="submit">Send the report</button></form>
        """
    }

    static func sortLinks(_ model: DiscussionModel) -> HTML {
        let links = CommentSort.allCases.map { sort in
            HTML(
                "<li><a href=\"\(SiteURL.discussion(articleSlug: model.articleSlug, sort: sort).path)\" data-sort=\"\(sort.rawValue)\"\(HTML.when(sort == model.sort) { " aria-current=\"true\"" })>\(sort.label)</a></li>"
            )
        }
        return HTML("<nav class=\"discussion__sort\" aria-label=\"Sort comments\"><ul>\(links)</ul></nav>")
    }

    /// Comments and their replies, one after the other, written into one buffer.
    public static func comments(_ discussion: DiscussionModel, _ comments: [CommentModel]) -> HTML {
        self.comments(comments, articleSlug: discussion.articleSlug)
    }

    static func comments(_ comments: [CommentModel], articleSlug: String) -> HTML {
        var output = HTML.buffer(reserving: comments.reduce(0) { $0 + estimatedSize($1) })
        let links = SiteURL.CommentLinks(articleSlug: articleSlug)
        for comment in comments { append(comment, links: links, to: &output) }
        return output
    }

    /// One comment and its replies.
    public static func comment(_ discussion: DiscussionModel, _ comment: CommentModel) -> HTML {
        comments(discussion, [comment])
    }

    /// A thread exactly as a page of its article's discussion shows it, to be kept
    /// (`Comment.threadCard`).
    public static func thread(_ thread: CommentModel, articleSlug: String) -> HTML {
        comments([thread], articleSlug: articleSlug)
    }

    /// Room for a comment and its replies: the markup around a card is about 100 bytes.
    static func estimatedSize(_ comment: CommentModel) -> Int {
        100 + comment.card.utf8Count + comment.replies.reduce(0) { $0 + estimatedSize($1) }
    }

    /// A comment (its card), then its replies.
    static func append(_ comment: CommentModel, links: SiteURL.CommentLinks, to output: inout HTML) {
        if comment.wholeThread { return output.append(comment.card) }
        output.append(
            "<li class=\"comment-item\(HTML.when(comment.pinned) { " comment-item--pinned" })\" data-comment=\"\(comment.id)\">")
        output.append(comment.card)
        if !comment.replies.isEmpty {
            output.append("<ol class=\"comment-replies\">")
            for reply in comment.replies { append(reply, links: links, to: &output) }
            output.append("</ol>")
        }
        if comment.hiddenReplies > 0 {
            let id = Comment.ID(comment.id)
            output.append(
                "<p class=\"comment__more-replies\"><a href=\"\(links.thread(id, comment: id))\">\(DisplayFormat.count(comment.hiddenReplies, "more reply", "more replies")) in this thread</a></p>"
            )
        }
        output.append("</li>\n")
    }

    /// The reply form, empty or holding what the reader typed with what needs fixing.
    public static func form(_ model: DiscussionModel, state: CommentFormState = CommentFormState()) -> HTML {
        let id = model.articleID
        let replying = state.parentID.map { parent in (parent, state.parentName ?? "a comment") }
        return """
            <div class="respond" id="respond-\(id)">
            <h3 class="respond__title">Leave a Reply</h3>
            <p class="respond__account" data-account>\
            <a href="\(SiteURL.readerSignIn(next: SiteURL.article(slug: model.articleSlug).path + "#respond-\(id)").path)">Sign in</a> \
            to comment under your name, or comment as a guest.</p>
            <form class="comment-form" action="\(model.formAction)" method="post" novalidate data-comment-form>
            <input type="hidden" name="parent" value="\(replying.map { String($0.0) } ?? "")">
            <input type="hidden" name="token" value="\(state.token)">
            <p class="comment-form__replying"\(HTML.when(replying == nil) { " hidden" })>Replying to <strong>\(replying?.1 ?? "")</strong> \
            <a class="comment-form__cancel" href="\(SiteURL.article(slug: model.articleSlug).path)#respond-\(id)">Cancel reply</a></p>
            <p class="comment-form__status" role="status" hidden></p>
            \(field("body", label: "Comment", articleID: id, state: state) { attributes in
                HTML("<textarea \(attributes) name=\"body\" rows=\"6\" required maxlength=\"\(CommentSubmission.maximumBodyLength)\">\(state.body)</textarea>") })
            <div class="comment-form__row">
            \(field("name", label: "Name", articleID: id, state: state) { attributes in
                HTML("<input \(attributes) name=\"name\" required maxlength=\"80\" autocomplete=\"name\" value=\"\(state.name)\">") })
            \(field("email", label: "Email", articleID: id, state: state) { attributes in
                HTML("<input \(attributes) name=\"email\" type=\"email\" required maxlength=\"254\" autocomplete=\"email\" value=\"\(state.email)\">") })
            </div>
            <div class="field field--check" role="group" aria-label="Notifications"><input id="comment-notify-\(id)" name="notify" \
            type="checkbox" value="on"\(HTML.when(state.notify) { " checked" })><label for="comment-notify-\(id)">Email me replies to my comment</label></div>
            <div class="hp" aria-hidden="true"><label for="comment-website-\(id)">Leave this empty</label>\
            <input id="comment-website-\(id)" name="website" tabindex="-1" autocomplete="off"></div>
            <p class="comment-form__hint">**bold**, _italic_, `code`, &gt; quotes, - lists and links work; \
            leave a blank line between paragraphs. \(model.policyNote)</p>
            <button type="submit">Post Comment</button>
            </form>
            <p class="respond__data"><a href="\(SiteURL.readerData.path)">Download or erase your comments</a></p>
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

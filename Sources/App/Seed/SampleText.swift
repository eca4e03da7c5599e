import Domain
import Foundation

/// Writes the sample stories out as Markdown of roughly the intended length, mixing each story's
/// own facts and quotes with context sentences that fit any local story.
enum SampleText {
    static let context = [
        "For many residents of Riverton, {subject} is not an abstract question but part of daily life.",
        "The {group} first raised the idea in a report published three years ago, but it made little progress until last spring.",
        "Supporters say {subject} shows what a town of this size can do when people work together, while critics say the costs have not been explained clearly enough.",
        "A public meeting about {subject} drew more than {n} people last month, and many stayed long after the formal agenda had ended.",
        "Officials stressed that the figures are provisional and will be revised once a full year of data is available.",
        "The {group} has published its working documents online, and anyone can comment on them until the end of the month.",
        "Similar schemes in other towns have had mixed results, which is why the {group} has commissioned an independent review.",
        "Neighbouring towns are watching closely, and at least two have asked for copies of the plans.",
        "The decision follows a consultation in which {n} people took part, one of the largest the town has held.",
        "Much of the detail is still to be settled, including how progress will be measured and reported.",
        "The timetable is tight, and the {group} admits that bad weather or a shortage of contractors could delay it.",
        "Local businesses have been cautious in public, though several owners said privately that they expect to benefit.",
        "The idea is not new: versions of it were discussed in the 1990s and again in 2012, before being shelved for lack of money.",
        "Data collected over the past decade suggests the trend began well before the pandemic, though it accelerated afterwards.",
        "The change will be reviewed after eighteen months, and the {group} has promised to publish the results in full.",
        "Some of the strongest support has come from people who were sceptical at first.",
        "Residents who want to follow the process can find the meeting papers at the library and on the council's website.",
        "It is a modest step in national terms, but in a town of 48,000 people it is felt on almost every street.",
        "Opposition councillors said they support the aim but want a clearer plan for paying for it over the long term.",
        "The {group} says it has learned from earlier mistakes, when projects were announced before the money was secured.",
        "Volunteers have played a large part, giving what the {group} estimates is around {n} hours of unpaid work a year.",
        "Not everyone is convinced, and a petition calling for a rethink has gathered several hundred signatures.",
        "The figures vary from one neighbourhood to the next, with the biggest changes in the older streets near the river.",
        "Those involved say the most important thing now is to keep people informed as the work goes on.",
        "The last comparable change in the town was made almost twenty years ago, and few of the people involved then are still in post.",
        "Independent experts consulted by the Gazette said the approach was sensible, though they warned against expecting quick results.",
        "The costs will be reviewed each year as part of the normal budget process, officials said.",
        "Several residents said they had only found out about the plans from neighbours, and asked for better notice in future.",
        "A spokesperson for the {group} said it would answer every written question it received before the next meeting.",
        "The figures were checked by an independent auditor before they were published.",
        "It is too early to say whether the change will last, but the first signs have been encouraging.",
        "Surveys suggest that younger residents are more enthusiastic than older ones, though the gap is narrowing.",
        "Those who spoke against the plan were careful to say they shared its aims.",
        "The regional government has said it will watch the results before deciding whether to fund similar work elsewhere.",
        "Some of the work can be done in phases, which the {group} says will limit disruption.",
        "Campaigners have promised to keep up the pressure until every promise has been kept.",
        "In a written answer, the {group} said the plan would be adjusted if the early results were poor.",
        "The town's two largest employers have both said publicly that they support the change.",
        "Similar debates are under way in towns across the region, with very different outcomes so far.",
        "Many of those affected are renters, who are less likely to take part in consultations than homeowners.",
    ]

    static let reactions = [
        "Reaction on the street was mixed but mostly positive.",
        "Among the people we spoke to on the high street, few had strong objections.",
        "Readers who wrote to the Gazette about {subject} were divided, though most welcomed the decision.",
        "At the market on Saturday, the subject came up again and again.",
    ]

    static let outlook = [
        "The {group} will publish its next progress report in the spring.",
        "A further decision is expected before the summer, after another round of public meetings.",
        "The Gazette will follow {subject} as it develops. Readers with questions can write to the newsroom.",
        "Whatever happens next, the debate about {subject} is unlikely to go away soon.",
    ]

    /// The story's body in Markdown, deterministic for a given generator state.
    static func markdown(for story: SampleStory, rng: inout SeededGenerator) -> String {
        var paragraphs: [String] = []
        var words = 0
        func add(_ text: String) {
            paragraphs.append(text)
            words += text.split(separator: " ").count
        }
        func fill(_ template: String) -> String {
            template.replacingOccurrences(of: "{subject}", with: story.subject)
                .replacingOccurrences(of: "{group}", with: story.group)
                .replacingOccurrences(of: "{n}", with: String(Int.random(in: 2...9, using: &rng) * 40))
        }
        var contextPool = context.shuffled(using: &rng)
        func contextSentences(_ count: Int) -> String {
            (0..<count).map { _ in
                if contextPool.isEmpty { contextPool = context.shuffled(using: &rng) }
                return fill(contextPool.removeLast())
            }.joined(separator: " ")
        }

        add(story.facts[0] + " " + contextSentences(1))
        if let embed = story.embed { paragraphs.append(embed) }
        var facts = Array(story.facts.dropFirst())
        var quotes = story.quotes
        let long = story.words >= 900
        var headings = long ? ["Background", "What people say", "The numbers", "What happens next"] : []
        var index = 0
        while words < story.words - 60 {
            index += 1
            if long, index % 3 == 0, !headings.isEmpty {
                paragraphs.append("## " + headings.removeFirst())
            }
            if index % 2 == 1, !quotes.isEmpty {
                let quote = quotes.removeFirst()
                add("“\(quotation(quote.words))” said \(quote.name), \(quote.role).")
                continue
            }
            if !facts.isEmpty {
                add(facts.removeFirst() + " " + contextSentences(Int.random(in: 1...2, using: &rng)))
                continue
            }
            if index % 5 == 0 {
                add(fill(reactions.randomElement(using: &rng) ?? reactions[0]) + " " + contextSentences(2))
                continue
            }
            add(contextSentences(Int.random(in: 2...4, using: &rng)))
        }
        if story.kind == .analysis, words > 500 {
            paragraphs.append("> The short version: \(story.standfirst)")
        }
        add(fill(outlook.randomElement(using: &rng) ?? outlook[0]))
        return paragraphs.joined(separator: "\n\n")
    }

    /// A quotation as it reads before "said X": a closing full stop becomes a comma.
    static func quotation(_ words: String) -> String {
        words.hasSuffix(".") ? String(words.dropLast()) + "," : words
    }

    static let commenters = [
        "Ruth Abara", "Kevin Doyle", "Anneke V.", "Marcus Bell", "Sophie Laurent", "Jamal", "Eleanor Price",
        "Dev Patel", "Old Town Resident", "Carla M.", "Hiroshi Tanaka", "Bridget O'Neill", "Mo Farouk",
        "Lucy Chen", "P. Grant",
    ]

    static let commentLines = [
        "Thanks for reporting this properly. I had only seen rumours on social media.",
        "I live two streets away and I can confirm it has made a difference already.",
        "Does anyone know whether the plans were published in full? I could not find them on the council website.",
        "Good news, but I will believe it when I see the work actually start.",
        "This has been talked about since I was at school. Glad something is finally happening.",
        "The article is fair, but I think the costs deserve more scrutiny.",
        "My parents remember when this was last tried in the nineties. It would be interesting to read about what went wrong then.",
        "Well written. It is rare to read something about our town that is not either cheerleading or outrage.",
        "I went to the public meeting and it was much calmer than I expected.",
        "As a shop owner I am cautiously optimistic.",
        "Could the Gazette follow up in six months to see whether the promises were kept?",
        "Interesting numbers. I had no idea the change was that large.",
        "I disagree with the conclusion, but I appreciate that both sides were quoted.",
        "This is exactly why I support the Gazette.",
        "Small correction: the meeting was on Thursday, not Tuesday.",
    ]

    static let replyLines = [
        "The papers are on the library's website under the meetings section.",
        "Agreed. A follow-up would be very welcome.",
        "I think that is a bit unfair; the figures were in the committee report.",
        "Same here. It is noticeably quieter in the mornings.",
        "Thanks, that is helpful.",
        "I was there too. The questions at the end were the best part.",
        "Fair point, though the alternative would have cost more in the long run.",
    ]
}

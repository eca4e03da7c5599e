import Domain

extension SampleStories {
    /// Forty stories, newest first.
    static let stories: [SampleStory] = [
        SampleStory(
            title: "City council approves riverside bike lanes after year-long debate",
            standfirst:
                "The protected lanes will run for 3.2 kilometres along the river and replace 140 parking spaces, with construction due to start in April.",
            section: "news", kind: .news, authors: [0], tags: ["Transport", "City council", "Cycling"],
            subject: "the riverside bike lanes", group: "council's transport committee",
            facts: [
                "Councillors voted 23 to 14 in favour of the plan on Tuesday evening after a debate that lasted almost four hours.",
                "The lanes will be separated from traffic by a low kerb and planters, and will connect the railway station with the university campus.",
                "The scheme is expected to cost 4.1 million, of which two thirds comes from a national active travel fund.",
                "Traders on Quay Street had asked for loading bays to be kept, and the final design includes six of them.",
                "Cycle counts on the existing painted lane have doubled since 2019, according to figures presented to the council.",
            ],
            quotes: [
                (
                    "Helen Marsh", "chair of the transport committee",
                    "This is the most-requested change we have had in a decade, and we have listened to the shops as well as the cyclists."
                ),
                (
                    "Robert Iqbal", "owner of a hardware shop on Quay Street",
                    "I am not against bikes. I just need my customers to be able to park for ten minutes."
                ),
            ],
            words: 780, comments: 9),
        SampleStory(
            title: "Watch: how the new flood barrier works",
            standfirst:
                "Our video team followed engineers through the first full test of the demountable barrier that now protects the lower town.",
            section: "video", kind: .video, authors: [5, 1], tags: ["Flooding", "River"],
            subject: "the demountable flood barrier", group: "river authority's engineering team",
            facts: [
                "The barrier is made of 84 aluminium panels that slot into posts sunk into the quay.",
                "A crew of twelve can raise the whole barrier in under three hours once a flood warning is issued.",
                "The panels are stored in a depot two streets away and checked every spring and autumn.",
            ],
            quotes: [
                (
                    "Aisha Bello", "senior engineer at the river authority",
                    "The test went better than we hoped. The slowest part was finding parking for the lorries."
                )
            ],
            words: 420, embed: "https://www.youtube.com/watch?v=M7lc1UVf-VE"),
        SampleStory(
            title: "Library reopens with longer hours and a repair café",
            standfirst:
                "After eighteen months of renovation the central library is open seven days a week, with a workshop where volunteers fix toasters, bikes and clothes.",
            section: "news", kind: .news, authors: [4], tags: ["Libraries", "Community"],
            subject: "the renovated central library", group: "library trust",
            facts: [
                "The building now opens at eight in the morning and closes at nine in the evening, seven days a week.",
                "A new ground-floor room hosts the repair café on Saturdays, where volunteers fixed 63 items on the first day.",
                "The renovation added a lift, a quiet study floor and a children's room with its own entrance.",
                "Membership applications tripled in the first week after the reopening.",
            ],
            quotes: [
                (
                    "Margaret Oyelaran", "head librarian",
                    "People told us they wanted somewhere warm and free to spend an evening. Now they have it."
                ),
                (
                    "Colin Park", "volunteer at the repair café",
                    "Most things people throw away need a five-minute fix and a bit of patience."
                ),
            ],
            words: 650, comments: 6),
        SampleStory(
            title: "Why the housing shortage hits single renters hardest",
            standfirst:
                "Rents for one-bedroom flats in Riverton have risen twice as fast as those for family homes. The reasons lie in what was built, and what was not, over thirty years.",
            section: "analysis", kind: .analysis, authors: [2], tags: ["Housing", "Data"],
            subject: "the shortage of small homes", group: "housing department",
            facts: [
                "Between 1995 and 2024 only one in eight new homes built in the town had a single bedroom.",
                "Over the same period the share of households made up of one person rose from 24 to 37 per cent.",
                "The median rent for a one-bedroom flat is now 46 per cent of the median single earner's take-home pay.",
                "Conversions of large houses into flats, once a main source of small homes, fell sharply after planning rules changed in 2008.",
                "Waiting lists for social housing are longest for one-bedroom homes, at an average of four years.",
                "Developers say small flats are less profitable to build because of fixed costs per unit such as stairwells and lifts.",
            ],
            quotes: [
                (
                    "Dr Femi Adeyemi", "housing economist at the regional university",
                    "We planned for the families of the 1980s and got the households of the 2020s."
                ),
                (
                    "Lena Kovacs", "who rents a studio near the station",
                    "I spend more than half of what I earn on a room where I can touch both walls."
                ),
            ],
            words: 1500, comments: 20),
        SampleStory(
            title: "Storm leaves thousands without power as crews work through the night",
            standfirst:
                "Gusts of up to 110 km/h brought down trees across the valley. The electricity network says most homes should be reconnected by Friday evening.",
            section: "news", kind: .news, authors: [1], tags: ["Weather", "Emergencies"],
            subject: "the storm damage", group: "electricity network operator",
            facts: [
                "At the height of the storm around 11,500 homes were without electricity.",
                "Firefighters were called to 46 fallen trees, including one that blocked the main road to the hospital for two hours.",
                "Schools in the upper valley will stay closed on Thursday while roads are cleared.",
                "The council has opened the sports hall on Mill Road as a warm space with hot drinks and phone charging.",
            ],
            quotes: [
                (
                    "Gareth Lloyd", "duty manager at the network operator",
                    "Our crews will keep working in shifts until every home is back on."
                )
            ],
            words: 600, embed: "https://x.com/RivertonPower/status/1790000000000000001", comments: 5),
        SampleStory(
            title: "Our parks deserve more than a summer of attention",
            standfirst:
                "Every June the flower beds are perfect. Every February the paths flood and the toilets are locked. Parks need a year-round budget.",
            section: "opinion", kind: .opinion, authors: [5], tags: ["Parks", "City council"],
            subject: "the care of our parks", group: "parks department",
            facts: [
                "The parks maintenance budget has fallen by a fifth in real terms since 2015.",
                "Half of the town's park toilets are closed between October and April.",
                "Friends-of-the-park groups now do much of the litter picking that staff once did.",
            ],
            quotes: [
                (
                    "Joan Whitaker", "who has walked her dog in Eastfield Park for twenty years",
                    "In winter you would think nobody lived here."
                )
            ],
            words: 700),
        SampleStory(
            title: "Jazz festival returns to the old harbour with a record line-up",
            standfirst: "Forty-two bands on four stages over three days, and for the first time a free stage for school bands.",
            section: "culture", kind: .news, authors: [3], tags: ["Music", "Festivals"],
            subject: "the harbour jazz festival", group: "festival committee",
            facts: [
                "The festival began in 1987 as a single evening concert in a warehouse that has since been turned into flats.",
                "Tickets for the main stage sold out in nine days, the fastest in the festival's history.",
                "A free stage on the fish market will host eleven school and youth bands from across the valley.",
            ],
            quotes: [
                (
                    "Nadia Coleman", "artistic director of the festival",
                    "We wanted the teenagers playing on Saturday afternoon to feel like part of the same festival as the headliners."
                )
            ],
            words: 560, comments: 4),
        SampleStory(
            title: "School district adds free breakfast at every primary school",
            standfirst: "From January every pupil can have breakfast before lessons, after a pilot in four schools improved attendance.",
            section: "news", kind: .news, authors: [4], tags: ["Schools", "Children"],
            subject: "the free breakfast programme", group: "school district",
            facts: [
                "In the four pilot schools, morning lateness fell by almost a third during the first term.",
                "The programme will cost about 380,000 a year, paid for by the district and a local food charity.",
                "Breakfast clubs will open at eight and serve cereal, toast, fruit and, twice a week, something hot.",
            ],
            quotes: [
                (
                    "Rachel Osei", "head teacher at Northgate Primary",
                    "Children who have eaten are ready to learn. It really is that simple."
                )
            ],
            words: 620, comments: 3),
        SampleStory(
            title: "What the new budget means for small towns",
            standfirst: "Extra money for roads, less for buses, and a change to business rates that could matter more than both.",
            section: "analysis", kind: .analysis, authors: [2, 0], tags: ["Budget", "Data"],
            subject: "the national budget", group: "finance ministry",
            facts: [
                "Road maintenance funding for local councils rises by 9 per cent, the biggest increase in a decade.",
                "The bus service support grant is frozen in cash terms, which means a cut after inflation.",
                "A new relief on business rates for shops with a rateable value below 15,000 will apply to most of Riverton's high street.",
                "The council estimates the changes leave it with a shortfall of about 1.2 million next year.",
            ],
            quotes: [
                (
                    "Paul Mensah", "the council's finance director",
                    "We can fill more potholes. We may have to run fewer buses to the places those roads lead to."
                )
            ],
            words: 980, comments: 7),
        SampleStory(
            title: "Bus fares to stay frozen for another year",
            standfirst:
                "The transport board will keep the flat two-euro fare until next December, funded by higher parking charges in the town centre.",
            section: "news", kind: .news, authors: [0], tags: ["Transport", "Buses"],
            subject: "the fare freeze", group: "transport board",
            facts: [
                "Passenger numbers have risen by 14 per cent since the flat fare was introduced.",
                "Parking in the two central car parks will cost 20 cents more per hour from March.",
                "The board also plans to add evening services on routes 4 and 7.",
            ],
            quotes: [
                (
                    "Helen Marsh", "chair of the transport committee",
                    "Cheap, simple fares bring people back to the bus. We want to keep that going."
                )
            ],
            words: 480),
        SampleStory(
            title: "A century of photographs: the museum's new archive exhibition",
            standfirst:
                "Glass plates found in a dentist's attic show Riverton between 1905 and 1930: the floods, the markets and the first motor bus.",
            section: "culture", kind: .news, authors: [3], tags: ["Museums", "History", "Photography"],
            subject: "the glass plate exhibition", group: "town museum",
            facts: [
                "Around 1,800 glass negatives were found in 2021 when a house on Elm Terrace was cleared.",
                "They were taken by a dentist, Arthur Bright, who photographed his town every Sunday for 25 years.",
                "Volunteers spent two years cleaning and scanning the plates, and the museum has identified people in more than 300 of them.",
            ],
            quotes: [
                (
                    "Dr Hannah Voss", "curator at the town museum",
                    "He photographed ordinary days, which is exactly what nobody else thought to record."
                )
            ],
            words: 720, comments: 5),
        SampleStory(
            title: "Let teenagers design the youth centre",
            standfirst:
                "The council is about to spend two million on a building for young people. It should hand the brief to the people who will use it.",
            section: "opinion", kind: .opinion, authors: [5], tags: ["Young people", "City council"],
            subject: "the new youth centre", group: "council",
            facts: [
                "The old youth club closed in 2016 and the site has been empty ever since.",
                "A survey of 900 secondary school pupils found that most wanted a place to study and make music, not a sports hall.",
            ],
            quotes: [
                ("Leah Okonkwo", "16, a member of the youth council", "Ask us. We know what we would actually use.")
            ],
            words: 640),
        SampleStory(
            title: "Old textile mill to become 140 affordable homes",
            standfirst:
                "The listed Calder Mill, empty since 1998, will be converted by a housing co-operative, with work starting next summer.",
            section: "news", kind: .news, authors: [0], tags: ["Housing", "Heritage"],
            subject: "the Calder Mill conversion", group: "housing co-operative",
            facts: [
                "All 140 homes will be let at rents below the local market rate, and 40 will be reserved for people on the council's waiting list.",
                "The mill's chimney and engine house will be restored and opened to the public twice a year.",
                "The project is funded by a national housing bank loan and a grant from the heritage fund.",
            ],
            quotes: [
                ("Ruth Adler", "chair of the co-operative", "This building employed half the town once. Now it can house part of it.")
            ],
            words: 700, comments: 8),
        SampleStory(
            title: "Video: a morning with the city's bridge inspectors",
            standfirst: "Ropes, a hammer and a lot of patience: how two inspectors keep 31 bridges safe.",
            section: "video", kind: .video, authors: [5], tags: ["Infrastructure", "Bridges"],
            subject: "bridge inspections", group: "highways team",
            facts: [
                "Every bridge in the town gets a close visual inspection every two years and a detailed one every six.",
                "The inspectors tap the concrete with a hammer and listen for the hollow sound of hidden cracks.",
            ],
            quotes: [
                ("Olu Fashola", "principal bridge inspector", "The river does not care about our budget. We have to look at every bearing.")
            ],
            words: 380, embed: "https://youtu.be/aqz-KE-bpKQ"),
        SampleStory(
            title: "The quiet return of the neighbourhood shop",
            standfirst:
                "After decades of decline, small shops are reopening on residential streets. Remote work and rising fuel costs are part of the story.",
            section: "analysis", kind: .analysis, authors: [2], tags: ["Economy", "Shops"],
            subject: "the revival of corner shops", group: "chamber of commerce",
            facts: [
                "Twelve shops have opened on residential streets in the past two years, after a net loss of 40 between 2000 and 2020.",
                "Most are food shops, but they also include a bike workshop, a bookshop and two cafés.",
                "Footfall counters show more people walking in residential areas on weekdays than before 2020.",
                "Business rates relief for small premises has lowered the cost of opening in converted front rooms.",
            ],
            quotes: [
                (
                    "Amira Haddad", "who opened a grocery on Wellington Road last year",
                    "People work from home three days a week. They want milk and a chat, not a drive to the supermarket."
                )
            ],
            words: 1100, comments: 6),
        SampleStory(
            title: "Farmers' market moves indoors for the winter",
            standfirst: "From November to March the Saturday market will take over the old corn exchange, with space for twenty stalls.",
            section: "news", kind: .news, authors: [1], tags: ["Food", "Markets"],
            subject: "the winter farmers' market", group: "market association",
            facts: [
                "The corn exchange has been used for markets before, most recently in the 1970s.",
                "Stallholders will pay the same fees as in the summer, and the council has waived the hall's hire charge.",
            ],
            quotes: [
                (
                    "Tom Hughes", "who sells cheese from his farm in the upper valley",
                    "Standing in the sleet in January was never good for business."
                )
            ],
            words: 430),
        SampleStory(
            title: "How a wet summer changed the harvest, and food prices",
            standfirst: "Potatoes rotted, wheat was harvested late and damp, and the effects are now reaching the shelves.",
            section: "analysis", kind: .analysis, authors: [1], tags: ["Farming", "Food", "Weather"],
            subject: "the wet harvest", group: "farmers' union",
            facts: [
                "Rainfall in July and August was 70 per cent above the long-term average for the valley.",
                "Potato yields on the valley's farms fell by about a quarter, and some fields were not harvested at all.",
                "Wheat that was harvested had to be dried, adding fuel costs that farmers cannot always pass on.",
                "The price of a kilogram of potatoes in local shops has risen by 18 per cent since September.",
            ],
            quotes: [
                (
                    "Sarah Lindqvist", "who farms 200 hectares near Upper Ford",
                    "You can plan for a bad week. You cannot plan for a bad summer."
                )
            ],
            words: 900,
            syndication: Syndication(
                outlet: "The Valley Review", originalURL: "https://valley-review.example/2026/wet-harvest-food-prices"), comments: 4),
        SampleStory(
            title: "The case for a car-free market square",
            standfirst: "The square was built for people. For fifty years we have used it as a car park. It is time to give it back.",
            section: "opinion", kind: .opinion, authors: [0], tags: ["Transport", "Town centre"],
            subject: "a car-free market square", group: "council",
            facts: [
                "The square has 64 parking spaces, and the two car parks within 300 metres are rarely more than two-thirds full.",
                "Towns that removed cars from their central squares have generally seen footfall rise within two years.",
            ],
            quotes: [
                ("Ines Duarte", "who runs a café on the square", "Give me the space for ten tables and I will hire two more people.")
            ],
            words: 680, comments: 12),
        SampleStory(
            title: "Water utility finishes replacing the last lead pipes",
            standfirst: "The final 212 lead service lines have been dug up, ending a programme that began in 2011.",
            section: "news", kind: .news, authors: [4], tags: ["Water", "Health"],
            subject: "the lead pipe replacement", group: "water utility",
            facts: [
                "In total 9,400 lead pipes connecting homes to the mains have been replaced.",
                "Tests in homes that had lead pipes found levels well within legal limits, but the utility says no safe level exists for children.",
            ],
            quotes: [
                ("Dr Kofi Asante", "public health director", "This is one of those quiet achievements that will matter for generations.")
            ],
            words: 520),
        SampleStory(
            title: "Are four-day school weeks a good idea? What the evidence says",
            standfirst:
                "Some schools abroad have moved to a four-day week to save money and recruit teachers. The research on what it does to learning is mixed.",
            section: "analysis", kind: .analysis, authors: [4], tags: ["Schools", "Research"],
            subject: "the four-day school week", group: "education researchers",
            facts: [
                "Studies from rural districts in the United States found small negative effects on test scores, mostly in maths.",
                "The savings are usually modest, between 1 and 3 per cent of a district's budget.",
                "Teacher recruitment often improves, which some researchers say could outweigh the lost teaching time in the long run.",
                "Childcare on the fifth day is the biggest worry for working parents.",
            ],
            quotes: [
                (
                    "Prof. Mira Chandra", "who studies school time at the regional university",
                    "It depends entirely on what happens on the fifth day."
                )
            ],
            words: 1050, comments: 10),
        SampleStory(
            title: "Listen: the sounds of the spring bird migration",
            standfirst: "A dawn recording from the marshes, with the ornithologist who has counted birds here for forty years.",
            section: "video", kind: .video, authors: [1], tags: ["Nature", "Birds"],
            subject: "the spring migration", group: "bird observatory",
            facts: [
                "More than 140 species pass through the estuary marshes each spring.",
                "The observatory has kept daily counts since 1984, one of the longest records in the country.",
            ],
            quotes: [
                (
                    "Elsie Brandt", "volunteer warden at the observatory",
                    "Close your eyes at five in the morning and you can hear the whole continent arriving."
                )
            ],
            words: 360, embed: "https://soundcloud.com/riverton-gazette/spring-migration-dawn-chorus"),
        SampleStory(
            title: "Volunteers plant 2,000 trees along the northern ring road",
            standfirst:
                "Three hundred people turned out in the rain to plant oak, hornbeam and wild cherry on a strip of land that used to be mown grass.",
            section: "news", kind: .news, authors: [1], tags: ["Trees", "Volunteers", "Environment"],
            subject: "the ring road tree planting", group: "urban forest trust",
            facts: [
                "The trees were grown from seed in a community nursery at the allotments on Station Road.",
                "The trust aims to raise tree cover in the town from 14 to 20 per cent by 2040.",
            ],
            quotes: [
                (
                    "Yusuf Karim", "coordinator at the urban forest trust",
                    "In thirty years this will be a wood. Some of the children here today will walk their own children through it."
                )
            ],
            words: 470, comments: 3),
        SampleStory(
            title: "Slow down: why a 30 km/h limit makes sense",
            standfirst:
                "Lower speeds on residential streets save lives and cost almost nothing. The arguments against them do not hold up.",
            section: "opinion", kind: .opinion, authors: [2], tags: ["Road safety", "Transport"],
            subject: "lower speed limits", group: "council",
            facts: [
                "A pedestrian hit at 50 km/h is several times more likely to die than one hit at 30 km/h.",
                "Journey times across town would rise by less than a minute on most trips, according to the council's own modelling.",
            ],
            quotes: [
                (
                    "Marta Novak", "whose son was injured by a car on Elm Terrace",
                    "Nobody misses the thirty seconds. Everybody misses a child."
                )
            ],
            words: 660, comments: 15),
        SampleStory(
            title: "The choir that meets in a laundrette",
            standfirst:
                "Every Wednesday evening, between the dryers, twenty singers rehearse for a concert they hope to give in the cathedral.",
            section: "culture", kind: .news, authors: [3], tags: ["Music", "Community"],
            subject: "the laundrette choir", group: "choir",
            facts: [
                "The choir started in 2022 when the laundrette's owner offered the space to a group that had lost its church hall.",
                "Members range in age from 19 to 84, and most had never sung in a choir before.",
            ],
            quotes: [
                ("Doreen Akhtar", "who owns the laundrette", "The acoustics are wonderful. It is all the tiles.")
            ],
            words: 540),
        SampleStory(
            title: "Hospital opens walk-in clinic to ease emergency waits",
            standfirst: "The new clinic will treat minor injuries and illnesses from eight in the morning until ten at night.",
            section: "news", kind: .news, authors: [4], tags: ["Health", "Hospital"],
            subject: "the walk-in clinic", group: "hospital trust",
            facts: [
                "About a third of people who come to the emergency department could be treated elsewhere, according to the hospital trust.",
                "The clinic is staffed by nurse practitioners and a GP, with access to X-ray.",
            ],
            quotes: [
                (
                    "Dr Irene Walsh", "clinical director for emergency care",
                    "Sprained ankles should not wait behind heart attacks, and heart attacks should not wait behind sprained ankles."
                )
            ],
            words: 560, comments: 5),
        SampleStory(
            title: "The numbers behind the city's falling traffic deaths",
            standfirst: "Road deaths in Riverton have fallen to their lowest level on record. We looked at what changed, and what did not.",
            section: "analysis", kind: .analysis, authors: [2], tags: ["Road safety", "Data"],
            subject: "road safety in Riverton", group: "road safety partnership",
            facts: [
                "Two people died on the town's roads last year, compared with an average of nine a year in the 2000s.",
                "Serious injuries have fallen more slowly, by about a third over the same period.",
                "Most of the fall is on residential streets where speed limits were lowered and junctions narrowed.",
                "Deaths on the bypass, where nothing changed, have stayed roughly level.",
            ],
            quotes: [
                ("Chief Inspector Dawn Harris", "head of roads policing", "Engineering did more than enforcement ever could.")
            ],
            words: 950, comments: 6),
        SampleStory(
            title: "Public libraries are the last free indoor space. Protect them.",
            standfirst: "Where else can you sit for an afternoon, warm and dry, without buying anything?",
            section: "opinion", kind: .opinion, authors: [3], tags: ["Libraries", "Community"],
            subject: "free public space", group: "library trust",
            facts: [
                "Branch libraries in three neighbourhoods have had their opening hours cut to three days a week.",
                "Visitor numbers at the central library are higher than before the pandemic.",
            ],
            quotes: [
                (
                    "Agnes Mwangi", "a retired teacher who volunteers at the Southside branch",
                    "For some of our visitors, we are the only people they talk to all week."
                )
            ],
            words: 620),
        SampleStory(
            title: "Regional rail link gets money for a feasibility study",
            standfirst: "Reopening the line to the coast, closed in 1967, is back on the table with 800,000 for a two-year study.",
            section: "news", kind: .news, authors: [0], tags: ["Transport", "Rail"],
            subject: "the coast line reopening", group: "regional transport authority",
            facts: [
                "Most of the old track bed still exists, though two sections are now a cycle path and one is under a supermarket.",
                "The study will look at demand, costs and whether the cycle path could run alongside the rails.",
            ],
            quotes: [
                (
                    "Neil Baptiste", "chair of the campaign to reopen the line",
                    "We have waited fifty-nine years. Two more is fine, as long as the answer is yes."
                )
            ],
            words: 590, comments: 8),
        SampleStory(
            title: "Community theatre stages a play written by its youngest members",
            standfirst: "Eight writers aged between eleven and fifteen wrote a comedy about a town that loses its river.",
            section: "culture", kind: .news, authors: [3], tags: ["Theatre", "Young people"],
            subject: "the youth-written play", group: "community theatre",
            facts: [
                "The young writers met every Sunday for six months with a professional playwright.",
                "All four performances at the Little Theatre are sold out, and a fifth has been added.",
            ],
            quotes: [
                ("Kit Lawson", "13, one of the writers", "We wanted it to be funny, because everything about the river on the news is sad.")
            ],
            words: 500),
        SampleStory(
            title: "Why local newspapers are betting on members, not ads",
            standfirst: "Advertising once paid for local news. Across Europe, a new generation of newsrooms is asking readers instead.",
            section: "analysis", kind: .analysis, authors: [2], tags: ["Media", "Economy"],
            subject: "reader-funded local journalism", group: "independent publishers",
            facts: [
                "Local newspaper advertising revenue fell by more than 70 per cent between 2007 and 2022.",
                "Membership models typically convert between 1 and 5 per cent of regular readers into paying supporters.",
                "Newsrooms that keep their journalism free to read tend to attract more members than those behind paywalls.",
            ],
            quotes: [
                (
                    "Clara Jansen", "researcher on news business models",
                    "Readers pay for a newsroom they feel is theirs, not for access to an article."
                )
            ],
            words: 1000,
            syndication: Syndication(
                outlet: "Riverside Chronicle", originalURL: "https://riverside-chronicle.example/analysis/members-not-ads"), comments: 9),
        SampleStory(
            title: "Watch: students build a solar car in twelve weeks",
            standfirst: "A team from the technical college designed, welded and wired a car that can run all day on sunlight.",
            section: "video", kind: .video, authors: [5, 4], tags: ["Schools", "Energy", "Science"],
            subject: "the solar car project", group: "technical college",
            facts: [
                "The car weighs 190 kilograms and has four square metres of solar panels.",
                "It reached 62 km/h on its first test run at the old airfield.",
            ],
            quotes: [
                ("Jonas Eriksen", "lecturer in engineering", "They learned more in twelve weeks than in a year of worksheets.")
            ],
            words: 350, embed: "https://www.youtube.com/watch?v=ysz5S6PUM-U&t=42"),
        SampleStory(
            title: "Heat pump grants run out in six weeks as demand surges",
            standfirst: "The town's home energy scheme has spent its whole annual budget, and applications are now closed until April.",
            section: "news", kind: .news, authors: [1], tags: ["Energy", "Housing"],
            subject: "the heat pump grant scheme", group: "energy agency",
            facts: [
                "The scheme paid for 310 heat pumps, more than in the previous three years combined.",
                "Installers say waiting times have risen to four months.",
            ],
            quotes: [
                ("Fatima Sheikh", "director of the energy agency", "It is a good problem to have, but we need a bigger budget next year.")
            ],
            words: 480),
        SampleStory(
            title: "Night buses are a matter of safety, not convenience",
            standfirst: "Hospital cleaners, bar staff and bakers start and finish work when the buses have stopped. That should change.",
            section: "opinion", kind: .opinion, authors: [4], tags: ["Buses", "Work"],
            subject: "night buses", group: "transport board",
            facts: [
                "The last bus from the town centre leaves at 23:40 on weekdays.",
                "About 2,600 people in Riverton work shifts that start or end between midnight and five in the morning.",
            ],
            quotes: [
                ("Grace Adu", "a cleaner at the hospital", "I walk forty minutes home at one in the morning. In winter it is frightening.")
            ],
            words: 600, comments: 4),
        SampleStory(
            title: "Inside the print studio keeping letterpress alive",
            standfirst: "Two printers and a room full of wooden type are teaching a new generation to set words by hand.",
            section: "culture", kind: .news, authors: [3], tags: ["Crafts", "Printing"],
            subject: "the letterpress studio", group: "studio",
            facts: [
                "The studio owns more than 400 cases of wood and metal type, much of it rescued from closing print shops.",
                "Its weekend courses are booked up four months ahead.",
            ],
            quotes: [
                ("Bernard Ollier", "co-founder of the studio", "When you set a line by hand, you think about every word.")
            ],
            words: 520),
        SampleStory(
            title: "Understanding the river's flood risk, street by street",
            standfirst:
                "New maps show which streets would flood in a once-a-century event, and how that picture changes as the climate warms.",
            section: "analysis", kind: .analysis, authors: [1, 2], tags: ["Flooding", "River", "Data"],
            subject: "flood risk", group: "river authority",
            facts: [
                "About 1,900 homes are in the area that would flood in a once-a-century event without defences.",
                "With the new barrier, the number falls to around 300, mostly in the Lowfields area.",
                "By 2080, under a middle emissions scenario, the same event is expected roughly twice as often.",
            ],
            quotes: [
                ("Aisha Bello", "senior engineer at the river authority", "Defences buy time. They do not make the river go away.")
            ],
            words: 1200, comments: 7),
        SampleStory(
            title: "Book club at the prison library marks its tenth year",
            standfirst: "More than 300 men have taken part since 2016. Several now run reading groups of their own.",
            section: "culture", kind: .news, authors: [3], tags: ["Books", "Libraries"],
            subject: "the prison book club", group: "prison education team",
            facts: [
                "The club meets every fortnight and reads everything from crime novels to poetry.",
                "Former members have set up reading groups in two hostels in the town.",
            ],
            quotes: [
                ("Simon Reid", "librarian at the prison", "A book gives a man somewhere else to be for an hour.")
            ],
            words: 560, comments: 3),
        SampleStory(
            title: "What happened when the city made buses free on Saturdays",
            standfirst: "A year-long trial brought more people into town and more money into its shops. It also cost more than expected.",
            section: "analysis", kind: .analysis, authors: [2], tags: ["Buses", "Town centre", "Data"],
            subject: "free Saturday buses", group: "transport board",
            facts: [
                "Saturday bus journeys rose by 41 per cent during the trial.",
                "Town-centre card spending on Saturdays rose by about 6 per cent compared with similar towns.",
                "The trial cost 610,000, a third more than budgeted, largely because extra buses were needed.",
            ],
            quotes: [
                ("Helen Marsh", "chair of the transport committee", "It worked. The question now is whether we can afford success.")
            ],
            words: 900, comments: 5),
        SampleStory(
            title: "We should celebrate our volunteer firefighters more",
            standfirst: "Forty-one people in the valley carry a pager and leave their jobs when it goes off. Most of us never notice.",
            section: "opinion", kind: .opinion, authors: [5], tags: ["Emergencies", "Volunteers"],
            subject: "volunteer firefighters", group: "fire service",
            facts: [
                "The valley's two retained fire stations answered 530 calls last year.",
                "Recruitment has become harder as fewer people work near the stations.",
            ],
            quotes: [
                (
                    "Station Manager Priti Sandhu", "who leads the Upper Ford station",
                    "Every employer who lets someone go when the pager sounds is part of this service."
                )
            ],
            words: 560),
        SampleStory(
            title: "Local bakery's sourdough starter turns fifty",
            standfirst: "It has survived two floods, three owners and a power cut in 1987. On Saturday the bakery is throwing it a party.",
            section: "culture", kind: .news, authors: [3], tags: ["Food", "Shops"],
            subject: "the fifty-year-old sourdough starter", group: "bakery",
            facts: [
                "The starter was begun in 1976 by the bakery's founder, Greta Holm, with flour from the mill upstream.",
                "Samples have been sent to a university lab, which found eleven strains of yeast and bacteria.",
            ],
            quotes: [
                ("Ivo Marić", "the bakery's current owner", "I feed it before I feed myself.")
            ],
            words: 450,
            syndication: Syndication(
                outlet: "Riverside Chronicle", originalURL: "https://riverside-chronicle.example/food/sourdough-fifty"), comments: 6),
        SampleStory(
            title: "Video: the last ferry crossing of the season",
            standfirst: "The little ferry to the island stops for the winter. We went along for the final trip.",
            section: "video", kind: .video, authors: [5], tags: ["River", "Transport"],
            subject: "the island ferry", group: "ferry co-operative",
            facts: [
                "The ferry has carried passengers across the estuary every summer since 1952.",
                "This year it made 4,100 crossings, a record.",
            ],
            quotes: [
                ("Pieter de Wit", "the ferry's skipper for 22 summers", "I know every sandbank by name. They change every winter anyway.")
            ],
            words: 340, embed: "https://www.youtube.com/embed/9bZkp7q19f0"),
    ]
}

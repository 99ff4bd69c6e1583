"""Seeded synthetic news corpus for the throughput benchmark (scripts/bench).

    python3 scripts/bench_corpus.py --mb 100 --seed 1 -o /tmp/corpus.jsonl

Writes JSON Lines articles ({"id","title","source","url","published","text"})
until the file reaches the requested size.  Articles are made from the
sentence templates below: a dateline, 6-30 sentences about two to four
actors (leaders with or without titles, governments, capitals, ministries,
organisations, armed forces, protesters), diplomatic verbs in several
sentence shapes (active, passive, reported speech, quotes, negation,
infinitive complements, appositions), time expressions of every kind, and
the filler a wire story carries (markets, weather, bylines).  The same seed
always gives the same bytes.  generate() returns (articles, sentences, bytes):
every template is exactly one sentence.

The names are public figures and places; the sentences are the project's own.
"""
import argparse
import json
import random
import sys

# country code, name, adjective, capital, head of state or government, foreign minister
COUNTRIES = [
    ("USA", "the United States", "American", "Washington", "Joe Biden", "Antony Blinken"),
    ("RUS", "Russia", "Russian", "Moscow", "Vladimir Putin", "Sergey Lavrov"),
    ("UKR", "Ukraine", "Ukrainian", "Kyiv", "Volodymyr Zelensky", "Dmytro Kuleba"),
    ("GBR", "Britain", "British", "London", "Boris Johnson", "Liz Truss"),
    ("FRA", "France", "French", "Paris", "Emmanuel Macron", "Jean-Yves Le Drian"),
    ("DEU", "Germany", "German", "Berlin", "Olaf Scholz", "Annalena Baerbock"),
    ("CHN", "China", "Chinese", "Beijing", "Xi Jinping", "Wang Yi"),
    ("BLR", "Belarus", "Belarusian", "Minsk", "Alexander Lukashenko", "Vladimir Makei"),
    ("POL", "Poland", "Polish", "Warsaw", "Andrzej Duda", "Zbigniew Rau"),
    ("TUR", "Turkey", "Turkish", "Ankara", "Recep Tayyip Erdogan", "Mevlut Cavusoglu"),
    ("ITA", "Italy", "Italian", "Rome", "Mario Draghi", "Luigi Di Maio"),
    ("JPN", "Japan", "Japanese", "Tokyo", "Fumio Kishida", "Yoshimasa Hayashi"),
    ("IND", "India", "Indian", "New Delhi", "Narendra Modi", "Subrahmanyam Jaishankar"),
    ("IRN", "Iran", "Iranian", "Tehran", "Ebrahim Raisi", "Hossein Amir-Abdollahian"),
    ("ISR", "Israel", "Israeli", "Jerusalem", "Naftali Bennett", "Yair Lapid"),
    ("CAN", "Canada", "Canadian", "Ottawa", "Justin Trudeau", "Melanie Joly"),
    ("ESP", "Spain", "Spanish", "Madrid", "Pedro Sanchez", "Jose Manuel Albares"),
    ("HUN", "Hungary", "Hungarian", "Budapest", "Viktor Orban", "Peter Szijjarto"),
    ("LTU", "Lithuania", "Lithuanian", "Vilnius", "Gitanas Nauseda", "Gabrielius Landsbergis"),
    ("EST", "Estonia", "Estonian", "Tallinn", "Kaja Kallas", "Eva-Maria Liimets"),
    ("KAZ", "Kazakhstan", "Kazakh", "Astana", "Kassym-Jomart Tokayev", "Mukhtar Tileuberdi"),
    ("SAU", "Saudi Arabia", "Saudi", "Riyadh", "Mohammed bin Salman", "Faisal bin Farhan"),
    ("EGY", "Egypt", "Egyptian", "Cairo", "Abdel Fattah al-Sisi", "Sameh Shoukry"),
    ("BRA", "Brazil", "Brazilian", "Brasilia", "Jair Bolsonaro", "Carlos Franca"),
    ("MEX", "Mexico", "Mexican", "Mexico City", "Andres Manuel Lopez Obrador", "Marcelo Ebrard"),
    ("ZAF", "South Africa", "South African", "Pretoria", "Cyril Ramaphosa", "Naledi Pandor"),
    ("NGA", "Nigeria", "Nigerian", "Abuja", "Muhammadu Buhari", "Geoffrey Onyeama"),
    ("KOR", "South Korea", "South Korean", "Seoul", "Moon Jae-in", "Chung Eui-yong"),
    ("PRK", "North Korea", "North Korean", "Pyongyang", "Kim Jong Un", "Choe Son Hui"),
    ("AUS", "Australia", "Australian", "Canberra", "Scott Morrison", "Marise Payne"),
    ("SYR", "Syria", "Syrian", "Damascus", "Bashar al-Assad", "Faisal Mekdad"),
    ("GEO", "Georgia", "Georgian", "Tbilisi", "Irakli Garibashvili", "David Zalkaliani"),
    ("MDA", "Moldova", "Moldovan", "Chisinau", "Maia Sandu", "Nicu Popescu"),
    ("FIN", "Finland", "Finnish", "Helsinki", "Sauli Niinisto", "Pekka Haavisto"),
    ("SWE", "Sweden", "Swedish", "Stockholm", "Magdalena Andersson", "Ann Linde"),
    ("NOR", "Norway", "Norwegian", "Oslo", "Jonas Gahr Store", "Anniken Huitfeldt"),
    ("PAK", "Pakistan", "Pakistani", "Islamabad", "Imran Khan", "Shah Mahmood Qureshi"),
    ("AFG", "Afghanistan", "Afghan", "Kabul", "Hibatullah Akhundzada", "Amir Khan Muttaqi"),
    ("VEN", "Venezuela", "Venezuelan", "Caracas", "Nicolas Maduro", "Felix Plasencia"),
    ("ARM", "Armenia", "Armenian", "Yerevan", "Nikol Pashinyan", "Ararat Mirzoyan"),
    ("AZE", "Azerbaijan", "Azerbaijani", "Baku", "Ilham Aliyev", "Jeyhun Bayramov"),
    ("SRB", "Serbia", "Serbian", "Belgrade", "Aleksandar Vucic", "Nikola Selakovic"),
]
ORGS = ["NATO", "the European Union", "the United Nations", "the OSCE", "the International Monetary Fund",
        "the African Union", "the Arab League", "the G7", "the World Bank", "the UN Security Council"]
HEAD_TITLES = ["President", "Prime Minister", "Chancellor", "leader"]
FM_TITLES = ["Foreign Minister", "foreign minister", "top diplomat"]
BODIES = ["government", "foreign ministry", "defence ministry", "military", "parliament", "armed forces",
          "opposition", "central bank", "security services", "embassy"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SOURCES = ["Dipline Wire", "Example News", "The Daily Sample", "Synthetic Press", "Bench Times", "Corpus Herald"]
TOPICS = ["arms control", "energy supplies", "the border dispute", "grain exports", "prisoner exchanges",
          "a ceasefire", "trade tariffs", "nuclear talks", "maritime security", "visa rules", "refugees",
          "troop movements", "cyber attacks", "sanctions relief", "gas transit", "election monitoring"]
ACCUSATIONS = ["violating the ceasefire", "meddling in its elections", "spreading disinformation",
               "massing troops near the border", "supporting separatists", "breaking the agreement",
               "spying on its diplomats", "blocking aid convoys", "launching cyber attacks"]
DEMANDS = ["withdraw its troops", "release the detained journalists", "return to the negotiating table",
           "halt the military exercises", "open the border crossings", "respect the agreement",
           "stop the shelling", "allow international observers in"]
QUOTES = ["We will not be intimidated", "The door to diplomacy remains open", "This is a dangerous escalation",
          "Our patience has limits", "We want peace, not war", "Nobody wins a trade war",
          "Dialogue is the only way forward", "Every option is on the table", "We stand by our partners"]
NUMBERS = ["two", "three", "four", "five", "six", "ten", "a dozen", "12", "15", "20", "35", "100,000"]
FILLER = [
    "Markets in {cap} fell sharply as investors weighed the risk of a wider conflict.",
    "The talks lasted {num} hours, according to a person familiar with them.",
    "Oil prices rose by {num} per cent in early trading.",
    "Snow fell across much of {cap} as delegations arrived for the meeting.",
    "Analysts said the outcome of the talks remained uncertain.",
    "Diplomats described the mood as tense but businesslike.",
    "The statement did not give further details.",
    "Officials declined to say when the next round would take place.",
    "Reporting by {name}; editing by {name2}.",
    "Additional reporting by {name} in {cap}.",
    "The ministry did not respond to a request for comment.",
    "Thousands of people gathered in central {cap} on {day} evening.",
    "The currency weakened to its lowest level in {num} months.",
    "Mr. {sur} has held the post since {year}.",
    "The two countries have been at odds over {topic} for much of the past decade, and previous rounds of talks "
    "ended without agreement.",
    "Trade between them fell by {num} per cent last year, according to official figures, the steepest drop since "
    "the financial crisis.",
    "Critics say the government has done too little to prepare for a long confrontation, while supporters argue "
    "that patience is paying off.",
    "The region has seen repeated flare-ups since a ceasefire was agreed in {year}, with both sides trading blame "
    "for violations.",
    "Opinion polls suggest that a majority of voters support a tougher line, though many fear the economic cost.",
]
# Clauses around a sentence, as wire copy has them (most sentences get one).
LEADS = ["Speaking after the talks, ", "In a statement released late at night, ", "At a news conference in {cap}, ",
         "Despite growing pressure at home, ", "In a sharp escalation of the dispute, ", "For the first time in years, ",
         "According to officials briefed on the matter, ", "In remarks broadcast on state television, "]
TAILS = [", the ministry said in a statement", ", according to state media", ", officials said",
         " amid rising tension over {topic}", ", a move that analysts said could deepen the rift",
         " as diplomats scrambled to contain the fallout", ", in the latest sign of strained relations",
         ", two people familiar with the matter said", " after weeks of tense negotiations over {topic}",
         ", raising fears of a wider crisis in the region"]
REPORTERS = ["Anna Novak", "Peter Grant", "Maria Lopez", "Tom Okafor", "Lena Fischer", "Ivan Petrenko",
             "Sara Haddad", "Ken Sato", "Julia Costa", "David Mensah"]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def date_expr(self, pub_day):
        r = self.r.random()
        if r < 0.25:
            return "on " + self.pick(DAYS)
        if r < 0.35:
            return self.pick(["yesterday", "today", "last week", "earlier this month", "last month",
                              "this week", "late on " + self.pick(DAYS), "on " + self.pick(DAYS) + " night"])
        if r < 0.5:
            return "on %d %s" % (self.r.randint(1, 28), self.pick(MONTHS))
        if r < 0.6:
            return "on %s %d" % (self.pick(MONTHS), self.r.randint(1, 28))
        if r < 0.65:
            return "in " + self.pick(MONTHS)
        return ""

    def actor(self, c, first):
        """A phrase naming country c: its leader, minister, government, capital or people."""
        code, name, adj, cap, head, fm = c
        r = self.r.random()
        sur = head.split()[-1]
        if r < 0.15:
            return "%s %s %s" % (adj, self.pick(HEAD_TITLES), head) if first else "Mr. " + sur
        if r < 0.25:
            return "%s %s of %s" % (self.pick(HEAD_TITLES), head, name)
        if r < 0.35:
            return "%s %s %s" % (adj, self.pick(FM_TITLES), fm)
        if r < 0.45:
            return head if first else sur
        if r < 0.6:
            return name[0].upper() + name[1:]
        if r < 0.7:
            return "the %s %s" % (adj, self.pick(BODIES))
        if r < 0.78:
            return cap
        if r < 0.85:
            return "%s %s" % (adj, self.pick(["officials", "diplomats", "troops", "protesters", "lawmakers"]))
        return self.pick(ORGS)

    def sentence(self, a, t, cs, pub):
        """One sentence about actor a and target t (phrases), or filler."""
        p = self.r.random()
        d = self.date_expr(pub)
        D = (" " + d) if d else ""
        topic, acc, dem, q = self.pick(TOPICS), self.pick(ACCUSATIONS), self.pick(DEMANDS), self.pick(QUOTES)
        cap = self.pick(cs)[3]
        forms = [
            "{A} accused {T}{D} of {acc}.",
            "{A} met {T} in {cap}{D} to discuss {topic}.",
            "{A} said{D} that {T} must {dem}.",
            "{A} condemned {T} for {acc}.",
            "{A} threatened to impose sanctions on {T} if it did not {dem}.",
            "{A} and {T} signed an agreement on {topic}{D}.",
            "In a phone call{D}, {A} urged {T} to {dem}.",
            "{A} praised {T} for its help with {topic}.",
            "{A} rejected a proposal from {T} on {topic}.",
            "{A} will visit {cap} next week for talks with {T}, officials said.",
            "{T} was criticised by {A}{D} over {topic}.",
            "\u201c{q},\u201d {A} told reporters{D}.",
            "{A} expelled {num} diplomats from {T}{D}, citing {acc}.",
            "{A} announced new sanctions against {T}{D}.",
            "{A} did not rule out talks with {T} on {topic}.",
            "{A}, speaking in {cap}{D}, warned {T} against {acc}.",
            "{A} welcomed the decision by {T} to {dem}.",
            "{A} denied that it had been {acc}.",
            "{A} agreed to meet {T} later this month.",
            "{A} called on {T} to {dem}, saying {q2}.",
            "{A} hosted {T} for talks on {topic}{D}.",
            "{A} demanded that {T} {dem} within {num} days.",
        ]
        if p < 0.25:
            f = self.pick(FILLER)
        else:
            f = self.pick(forms)
            r = self.r.random()
            if r < 0.3 and f.startswith("{A}"):
                f = self.pick(LEADS) + f
            elif r < 0.8 and f.endswith("."):
                f = f[:-1] + self.pick(TAILS) + "."
        s = f.format(A=a, T=t, D=D, acc=acc, topic=topic, dem=dem, q=q, q2=q[0].lower() + q[1:], cap=cap,
                     num=self.pick(NUMBERS), name=self.pick(REPORTERS), name2=self.pick(REPORTERS),
                     day=self.pick(DAYS), sur=self.pick(cs)[4].split()[-1], year=self.r.randint(2010, 2021))
        return s[0].upper() + s[1:] if s[0].islower() else s

    def article(self, n, seed):
        r = self.r
        y, m, dd = r.randint(2015, 2024), r.randint(1, 12), r.randint(1, 28)
        pub = "%04d-%02d-%02d" % (y, m, dd)
        if r.random() < 0.5:
            pub += "T%02d:%02d:00Z" % (r.randint(0, 23), r.randint(0, 59))
        cs = r.sample(COUNTRIES, r.randint(2, 4))
        src = self.pick(SOURCES)
        sents = []
        for i in range(r.randint(6, 30)):
            a, t = r.sample(cs, 2)
            sents.append(self.sentence(self.actor(a, i < 3), self.actor(t, i < 3), cs, pub))
        lead = "%s (%s) \u2014 " % (cs[0][3].upper(), src)
        paras, k = [], 0
        while k < len(sents):
            step = r.randint(1, 3)
            paras.append(" ".join(sents[k:k + step]))
            k += step
        text = lead + "\n\n".join(paras)
        title = sents[0].rstrip(".")[:90]
        art = {"id": "bench-%d-%d" % (seed, n), "title": title, "source": src,
               "url": "https://example.org/%s/%d" % (src.lower().replace(" ", "-"), n),
               "published": pub, "text": text}
        return json.dumps(art, ensure_ascii=False), len(sents)


def generate(path, mb, seed=1):
    """Write about `mb` megabytes of articles to path; return (articles, sentences, bytes)."""
    g = Gen(seed)
    target = int(mb * 1e6)
    n = sents = size = 0
    with open(path, "w", encoding="utf-8") as f:
        chunk = []
        while size < target:
            line, ns = g.article(n, seed)
            chunk.append(line)
            n += 1
            sents += ns
            size += len(line.encode("utf-8")) + 1
            if len(chunk) >= 1000:
                f.write("\n".join(chunk) + "\n")
                chunk = []
        if chunk:
            f.write("\n".join(chunk) + "\n")
    return n, sents, size


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    n, s, b = generate(args.output, args.mb, args.seed)
    print("%d articles, %d sentences, %.1f MB" % (n, s, b / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()

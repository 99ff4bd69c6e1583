#!/usr/bin/env python3
"""Build data/places.txt (cities, towns, regions and provinces, each with the country it
lies in) from Princeton WordNet 3.0, which Debian ships as the package wordnet-base.

    tools/wordnet_places.py [/usr/share/wordnet] > data/places.txt

A place is a noun.location instance ("Basra: an instance of city, part of Iraq").  Its
country is found by walking WordNet's part-holonym links ("Kirkuk" -> "Iraq",
"Grozny" -> "Chechnya" -> "Russia") to a synset whose name is a country of
data/countries.txt.  Names are left out when they would do more harm than good in news
text:

  * the lower-case word is an ordinary English word ("Nice", "Split", "Mobile");
  * the name has a sense that is not a place (a person: "Columbus", "Lincoln");
  * the name lies in two countries ("Tripoli": Libya and Lebanon) or in none;
  * the name is already a country, capital or organisation name in data/.

data/src/places_hand.txt adds places WordNet lacks (Fallujah, Luhansk) and corrects its
readings; its names win over WordNet's, and names under its DROP heading are left out.

Places are not actors: they give the country of a location ("curfew in Kirkuk"), which
CAMEO coders use as the target of coercion and force, and of agents ("police in Basra").
WordNet's licence (BSD-like, "WordNet 3.0 Copyright 2006 by Princeton University") allows
this use with the notice that data/CREDITS.md carries.
"""
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(HERE), "data")


def read_synsets(path):
    """offset -> (lexfile, [words], [(symbol, offset)], gloss) for data.noun."""
    out = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            body, _, gloss = line.partition(" | ")
            t = body.split()
            off, lexf = t[0], int(t[1])
            nw = int(t[3], 16)
            words = [t[4 + 2 * k] for k in range(nw)]
            p = 4 + 2 * nw
            npt = int(t[p])
            ptrs = []
            for k in range(npt):
                sym, o, pos = t[p + 1 + 4 * k], t[p + 2 + 4 * k], t[p + 3 + 4 * k]
                if pos == "n":
                    ptrs.append((sym, o))
            out[off] = (lexf, words, ptrs, gloss.strip())
    return out


def common_words(wn):
    """Ordinary English words: lemmas written in lower case in a synset ("nice",
    "split", "bath") that are adjectives, verbs or adverbs, or nouns used at least
    once in WordNet's sense-tagged corpus (cntlist.rev) -- so "texas", a steamboat's
    deck that nobody writes about, does not hide the state.  The index files are all
    lower case; the synsets keep the case."""
    lower = {}
    for pos in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(wn, "data." + pos), encoding="latin-1") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                t = line.split(" ", 4 + 2 * 60)
                nw = int(t[3], 16)
                for k in range(nw):
                    w = t[4 + 2 * k].rsplit("(", 1)[0]
                    if w == w.lower():
                        lower[w] = True if pos != "noun" else lower.get(w, False)
    tagged = set()
    with open(os.path.join(wn, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, _, rest = line.partition(" ")
            lemma, _, lex = key.partition("%")
            parts = lex.split(":")
            if len(parts) > 1 and parts[1] not in ("15", "18") and int(rest.split()[1]) > 0:
                tagged.add(lemma)
    return {w for w, other_pos in lower.items() if other_pos or w in tagged}


def dictionary_names():
    """Country names (code -> set of lower-case names) and every name already in data/."""
    countries = defaultdict(set)
    taken = set()
    cur = None
    for fn in ("countries.txt", "orgs.txt"):
        with open(os.path.join(DATA, fn), encoding="utf-8") as f:
            for line in f:
                raw = line.rstrip("\n")
                s = raw.split("#", 1)[0].strip()
                if not s:
                    continue
                if not raw.startswith((" ", "\t")):
                    kind, _, rest = s.partition(" ")
                    parts = [p.strip() for p in rest.split("|")]
                    cur = parts[0] if kind == "COUNTRY" else None
                    for p in parts[1:2] if kind == "COUNTRY" else parts:
                        taken.add(p.lower())
                        if cur:
                            countries[cur].add(p.lower())
                    continue
                key, _, rest = s.partition(" ")
                if key == "seat":
                    rest = rest.partition(" ")[2]
                for p in rest.split("|"):
                    p = p.strip().lower()
                    if not p:
                        continue
                    taken.add(p)
                    if cur and key == "=":
                        countries[cur].add(p)
    return countries, taken


def main():
    wn = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
    syn = read_synsets(os.path.join(wn, "data.noun"))
    common = common_words(wn)
    countries, taken = dictionary_names()
    by_name = defaultdict(set)
    for code, names in countries.items():
        for n in names:
            by_name[n].add(code)

    def names_of(off):
        return [w.rsplit("(", 1)[0].replace("_", " ") for w in syn[off][1]]

    def instance_classes(off):
        return {o for s, o in syn[off][2] if s == "@i"}

    # country synsets: a location whose name is a country's; where a name has several
    # location synsets (Georgia the country, Georgia the US state) keep those whose
    # class is shared by countries that are unambiguous
    cand = defaultdict(list)  # code -> offsets
    for off, (lexf, words, ptrs, gloss) in syn.items():
        if lexf != 15 or not instance_classes(off):
            continue
        codes = set()
        for n in names_of(off):
            codes |= by_name.get(n.lower(), set())
        if len(codes) == 1:
            cand[codes.pop()].append(off)
    class_votes = defaultdict(int)
    for code, offs in cand.items():
        if len(offs) == 1:
            for k in instance_classes(offs[0]):
                class_votes[k] += 1
    country_classes = {k for k, v in class_votes.items() if v >= 2}
    country_of = {}
    for code, offs in cand.items():
        # "Georgia" the republic, not the US state; but "West Bank" and "Gaza
        # Strip", both regions, are both PSE
        sovereign = [o for o in offs if instance_classes(o) & country_classes]
        for o in sovereign or offs:
            country_of[o] = code

    def reach(off):
        """The countries a place lies in, by the shortest part-holonym path."""
        frontier, seen = [off], {off}
        for _ in range(5):
            nxt, found = [], set()
            for o in frontier:
                for s, p in syn[o][2]:
                    if s != "#p" or p in seen:
                        continue
                    seen.add(p)
                    if p in country_of:
                        found.add(country_of[p])
                    else:
                        nxt.append(p)
            if found:
                return found
            frontier = nxt
        return set()

    # every sense of each capitalised name: a name that is also a person's
    # ("Columbus", "Lincoln") is not taken
    senses = defaultdict(set)
    for off, (lexf, words, ptrs, gloss) in syn.items():
        for n in names_of(off):
            senses[n].add(lexf)

    places = defaultdict(dict)  # name -> {code: offset}
    for off, (lexf, words, ptrs, gloss) in syn.items():
        if lexf != 15 or off in country_of or not instance_classes(off):
            continue
        codes = reach(off)
        if len(codes) != 1:
            continue
        code = next(iter(codes))
        for n in names_of(off):
            places[n][code] = off
    by_country = defaultdict(list)
    for n, codes in places.items():
        if len(codes) != 1 or 18 in senses[n]:
            continue
        if not re.fullmatch(r"[A-Z][A-Za-z'.-]*( [A-Z][A-Za-z'.-]*)*", n) or len(n) < 4:
            continue
        if n.lower() in common or n.lower().replace(" ", "_") in common or n.lower() in taken:
            continue
        by_country[next(iter(codes))].append(n)

    # data/src/places_hand.txt: added, and winning over WordNet for its names
    hand = defaultdict(list)
    cur = None
    with open(os.path.join(DATA, "src", "places_hand.txt"), encoding="utf-8") as f:
        for line in f:
            t = line.split("#", 1)[0].strip()
            if t.startswith("PLACES "):
                cur = t.split()[1]
            elif t == "DROP":
                cur = "DROP"
            elif t.startswith("place ") and cur:
                hand[cur] += [n.strip() for n in t[6:].split("|") if n.strip()]
    hand_names = {n.lower() for names in hand.values() for n in names}
    for code in by_country:
        by_country[code] = [n for n in by_country[code] if n.lower() not in hand_names]
    for code, names in hand.items():
        if code != "DROP":
            by_country[code] += names

    print("# GENERATED by tools/wordnet_places.py from Princeton WordNet 3.0 (Debian package")
    print("# wordnet-base) -- do not edit: change the importer and rerun it.")
    print("# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved;")
    print("# used under the WordNet licence, see data/CREDITS.md.")
    print("# PLACES records: cities, towns and regions of a country (data/FORMAT.md); the")
    print("# names from data/src/places_hand.txt are dipline's own.")
    total = 0
    for code in sorted(by_country):
        names = sorted(set(by_country[code]))
        total += len(names)
        print()
        print(f"PLACES {code}")
        line = []
        for n in names:
            line.append(n)
            if len(" | ".join(line)) > 80:
                print("  place " + " | ".join(line))
                line = []
        if line:
            print("  place " + " | ".join(line))
    print(f"wordnet_places: {total} places in {len(by_country)} countries", file=sys.stderr)


if __name__ == "__main__":
    main()

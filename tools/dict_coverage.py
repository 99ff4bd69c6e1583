#!/usr/bin/env python3
"""How much of a gold set's actors the actor dictionaries can name: a quick, loader-free
measure of dictionary coverage (not of the coder).

    tools/dict_coverage.py ../shared/eval/official ../shared/eval/plover-gsr
    tools/dict_coverage.py --dicts data/countries.txt data/orgs.txt -- ../shared/eval/official

For every gold event slot (actor, target) with a country code, the sentence is tokenised
roughly as the C tokeniser does (case-folded, quotes straightened, "'s" split off) and
every dictionary phrase found in it (country and organisation names, adjectives, demonyms,
capitals and seats; people's names and surnames; office titles that name a default country,
"the Chancellor" @DEU) contributes the codes it names (a person contributes their country
and the codes of all their roles).  Pronouns and anaphora are out of its reach.  A slot is "named" when its
gold code is among them.  "Spurious" counts codes found in sentences that the gold
events of that sentence never use -- an upper bound on false matches, since the gold
annotates only some of the actors a sentence mentions.
"""
import argparse
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_dicts  # noqa: E402  (the parser; stdlib only)

ROOT = check_dicts.ROOT


def tokens(text):
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    out = []
    for m in re.finditer(r"(?:[A-Za-z]\.){2,}|[^\W\d_]+(?:'[^\W\d_]+)*|\d+|\S", text):
        t = m.group(0).casefold()
        if t.endswith("'s") and len(t) > 2:
            out.extend([t[:-2], "'s"])
        else:
            out.append(t)
    return out


def build_index(paths):
    rep = check_dicts.Report()
    recs = []
    for p in paths:
        recs.extend(check_dicts.parse_file(p, rep))
    index = {}

    def add(phrase, codes):
        key = tuple(tokens(phrase))
        if key:
            index.setdefault(key, set()).update(codes)

    for r in recs:
        if r.kind == "ROLE":
            for _, _, payload in r.details:       # titles with a default country only
                for it in payload:
                    text, at = check_dicts.split_at(it)
                    if at:
                        add(text, set(at))
        if r.kind in ("COUNTRY", "ORG") and len(r.fields) >= 2:
            code = r.fields[0]
            add(r.fields[1], {code})
            for kw, _, payload in r.details:
                items = payload[1] if kw == "seat" else payload
                for it in items:
                    add(it, {code})
        elif r.kind == "PERSON" and len(r.fields) == 3:
            codes = {r.fields[1]}
            names = [r.fields[0]]
            for kw, _, payload in r.details:
                if kw == "=":
                    names.extend(payload)
                elif kw == "role" and payload:
                    codes.add(payload[0])
            for n in names:
                add(n, codes)
                add(check_dicts.surname(n), codes)
    return index


def found_codes(sentence, index, maxlen=8):
    toks = tokens(sentence)
    codes = set()
    i = 0
    while i < len(toks):
        for n in range(min(maxlen, len(toks) - i), 0, -1):
            key = tuple(toks[i:i + n])
            if key in index:
                codes |= index[key]
                i += n
                break
        else:
            i += 1
    return codes


def measure(gold_dir, index):
    slots = named = spurious = sentences = 0
    for f in sorted(glob.glob(os.path.join(gold_dir, "gold", "*.json"))):
        data = json.load(open(f, encoding="utf-8"))
        events = data["events"] if isinstance(data, dict) else data
        by_sentence = {}
        for e in events:
            by_sentence.setdefault(e.get("sentence", ""), []).append(e)
        for sentence, evs in by_sentence.items():
            codes = found_codes(sentence, index)
            gold = set()
            for e in evs:
                for k in ("actor_country", "target_country"):
                    c = e.get(k)
                    if c:
                        gold.add(c)
                        slots += 1
                        named += c in codes
            sentences += 1
            spurious += len(codes - gold)
    return slots, named, spurious, sentences


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dicts", nargs="+", help="actor files (default: the bundled ones)")
    ap.add_argument("gold", nargs="+", help="gold-set folders with gold/*.json")
    a = ap.parse_args()
    dicts = a.dicts or [os.path.join(ROOT, "data", f) for f in (
        "countries.txt", "orgs.txt", "people.txt", "leaders.txt", "roles.txt")]
    index = build_index(dicts)
    print(f"{'gold set':<28}{'slots':>7}{'named':>8}{'recall':>8}{'spurious/sent':>15}")
    for g in a.gold:
        slots, named, spurious, sentences = measure(g, index)
        name = os.path.basename(os.path.normpath(g))
        print(f"{name:<28}{slots:>7}{named:>8}{named / max(slots, 1):>8.1%}"
              f"{spurious / max(sentences, 1):>15.2f}")


if __name__ == "__main__":
    main()

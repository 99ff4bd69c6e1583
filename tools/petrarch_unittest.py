#!/usr/bin/env python3
"""Run PETRARCH-2's unit-test records through dipline with PETRARCH's own
validation dictionaries, and count the expected codings reproduced.

    tools/petrarch_unittest.py [--dipline build/dipline]
        [--petrarch ../shared/reference/petrarch2] [--min-exact N] [-v]

Each <Sentence> record of PETR.UnitTest.records.xml gives a text, a date and
the expected <EventCoding> elements; the parse trees are ignored (dipline
does its own reading).  All records go to one `dipline extract` run as JSON
Lines articles (id = record id, published = record date) with
  --verbs PETR.Validate.verbs.txt --actors PETR.Validate.actors.txt
  --agents PETR.Validate.agents.txt
and the events of each record are compared with its expected codings.

How codes are compared.  dipline writes an actor as a country (ISO 3166 or an
organisation code) and a sector; PETRARCH as one CAMEO code.  The expected
code is split the way dipline reads PETRARCH dictionaries
(data/petrarch_codes.txt: the longest organisation prefix, IGOUNO -> UN, else
the first three letters are the country; the rest is the sector, which
dipline keeps to 7 letters).  "---" means no actor (no target), "---GOV" a
sector without a country.  Two measures:
  exact    source country+sector, target country+sector and event code equal
  country  source and target country equal, and the event code
An event matches at most one expected coding.  Records that expect no event
(noevents) or an error (discards, datelines, bad parse trees: PETRARCH codes
nothing) count as reproduced when dipline codes nothing for them.  Codings
naming a new actor by its words ('"THE MINISTRY OF MAGIC"', PETRARCH's
new-actor detection) cannot be reproduced and count as missed.

Prints the figures; exit 1 when --min-exact is given and not reached, 77
(skip) when the PETRARCH files are absent.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_code_table(path):
    orgs, sectors = [], set()
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].split()
        if len(line) == 3 and line[0] == "ORG":
            orgs.append((line[1], line[2]))
        elif line and line[0] == "SECTOR":
            sectors.update(line[1:])
    orgs.sort(key=lambda o: -len(o[0]))
    return orgs, sectors


def split_code(code, table):
    """(country or None, sector) of a CAMEO code; None for a null code."""
    orgs, sectors = table
    code = code.strip().upper()
    if not code or code[0] in "+#" or code == "---":
        return None
    if code.startswith("---"):
        return (None, code[3:][:7])
    for prefix, ours in orgs:
        if code.startswith(prefix):
            return (ours, code[len(prefix):][:7])
    if code in sectors:
        return (None, code)
    return (code[:3], code[3:][:7])


def ours(entity):
    if not entity:
        return None
    return (entity.get("country") or None, (entity.get("sector") or "")[:7])


def read_records(path):
    root = ET.parse(path).getroot()
    recs = []
    for s in root.iter("Sentence"):
        text = " ".join((s.findtext("Text") or "").split())
        d = s.get("date", "")
        date = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 else d
        codings = [dict(c.attrib) for c in s.findall("EventCoding")]
        recs.append({"id": s.get("id"), "date": date, "text": text, "codings": codings,
                     "category": s.get("category")})
    return recs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dipline", default=os.path.join(ROOT, "build", "dipline"))
    ap.add_argument("--petrarch", default=os.path.join(ROOT, "..", "shared", "reference", "petrarch2"))
    ap.add_argument("--min-exact", type=int, help="fail below this many exact codings")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every record's outcome")
    a = ap.parse_args()
    P = a.petrarch
    records_path = os.path.join(P, "PETR.UnitTest.records.xml")
    if not os.path.exists(records_path):
        print(f"skip: no {records_path}")
        return 77
    table = load_code_table(os.path.join(ROOT, "data", "petrarch_codes.txt"))
    recs = read_records(records_path)
    with tempfile.TemporaryDirectory() as tmp:
        arts = os.path.join(tmp, "records.jsonl")
        with open(arts, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps({"id": r["id"], "published": r["date"], "text": r["text"]}) + "\n")
        out = os.path.join(tmp, "events.jsonl")
        cmd = [a.dipline, "extract", "-q", "--format", "jsonl", "-o", out,
               "--verbs", os.path.join(P, "PETR.Validate.verbs.txt"),
               "--actors", os.path.join(P, "PETR.Validate.actors.txt"),
               "--agents", os.path.join(P, "PETR.Validate.agents.txt"), arts]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            print(f"dipline extract failed ({p.returncode}): {p.stderr.strip()}")
            return 1
        events = {}
        for line in open(out, encoding="utf-8"):
            e = json.loads(line)
            events.setdefault(e["mentions"][0]["article"], []).append(e)

    n = {"codings": 0, "exact": 0, "country": 0, "action": 0, "noevents": 0, "noevents_ok": 0,
         "errors": 0, "errors_ok": 0, "events": 0, "unmatched_events": 0}
    for r in recs:
        evs = events.get(r["id"], [])
        n["events"] += len(evs)
        used_exact, used_country = set(), set()
        outcome = []
        for c in r["codings"]:
            if c.get("noevents"):
                n["noevents"] += 1
                n["noevents_ok"] += not evs
                outcome.append("no events: " + ("ok" if not evs else f"{len(evs)} coded"))
                continue
            if c.get("error"):
                n["errors"] += 1
                n["errors_ok"] += not evs
                outcome.append(f"error {c['error']}: " + ("ok" if not evs else f"{len(evs)} coded"))
                continue
            n["codings"] += 1
            src, tgt = split_code(c.get("sourcecode", ""), table), split_code(c.get("targetcode", ""), table)
            code = c.get("eventcode", "").strip().upper()
            hit = None
            for i, e in enumerate(evs):
                if i in used_exact:
                    continue
                if ours(e.get("actor")) == src and ours(e.get("target")) == tgt and e["action"]["code"].upper() == code:
                    hit = i
                    break
            if hit is not None:
                used_exact.add(hit)
                n["exact"] += 1
            chit = None
            for i, e in enumerate(evs):
                if i in used_country:
                    continue
                oa, ot = ours(e.get("actor")), ours(e.get("target"))
                if ((oa and oa[0]) if oa else None) == (src[0] if src else None) and \
                        ((ot and ot[0]) if ot else None) == (tgt[0] if tgt else None) and \
                        e["action"]["code"].upper() == code:
                    chit = i
                    break
            if chit is not None:
                used_country.add(chit)
                n["country"] += 1
            n["action"] += any(e["action"]["code"].upper() == code for e in evs)
            got = "; ".join(f"{(e.get('actor') or {}).get('code')} {(e.get('target') or {}).get('code')} "
                            f"{e['action']['code']}" for e in evs) or "nothing"
            outcome.append(f"{c.get('sourcecode')} {c.get('targetcode')} {code}: "
                           f"{'exact' if hit is not None else 'country' if chit is not None else 'missed'} (got {got})")
        n["unmatched_events"] += len([i for i in range(len(evs)) if i not in used_country])
        if a.verbose:
            print(f"{r['id']} [{r['category']}]")
            for o in outcome:
                print("   ", o)

    total = n["codings"] + n["noevents"] + n["errors"]
    reproduced = n["exact"] + n["noevents_ok"] + n["errors_ok"]
    print(f"PETRARCH-2 unit test: {len(recs)} records, {total} expected codings "
          f"({n['codings']} events, {n['noevents']} no-event, {n['errors']} error/discard)")
    print(f"reproduced exactly:  {reproduced}/{total} "
          f"(events {n['exact']}/{n['codings']}, no-event {n['noevents_ok']}/{n['noevents']}, "
          f"error {n['errors_ok']}/{n['errors']})")
    print(f"country level:       {n['country'] + n['noevents_ok'] + n['errors_ok']}/{total} "
          f"(events {n['country']}/{n['codings']})")
    print(f"event code anywhere: {n['action']}/{n['codings']} coded events with the expected CAMEO code")
    print(f"dipline events: {n['events']}, matching no expected coding (country level): {n['unmatched_events']}")
    if a.min_exact is not None and n["exact"] < a.min_exact:
        print(f"FAIL: {n['exact']} exact event codings, fewer than {a.min_exact}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Convert PETRARCH-2's Phoenix.agents.txt (MIT licence, Open Event Data Alliance) into
dipline's AGENT records (data/FORMAT.md), the long tail behind the hand-written
data/agents.txt.

    tools/phoenix_agents_import.py ../shared/reference/petrarch2/Phoenix.agents.txt

writes data/agents_phoenix.txt (GENERATED: change this converter and rerun).

What the conversion does:
- "POLICE_OFFICER [~COP]" -> phrase "police officer" in sector COP.  Compound codes keep
  their primary role (GOVMED -> GOV); religious codes (CHR, MUS, JEW, HIN, BUD, ...) become
  REL; PPL becomes CVL.
- PETRARCH generated regular plurals itself; here both forms are written out: "{X}" gives
  an irregular plural, "{}" means none, otherwise the head noun is pluralised by rule.
  Substitution sets (!PERSON!, !MINIST!) and the stem MINIST are expanded.
- Left out: titles that are roles (data/roles.txt) -- one person, resolved by date, not a
  generic agent; phrases already in data/agents.txt or the actor files; phrases ending in a
  preposition ("ambassador to", waiting for a country); archaic, joke or misspelt entries
  and hardware that is not an actor (DROP below); and the IMG code (no home country).
"""
import argparse
import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

RELIGIOUS = {"CHR", "CTH", "MUS", "JEW", "HIN", "BUD", "REL", "SHI", "SUN", "MAR", "PRO"}
KEEP = {"GOV", "MIL", "REB", "OPP", "JUD", "COP", "LEG", "SPY", "MED", "BUS", "CVL", "REF",
        "NGO", "HRI", "LAB", "EDU", "HLH", "ENV", "AGR", "DEV", "CRM", "UAF", "ELI", "PTY",
        "RAD", "REL"}

# Reviewed by hand: entries that are archaic, jokes, misspelt, not actors in modern news,
# or too ambiguous to code ("deputy" is a police rank only in the US; "chamber" and
# "assemblage" are mostly not parliaments; weapon model numbers are not actors).
DROP = {x.strip() for x in """
gaolbird; jail bird; cutpurse; malefactor; rumrunner; tree hugger; eco warrior; nursemaid;
battlewagon; brigand; educatee; granger; cropper; sixth grader; third grader; ninth grader;
twelfth grader; tinginist; housebreaker; snitcher; safecracker; pickpocket; mugger;
naturalized; tourer; sightseer; townspeople; c in cof; a cabinet meeting; hebrew; monger;
cabinetmaker; manafacture; jumbo jet; containership; deputy; chamber; assemblage; delegate;
counselor; pleader; constitutional monarcy; diplomatic building; foreign diplomatic building;
governance; commercial jet; passenger airliner; village; children; women; customer;
backpacker; hiker; mourner; victim; landholder; engineer; scientist; non-resident; repatriate;
adoption group; ethnic minority races; taxpayers; kindergarten; middle school; schoolhouse;
conservatory; healthcare facilitiy; infirmary; sanitarium; mental institution; waiter;
waitress; oiler; producer; tanker; supertanker; merchant vessel; merchant ship; trader;
tycoon; steel tycoon; shop owner; blog; telecom; tabloid; radio station; news station;
local press; communications org; anesthetist; oncologist; neurologist; orthopedic surgeon;
resident physician; caseworker; general practitioner; heavy machine gun; combat trainer;
artillery system; fire company; fire warden; fire marshal; autocrat; despot; dictator;
emperor; empress; people; generals; ensign; capt; first lieutenant; brig gen; lawman;
lawmen; gangdom; organized crime; culprit; felon; killer; serial killer; rapist; pedophile;
illegal migrant; drug mule; contrabandist; abductor; bandit; criminal; crook; convict;
arsonist; assailant; carjacker; counterfeiter; blackmailer; burglar; branokker;
jewish; islamic; hardline islamic; religion; naval; military led; unspecified opposition;
revolt; uprising; rebellion; insurgence; intelligence information; intelligence activity;
crusader; muslim hospital; fuerzas especiales; lt. jg; spokesmen; spokeswomen; state-owned;
semi-official; retired; doc; leading news; muslim doctor; assembly federale; court supreme;
self-dfense force; self-defense milita; kanidurgu; military presence; mortar position;
fighting position; weapons storage facility; barracks; echelon; phalanx; intelligence operation
""".replace("\n", " ").split(";") if x.strip()}

MASS = {"police", "personnel", "staff", "media", "clergy", "intelligence", "military",
        "infantry", "artillery", "people", "press", "industry", "enforcement", "labor",
        "labour", "leadership", "judiciary", "legislature", "junta", "crime", "aviation",
        "security", "gendarmerie", "gendarmery", "cavalry", "weaponry", "airforce", "navy",
        "government", "administration", "bureaucracy", "mafia", "gangdom", "defense",
        "defence", "health", "welfare", "service", "nationale", "protocol", "justice",
        "tourism", "revenue", "commerce", "irrigation", "guard"}
STEMS = {"compan": "company", "industr": "industry", "authorit": "authority",
         "corp": "corporation", "organis": "organisation", "organiz": "organization"}
DANGLING = {"civil", "foreign", "government", "home", "national", "public", "state",
            "general", "the", "its"}
PREPS = {"of", "for", "to", "at", "in", "on", "with", "from", "by", "and"}


def plural(word):
    """Plural of a head noun, or None for mass nouns and words already plural."""
    w = word.lower()
    if w in MASS or w.endswith(("men", "people", "ren")):
        return None
    if w.endswith("man"):
        return word[:-3] + "men"
    if w.endswith("person"):
        return word[:-6] + "people"
    if w.endswith("child"):
        return word + "ren"
    if w.endswith("arch"):
        return word + "s"         # monarchs, hierarchs
    if w.endswith("fe"):
        return word[:-2] + "ves"  # midwives
    if re.search(r"[^aeiou]y$", w):
        return word[:-1] + "ies"
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return None               # already plural ("representatives")
    if re.search(r"(s|x|z|ch|sh)$", w):
        return word + "es"
    if w.endswith("f") and not w.endswith("ff") and w not in ("chief", "chef"):
        return word[:-1] + "ves"
    return word + "s"


def forms(phrase, explicit):
    """Singular and plural of a phrase ('ministers of defence' pluralises 'ministers')."""
    out = [phrase]
    if explicit is not None:
        if explicit:
            out.append(explicit)
        return out
    words = phrase.split(" ")
    if any(w in PREPS for w in words):
        return out                # long titles ("minister for youth and sports"): as given
    p = plural(words[-1])
    if p:
        out.append(" ".join(words[:-1] + [p]))
    return out


def expand(entry, subs):
    """Substitution sets and the MINIST stem -> list of phrases (underscored)."""
    todo, done = [entry], []
    while todo:
        e = todo.pop()
        m = re.search(r"!([A-Z]+)!", e)
        if m and m.group(1) in subs:
            for alt in subs[m.group(1)]:
                todo.append(e[:m.start()] + alt + e[m.end():])
            continue
        m = re.search(r"MINIST(?![A-Z])", e)
        if m:
            for alt in ("MINISTER", "MINISTRY"):
                todo.append(e[:m.start()] + alt + e[m.end():])
            continue
        done.append(e)
    return done


def known_phrases(paths):
    """Role titles, agent phrases and actor names already defined elsewhere (case-folded)."""
    out = set()
    for p in paths:
        if not os.path.exists(p):
            continue
        for line in open(p, encoding="utf-8"):
            body = line.split("#", 1)[0].rstrip()
            if not body.strip():
                continue
            if body.startswith("AGENT "):
                items = body.split(" | ")[1:]
            elif re.match(r"^\s+(=|adj|people|capital) ", body):
                items = body.strip().split(" ", 1)[1].split(" | ")
            elif re.match(r"^\s+seat ", body):
                items = body.strip().split(" ", 2)[2].split(" | ")
            else:
                continue
            for it in items:
                out.add(re.sub(r"\s*@[A-Z0-9]+", "", it).strip().casefold())
    return out


def convert(path, known):
    subs, by_sector, seen = {}, {}, set(known)
    for line in open(path, encoding="utf-8", errors="replace"):
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        m = re.match(r"^!([A-Z]+)!\s*=\s*(.+)$", body)
        if m:
            subs[m.group(1)] = [x.strip() for x in m.group(2).split(",")]
            continue
        m = re.match(r"^(.+?)\s*(\{[^}]*\})?\s*\[~([A-Z]+)\]", body)
        if not m:
            continue
        raw, brace, code = m.group(1).strip(), m.group(2), m.group(3)
        primary = code[:3]
        if primary in RELIGIOUS or (primary == "REL"):
            primary = "REL"
        elif primary == "PPL":
            primary = "CVL"
        if primary not in KEEP:
            continue
        explicit = None
        if brace is not None:
            explicit = brace[1:-1].strip().replace("_", " ").lower()
        for e in expand(raw, subs):
            phrase = " ".join(e.replace("_", " ").lower().split()).strip(" ,")
            if not phrase or re.search(r"[^a-z' .-]", phrase):
                continue          # punctuation, digits, mangled characters
            words = phrase.split()
            words = [STEMS.get(w, w) for w in words]
            phrase = " ".join(words)
            if words[-1] in DANGLING or any(w in ("de", "y", "ent") for w in words):
                continue          # truncated or foreign-language titles
            if phrase.split()[-1] in PREPS or phrase in DROP or phrase.startswith("the "):
                continue
            if re.search(r"\d", phrase) or phrase.endswith("."):
                continue
            for f in forms(phrase, explicit if "!" not in raw else None):
                f = f.strip()
                if f and f not in seen and f not in DROP:
                    seen.add(f)
                    by_sector.setdefault(primary, []).append(f)
    return by_sector


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("agents", help="Phoenix.agents.txt")
    ap.add_argument("-o", "--output", default=os.path.join(ROOT, "data/agents_phoenix.txt"))
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if the output is not up to date "
                    "(77, 'skipped', when Phoenix.agents.txt is absent)")
    a = ap.parse_args()
    if not os.path.exists(a.agents):
        print(f"phoenix_agents_import: {a.agents}: not found", file=sys.stderr)
        sys.exit(77 if a.check else 1)
    known = known_phrases([os.path.join(ROOT, "data", f) for f in (
        "agents.txt", "roles.txt", "orgs.txt", "countries.txt")])
    by_sector = convert(a.agents, known)
    lines = [
        "# GENERATED by tools/phoenix_agents_import.py from PETRARCH-2's Phoenix.agents.txt --",
        "# do not edit: change the converter (its DROP list) and rerun it.",
        "#",
        "# Derived from the PETRARCH-2 dictionaries, Copyright (c) 2014 Open Event Data",
        "# Alliance, MIT licence (see data/CREDITS.md for the licence text).  The long tail of",
        "# generic actors; the common ones are hand-written in data/agents.txt.",
        "",
    ]
    total = 0
    for sector in sorted(by_sector):
        items = by_sector[sector]
        total += len(items)
        cur = []
        for it in items:
            if cur and len("AGENT %s | %s | %s" % (sector, " | ".join(cur), it)) > 96:
                lines.append(f"AGENT {sector} | " + " | ".join(cur))
                cur = []
            cur.append(it)
        if cur:
            lines.append(f"AGENT {sector} | " + " | ".join(cur))
        lines.append("")
    text = "\n".join(lines).rstrip("\n") + "\n"
    if a.check:
        if not os.path.exists(a.output) or open(a.output, encoding="utf-8").read() != text:
            print(f"phoenix_agents_import: {a.output} is out of date: rerun the converter",
                  file=sys.stderr)
            sys.exit(1)
        sys.exit(0)
    d = os.path.dirname(os.path.abspath(a.output))
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, a.output)
    print(f"phoenix_agents_import: {total} phrases in {len(by_sector)} sectors",
          file=sys.stderr)


if __name__ == "__main__":
    main()

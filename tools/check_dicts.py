#!/usr/bin/env python3
"""Validate dipline's actor, role and agent dictionaries (data/FORMAT.md).

    tools/check_dicts.py                 # the bundled dictionaries under data/
    tools/check_dicts.py FILE...         # any files (kind told by their record keywords)
    tools/check_dicts.py --summary       # counts and error/warning totals only

Errors (exit status 1) are things the loader must reject or that make an entry useless:
unknown keywords, malformed records, bad or reversed dates, undefined role ids, unknown
country/organisation codes, duplicate codes or canonical names, a UN member state without a
COUNTRY record.  Warnings are worth a look but may be right: one phrase naming two
countries, two people holding one office at the same time, gaps in the office-holder
tables for the countries the project must cover, surnames that are common English words
(the loader must match those case-sensitively), people without roles.  Prints counts of
countries, organisations, people, roles, agents and phrases.  Python 3 standard library only.
"""
import argparse
import collections
import datetime
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_FILES = ["data/countries.txt", "data/orgs.txt", "data/people.txt", "data/leaders.txt",
                 "data/roles.txt", "data/agents.txt", "data/agents_phoenix.txt"]

# The 193 member states of the United Nations (ISO 3166-1 alpha-3).
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM
NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split())

# The other ISO 3166-1 alpha-3 codes (territories, observers, Antarctica, ...), and XKX,
# the user-assigned code for Kosovo used by the EU, IMF and World Bank.
ISO_OTHER = set("""
ALA ASM AIA ATA ABW BMU BES BVT IOT CYM CXR CCK COK CUW FLK FRO GUF PYF ATF GIB GRL GLP GUM GGY
HMD VAT HKG IMN JEY MAC MTQ MYT MSR NCL NIU NFK MNP PSE PCN PRI REU BLM SHN MAF SPM SXM SGS SJM
TWN TKL TCA UMI VGB VIR WLF ESH XKX
""".split())
ISO3 = UN_MEMBERS | ISO_OTHER

# CAMEO actor roles (primary and secondary) usable as sectors.
SECTORS = set("""
GOV MIL LEG JUD OPP REB COP SPY INS SEP UAF PTY BUS MED CVL REF NGO IGO ELI HRI LAB EDU REL ENV
HLH AGR DEV CRM MOD RAD
""".split())
ORG_KINDS = {"IGO", "NGO", "MNC"}

DETAIL_KEYS = {
    "COUNTRY": {"=", "adj", "people", "capital", "seat"},
    "ORG": {"=", "adj", "seat"},
    "PERSON": {"=", "role"},
    "ROLE": {"="},
    "AGENT": set(),
}

# Roles that several people hold at once, so overlapping tenures are expected.
PLURAL_ROLES = {"deputy_foreign_minister", "foreign_ministry_spokesperson",
                "intelligence_chief", "presidential_aide", "defence_ministry_spokesperson",
                "high_commissioner", "director_general"}

# Office-holder tables the project promises (issue 4): for these countries, the four core
# roles must be filled on every day from COVER_FROM to COVER_TO.  Where an office does not
# exist the country is exempted (from a date, for offices abolished or created).
COVER_FROM, COVER_TO = "2014-01-01", "2026-01-01"
COVER_COUNTRIES = """
USA RUS UKR GBR FRA DEU BLR CHN POL ITA JPN CAN TUR IND BRA SAU ZAF KOR AUS ARG MEX IDN EST LVA
LTU FIN SWE NOR NLD BEL ESP HUN ROU MDA GEO KAZ ISR IRN IRQ SYR EGY QAT SRB HRV CHE AUT
""".split()
COVER_ROLES = ["head_of_state", "head_of_government", "foreign_minister", "defence_minister"]
NO_HEAD_OF_GOVERNMENT = {   # country -> (from, to) when the office does not exist
    "USA": (COVER_FROM, COVER_TO), "BRA": (COVER_FROM, COVER_TO),
    "ARG": (COVER_FROM, COVER_TO), "MEX": (COVER_FROM, COVER_TO),
    "IDN": (COVER_FROM, COVER_TO), "ZAF": (COVER_FROM, COVER_TO),
    "IRN": (COVER_FROM, COVER_TO), "CHE": (COVER_FROM, COVER_TO),
    "TUR": ("2018-07-09", COVER_TO),
}
# Periods when an office was vacant or held collectively (no single holder to record).
VACANCIES = {
    ("CHN", "defence_minister"): [("2023-10-24", "2023-12-29")],   # Li Shangfu removed
    ("AUT", "head_of_state"): [("2016-07-08", "2017-01-26")],      # collegial presidency
    ("SYR", "head_of_state"): [("2024-12-08", "2025-01-29")],      # after Assad's fall
    ("SYR", "head_of_government"): [("2025-03-29", COVER_TO)],     # office abolished
}
GAP_DAYS = 14   # shorter gaps are handovers (an acting minister for a few days)
ORG_COVER = [("NATO", "secretary_general"), ("UN", "secretary_general"),
             ("EU", "commission_president"), ("EU", "council_president"),
             ("EU", "high_representative")]

# Surnames that are also common English words: matching them without regard to case would
# find "May", "Price" or "Power" everywhere.  The loader must require a capital letter (and
# ideally not sentence-initial position) for these.
COMMON_WORDS = set("""
may price major power rice burns hunt brown moon young king bush frost grant black white green
long little cook love bird cash gates wolf fox hill wood mark well wells bell bond brand case
cross field ford hall hope lane law lee lord low mason mills page parks reed rose russell shaw
short small stone strong sweet waters west wise woods march june august will rich ward wall
fisher baker carter cole miller turner walker day knight bishop chase clay dean drew duke earl
gray grey hardy head house judge lamb marsh moss noble north rock rush sharp south spring steel
street summer swift temple wing winter banks gold silver said sale sales hay hurd joy glass
begin key soon time ban may
""".split())
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiv", "xvi"}
PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le",
             "al", "el", "bin", "ibn", "ben", "abu", "dos", "das", "ter", "mac"}


def norm(s):
    """The comparison form: case-folded, quotes straightened, spaces collapsed."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    s = s.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return " ".join(s.casefold().split())


# Files converted wholesale from third-party data: warnings that involve only these (the
# source's own duplicates, interim holders, common-word surnames) are counted per file and
# listed only with --verbose, so that the hand-written data's warnings stay visible.
SOURCE_FILES = {"leaders.txt", "agents_phoenix.txt"}


def from_source(*wheres):
    return all(os.path.basename(w.split(":")[0]) in SOURCE_FILES for w in wheres)


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []
        self.quiet = []

    def error(self, where, msg):
        self.errors.append(f"{where}: error: {msg}")

    def warn(self, where, msg, *others):
        line = f"{where}: warning: {msg}"
        (self.quiet if from_source(where, *others) else self.warnings).append(line)


def valid_date(s):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return False
    try:
        datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def split_items(rest, where, rep):
    """'a | b' -> ['a', 'b'], reporting empty items and bad separators."""
    if not rest.strip():
        rep.error(where, "empty list")
        return []
    if re.search(r"[^ ]\||\|[^ ]", rest):
        rep.error(where, "fields must be separated by ' | '")
    items = [x.strip() for x in rest.split(" | ")]
    out = []
    for it in items:
        if not it:
            rep.error(where, "empty item in list")
        elif "|" in it:
            rep.error(where, f"stray '|' in {it!r}")
        else:
            out.append(it)
    return out


class Record:
    def __init__(self, kind, where, fields):
        self.kind = kind
        self.where = where
        self.fields = fields
        self.details = []     # (keyword, where, payload)


def parse_file(path, rep):
    records = []
    cur = None
    try:
        lines = open(path, encoding="utf-8").read().split("\n")
    except UnicodeDecodeError as e:
        rep.error(path, f"not UTF-8: {e}")
        return records
    for ln, raw in enumerate(lines, 1):
        where = f"{path}:{ln}"
        body = raw.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if "\t" in body:
            rep.error(where, "tab character (use spaces)")
        if not body[0].isspace():
            kw, _, rest = body.partition(" ")
            if kw not in DETAIL_KEYS:
                rep.error(where, f"unknown record keyword {kw!r}")
                cur = None
                continue
            cur = Record(kw, where, split_items(rest, where, rep))
            records.append(cur)
            continue
        if cur is None:
            rep.error(where, "detail line outside a record")
            continue
        kw, _, rest = body.strip().partition(" ")
        if kw not in DETAIL_KEYS[cur.kind]:
            rep.error(where, f"keyword {kw!r} not allowed in a {cur.kind} record")
            continue
        if kw == "role":
            cur.details.append((kw, where, rest.split()))
        elif kw == "seat":
            sector, _, items = rest.partition(" ")
            cur.details.append((kw, where, (sector, split_items(items, where, rep))))
        else:
            cur.details.append((kw, where, split_items(rest, where, rep)))
    return records


def surname(name):
    """The surname the loader derives: last word (by spaces: "Jae-in" stays whole), or from
    a particle on ("von der Leyen"); none after a regnal number ("Juan Carlos I")."""
    words = name.split()
    if not words or words[-1].lower() in ROMAN:
        return ""
    i = len(words) - 1
    while i > 0 and words[i - 1].lower() in PARTICLES:
        i -= 1
    return " ".join(words[i:]) if i < len(words) - 1 else words[-1]


def split_at(phrase):
    """'secretary of state @USA @GBR' -> ('secretary of state', ['USA', 'GBR'])."""
    codes = re.findall(r"\s@([A-Z0-9]+)", " " + phrase)
    text = re.sub(r"\s*@[A-Z0-9]+", "", phrase).strip()
    return text, codes


def day(s):
    return datetime.date.fromisoformat(s)


def check(paths, rep, summary=False):
    recs = []
    for p in paths:
        if not os.path.exists(p):
            rep.error(p, "file not found")
            continue
        recs.extend(parse_file(p, rep))

    countries, orgs, people, roles, agents = {}, {}, [], {}, []
    person_names = collections.defaultdict(list)
    # ---- pass 1: headers
    for r in recs:
        f = r.fields
        if r.kind == "COUNTRY":
            if len(f) != 2:
                rep.error(r.where, "COUNTRY needs 'CODE | Name'")
                continue
            code = f[0]
            if code not in ISO3:
                rep.error(r.where, f"{code!r} is not an ISO 3166-1 alpha-3 code")
            if code in countries:
                rep.error(r.where, f"COUNTRY {code} already defined at {countries[code].where}")
            countries[code] = r
        elif r.kind == "ORG":
            if len(f) != 3:
                rep.error(r.where, "ORG needs 'CODE | Name | KIND'")
                continue
            code = f[0]
            if not re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", code):
                rep.error(r.where, f"bad organisation code {code!r}")
            if code in ISO3:
                rep.error(r.where, f"organisation code {code} is also a country code")
            if f[2] not in ORG_KINDS:
                rep.error(r.where, f"kind {f[2]!r} not one of {sorted(ORG_KINDS)}")
            if code in orgs:
                rep.error(r.where, f"ORG {code} already defined at {orgs[code].where}")
            orgs[code] = r
        elif r.kind == "PERSON":
            if len(f) != 3:
                rep.error(r.where, "PERSON needs 'Name | CODE | SECTOR'")
                continue
            people.append(r)
            person_names[norm(f[0])].append(r)
        elif r.kind == "ROLE":
            if len(f) != 2:
                rep.error(r.where, "ROLE needs 'id | SECTOR'")
                continue
            rid = f[0]
            if not re.fullmatch(r"[a-z][a-z0-9_]*", rid):
                rep.error(r.where, f"bad role id {rid!r}")
            if f[1] not in SECTORS:
                rep.error(r.where, f"unknown sector {f[1]!r}")
            if rid in roles:
                rep.error(r.where, f"ROLE {rid} already defined at {roles[rid].where}")
            roles[rid] = r
        elif r.kind == "AGENT":
            if len(f) < 2:
                rep.error(r.where, "AGENT needs 'SECTOR | phrase | ...'")
                continue
            if f[0] not in SECTORS:
                rep.error(r.where, f"unknown sector {f[0]!r}")
            agents.append(r)

    codes = set(countries) | set(orgs)
    canon = {}
    for code, r in list(countries.items()) + list(orgs.items()):
        n = norm(r.fields[1])
        if n in canon:
            rep.error(r.where, f"canonical name {r.fields[1]!r} also used at {canon[n]}")
        canon[n] = r.where
    for n, rs in person_names.items():
        if len(rs) > 1:
            rep.warn(rs[1].where, f"person {rs[1].fields[0]!r} also defined at {rs[0].where}"
                     " (same name: merge the records or tell them apart)", rs[0].where)

    missing = sorted(UN_MEMBERS - set(countries))
    if missing and (summary or any("countries" in p for p in paths)):
        rep.error("UN members", f"no COUNTRY record for {' '.join(missing)}")

    # ---- pass 2: details and phrase index
    phrase_owner = collections.defaultdict(set)   # norm phrase -> {entity}
    phrase_where = {}
    n_phrases = 0

    def claim(phrase, owner, where, self_dups):
        nonlocal n_phrases
        n_phrases += 1
        key = norm(phrase)
        if key in self_dups:
            rep.warn(where, f"{phrase!r} listed twice for {owner}")
        self_dups.add(key)
        if owner not in phrase_owner[key] and phrase_owner[key]:
            other = sorted(phrase_owner[key])[0]
            rep.warn(where, f"{phrase!r} names {owner} and also {other} ({phrase_where[key]})",
                     phrase_where[key])
        phrase_owner[key].add(owner)
        phrase_where.setdefault(key, where)

    for code, r in list(countries.items()) + list(orgs.items()):
        owner = f"{r.kind} {code}"
        seen = collections.defaultdict(set)
        claim(r.fields[1], owner, r.where, seen["="])
        for kw, where, payload in r.details:
            if kw == "seat":
                sector, items = payload
                if sector not in SECTORS:
                    rep.error(where, f"unknown sector {sector!r} in seat line")
                for it in items:
                    claim(it, f"{owner} {sector}", where, seen["seat"])
            else:
                bucket = "=" if kw in ("=", "capital") else kw
                for it in payload:
                    claim(it, owner, where, seen[bucket])

    tenures = collections.defaultdict(list)   # (code, role) -> [(from, to, name, where)]
    surnames = collections.defaultdict(set)
    common_surnames = collections.defaultdict(list)
    no_role = 0
    for r in people:
        name, code, sector = r.fields
        owner = f"PERSON {name}"
        if code not in codes:
            rep.error(r.where, f"unknown country/organisation code {code!r}")
        if sector not in SECTORS:
            rep.error(r.where, f"unknown sector {sector!r}")
        names = [name]
        seen = set()
        claim(name, owner, r.where, seen)
        has_role = False
        for kw, where, payload in r.details:
            if kw == "=":
                for it in payload:
                    claim(it, owner, where, seen)
                    names.append(it)
            elif kw == "role":
                has_role = True
                if len(payload) != 4:
                    rep.error(where, "role needs 'CODE role_id FROM TO'")
                    continue
                rc, rid, fr, to = payload
                if rc not in codes:
                    rep.error(where, f"unknown country/organisation code {rc!r}")
                if rid not in roles:
                    rep.error(where, f"role {rid!r} is not defined in roles.txt")
                if not valid_date(fr):
                    rep.error(where, f"bad start date {fr!r} (YYYY-MM-DD)")
                    continue
                if to != "-" and not valid_date(to):
                    rep.error(where, f"bad end date {to!r} (YYYY-MM-DD or -)")
                    continue
                if to != "-" and to < fr:
                    rep.error(where, f"role ends ({to}) before it starts ({fr})")
                    continue
                tenures[(rc, rid)].append((fr, to, name, where))
        if not has_role:
            no_role += 1
            rep.warn(r.where, f"{name} has no role (cannot be resolved from a title)")
        for n in names:
            s = surname(n)
            if s:
                surnames[norm(s)].add(name)
                if norm(s) in COMMON_WORDS:
                    common_surnames[s].append(r.where)

    # ---- roles: phrases, @codes, reuse of a phrase by two roles
    role_phrase = collections.defaultdict(list)   # norm text -> [(role, codes, where)]
    for rid, r in roles.items():
        for kw, where, payload in r.details:
            for it in payload:
                text, at = split_at(it)
                n_phrases += 1
                if not text:
                    rep.error(where, f"empty title in {it!r}")
                for c in at:
                    if c not in codes:
                        rep.error(where, f"@{c}: unknown country/organisation code")
                for prev_rid, prev_at, prev_where in role_phrase[norm(text)]:
                    if prev_rid == rid:
                        # a general title may also name a default country ("foreign
                        # secretary" and "foreign secretary @GBR"); only exact repeats warn
                        if sorted(prev_at) == sorted(at):
                            rep.warn(where, f"title {text!r} listed twice for {rid}")
                    elif not prev_at or not at or set(prev_at) & set(at):
                        rep.warn(where, f"title {text!r} means {rid} and {prev_rid}"
                                 f" ({prev_where}) in the same countries")
                role_phrase[norm(text)].append((rid, at, where))
    used_roles = {rid for (_, rid) in tenures}
    for rid, r in roles.items():
        if rid not in used_roles:
            rep.warn(r.where, f"role {rid} has no holder anywhere")

    # ---- agents
    agent_phrase = {}
    for r in agents:
        for it in r.fields[1:]:
            text, at = split_at(it)
            n_phrases += 1
            for c in at:
                if c not in codes:
                    rep.error(r.where, f"@{c}: unknown country/organisation code")
            key = (norm(text), tuple(at))
            if key in agent_phrase:
                rep.warn(r.where, f"agent {text!r} also at {agent_phrase[key]}")
            agent_phrase[key] = r.where

    # ---- one phrase as a generic agent and as a named actor or an office title: the
    # loader must choose (longest match first, then actor over agent, is the natural rule)
    for (text, at), where in agent_phrase.items():
        if text in phrase_owner:
            owner = sorted(phrase_owner[text])[0]
            rep.warn(where, f"agent {text!r} is also a name of {owner} ({phrase_where[text]})",
                     phrase_where[text])
        for rid, _, rwhere in role_phrase.get(text, []):
            rep.warn(where, f"agent {text!r} is also a title of role {rid} ({rwhere})", rwhere)
            break

    # ---- tenures: overlaps between people, duplicates of one person
    for (rc, rid), ts in tenures.items():
        ts.sort()
        for i in range(1, len(ts)):
            for j in range(i):
                a, b = ts[j], ts[i]
                a_to = a[1] if a[1] != "-" else "9999-12-31"
                if b[0] < a_to:
                    if a[2] == b[2]:
                        rep.warn(b[3], f"{b[2]}: {rc} {rid} overlaps own tenure at {a[3]}",
                                 a[3])
                    elif rid not in PLURAL_ROLES:
                        rep.warn(b[3], f"{rc} {rid}: {b[2]} from {b[0]} overlaps {a[2]}"
                                 f" ({a[0]} to {a[1]}, {a[3]})", a[3])

    # ---- coverage of the promised office-holder tables
    def gaps(rc, rid, lo, hi):
        spans = sorted((fr, to if to != "-" else "9999-12-31") for fr, to, _, _ in
                       tenures.get((rc, rid), []))
        out, cur = [], lo
        for fr, to in spans:
            if to <= cur:
                continue
            if fr > cur:
                out.append((cur, min(fr, hi)))
            cur = max(cur, to)
            if cur >= hi:
                break
        if cur < hi:
            out.append((cur, hi))
        return [(a, b) for a, b in out if a < b and (day(b) - day(a)).days > GAP_DAYS]

    def exempt(rc, rid, a, b):
        if rid == "head_of_government" and rc in NO_HEAD_OF_GOVERNMENT:
            lo, hi = NO_HEAD_OF_GOVERNMENT[rc]
            if lo <= a and b <= hi:
                return True
        return any(lo <= a and b <= hi for lo, hi in VACANCIES.get((rc, rid), []))

    cover_gaps = 0
    if any("people" in p for p in paths):
        for rc in COVER_COUNTRIES:
            for rid in COVER_ROLES:
                for a, b in gaps(rc, rid, COVER_FROM, COVER_TO):
                    if not exempt(rc, rid, a, b):
                        cover_gaps += 1
                        rep.warn("coverage", f"{rc} {rid}: nobody from {a} to {b}")
        for rc, rid in ORG_COVER:
            for a, b in gaps(rc, rid, COVER_FROM, COVER_TO):
                cover_gaps += 1
                rep.warn("coverage", f"{rc} {rid}: nobody from {a} to {b}")

    for s, wheres in sorted(common_surnames.items()):
        rep.warn(wheres[0], f"surname {s!r} is a common English word: match it only"
                 " capitalised (and not sentence-initial)", *wheres)

    shared = sum(1 for s, ns in surnames.items() if len(ns) > 1)
    n_aliases = sum(len(p) for kw, _, p in
                    (d for r in list(countries.values()) + list(orgs.values()) + people
                     for d in r.details) if kw in ("=", "adj", "people", "capital"))
    n_aliases += sum(len(p[1]) for kw, _, p in
                     (d for r in list(countries.values()) + list(orgs.values())
                      for d in r.details) if kw == "seat")
    n_roles_held = sum(len(v) for v in tenures.values())
    stats = [
        ("countries", len(countries)), ("UN members covered", len(UN_MEMBERS & set(countries))),
        ("organisations", len(orgs)), ("people", len(people)),
        ("people without roles", no_role), ("role lines", n_roles_held),
        ("roles defined", len(roles)), ("agent records", len(agents)),
        ("agent phrases", sum(len(r.fields) - 1 for r in agents)),
        ("aliases (names, adjectives, demonyms, capitals, seats)", n_aliases),
        ("phrases in all", n_phrases), ("surnames shared by several people", shared),
        ("coverage gaps", cover_gaps),
    ]
    return stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", help=f"default: {' '.join(DEFAULT_FILES)}")
    ap.add_argument("--summary", action="store_true", help="counts and totals only")
    ap.add_argument("--no-warnings", action="store_true", help="print errors only")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="also list warnings about third-party data (%s)" %
                    ", ".join(sorted(SOURCE_FILES)))
    a = ap.parse_args()
    files = a.files or [os.path.join(ROOT, f) for f in DEFAULT_FILES]
    files = [os.path.relpath(f) if os.path.isabs(f) else f for f in files]
    rep = Report()
    stats = check(files, rep, summary=not a.files)
    if not a.summary:
        for e in rep.errors:
            print(e)
        if not a.no_warnings:
            for w in rep.warnings + (rep.quiet if a.verbose else []):
                print(w)
    for k, v in stats:
        print(f"{k:>55}: {v}")
    print(f"{'errors':>55}: {len(rep.errors)}")
    print(f"{'warnings':>55}: {len(rep.warnings)}")
    print(f"{'warnings in third-party data (-v lists them)':>55}: {len(rep.quiet)}")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())

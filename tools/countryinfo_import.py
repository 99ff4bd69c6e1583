#!/usr/bin/env python3
"""Convert CountryInfo (Schrodt et al., CC BY-SA 3.0) into dipline's actor dictionary
format (data/FORMAT.md): COUNTRY records and PERSON records for national leaders.

    tools/countryinfo_import.py ../shared/reference/countryinfo/CountryInfo.120116.txt

writes data/countries.txt and data/leaders.txt (both GENERATED: edit the inputs below
and rerun, never the outputs).  Inputs besides CountryInfo:

  data/src/countries_hand.txt   hand-written per-country records in the FORMAT.md syntax
                                (canonical name, adjectives, demonyms, names, capitals,
                                seats of power), plus two importer-only detail lines:
                                `drop A | B` removes CountryInfo variants of that country,
                                `nocapital A | B` removes CountryInfo capitals.
                                Records there for codes CountryInfo lacks are added whole.
  data/people.txt               hand-written PERSON records: any CountryInfo leader whose
                                name (or a variant) matches one of them is left out of
                                data/leaders.txt, the hand-written record being the
                                authority for that person.

What is taken from CountryInfo:
  <Nationality>  country names (nouns) and adjective variants, after dropping index forms
                 ("Samoa, American", "Georgia (country)"), mangled characters, nicknames
                 and foreign-language forms listed in DROP below or in the overlay;
  <Capital>      capitals (historical names and ambiguous words dropped);
  <Leaders>      heads of state (presidents, kings, emirs, ...) and heads of government
                 (prime ministers, premiers, chancellors, ...) with their dates;
  <Government>   (CIA World Leaders, 2003-2011) presidents, prime ministers, foreign,
                 defence, interior and finance ministers with their dates.
<MajorCities>, <Regions> and <GeogFeatures> are not actors and are skipped.

Dates: CountryInfo marks "still in office at the last update" with '>' and "already in
office when coding began (Jan 2003)" with '<'.  Neither end is known, so an open end is
closed at the next holder's start when the same role has a later holder, and otherwise at
the source's horizon (2011-02-28 for <Government>, 2012-01-06 for <Leaders>), with a
comment; an unknown start ('<') becomes 2003-01-01, also with a comment.  Impossible days
("20040931") are moved to the month's last day.
"""
import argparse
import calendar
import datetime
import os
import re
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

GOV_HORIZON = "2011-02-28"     # last month of CIA World Leaders data in the file
LEADERS_HORIZON = "2012-01-06"  # version date of CountryInfo.120116
GOV_START = "2003-01-01"        # '<': in office when World Leaders coding began

# CountryInfo's <CountryName> -> ISO 3166-1 alpha-3 (its own code fields have typos, e.g.
# GTM/GLP, GIN/PNG, MMR/MOZ).  None: not a country-level actor here (sub-national entity,
# dissolved territory, or state whose records would collide with its successor's).
ISO = {
    "AFGHANISTAN": "AFG", "ALBANIA": "ALB", "ALGERIA": "DZA", "AMERICAN_SAMOA": "ASM",
    "ANDORRA": "AND", "ANGOLA": "AGO", "ANGUILLA": "AIA", "ANTIGUA_AND_BARBUDA": "ATG",
    "ARGENTINA": "ARG", "ARMENIA": "ARM", "ARUBA": "ABW", "AUSTRALIA": "AUS",
    "AUSTRIA": "AUT", "AZERBAIJAN": "AZE", "BAHAMAS": "BHS", "BAHRAIN": "BHR",
    "BANGLADESH": "BGD", "BARBADOS": "BRB", "BELARUS": "BLR", "BELGIUM": "BEL",
    "BELIZE": "BLZ", "BENIN": "BEN", "BERMUDA": "BMU", "BHUTAN": "BTN", "BOLIVIA": "BOL",
    "BOSNIA_AND_HERZEGOVINA": "BIH", "BOSNIAK/CROAT_FEDERATION": None,
    "BOSNIAN_SERB_REPUBLICA": None, "BOTSWANA": "BWA", "BRAZIL": "BRA",
    "BRITISH_VIRGIN_ISLANDS": "VGB", "BRUNEI_DARUSSALAM": "BRN", "BULGARIA": "BGR",
    "BURKINA_FASO": "BFA", "BURUNDI": "BDI", "CAMBODIA": "KHM", "CAMEROON": "CMR",
    "CANADA": "CAN", "CAPE_VERDE": "CPV", "CAYMAN_ISLANDS": "CYM",
    "CENTRAL_AFRICAN_REPUBLIC": "CAF", "CHAD": "TCD", "CHILE": "CHL", "CHINA": "CHN",
    "COLOMBIA": "COL", "COMOROS": "COM", "CONGO": "COG", "COOK_ISLANDS": "COK",
    "COSTA_RICA": "CRI", "COTE_D'IVOIRE": "CIV", "CROATIA": "HRV", "CUBA": "CUB",
    "CYPRUS": "CYP", "TURKISH_REPUBLIC_OF_NORTH_CYPRUS": None, "CZECH_REPUBLIC": "CZE",
    "DEMOCRATIC_REPUBLIC_OF_THE_CONGO": "COD", "DENMARK": "DNK", "DJIBOUTI": "DJI",
    "DOMINICA": "DMA", "DOMINICAN_REPUBLIC": "DOM", "ECUADOR": "ECU", "EGYPT": "EGY",
    "EL_SALVADOR": "SLV", "EQUATORIAL_GUINEA": "GNQ", "ERITREA": "ERI", "ESTONIA": "EST",
    "ETHIOPIA": "ETH", "FAEROE_ISLANDS": "FRO", "FALKLAND_ISLANDS": "FLK",
    "SAINT_KITTS_AND_NEVIS": "KNA", "FEDERATION_OF_SAINT_KITTS_AND_NEVIS": "KNA",
    "FIJI": "FJI", "FINLAND": "FIN", "FRANCE": "FRA", "FRENCH_GUIANA": "GUF",
    "FRENCH_POLYNESIA": "PYF", "GABON": "GAB", "GAMBIA": "GMB", "GEORGIA": "GEO",
    "GERMANY": "DEU", "GHANA": "GHA", "GIBRALTAR": "GIB", "UNITED_KINGDOM": "GBR",
    "GREECE": "GRC", "GREENLAND": "GRL", "GRENADA": "GRD", "GUADELOUPE": "GLP",
    "GUAM_": "GUM", "GUATEMALA": "GTM", "GUERNSEY": "GGY", "GUINEA": "GIN",
    "GUINEA_BISSAU": "GNB", "GUYANA": "GUY", "HAITI": "HTI", "HONDURAS": "HND",
    "HONG_KONG": "HKG", "HUNGARY": "HUN", "ICELAND": "ISL", "INDIA": "IND",
    "INDONESIA": "IDN", "IRAN": "IRN", "IRAQ": "IRQ", "IRELAND": "IRL",
    "ISLE_OF_MAN": "IMN", "ISRAEL": "ISR", "ITALY": "ITA", "JAMAICA": "JAM",
    "JAPAN": "JPN", "JERSEY": "JEY", "JORDAN": "JOR", "KAZAKHSTAN": "KAZ", "KENYA": "KEN",
    "KIRIBATI": "KIR", "KOSOVO": "XKX", "KYRGYZSTAN": "KGZ", "KUWAIT": "KWT", "LAOS": "LAO",
    "LATVIA": "LVA", "LEBANON": "LBN", "LESOTHO": "LSO", "LIBERIA": "LBR", "LIBYA": "LBY",
    "LIECHTENSTEIN": "LIE", "LITHUANIA": "LTU", "LUXEMBOURG": "LUX", "MACEDONIA": "MKD",
    "MADAGASKAR": "MDG", "MALAWI": "MWI", "MALAYSIA": "MYS", "MALDIVES": "MDV",
    "MALI": "MLI", "MALTA": "MLT", "MARSHALL_ISLANDS": "MHL", "MARTINIQUE": "MTQ",
    "MAURITANIA": "MRT", "MAURITIUS": "MUS", "MAYOTTE": "MYT", "MEXICO": "MEX",
    "MICRONESIA": "FSM", "MOLDOVA": "MDA", "MONACO": "MCO", "MONGOLIA": "MNG",
    "MONTSERRAT": "MSR", "MONTENEGRO": "MNE", "MOROCCO": "MAR", "MOZAMBIQUE": "MOZ",
    "MYANMAR": "MMR", "NAMIBIA": "NAM", "NAURU": "NRU", "NEPAL": "NPL",
    "NETHERLANDS": "NLD", "NETHERLANDS_ANTILLES": None, "NEW_CALEDONIA": "NCL",
    "NEW_ZEALAND": "NZL", "NICARAGUA": "NIC", "NIGER": "NER", "NIGERIA": "NGA",
    "NIUE": "NIU", "NORFOLK_ISLAND": "NFK", "NORTH_KOREA": "PRK", "NORWAY": "NOR",
    "OMAN": "OMN", "PAKISTAN": "PAK", "PALAU": "PLW", "PALESTINE": "PSE", "PANAMA": "PAN",
    "PAPUA_NEW_GUINEA": "PNG", "PARAGUAY": "PRY", "PERU": "PER", "PHILIPPINES": "PHL",
    "PITCAIRN": "PCN", "POLAND": "POL", "PORTUGAL": "PRT", "PUERTO_RICO": "PRI",
    "QATAR": "QAT", "REPUBLIC_OF_SOUTH_AFRICA": "ZAF", "ROMANIA": "ROU",
    "RUSSIAN_FEDERATION": "RUS", "RWANDA": "RWA", "SAINT_BARTHELEMY": "BLM",
    "SAINT_HELENA": "SHN", "SAINT_LUCIA": "LCA", "SAINT_VINCENT_AND_THE_GRENADINES": "VCT",
    "SAMOA": "WSM", "SAN_MARINO": "SMR", "SAO_TOME_AND_PRINCIPE": "STP",
    "SAUDI_ARABIA": "SAU", "SENEGAL": "SEN", "SERBIA_AND_MONTENEGRO": "SRB",
    "SEYCHELLES": "SYC", "SIERRA_LEONE": "SLE", "SINGAPORE": "SGP", "SLOVAKIA": "SVK",
    "SLOVENIA": "SVN", "SOLOMON_ISLANDS": "SLB", "SOMALIA": "SOM", "SOUTH_KOREA": "KOR",
    "SOUTH_SUDAN": "SSD", "SPAIN": "ESP", "SRI_LANKA": "LKA", "SUDAN": "SDN",
    "SURINAME": "SUR", "SWAZILAND": "SWZ", "SWEDEN": "SWE", "SWITZERLAND": "CHE",
    "SYRIA": "SYR", "TAIWAN": "TWN", "TAJIKISTAN": "TJK", "THAILAND": "THA",
    "TIBET": None, "TIMOR_LESTE": "TLS", "TOGO": "TGO", "TOKELAU": "TKL", "TONGA": "TON",
    "TRINIDAD_AND_TOBAGO": "TTO", "TUNISIA": "TUN", "TURKEY": "TUR",
    "TURKMENISTAN": "TKM", "TUVALU": "TUV", "UGANDA": "UGA", "UKRAINE": "UKR",
    "UNITED_ARAB_EMIRATES": "ARE", "URUGUAY": "URY", "UNITED_STATES_OF_AMERICA": "USA",
    "UNITED_REPUBLIC_OF_TANZANIA": "TZA", "UNITED_STATES_VIRGIN_ISLANDS": "VIR",
    "UZBEKISTAN": "UZB", "VANUATU": "VUT", "VENEZUELA": "VEN", "VIETNAM": "VNM",
    "WALLIS_AND_FUTUNA_ISLANDS": "WLF", "WESTERN_SAHARA": "ESH", "YEMEN": "YEM",
    "ZAMBIA": "ZMB", "ZIMBABWE": "ZWE", "BRITISH_INDIAN_OCEAN_TERRITORY": "IOT",
    "CHRISTMAS_ISLAND": "CXR", "COCOS_ISLANDS": "CCK",
}

# <Nationality>/<Capital> entries never worth an actor: nicknames, slurs and jokes,
# romanised forms that are common words elsewhere, historical capitals, and words that
# are names of something else in English news.  Compared case-folded.
DROP = {
    # nicknames, jokes, slurs
    "the graveyard of empires", "soviet occupied afghanistan", "chaparhar",
    "last european dictatorship", "the quebec of europe", "cockpit of europe",
    "belgiumland", "khama's country", "celestial empire", "sinica", "sinitic", "sinensis",
    "sinic", "the nature island", "smiling coast", "sakartvelobantustan", "virshan",
    "kartvelebistan", "teutonica", "togil", "crown jewel of the british empire",
    "aurobinda sarani", "les indes", "hebrew state", "moonland",
    "the land of the rising sun", "jamrock", "kim's joseon dynasty", "soviet korea",
    "communist korea", "red korea", "sheepland", "kiwistan", "kiwi", "the beloved country",
    "pays des mille collines", "pays des milles collines", "light of the south",
    "manchester of the east", "sing a pore", "venerable island", "hidden pirate island",
    "cheung fat estate", "island of the moon", "pearl of the orient", "picki u dusa",
    "former turkish province of yunanistan", "ftpoy", "yankee land", "yankeeland",
    "americaland", "americay", "ukania", "straya", "orstraya", "aussieland",
    "milosevic's yugoslavia", "third yugoslavia", "collectivite sui generis",
    "island of enchantment", "isle of enchantment", "isla del encanto",
    "quisqueya la bella", "cabo falso", "gsplaj", "4esko", "poccnr", "ykpaiha",
    "thilla", "'nam", "o papagaio", "potiti", "the grave yard of empires",
    "isle of devils", "devil's isles", "virgineola", "bermoothes", "la perse",
    "das persien", "boumdeit", "balkan bulgars", "alto peru", "banda jalal khan", "pakish",
    "mongolids", "zuun", "hmongolia", "nords", "switzer", "switz", "fenno",
    "eternal city", "city of light", "forbidden city", "new flower",
    "swissland", "helvetica", "dutch inhabitants", "channel island", "angia",
    "windward coast", "saharan provinces", "occupied territories", "cisjordan",
    "occupied cyprus", "administrative divisions of the republic of the congo",
    "independent congo republic", "little congo", "big congo", "belgian ubanghi",
    "ubanghi", "ubanghi chari", "north congo", "south congo", "middle congo",
    "western georgia", "georgia proper", "wallonia", "scotland", "wales", "scot",
    "insulinde", "trust territory of the pacific", "new guinea papua", "lagoon islands",
    "friendly islands", "union islands", "kingdom islands", "futuna island",
    "eua island", "makatusi", "nukunono", "nivalakita", "tepuka savilivili",
    "udu point", "yacata", "naitaubu", "chikoba", "cikobia", "aunuu", "aunuu island",
    "sebald island", "las tortugas", "somers islands", "somers isles", "summers' isles",
    "summer's isles", "kulun", "urga",
    # historical or ambiguous capitals
    "salisbury", "leopoldville", "frunze", "stalinabad", "christiania", "fort-lamy",
    "ciudad trujillo", "usumbura", "serdica", "helsingfors", "dyushambe", "erivan",
    "uskub", "vilna", "vilno", "wilno", "tarabulus al-gharb", "male", "georgetown",
    "san jose", "sana", "bida", "el beda", "thule", "kingston", "victoria", "brussels",
    "bruxelles", "the hague",
    # common words or other things in English news
    "grenadines", "principe", "barbuda", "tobago", "antigua", "nevis", "bahama",
    "burkina", "congo", "dominican", "guinea", "samoan", "serb", "serbian", "montenegrin",
    "saint kitts", "st kitts", "st. kitts", "saint vincent", "st vincent", "st. vincent",
    "st.vincent", "manx", "eire", "trinidad", "virgin islander", "mongol", "rongme",
    "cn 54", "kanaky", "daehan", "dahan minguo", "han guk", "hanguk", "hangug",
    "han'guk", "chosun", "yingguo", "meiguo", "miguk", "hapjungguk", "yeongguk",
    "yongguk", "riben", "ilbon", "yilbon", "hinomoto", "japang", "zhong guo",
    "zhongguo", "jungguk", "chungguk", "chung kuo", "chungkuo", "tsina", "tsaina",
    "chaina", "jhongguo", "yin du", "al hind", "tenjikukoku", "yue nan", "yuenan",
    "bo dao nha", "phu to ga", "peurangseu", "purangsu", "seupein", "supein",
    "eseupanya", "esupanya", "reosia", "venaejae", "venaja", "beurajil", "burajil",
    "burachil", "oseutereillia", "oseutereilia", "osutureillia", "osutureilia",
    "bandaiyan", "areuhentina", "aruhentina", "keadnada", "kaenada", "xanada",
    "kenadian", "gorjestan", "gorjistan", "gurjistan", "gurcistan", "gurjia",
    "bandarikin", "yhdysvallat", "lehabim", "tounes", "mesir", "kemet", "kemmet",
    "kimet", "habeshistan", "new z", "nzer", "brazilo", "france io", "francio",
    "japanio", "italio", "germanio", "indonezio", "hindio", "pakistano", "portugalio",
    "portugalujo", "cxilio", "vjet namo", "ruando", "usona", "m'sia", "s'pore",
    "s'porean", "b'desh", "bdesh", "b desh", "eqguin", "srvn", "lpdr", "rdtl", "drtl",
    "droc", "drotc", "tfyrm", "ukgbni", "u.k.g.b.n.i.", "ukogbani", "tukogbani",
    "us of a", "u s a", "u,s,", "eeuu", "ee.uu.", "ee._uu.", "ee. uu.", "aiea",
    "maurice", "ile maurice", "mauritas", "koweit", "al kuwayt",
}

DROP_KEYS = None   # DROP folded, filled in below

ACRONYMS = {"us", "dpr", "usa", "uk", "uae", "dprk", "drc", "rok", "hksar", "fyrom", "trnc", "dr",
            "rd", "pdr", "nz", "usvi", "dprnk", "u.s.", "u.k.", "u.s.a.", "u.a.e.",
            "d.p.r.k.", "n.z.", "r.o.k.", "d.r.", "uk's"}
PARTICLES = {"de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von",
             "der", "den", "ter", "al", "el", "bin", "ibn", "bint", "y", "e", "la", "of",
             "the", "and", "et", "i"}
NOT_A_PERSON = {"council", "committee", "junta", "government", "presidency", "military",
                "revolutionary", "provisional", "regency", "directory", "triumvirate",
                "commission", "command", "front"}
MONONYMS = {"Suharto", "Hirohito", "Sukarno"}   # one-word names that are unambiguous
ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}

# <Leaders> sub-headings -> role.  Anything else (governors, commissioners, party
# secretaries, juntas, vice-presidents, co-princes, ...) is skipped.
HEAD_OF_STATE = re.compile(
    r"(?i)^(presidents?|interim president|kings?|kings/queens|king/queen|queens?|emirs?|"
    r"sultans?|emperors?(/empresses)?|emperor|shahs|heads? of state|sovereign princes|"
    r"princes/princesses|grand dukes/grand_duchesses|grand dukes/grand duchesses|"
    r"paramount rulers|rulers|chairmen of the presidium of the supreme soviet|"
    r"chairman of the presidium of the supreme people's assembly|"
    r"chairmen of the presidium of the supreme people's assembly|"
    r"chairmen of the presidency of the republic|presidents of the presidency|"
    r"chairman of the state presidency|chairman of the supreme council, president|"
    r"presidents, prime ministers|kings \(title .*\))$")
HEAD_OF_GOV = re.compile(
    r"(?i)^(prime ministers?|premiers?|chancellors|heads of government|chiefs of government|"
    r"chairmen of the council of ministers|chairman of the council of ministers|"
    r"chairmen of the council of ministers \((prime ministers|premiers)|"
    r"presidents of the council of ministers|prime ministers \(presidents of the council of ministers|"
    r"presidents of the executive yuan \(premiers|first prime ministers|government leaders)$")

# <Government> titles -> role (whole title, after removing quoted notes like "Acting").
GOV_TITLES = [
    ("head_of_state", re.compile(r"(?i)^(president|president of the republic|head of state|"
                                 r"chief of state|king|emir|sultan)$")),
    ("head_of_government", re.compile(r"(?i)^(prime minister|premier|president, executive yuan|"
                                      r"prime minister, first lord of the treasury.*)$")),
    ("foreign_minister", re.compile(
        r"(?i)^((minister|secretary( of state)?) (of|for) (foreign (affairs|relations)|"
        r"external (affairs|relations)|foreign and commonwealth affairs)"
        r"( and (international |regional |african |international and regional )?cooperation"
        r"| and trade| and worship| and foreign trade| and external trade"
        r"| and international trade)?|foreign minister)$")),
    ("defence_minister", re.compile(
        r"(?i)^((minister|secretary( of state)?) (of|for) (national )?defen[cs]e"
        r"( and (national security|veterans affairs|security))?|defen[cs]e minister)$")),
    ("interior_minister", re.compile(
        r"(?i)^((minister|secretary( of state)?) (of|for) (the )?(interior|internal affairs|"
        r"home affairs|home department)( and (public security|security|justice|"
        r"decentralization|police|administration))?)$")),
    ("finance_minister", re.compile(
        r"(?i)^((minister|secretary( of state)?) (of|for) (finance|the treasury|treasury|"
        r"economy and finance|economics and finance|economic affairs and finance|"
        r"finance and (economic planning|economic development|planning|treasury|"
        r"national economy|public credit|budget|economy))|chancellor of the exchequer)$")),
]
CHANCELLOR_COUNTRIES = {"DEU", "AUT"}


def _drop_keys():
    return {fold(x) for x in DROP}


def fold(s):
    """Case-fold, drop diacritics, unify apostrophes/hyphens/dots: the comparison key."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("\u2019", "'").replace("-", " ").replace(".", "").casefold()
    return " ".join(s.split())


def cap_word(w, first):
    lw = w.lower()
    if lw in ACRONYMS:
        return w.upper()
    if lw in ROMAN and not first:
        return w.upper()
    if lw in PARTICLES and not first:
        return lw
    parts = re.split(r"([-'])", lw)
    out = []
    for i, p in enumerate(parts):
        if p in ("-", "'") or not p:
            out.append(p)
        elif i > 0 and parts[i - 1] == "-" and p in ("al", "el", "ud", "ul", "ur", "ad", "ed"):
            out.append(p)
        elif i > 1 and parts[i - 1] == "'" and len(parts[i - 2]) > 1:   # "Mu'ammar", "People's"
            out.append(p)
        elif p.startswith("mc") and len(p) > 2:
            out.append("Mc" + p[2].upper() + p[3:])
        else:
            out.append(p[0].upper() + p[1:])
    return "".join(out)


def titlecase(s):
    words = s.split()
    return " ".join(cap_word(w, i == 0) for i, w in enumerate(words))


def clean_entry(raw):
    """'KOREA,_NORTH_' -> None (index form); 'GREAT_BRITAIN_' -> 'Great Britain'."""
    s = raw.split("#", 1)[0].strip()
    if not s:
        return None
    s = s.replace("_", " ").strip()
    if "\ufffd" in s or re.search(r"[(),\[\]{}&0-9]", s):
        return None
    if s.endswith(".") and not re.fullmatch(r"([A-Za-z]\.)+", s.replace(" ", "")):
        return None
    s = " ".join(s.split())
    if re.search(r"[a-z]\.[a-z]", s.lower()):   # "S.korea", "St.lucia": OCR-style joins
        return None
    if fold(s) in DROP_KEYS:
        return None
    return titlecase(s)


def fix_date(d):
    """'20040931' -> '2004-09-30'; '19690101' stays; returns None if unusable."""
    if not re.fullmatch(r"\d{8}", d):
        return None
    y, m, day = int(d[:4]), int(d[4:6]), int(d[6:])
    if not (1800 < y < 2100 and 1 <= m <= 12 and day >= 1):
        return None
    day = min(day, calendar.monthrange(y, m)[1])
    return f"{y:04d}-{m:02d}-{day:02d}"


# ---------------------------------------------------------------------------- parsing

def parse_countryinfo(path):
    """Yield dicts: name, fields{tag: [lines]}, leaders[(heading, line)], government[line]."""
    text = open(path, encoding="utf-8", errors="replace").read()
    text = text[text.index("-->") + 3:]
    cur = None
    section = None
    heading = None
    for line in text.split("\n"):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if line.startswith("<Country>"):
            cur = {"fields": {}, "leaders": [], "government": []}
            section = None
            continue
        if line.startswith("</Country>"):
            if cur:
                yield cur
            cur = None
            continue
        if cur is None:
            continue
        m = re.match(r"^<([A-Za-z0-9-]+)>(.*)</\1>", line)
        if m:
            cur["fields"].setdefault(m.group(1), []).append(m.group(2).strip())
            continue
        m = re.match(r"^<(/?)([A-Za-z0-9-]+)>", line)
        if m:
            section = None if m.group(1) else m.group(2)
            heading = None
            continue
        if section == "Leaders":
            hm = re.match(r"^\s*<(/?)([^>]*)>", line)
            if hm:
                heading = None if hm.group(1) else hm.group(2).replace("_", " ").strip()
                continue
            cur["leaders"].append((heading, line))
        elif section == "Government":
            cur["government"].append(line)
        elif section:
            cur["fields"].setdefault(section, []).append(line)


def split_items(part):
    """Tokenise a leader line into [(names, [brackets])] (a line may hold two people)."""
    # notes in parentheses ("STANKO_TODOROV (ACTING_", "(1ST_TIME_") are not names
    part = re.sub(r"\([^\[\]{}]*", " ", part)
    toks = re.findall(r"\{[^}]*\}|\[[^\]]*\]|[A-Za-z][A-Za-z0-9_.'-]*", part)
    items = []
    prev_bare = False
    for t in toks:
        if t.startswith("["):
            if items:
                items[-1][1].append(t[1:-1].strip())
            prev_bare = False
        else:
            bare = not t.startswith("{")
            name = t.strip("{}").strip()
            if not name:
                continue
            if items and not items[-1][1] and bare and prev_bare:
                # "OMAR_HASSAN_AHMAD  AL-BASHIR_": a stray space inside one
                # name (variants are written in braces), not two names
                items[-1][0][-1] = items[-1][0][-1].rstrip("_") + "_" + name
            elif items and not items[-1][1]:
                items[-1][0].append(name)
            else:
                items.append(([name], []))
            prev_bare = bare
    return items


HYPHEN_GIVEN = {"KOR", "PRK"}   # "Yoo Chang Soon" -> "Yoo Chang-soon" (so no "Soon" surname)


def korean(name):
    w = name.split()
    if len(w) == 3 and all(x.isalpha() for x in w):
        return f"{w[0]} {w[1]}-{w[2].lower()}"
    return name


def person_names(raw_names):
    out = []
    for n in raw_names:
        n = n.replace("_", " ").strip(" .")
        n = " ".join(n.split())
        if not n or re.search(r"\d", n) or len(n) < 3:
            continue
        if re.match(r"(?i)^(acting|foreign minister|minister|sir)\b", n):
            n = re.sub(r"(?i)^(acting minister|acting|foreign minister|minister)\s+", "", n)
            if re.match(r"(?i)^sir\s", n):
                n = n[4:]
            if len(n.split()) < 2:
                continue
        t = titlecase(n)
        if " " not in t and t not in MONONYMS:
            continue              # "Fahd", "Hussein", "Prince": would match anyone so named
        words = t.lower().split()
        if set(words) & NOT_A_PERSON or re.search(r"(?i)\b(st|nd|rd|th) time\b", t) \
                or words[-1] in PARTICLES:
            continue              # "Islamic Revolutionary Council", "St Time", "... al"
        if t not in out:
            out.append(t)
    return out


def leader_role(heading):
    if heading is None:
        return None
    h = heading.strip()
    if HEAD_OF_STATE.match(h):
        return "head_of_state"
    if HEAD_OF_GOV.match(h):
        return "head_of_government"
    return None


def parse_leaders(country):
    """[(names, role, from, to, note)] from <Leaders>."""
    out = []
    for heading, line in country["leaders"]:
        role = leader_role(heading)
        if role is None:
            continue
        part = line.split("#", 1)[0]
        for names, brackets in split_items(part):
            ns = person_names(names)
            if not ns:
                continue
            for b in brackets:
                if b.startswith(("B:", "D:")):
                    continue
                m = re.fullmatch(r"(\d{8})\s*-\s*(\d{8})", b)
                if m:
                    f, t = fix_date(m.group(1)), fix_date(m.group(2))
                    if f and t and f <= t:
                        out.append((ns, role, f, t, None))
                    continue
                m = re.fullmatch(r">\s*(\d{8})", b)
                if m and fix_date(m.group(1)):
                    out.append((ns, role, fix_date(m.group(1)), None, "leaders"))
    return out


def parse_government(country, iso):
    """[(names, role, from, to, note)] from <Government>: titles paired with brackets."""
    out = []
    for line in country["government"]:
        if "#" not in line:
            continue
        part, title = line.split("#", 1)
        title = title.split("#", 1)[0]
        titles = [re.sub(r'"[^"]*"', "", t).strip(" ,") for t in title.split("&")]
        items = split_items(part)
        if len(items) != 1:
            continue
        names, brackets = items[0]
        ns = person_names(names)
        brs = []
        for b in brackets:
            m = re.fullmatch(r"([A-Z]{3})([A-Z]*)\s*(.*)", b)
            if m:
                brs.append((m.group(1), m.group(1) + m.group(2), m.group(3).strip()))
        if not ns or not brs:
            continue
        # pair titles with brackets: one each, or one title per distinct code in order
        if len(titles) == len(brs):
            pairs = list(zip(titles, [[b] for b in brs]))
        else:
            codes = []
            for b in brs:
                if b[1] not in codes:
                    codes.append(b[1])
            if len(codes) != len(titles):
                continue
            pairs = [(t, [b for b in brs if b[1] == c]) for t, c in zip(titles, codes)]
        for t, bs in pairs:
            role = None
            for rid, rx in GOV_TITLES:
                if rx.match(t):
                    role = rid
            if re.fullmatch(r"(?i)chancellor", t) and iso in CHANCELLOR_COUNTRIES:
                role = "head_of_government"
            if re.fullmatch(r"(?i)secretary of state", t) and iso == "USA":
                role = "foreign_minister"
            if re.fullmatch(r"(?i)secretary of (defense|the treasury)", t) and iso == "USA":
                role = "defence_minister" if "defense" in t.lower() else "finance_minister"
            if role is None or role in ("head_of_state", "head_of_government"):
                continue   # <Leaders> (rulers.org) is the better source for these
            for cc, _, d in bs:
                if cc != iso[:3] and not (iso == "XKX" and cc == "KSV"):
                    continue
                m = re.fullmatch(r"(\d{8})\s*-\s*(\d{8})", d)
                if m:
                    f, to = fix_date(m.group(1)), fix_date(m.group(2))
                    if f and to and f <= to:
                        out.append((ns, role, f, to, None))
                    continue
                m = re.fullmatch(r">\s*(\d{8})", d)
                if m and fix_date(m.group(1)):
                    out.append((ns, role, fix_date(m.group(1)), None, "government"))
                    continue
                m = re.fullmatch(r"<\s*(\d{8})", d)
                if m and fix_date(m.group(1)):
                    to = fix_date(m.group(1))
                    if to >= GOV_START:
                        out.append((ns, role, GOV_START, to, "start"))
    return out


# ------------------------------------------------------------------------- overlay

def parse_overlay(path):
    """{code: {'name', 'lines': [(kw, rest)], 'drop': set, 'nocapital': set}}, order."""
    recs, order = {}, []
    cur = None
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        if not line[0].isspace():
            m = re.fullmatch(r"COUNTRY ([A-Z]{3}) \| (.+)", body)
            if not m:
                sys.exit(f"{path}:{ln}: expected 'COUNTRY CODE | Name'")
            code = m.group(1)
            if code in recs:
                sys.exit(f"{path}:{ln}: {code} defined twice")
            cur = recs[code] = {"name": m.group(2).strip(), "lines": [], "drop": set(),
                                "nocapital": set(), "line": ln}
            order.append(code)
            continue
        if cur is None:
            sys.exit(f"{path}:{ln}: detail line outside a record")
        kw, _, rest = body.strip().partition(" ")
        items = [x.strip() for x in rest.split(" | ") if x.strip()]
        if kw == "drop":
            cur["drop"].update(fold(x) for x in items)
        elif kw == "nocapital":
            cur["nocapital"].update(fold(x) for x in items)
        elif kw in ("=", "adj", "people", "capital", "seat"):
            cur["lines"].append((kw, rest.strip()))
        else:
            sys.exit(f"{path}:{ln}: unknown keyword {kw!r}")
    return recs, order


def hand_tenures(paths):
    """{(code, role): [(from, to-or-None)]} from the hand-written role lines."""
    out = {}
    for p in paths:
        if not os.path.exists(p):
            continue
        for line in open(p, encoding="utf-8"):
            m = re.match(r"^\s+role (\S+) (\S+) (\d{4}-\d\d-\d\d) (\S+)", line)
            if m:
                to = None if m.group(4) == "-" else m.group(4)
                out.setdefault((m.group(1), m.group(2)), []).append((m.group(3), to))
    return out


def clip(f, t, hand):
    """Cut a generated tenure [f, t) around the hand-written ones of the same office
    (hand-written data is the authority); returns the pieces left."""
    pieces = [(f, t)]
    for hf, ht in hand:
        ht = ht or "9999-12-31"
        nxt = []
        for a, b in pieces:
            if b <= hf or a >= ht:
                nxt.append((a, b))
                continue
            if a < hf:
                nxt.append((a, hf))
            if b > ht:
                nxt.append((ht, b))
        pieces = nxt
    return [(a, b) for a, b in pieces if a < b]


def hand_person_keys(paths):
    keys = set()
    for p in paths:
        if not os.path.exists(p):
            continue
        for line in open(p, encoding="utf-8"):
            body = line.split("#", 1)[0].rstrip()
            m = re.match(r"^PERSON (.+?) \| ", body)
            if m:
                keys.add(fold(m.group(1)))
            m = re.match(r"^\s+= (.+)$", body)
            if m:
                keys.update(fold(x) for x in m.group(1).split(" | "))
    return keys


# -------------------------------------------------------------------------- output

def wrap(kw, items, width=96):
    """'  kw a | b | c' lines no wider than width."""
    lines, cur = [], []
    for it in items:
        trial = "  " + kw + " " + " | ".join(cur + [it])
        if cur and len(trial) > width:
            lines.append("  " + kw + " " + " | ".join(cur))
            cur = [it]
        else:
            cur.append(it)
    if cur:
        lines.append("  " + kw + " " + " | ".join(cur))
    return lines


def is_adjective(entry, adjs):
    f = fold(entry)
    if f in adjs:
        return True
    last = f.split()[-1]
    return bool(re.search(r"(ian|ean|ese|ish)$", last)) and not re.search(
        r"(stan|land|ia)$", last)


def build_countries(ci, overlay, order):
    """{code: {'name', 'ci_names', 'ci_adj', 'ci_people', 'ci_capital'}}"""
    out = {}
    for c in ci:
        cname = (c["fields"].get("CountryName") or [""])[0]
        if cname not in ISO:
            print(f"countryinfo: unmapped country {cname!r}", file=sys.stderr)
            continue
        iso = ISO[cname]
        if iso is None:
            continue
        rec = out.setdefault(iso, {"ci_names": [], "ci_adj": [], "ci_people": [],
                                   "ci_capital": [], "source": cname, "country": c})
        ov = overlay.get(iso, {"lines": [], "drop": set(), "nocapital": set()})
        hand_adj = set()
        hand_all = set()
        for kw, rest in ov["lines"]:
            for x in rest.split(" | "):
                if kw == "adj":
                    hand_adj.add(fold(x))
                if kw != "seat":
                    hand_all.add(fold(x))
        if iso in overlay:
            hand_all.add(fold(overlay[iso]["name"]))
        hand_all.add(fold(titlecase(cname.replace("_", " "))))
        seen = set(hand_all) | {fold(x) for k in ("ci_names", "ci_adj", "ci_people",
                                                  "ci_capital") for x in rec[k]}
        for raw in c["fields"].get("Nationality", []):
            e = clean_entry(raw)
            if not e or fold(e) in ov["drop"] or fold(e) in seen:
                continue
            seen.add(fold(e))
            f = fold(e)
            if f.endswith("s") and (f[:-1] in hand_adj or f[:-1] in
                                    {fold(a) for a in rec["ci_adj"]}):
                rec["ci_people"].append(e)
            elif is_adjective(e, hand_adj):
                rec["ci_adj"].append(e)
            else:
                rec["ci_names"].append(e)
        for raw in c["fields"].get("Capital", []):
            e = clean_entry(raw)
            if not e or fold(e) in ov["nocapital"] or fold(e) in seen:
                continue
            seen.add(fold(e))
            rec["ci_capital"].append(e)
    return out


def emit_countries(ci_recs, overlay, order, source_name):
    lines = [
        "# GENERATED by tools/countryinfo_import.py -- do not edit: change",
        "# data/src/countries_hand.txt (or the importer) and rerun it.",
        "#",
        f"# COUNTRY records.  Lines under '# from CountryInfo' are derived from {source_name}",
        "# (CountryInfo, Philip A. Schrodt et al., Penn State Event Data Project), licensed",
        "# CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/); this file as a whole is",
        "# therefore also CC BY-SA 3.0.  Lines under '# hand-written' come from",
        "# data/src/countries_hand.txt (dipline's own work).  See data/CREDITS.md.",
        "# Format: data/FORMAT.md.",
        "",
    ]
    codes = sorted(set(ci_recs) | set(order), key=lambda c: (
        (overlay[c]["name"] if c in overlay else ci_recs[c]["source"]).casefold()))
    for code in codes:
        ov = overlay.get(code)
        ci = ci_recs.get(code)
        name = ov["name"] if ov else titlecase(ci["source"].replace("_", " "))
        lines.append(f"COUNTRY {code} | {name}")
        if ov and ov["lines"]:
            lines.append("  # hand-written")
            for kw, rest in ov["lines"]:
                if kw == "seat":
                    lines.append(f"  seat {rest}")
                else:
                    lines.extend(wrap(kw, [x.strip() for x in rest.split(" | ")]))
        if ci and (ci["ci_names"] or ci["ci_adj"] or ci["ci_people"] or ci["ci_capital"]):
            lines.append("  # from CountryInfo")
            for kw, key in (("=", "ci_names"), ("adj", "ci_adj"), ("people", "ci_people"),
                            ("capital", "ci_capital")):
                if ci[key]:
                    lines.extend(wrap(kw, ci[key]))
        lines.append("")
    return lines


def merge_tenures(entries):
    """Merge overlapping closed tenures (from, to, note) of one person in one role."""
    out = []
    for f, t, note in sorted(entries):
        if out and f <= out[-1][1]:
            pf, pt, pn = out[-1]
            out[-1] = (pf, max(pt, t), pn if pt >= t else note)
        else:
            out.append((f, t, note))
    return out


def build_leaders(ci, skip_keys, hand):
    people = {}   # (iso, key) -> {'names': [...], 'roles': {(role): [(f,t,note)]}}
    order = []
    skipped = set()
    for c in ci:
        cname = (c["fields"].get("CountryName") or [""])[0]
        iso = ISO.get(cname)
        if not iso:
            continue
        entries = parse_leaders(c) + parse_government(c, iso)
        for names, role, f, t, note in entries:
            if iso in HYPHEN_GIVEN:
                names = list(dict.fromkeys(korean(n) for n in names))
            if any(fold(n) in skip_keys for n in names):
                skipped.add((names[0], iso, role, f, t))
                continue
            key = None
            for (ciso, k), p in people.items():
                if ciso == iso and any(fold(n) in p["keys"] for n in names):
                    key = (ciso, k)
                    break
            if key is None:
                key = (iso, fold(names[0]))
                people[key] = {"names": [], "keys": set(), "roles": {}, "iso": iso}
                order.append(key)
            p = people[key]
            for n in names:
                if fold(n) not in p["keys"]:
                    p["keys"].add(fold(n))
                    p["names"].append(n)
            p["roles"].setdefault(role, []).append((f, t, note))
    # close open ends at the next holder's start, else at the source's horizon
    starts = {}
    for key, p in people.items():
        for role, ts in p["roles"].items():
            for f, t, note in ts:
                starts.setdefault((p["iso"], role), []).append((f, key))
    for (iso, role), ts in hand.items():
        for f, _ in ts:
            starts.setdefault((iso, role), []).append((f, None))
    for key, p in people.items():
        for role, ts in p["roles"].items():
            closed = []
            for f, t, note in ts:
                if t is None:
                    later = sorted(s for s, k in starts[(p["iso"], role)] if k != key and s > f)
                    if later:
                        t, note = later[0], "next"
                    else:
                        t = GOV_HORIZON if note == "government" else LEADERS_HORIZON
                for a, b in clip(f, t, hand.get((p["iso"], role), [])):
                    if (a, b) != (f, t) and (datetime.date.fromisoformat(b) -
                                             datetime.date.fromisoformat(a)).days < 31:
                        continue          # a sliver left by differing day counts
                    closed.append((a, b, note if (a, b) == (f, t) else "clipped"))
            p["roles"][role] = merge_tenures(closed)
    for key in [k for k, p in people.items() if not any(p["roles"].values())]:
        del people[key]
        order.remove(key)
    return people, order, skipped


NOTES = {
    "leaders": "in office at CountryInfo's last update; end not recorded",
    "government": "in office at Feb 2011 (CIA World Leaders); end not recorded",
    "start": "in office by Jan 2003; earlier start not recorded",
    "next": "end taken as the next holder's start",
    "clipped": "cut to fit the hand-written holders in data/people.txt",
}


def emit_leaders(people, order, source_name):
    lines = [
        "# GENERATED by tools/countryinfo_import.py -- do not edit: add or correct people in",
        "# data/people.txt (a hand-written record there replaces the one generated here) and",
        "# rerun the importer.",
        "#",
        f"# National leaders from {source_name} (CountryInfo, Philip A. Schrodt et al.,",
        "# Penn State Event Data Project; rulers.org and CIA World Leaders 2003-2011), licensed",
        "# CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/); this file as a whole is",
        "# therefore also CC BY-SA 3.0.  See data/CREDITS.md.  Coverage ends in 2011/12: later",
        "# office-holders are in data/people.txt.",
        "",
    ]
    by_iso = {}
    for key in order:
        by_iso.setdefault(people[key]["iso"], []).append(key)
    role_order = ["head_of_state", "head_of_government", "foreign_minister",
                  "defence_minister", "interior_minister", "finance_minister"]
    for iso in sorted(by_iso):
        lines.append(f"# ---- {iso}")
        for key in sorted(by_iso[iso], key=lambda k: min(
                t[0] for ts in people[k]["roles"].values() for t in ts)):
            p = people[key]
            lines.append(f"PERSON {p['names'][0]} | {iso} | GOV")
            if len(p["names"]) > 1:
                lines.extend(wrap("=", p["names"][1:]))
            roles = [(f, r, t, n) for r in role_order for f, t, n in p["roles"].get(r, [])]
            for f, r, t, n in sorted(roles):
                note = f"   # {NOTES[n]}" if n else ""
                lines.append(f"  role {iso} {r} {f} {t}{note}")
        lines.append("")
    return lines


def same_as_file(path, lines):
    text = "\n".join(lines).rstrip("\n") + "\n"
    return os.path.exists(path) and open(path, encoding="utf-8").read() == text


def write_atomic(path, lines):
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(lines).rstrip("\n") + "\n")
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("countryinfo", help="CountryInfo.*.txt")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="list the CountryInfo roles of people left to data/people.txt")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if the outputs are not up to date "
                    "(77, 'skipped', when the CountryInfo file is absent)")
    ap.add_argument("--overlay", default=os.path.join(ROOT, "data/src/countries_hand.txt"))
    ap.add_argument("--hand", action="append",
                    help="hand-written PERSON files (default data/people.txt)")
    ap.add_argument("--countries-out", default=os.path.join(ROOT, "data/countries.txt"))
    ap.add_argument("--leaders-out", default=os.path.join(ROOT, "data/leaders.txt"))
    a = ap.parse_args()
    global DROP_KEYS
    DROP_KEYS = _drop_keys()
    hand = a.hand or [os.path.join(ROOT, "data/people.txt")]
    if not os.path.exists(a.countryinfo):
        print(f"countryinfo_import: {a.countryinfo}: not found", file=sys.stderr)
        sys.exit(77 if a.check else 1)
    source_name = os.path.basename(a.countryinfo)
    ci = list(parse_countryinfo(a.countryinfo))
    overlay, order = parse_overlay(a.overlay)
    crecs = build_countries(ci, overlay, order)
    clines = emit_countries(crecs, overlay, order, source_name)
    people, porder, skipped = build_leaders(ci, hand_person_keys(hand), hand_tenures(hand))
    llines = emit_leaders(people, porder, source_name)
    if a.check:
        stale = [p for p, ls in ((a.countries_out, clines), (a.leaders_out, llines))
                 if not same_as_file(p, ls)]
        for p in stale:
            print(f"countryinfo_import: {p} is out of date: rerun the importer",
                  file=sys.stderr)
        sys.exit(1 if stale else 0)
    write_atomic(a.countries_out, clines)
    write_atomic(a.leaders_out, llines)
    if a.verbose:
        for name, iso, role, f, t in sorted(skipped, key=lambda x: (x[1], x[0], x[3])):
            print(f"  left to data/people.txt: {name} {iso} {role} {f} {t or '>'}",
                  file=sys.stderr)
    print(f"countryinfo_import: {len(set(crecs) | set(order))} countries, "
          f"{len(people)} leaders ({len({x[0] for x in skipped})} left to data/people.txt)",
          file=sys.stderr)


if __name__ == "__main__":
    main()

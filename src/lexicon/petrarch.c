/* petrarch.c - reading the PETRARCH-2 / TABARI dictionary formats
 * (documented in PETRARCH-2's dictionaries.rst) into a dl_lexicon, so that
 * `--actors`, `--agents` and `--verbs` take the Phoenix and validation
 * dictionaries as they are.  The format is told by content, not by name.
 *
 * Actors.  A record is a primary phrase line, '+' synonym lines and
 * tab-indented date restrictions "[CODE <date]", "[CODE >date]",
 * "[CODE date-date]" (dates YYYYMMDD or YYMMDD, YY <= 30 meaning 20YY) or
 * "[CODE]" (the default); the primary line may carry the codes too.  As in
 * PETRARCH, primary lines without a code join the next coded record.  A
 * CAMEO code splits into dipline's country and sector by
 * data/petrarch_codes.txt (IGOUNO -> UN, USAGOV -> USA + GOV).  Records
 * become:
 *   - with date restrictions: a PERSON whose periods are tenures of a
 *     sector role ("cameo:GOV"), so the code follows the article's date;
 *     earlier restrictions win where periods overlap, as in PETRARCH;
 *   - a bare country/organisation code: that COUNTRY or ORG (names added to
 *     an earlier record of the same code);
 *   - country + sector ("ISRAELI_TROOPS [ISRMIL]"): a seat of that sector
 *     of the country ("seat MIL" in data/FORMAT.md);
 *   - a sector alone ("[ELI]"): a generic agent of that sector.
 * Null codes ("---", "+++") make no actor.  Names are matched capitalised;
 * one-word names of up to three letters ("UN", "US") only in capitals.
 *
 * Agents.  "PHRASE {PLURAL} [~CODE]" or "[CODE~]", "!SET! = A, B" sets
 * substituted into phrases ("CONGRESS!PERSON!").  Regular plurals are made
 * unless {} says otherwise.  The code, before or after the '~', becomes the
 * agent's sector (dipline's codes put the country first either way).
 *
 * Verbs.  dipline's verb format is a dialect of PETRARCH's; PETRARCH's
 * XML comment lines ("<!-- ... -->") are blanked and the rest read by
 * verbs.c. */
#include <stdlib.h>
#include <string.h>

#include "lexicon_private.h"
#include "morph.h"
#include "petrarch.h"

#define NOMEM() dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory")

/* ---- format detection ----------------------------------------------------- */

/* The first line that is not blank, a '#' comment or an XML comment. */
static bool first_line(const char *text, size_t len, const char **s, size_t *n) {
    dl_lines it = {text, text + len, 0};
    while (dl_lines_next(&it, s, n, true)) {
        dl_trim(s, n);
        if (*n && **s != '<') return true;
    }
    return false;
}

static bool starts_word(const char *s, size_t n, const char *w) {
    size_t k = strlen(w);
    return n > k && strncmp(s, w, k) == 0 && (s[k] == ' ' || s[k] == '\t');
}

static bool has_xml_comment_line(const char *text, size_t len) {
    dl_lines it = {text, text + len, 0};
    const char *s;
    size_t n;
    while (dl_lines_next(&it, &s, &n, false)) {
        dl_trim(&s, &n);
        if (n >= 2 && s[0] == '<' && s[1] == '!') return true;
    }
    return false;
}

dl_lex_loader dl_petr_loader(dl_lex_loader ours, const char *text, size_t len) {
    const char *s;
    size_t n;
    bool any = first_line(text, len, &s, &n);
    if (ours == dl_lex_load_actors) {
        if (any && !starts_word(s, n, "COUNTRY") && !starts_word(s, n, "ORG") && !starts_word(s, n, "PERSON"))
            return dl_petr_load_actors;
    } else if (ours == dl_lex_load_agents) {
        if (any && !starts_word(s, n, "AGENT")) return dl_petr_load_agents;
    } else if (ours == dl_lex_load_verbs) {
        if (has_xml_comment_line(text, len)) return dl_petr_load_verbs;
    }
    return ours;
}

/* ---- codes ------------------------------------------------------------------ */

typedef struct {
    char prefix[16], code[12];
} org_prefix;

typedef struct {
    VEC(org_prefix) orgs;
    VEC(uint32_t) sectors; /* three letters packed */
} code_table;

static uint32_t pack3(const char *s) { return (uint32_t)s[0] << 16 | (uint32_t)s[1] << 8 | (uint32_t)s[2]; }

static bool load_code_table(code_table *t) {
    size_t len;
    const char *text = dl_data_get("petrarch_codes.txt", &len);
    if (!text) return true;
    dl_lines it = {text, text + len, 0};
    const char *s;
    size_t n;
    while (dl_lines_next(&it, &s, &n, true)) {
        char line[256], a[16], b[16];
        dl_trim(&s, &n);
        if (!n || n >= sizeof line) continue;
        memcpy(line, s, n);
        line[n] = 0;
        if (sscanf(line, "ORG %15s %15s", a, b) == 2) {
            org_prefix o = {{0}, {0}};
            snprintf(o.prefix, sizeof o.prefix, "%s", a);
            snprintf(o.code, sizeof o.code, "%.11s", b);
            if (!vec_push(&t->orgs, o)) return false;
        } else if (strncmp(line, "SECTOR ", 7) == 0) {
            for (char *save, *w = strtok_r(line + 7, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
                if (strlen(w) == 3 && !vec_push(&t->sectors, pack3(w))) return false;
        }
    }
    return true;
}

static void free_code_table(code_table *t) {
    free(t->orgs.v);
    free(t->sectors.v);
}

/* Split a CAMEO code into country and sector ("" when none); false for a
 * null code.  *org tells an organisation. */
static bool split_code(const code_table *t, const char *code, char country[12], char sector[8], bool *org) {
    country[0] = sector[0] = 0;
    *org = false;
    size_t n = strlen(code);
    if (!n || code[0] == '-' || code[0] == '+' || code[0] == '#') return false;
    size_t best = 0;
    const char *mapped = NULL;
    for (size_t i = 0; i < t->orgs.n; i++) {
        size_t pl = strlen(t->orgs.v[i].prefix);
        if (pl > best && pl <= n && strncmp(code, t->orgs.v[i].prefix, pl) == 0) {
            best = pl;
            mapped = t->orgs.v[i].code;
        }
    }
    if (mapped) {
        snprintf(country, 12, "%s", mapped);
        snprintf(sector, 8, "%s", code + best);
        *org = true;
        return true;
    }
    if (n == 3)
        for (size_t i = 0; i < t->sectors.n; i++)
            if (t->sectors.v[i] == pack3(code)) {
                snprintf(sector, 8, "%s", code);
                return true;
            }
    size_t cl = n < 3 ? n : 3;
    memcpy(country, code, cl);
    country[cl] = 0;
    snprintf(sector, 8, "%s", code + cl);
    *org = strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0 || strncmp(code, "NGM", 3) == 0 ||
           strncmp(code, "MNC", 3) == 0 || strncmp(code, "IMG", 3) == 0;
    return true;
}

/* ---- dates ------------------------------------------------------------------ */

/* "20130119", "950601": PETRARCH's YYYYMMDD (8 digits) or YYMMDD. */
static dl_day petr_day(const char *s, size_t n) {
    int y, m, d;
    char buf[16];
    if (n < 6 || n >= sizeof buf) return DL_DAY_NONE;
    memcpy(buf, s, n);
    buf[n] = 0;
    if (n > 7) {
        if (sscanf(buf, "%4d%2d%2d", &y, &m, &d) != 3) return DL_DAY_NONE;
    } else {
        if (sscanf(buf, "%2d%2d%2d", &y, &m, &d) != 3) return DL_DAY_NONE;
        y += y <= 30 ? 2000 : 1900;
    }
    if (m < 1 || m > 12 || d < 1 || d > dl_days_in_month(y, m)) return DL_DAY_NONE;
    return dl_day_from_ymd(y, m, d);
}

#define DAY_MIN (INT32_MIN + 1)
#define DAY_MAX INT32_MAX

/* ---- actor records ----------------------------------------------------------- */

typedef struct {
    const char *s;
    size_t n;
    long line;
} span;

typedef struct {
    char code[24];
    dl_day from, to; /* DAY_MIN / DAY_MAX when open */
    bool dated;
    long line;
} code_entry;

typedef struct {
    size_t first_phrase, n_phrases, first_code, n_codes;
} record;

typedef struct {
    VEC(span) phrases;
    VEC(code_entry) codes;
    VEC(record) recs;
    code_table table;
    dl_lexicon *lex;
    uint32_t file;
} actor_load;

/* Parse "[CODE]" or "[CODE <date]" ... at s (after '['), up to ']'. */
static bool parse_restriction(const char *s, size_t n, code_entry *e) {
    const char *end = memchr(s, ']', n);
    if (!end) end = s + n;
    const char *p = s;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    const char *c = p;
    while (p < end && *p != ' ' && *p != '\t' && *p != '<' && *p != '>') p++;
    size_t cl = (size_t)(p - c);
    /* alternatives "ELR/GAL": the first */
    const char *slash = memchr(c, '/', cl);
    if (slash) cl = (size_t)(slash - c);
    if (!cl || cl >= sizeof e->code) return false;
    for (size_t i = 0; i < cl; i++) e->code[i] = (char)(c[i] >= 'a' && c[i] <= 'z' ? c[i] - 32 : c[i]);
    e->code[cl] = 0;
    e->from = DAY_MIN;
    e->to = DAY_MAX;
    e->dated = false;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    if (p == end) return true;
    char op = *p == '<' || *p == '>' ? *p++ : 0;
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    const char *d1 = p;
    while (p < end && dl_isdigit((unsigned char)*p)) p++;
    dl_day a = petr_day(d1, (size_t)(p - d1));
    if (a == DL_DAY_NONE) return false;
    e->dated = true;
    if (op == '<') e->to = a;
    else if (op == '>') e->from = a;
    else {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '-')) p++;
        const char *d2 = p;
        while (p < end && dl_isdigit((unsigned char)*p)) p++;
        dl_day b = petr_day(d2, (size_t)(p - d2));
        if (b == DL_DAY_NONE || b < a) return false;
        e->from = a;
        e->to = b;
    }
    return true;
}

/* Every "[...]" of a line from s. */
static bool add_codes(actor_load *L, const char *s, size_t n, long line) {
    for (const char *p = s, *end = s + n; (p = memchr(p, '[', (size_t)(end - p))); p++) {
        code_entry e = {.line = line};
        /* a restriction that does not parse is skipped, as PETRARCH does */
        if (parse_restriction(p + 1, (size_t)(end - p - 1), &e) && !vec_push(&L->codes, e)) return false;
    }
    return true;
}

static bool add_span(actor_load *L, const char *s, size_t n, long line) {
    while (n && (s[n - 1] == '_' || s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    while (n && (*s == ' ' || *s == '\t' || *s == '_')) s++, n--;
    if (!n) return true;
    return vec_push(&L->phrases, ((span){s, n, line}));
}

/* Cut a line at '#' or ';' (comments). */
static size_t uncomment(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] == '#' || s[i] == ';') return i;
    return n;
}

static bool parse_actor_records(actor_load *L, const char *text, size_t len) {
    dl_lines it = {text, text + len, 0};
    const char *s;
    size_t n;
    record cur = {0};
    bool in_xml = false;
    while (dl_lines_next(&it, &s, &n, false)) {
        if (in_xml || (n && s[0] == '<')) {
            /* XML comments: whole lines, possibly several */
            const char *open = n >= 4 ? memchr(s, '<', n) : NULL;
            bool opens = open && (size_t)(s + n - open) >= 4 && strncmp(open, "<!--", 4) == 0;
            bool closes = false;
            for (size_t i = 0; i + 2 < n; i++) closes |= strncmp(s + i, "-->", 3) == 0;
            if (opens && !closes) in_xml = true;
            else if (closes) in_xml = false;
            continue;
        }
        n = uncomment(s, n);
        bool stop = false;
        for (size_t i = 0; i + 10 <= n && !stop; i++) stop = strncmp(s + i, "---STOP---", 10) == 0;
        if (stop) break;
        bool indented = n && (s[0] == '\t' || s[0] == ' ');
        const char *t = s;
        size_t tn = n;
        dl_trim(&t, &tn);
        if (!tn) continue;
        if (indented && t[0] == '[') {
            if (!add_codes(L, t, tn, it.line)) return false;
            cur.n_codes = L->codes.n - cur.first_code;
            continue;
        }
        const char *lb = memchr(t, '[', tn);
        size_t pl = lb ? (size_t)(lb - t) : tn;
        if (t[0] == '+') {
            if (!add_span(L, t + 1, pl - 1, it.line)) return false;
            cur.n_phrases = L->phrases.n - cur.first_phrase;
            continue;
        }
        /* a primary phrase: a new record once the current one has codes */
        if (cur.n_codes) {
            if (!vec_push(&L->recs, cur)) return false;
            cur = (record){L->phrases.n, 0, L->codes.n, 0};
        }
        if (!add_span(L, t, pl, it.line)) return false;
        cur.n_phrases = L->phrases.n - cur.first_phrase;
        if (lb && !add_codes(L, lb, tn - pl, it.line)) return false;
        cur.n_codes = L->codes.n - cur.first_code;
    }
    if (cur.n_codes && !vec_push(&L->recs, cur)) return false;
    return true;
}

/* A display name from a dictionary phrase: "UNITED_STATES" -> "United
 * States"; short words without vowels stay in capitals ("UN"). */
static const char *display_name(dl_lexicon *lex, const char *s, size_t n) {
    char buf[256];
    if (n >= sizeof buf) n = sizeof buf - 1;
    size_t k = 0;
    if (n > 4 && dl_strncasecmp(s, "the", 3) == 0 && (s[3] == '_' || s[3] == ' ')) s += 4, n -= 4;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '_' && s[j] != ' ') j++;
        bool vowel = false;
        for (size_t q = i; q < j; q++) vowel |= strchr("AEIOUYaeiouy", s[q]) != NULL;
        bool keep = j - i <= 3 && !vowel;
        bool small = k && ((j - i == 2 && (dl_strncasecmp(s + i, "of", 2) == 0 || dl_strncasecmp(s + i, "on", 2) == 0)) ||
                           (j - i == 3 && (dl_strncasecmp(s + i, "the", 3) == 0 || dl_strncasecmp(s + i, "and", 3) == 0 ||
                                           dl_strncasecmp(s + i, "for", 3) == 0)));
        bool start = true;
        for (size_t q = i; q < j && k + 1 < sizeof buf; q++) {
            char c = s[q];
            if (!keep) c = (char)(start && !small ? (c >= 'a' && c <= 'z' ? c - 32 : c) : dl_lower((unsigned char)c));
            buf[k++] = c;
            start = c == '-' || c == '.' || c == '\'';
        }
        if (j < n && k + 1 < sizeof buf) buf[k++] = ' ';
        i = j + 1;
    }
    while (k && buf[k - 1] == ' ') k--;
    return dl_lex_str(lex, buf, k);
}

/* Register a phrase in lower case with the given meaning. */
static dl_status add_lower(dl_lexicon *lex, const char *s, size_t n, dl_phrase ph, dl_error *err) {
    char buf[256];
    if (n >= sizeof buf) return DL_OK; /* longer than any phrase can match */
    size_t letters = 0;
    bool one_word = true;
    for (size_t i = 0; i < n; i++) {
        char c = s[i] == '_' ? ' ' : s[i];
        buf[i] = (char)dl_lower((unsigned char)c);
        if (c == ' ') one_word = false;
        if (dl_isalpha((unsigned char)c)) letters++;
    }
    if (ph.kind != DL_PH_AGENT && one_word && letters == n && n >= 2 && n <= 3) ph.flags |= DL_PHF_UPPER;
    return dl_lex_add_phrase(lex, buf, n, ph, err);
}

static uint32_t sector_role(dl_lexicon *lex, const char *sector, dl_error *err, dl_status *st) {
    char id[16];
    snprintf(id, sizeof id, "cameo:%s", sector);
    uint32_t r = dl_lexicon_find_role(lex, id);
    if (r != DL_WORD_NONE) return r;
    dl_role_def rd = {.id = dl_lex_str(lex, id, strlen(id))};
    snprintf(rd.sector, sizeof rd.sector, "%s", sector);
    if (!rd.id || !vec_push(&lex->roles, rd)) {
        *st = NOMEM();
        return DL_WORD_NONE;
    }
    return (uint32_t)(lex->roles.n - 1);
}

/* The country or organisation actor with this code, created when missing
 * (named by `name`, or the code). */
static uint32_t place_actor(actor_load *L, const char *code, bool org, const span *name, uint32_t where) {
    uint32_t a = dl_lexicon_find_code(L->lex, code);
    if (a != DL_WORD_NONE) return a;
    dl_actor_def d = {.kind = org ? DL_ACTOR_ORG : DL_ACTOR_COUNTRY, .where = where};
    snprintf(d.code, sizeof d.code, "%s", code);
    d.name = name ? display_name(L->lex, name->s, name->n) : dl_lex_str(L->lex, code, strlen(code));
    if (!d.name || !vec_push(&L->lex->actors, d) ||
        !dl_lex_index_code(L->lex, &d, (uint32_t)(L->lex->actors.n - 1)))
        return DL_WORD_NONE;
    return (uint32_t)(L->lex->actors.n - 1);
}

/* Add [from, to] minus the periods already taken (earlier restrictions
 * win) as tenures of `actor`. */
static bool add_periods(dl_lexicon *lex, uint32_t actor, uint32_t role, const char *country, dl_day from, dl_day to,
                        const dl_day (*taken)[2], size_t n_taken) {
    if (from > to) return true;
    for (size_t i = 0; i < n_taken; i++) {
        if (taken[i][1] < from || taken[i][0] > to) continue;
        /* split around the taken period */
        if (taken[i][0] > from && !add_periods(lex, actor, role, country, from, taken[i][0] - 1, taken + i + 1, n_taken - i - 1))
            return false;
        return taken[i][1] >= to || add_periods(lex, actor, role, country, taken[i][1] + 1, to, taken, n_taken);
    }
    dl_tenure t = {.actor = actor, .role = role, .from = from == DAY_MIN ? DL_DAY_NONE : from,
                   .to = to == DAY_MAX ? DL_DAY_NONE : to};
    snprintf(t.country, sizeof t.country, "%s", country);
    return vec_push(&lex->tenures, t);
}

static dl_status build_record(actor_load *L, const record *r, bool places, dl_error *err) {
    dl_lexicon *lex = L->lex;
    const code_entry *codes = L->codes.v + r->first_code;
    const span *ph = L->phrases.v + r->first_phrase;
    if (!r->n_phrases) return DL_OK;
    bool dated = false;
    const code_entry *def = NULL;
    for (size_t i = 0; i < r->n_codes; i++) {
        if (codes[i].dated) dated = true;
        else if (!def) def = &codes[i];
    }
    char country[12], sector[8];
    bool org;
    uint32_t where0 = WHERE(L->file, ph[0].line);
    if (!dated) {
        if (!def || !split_code(&L->table, def->code, country, sector, &org)) return DL_OK;
        bool bare = country[0] && !sector[0];
        if (bare != places) return DL_OK; /* countries first, then the rest */
        dl_phrase p = {.where = where0};
        if (!country[0]) {
            /* a sector alone: a generic agent */
            dl_agent_def ag = {.where = where0};
            snprintf(ag.sector, sizeof ag.sector, "%s", sector);
            if (!vec_push(&lex->agents, ag)) return NOMEM();
            p.kind = DL_PH_AGENT;
            p.index = (uint32_t)(lex->agents.n - 1);
        } else {
            uint32_t a = place_actor(L, country, org, bare ? &ph[0] : NULL, where0);
            if (a == DL_WORD_NONE) return NOMEM();
            p.index = a;
            p.kind = bare ? DL_PH_NAME : DL_PH_SEAT;
            p.flags = DL_PHF_CAP;
            if (!bare) snprintf(p.sector, sizeof p.sector, "%s", sector);
        }
        for (size_t i = 0; i < r->n_phrases; i++) {
            p.where = WHERE(L->file, ph[i].line);
            dl_status st = add_lower(lex, ph[i].s, ph[i].n, p, err);
            if (st != DL_OK) return st;
        }
        return DL_OK;
    }
    if (places) return DL_OK;
    /* a person whose code depends on the date */
    dl_actor_def d = {.kind = DL_ACTOR_PERSON, .where = where0};
    if (def && split_code(&L->table, def->code, country, sector, &org)) {
        snprintf(d.code, sizeof d.code, "%s", country);
        snprintf(d.sector, sizeof d.sector, "%s", sector);
    }
    d.name = display_name(lex, ph[0].s, ph[0].n);
    if (!d.name || !vec_push(&lex->actors, d) || !dl_lex_index_code(lex, &d, (uint32_t)(lex->actors.n - 1)))
        return NOMEM();
    uint32_t actor = (uint32_t)(lex->actors.n - 1);
    dl_day taken[32][2];
    size_t n_taken = 0;
    for (size_t i = 0; i < r->n_codes; i++) {
        if (!codes[i].dated) continue;
        if (!split_code(&L->table, codes[i].code, country, sector, &org)) country[0] = sector[0] = 0;
        dl_status st = DL_OK;
        uint32_t role = sector_role(lex, sector, err, &st);
        if (st != DL_OK) return st;
        if (!add_periods(lex, actor, role, country, codes[i].from, codes[i].to, (const dl_day(*)[2])taken, n_taken))
            return NOMEM();
        if (n_taken < 32) {
            taken[n_taken][0] = codes[i].from;
            taken[n_taken][1] = codes[i].to;
            n_taken++;
        }
    }
    dl_phrase p = {.kind = DL_PH_NAME, .index = actor, .flags = DL_PHF_CAP};
    for (size_t i = 0; i < r->n_phrases; i++) {
        p.where = WHERE(L->file, ph[i].line);
        dl_status st = add_lower(lex, ph[i].s, ph[i].n, p, err);
        if (st != DL_OK) return st;
    }
    return DL_OK;
}

dl_status dl_petr_load_actors(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err) {
    actor_load L = {.lex = lex, .file = file};
    dl_status st = load_code_table(&L.table) && parse_actor_records(&L, text, len) ? DL_OK : NOMEM();
    /* countries and organisations first: seats and people refer to them */
    for (int places = 1; places >= 0; places--)
        for (size_t i = 0; st == DL_OK && i < L.recs.n; i++) st = build_record(&L, &L.recs.v[i], places, err);
    free(L.phrases.v);
    free(L.codes.v);
    free(L.recs.v);
    free_code_table(&L.table);
    return st;
}

/* ---- agents ----------------------------------------------------------------- */

typedef struct {
    char name[32];       /* "!PERSON!" */
    const char *items;   /* "MAN, MEN, ..." */
    size_t n;
} subst_set;

static dl_status agent_phrase(dl_lexicon *lex, const char *s, size_t n, dl_phrase ph, bool plural, const char *pl,
                              size_t pln, dl_error *err) {
    dl_status st = add_lower(lex, s, n, ph, err);
    if (st != DL_OK || !plural) return st;
    if (pl) return pln ? add_lower(lex, pl, pln, ph, err) : DL_OK;
    /* the regular plural of the last word */
    char buf[256], low[64], out[80];
    if (n >= sizeof buf) return DL_OK;
    memcpy(buf, s, n);
    buf[n] = 0;
    char *last = buf + n;
    while (last > buf && last[-1] != '_' && last[-1] != ' ') last--;
    size_t ll = strlen(last);
    if (ll < 2 || ll >= sizeof low) return DL_OK;
    for (size_t i = 0; i <= ll; i++) low[i] = (char)dl_lower((unsigned char)last[i]);
    dl_morph_plural(low, out);
    char full[320];
    int k = snprintf(full, sizeof full, "%.*s%s", (int)(last - buf), buf, out);
    return k > 0 && (size_t)k < sizeof full ? add_lower(lex, full, (size_t)k, ph, err) : DL_OK;
}

dl_status dl_petr_load_agents(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err) {
    dl_lines it = {text, text + len, 0};
    const char *s;
    size_t n;
    VEC(subst_set) sets = {0};
    dl_status st = DL_OK;
    while (st == DL_OK && dl_lines_next(&it, &s, &n, true)) {
        dl_trim(&s, &n);
        if (!n || s[0] == '<') continue;
        uint32_t where = WHERE(file, it.line);
        if (s[0] == '!') {
            /* "!PERSON! = MAN, MEN, WOMAN" */
            const char *close = memchr(s + 1, '!', n - 1), *eq = memchr(s, '=', n);
            if (close && eq && eq > close && (size_t)(close - s + 1) < sizeof(((subst_set *)0)->name)) {
                subst_set ss = {{0}, eq + 1, (size_t)(s + n - eq - 1)};
                memcpy(ss.name, s, (size_t)(close - s + 1));
                if (!vec_push(&sets, ss)) st = NOMEM();
            }
            continue;
        }
        const char *lb = memchr(s, '[', n);
        if (!lb) continue; /* no code: nothing to register */
        const char *rb = memchr(lb, ']', (size_t)(s + n - lb));
        const char *c = lb + 1, *ce = rb ? rb : s + n;
        while (c < ce && (*c == ' ' || *c == '~')) c++;
        const char *cend = c;
        while (cend < ce && *cend != ' ' && *cend != '~' && *cend != '}') cend++;
        if (cend == c || cend - c >= 8) continue; /* no usable code */
        dl_agent_def ag = {.where = where};
        for (size_t i = 0; i < (size_t)(cend - c); i++) ag.sector[i] = (char)(c[i] >= 'a' && c[i] <= 'z' ? c[i] - 32 : c[i]);
        if (!vec_push(&lex->agents, ag)) {
            st = NOMEM();
            break;
        }
        dl_phrase ph = {.kind = DL_PH_AGENT, .index = (uint32_t)(lex->agents.n - 1), .where = where};
        /* the phrase and its {plural} */
        const char *brace = memchr(s, '{', (size_t)(lb - s));
        const char *pe = brace ? brace : lb;
        const char *pl = NULL;
        size_t pln = 0;
        if (brace) {
            const char *bc = memchr(brace, '}', (size_t)(lb - brace));
            pl = brace + 1;
            pln = bc ? (size_t)(bc - pl) : 0;
            dl_trim(&pl, &pln);
        }
        size_t phn = (size_t)(pe - s);
        while (phn && (s[phn - 1] == ' ' || s[phn - 1] == '\t' || s[phn - 1] == '_')) phn--;
        if (!phn) continue;
        /* a substitution set: every item in place of the marker, no plurals */
        const char *bang = memchr(s, '!', phn);
        const subst_set *set = NULL;
        for (size_t i = 0; bang && i < sets.n && !set; i++) {
            size_t nl = strlen(sets.v[i].name);
            if ((size_t)(s + phn - bang) >= nl && strncmp(bang, sets.v[i].name, nl) == 0) set = &sets.v[i];
        }
        if (!set) {
            st = agent_phrase(lex, s, phn, ph, true, pl, pln, err);
            continue;
        }
        size_t before = (size_t)(bang - s), nl = strlen(set->name);
        const char *after = bang + nl;
        size_t an = phn - before - nl;
        for (const char *p = set->items, *end = set->items + set->n; st == DL_OK && p < end;) {
            const char *comma = memchr(p, ',', (size_t)(end - p));
            const char *ie = comma ? comma : end;
            const char *item = p;
            size_t il = (size_t)(ie - p);
            dl_trim(&item, &il);
            char buf[256];
            int k = snprintf(buf, sizeof buf, "%.*s%.*s%.*s", (int)before, s, (int)il, item, (int)an, after);
            if (il && k > 0 && (size_t)k < sizeof buf) st = agent_phrase(lex, buf, (size_t)k, ph, false, NULL, 0, err);
            p = comma ? comma + 1 : end;
        }
    }
    free(sets.v);
    return st;
}

/* ---- verbs ------------------------------------------------------------------ */

/* A comment ('#') that cuts a line's last "[...]": PETRARCH skips such
 * lines; so do we (blanked). */
static bool broken_code(const char *p, const char *e) {
    const char *h = memchr(p, '#', (size_t)(e - p));
    if (!h) return false;
    const char *lb = NULL;
    for (const char *r = p; r < h; r++)
        if (*r == '[') lb = r;
    return lb && !memchr(lb, ']', (size_t)(h - lb));
}

dl_status dl_petr_load_verbs(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err) {
    /* blank the XML comment lines (line numbers stay) */
    char *copy = malloc(len + 1);
    if (!copy) return NOMEM();
    memcpy(copy, text, len);
    copy[len] = 0;
    bool in_xml = false;
    for (char *p = copy, *end = copy + len; p < end;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        char *e = nl ? nl : end;
        char *q = p;
        while (q < e && (*q == ' ' || *q == '\t')) q++;
        if (broken_code(p, e)) memset(p, ' ', (size_t)(e - p));
        bool xml = in_xml || (q < e && *q == '<');
        if (xml) {
            bool opens = (size_t)(e - q) >= 4 && strncmp(q, "<!--", 4) == 0;
            bool closes = false;
            for (char *r = p; r + 2 < e; r++) closes |= strncmp(r, "-->", 3) == 0;
            if (opens && !closes) in_xml = true;
            else if (closes) in_xml = false;
            memset(p, ' ', (size_t)(e - p));
        }
        /* TABARI's discard and null codes "[###]", "[+++]": no event */
        for (char *r = p; r + 5 <= e; r++)
            if (r[0] == '[' && r[4] == ']' && ((r[1] == '#' && r[2] == '#' && r[3] == '#') || (r[1] == '+' && r[2] == '+' && r[3] == '+')))
                memcpy(r + 1, "---", 3);
        p = e + 1;
    }
    dl_status st = dl_lex_load_verbs(lex, copy, len, file, err);
    free(copy);
    return st;
}

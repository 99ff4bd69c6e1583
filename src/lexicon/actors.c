/* actors.c - actors, roles and agents (data/FORMAT.md): parsing, the phrase
 * trie, and who held which office when. */
#include <stdlib.h>
#include <string.h>

#include "dipline/text.h"
#include "lexicon_private.h"
#include "morph.h"

#define MAX_PHRASE 24

/* Words that belong to a surname ("von der Leyen", "al-Assad"). */
static const char *const particles[] = {"von", "van", "der", "den", "de", "del", "della", "di", "da", "du",
                                         "le", "la", "al", "el", "bin", "ibn", "ben", "abu", "dos", "das",
                                         "-", "ter", "ten", "st", "mac", "y", NULL};

static bool is_particle(const char *w) {
    for (const char *const *p = particles; *p; p++)
        if (strcmp(*p, w) == 0) return true;
    return false;
}

/* Register `phrase` (len bytes) with meaning `ph`. */
static dl_status add_phrase(dl_lexicon *lex, const char *phrase, size_t len, dl_phrase ph, dl_error *err) {
    uint32_t ids[MAX_PHRASE];
    dl_trim(&phrase, &len);
    if (!len) return DL_OK;
    size_t n = dl_lex_phrase_ids(lex, phrase, len, ids, MAX_PHRASE);
    if (!n) return dl_error_set(err, DL_ERR_INPUT, dl_lexicon_where(lex, ph.where), -1, -1,
                                "phrase too long or out of memory: %.*s", (int)len, phrase);
    /* All-capital short words ("US", "UN", "WHO") must be capitals in text. */
    bool upper = n == 1 && len <= 4 && len >= 2;
    bool letters = false;
    for (size_t i = 0; i < len && upper; i++) {
        char c = phrase[i];
        if (c >= 'a' && c <= 'z') upper = false;
        if (c >= 'A' && c <= 'Z') letters = true;
    }
    if (upper && letters) ph.flags |= DL_PHF_UPPER;
    size_t start = 0;
    /* "the Kremlin" also matches "Kremlin" */
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            if (n < 2 || strcmp(dl_interned(&lex->words, ids[0]), "the") != 0) break;
            start = 1;
        }
        uint32_t node = 0;
        lex->starts.v[ids[start]] |= STARTS_ACTOR; /* dl_lex_phrase_ids grew the word arrays */
        for (size_t i = start + 1; i < n; i++) lex->starts.v[ids[i]] |= IN_ACTOR;
        for (size_t i = start; i < n && node != DL_NO_ID; i++) node = dl_trie_step(&lex->ptrie, node, ids[i], 1);
        if (node == DL_NO_ID) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
        ph.n_words = (uint8_t)(n - start);
        node_phrase np = {node, ph};
        if (!vec_push(&lex->nodeph, np)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
        lex->n_phrases++;
    }
    return DL_OK;
}

dl_status dl_lex_add_phrase(dl_lexicon *lex, const char *phrase, size_t len, dl_phrase ph, dl_error *err) {
    return add_phrase(lex, phrase, len, ph, err);
}

static bool is_regnal_or_suffix(const char *w, size_t n) {
    static const char *const x[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
                                    "Jr", "Jr.", "Sr", "Sr.", NULL};
    for (const char *const *p = x; *p; p++)
        if (strlen(*p) == n && strncmp(*p, w, n) == 0) return true;
    return false;
}

static bool is_particle_n(const char *w, size_t n) {
    char low[16];
    if (n >= sizeof low) return false;
    for (size_t i = 0; i < n; i++) low[i] = (char)dl_lower((unsigned char)w[i]);
    low[n] = 0;
    return is_particle(low);
}

/* Surname of a person's name: its last space-separated word ("Jae-in" stays
 * whole; "Juan Carlos I" gives "Carlos"), with the particles before it ("von
 * der Leyen"); an "al-" prefix also gives the bare name ("al-Assad",
 * "Assad"). */
static dl_status add_surname(dl_lexicon *lex, const char *name, size_t len, dl_phrase ph, dl_error *err) {
    const char *w[16];
    size_t wl[16], n = 0;
    for (size_t i = 0; i < len && n < 16;) {
        while (i < len && name[i] == ' ') i++;
        size_t j = i;
        while (j < len && name[j] != ' ') j++;
        if (j > i) {
            w[n] = name + i;
            wl[n++] = j - i;
        }
        i = j;
    }
    while (n > 1 && is_regnal_or_suffix(w[n - 1], wl[n - 1])) n--;
    if (n < 2) return DL_OK;
    size_t k = n - 1;
    while (k > 1 && is_particle_n(w[k - 1], wl[k - 1])) k--;
    const char *start = w[k];
    size_t sl = (size_t)(w[n - 1] + wl[n - 1] - start);
    ph.kind = DL_PH_SURNAME;
    ph.flags |= DL_PHF_CAP;
    dl_status st = add_phrase(lex, start, sl, ph, err);
    /* "al-Zarqawi" is also "Zarqawi"; "von der Leyen" is also "Leyen" no */
    const char *last = w[n - 1];
    size_t ll = wl[n - 1];
    if (st == DL_OK && ll > 3 && (strncmp(last, "al-", 3) == 0 || strncmp(last, "el-", 3) == 0 ||
                                  strncmp(last, "Al-", 3) == 0 || strncmp(last, "El-", 3) == 0))
        st = add_phrase(lex, last + 3, ll - 3, ph, err);
    return st;
}

/* Split "a | b | c" and call add for each part. */
typedef dl_status (*part_fn)(dl_lexicon *, const char *, size_t, void *, dl_error *);
static dl_status each_part(dl_lexicon *lex, const char *s, size_t n, part_fn fn, void *ctx, dl_error *err) {
    const char *end = s + n;
    while (s < end) {
        const char *bar = memchr(s, '|', (size_t)(end - s));
        const char *e = bar ? bar : end;
        const char *p = s;
        size_t pl = (size_t)(e - s);
        dl_trim(&p, &pl);
        if (pl) {
            dl_status st = fn(lex, p, pl, ctx, err);
            if (st != DL_OK) return st;
        }
        s = bar ? bar + 1 : end;
    }
    return DL_OK;
}

/* Split on " | " into at most k fields (trimmed). */
static size_t fields(const char *s, size_t n, const char **f, size_t *fl, size_t k) {
    size_t c = 0;
    const char *end = s + n;
    while (s <= end && c < k) {
        const char *bar = memchr(s, '|', (size_t)(end - s));
        const char *e = bar ? bar : end;
        f[c] = s;
        fl[c] = (size_t)(e - s);
        dl_trim(&f[c], &fl[c]);
        c++;
        if (!bar) break;
        s = bar + 1;
    }
    return c;
}

typedef struct {
    dl_phrase ph;
    bool surname;
} phrase_ctx;

static dl_status add_part(dl_lexicon *lex, const char *s, size_t n, void *ctx, dl_error *err) {
    phrase_ctx *c = ctx;
    dl_phrase ph = c->ph;
    /* "@CODE" suffixes (roles): the title means this office only in those
     * countries; the phrase is registered once per country */
    const char *at = memchr(s, '@', n);
    if (!at) {
        dl_status st = add_phrase(lex, s, n, ph, err);
        if (st == DL_OK && c->surname) st = add_surname(lex, s, n, ph, err);
        return st;
    }
    size_t pl = (size_t)(at - s);
    const char *p = s;
    dl_trim(&p, &pl);
    const char *q = at, *end = s + n;
    while (q < end) {
        while (q < end && (*q == ' ' || *q == '\t' || *q == '@')) q++;
        const char *code = q;
        while (q < end && *q != ' ' && *q != '\t' && *q != '@') q++;
        size_t cl = (size_t)(q - code);
        if (!cl) continue;
        if (cl >= sizeof ph.country)
            return dl_error_set(err, DL_ERR_INPUT, dl_lexicon_where(lex, ph.where), -1, -1, "bad @CODE");
        memcpy(ph.country, code, cl);
        ph.country[cl] = 0;
        dl_status st = add_phrase(lex, p, pl, ph, err);
        if (st != DL_OK) return st;
    }
    return DL_OK;
}

static bool valid_code(const char *s, size_t n) {
    if (n < 2 || n >= 12) return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))) return false;
    return true;
}

/* Countries and organisations by code (persons have codes too, but are not
 * found by them): a hash lookup, the first actor with the code winning. */
static uint32_t find_code_n(const dl_lexicon *lex, const char *code, size_t n) {
    uint32_t id = dl_intern((dl_interner *)&lex->codes, code, n, 0);
    return id == DL_NO_ID ? DL_WORD_NONE : lex->code_actor.v[id];
}

bool dl_lex_index_code(dl_lexicon *lex, const dl_actor_def *a, uint32_t index) {
    if (a->kind == DL_ACTOR_PERSON) return true;
    uint32_t id = dl_intern(&lex->codes, a->code, strlen(a->code), 1);
    if (id == DL_NO_ID) return false;
    return id < lex->code_actor.n || vec_push(&lex->code_actor, index);
}

uint32_t dl_lexicon_find_code(const dl_lexicon *lex, const char *code) {
    return find_code_n(lex, code, strlen(code));
}

uint32_t dl_lexicon_find_role(const dl_lexicon *lex, const char *id) {
    uint32_t r = dl_intern((dl_interner *)&lex->role_ids, id, strlen(id), 0);
    return r == DL_NO_ID ? DL_WORD_NONE : lex->role_first.v[r];
}

static dl_day parse_day_field(const char *s, size_t n, bool *ok) {
    *ok = true;
    if (n == 1 && s[0] == '-') return DL_DAY_NONE;
    char buf[16];
    if (n >= sizeof buf) {
        *ok = false;
        return DL_DAY_NONE;
    }
    memcpy(buf, s, n);
    buf[n] = 0;
    dl_day d = dl_day_parse(buf);
    if (d == DL_DAY_NONE) *ok = false;
    return d;
}

#define FAIL(...) dl_error_set(err, DL_ERR_INPUT, lex->files.v[file], it.line, -1, __VA_ARGS__)

dl_status dl_lex_load_actors(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err) {
    dl_lines it = {text, text + len, 0};
    const char *s;
    size_t n;
    uint32_t cur = DL_WORD_NONE;
    while (dl_lines_next(&it, &s, &n, true)) {
        bool indented = n && (s[0] == ' ' || s[0] == '\t');
        dl_trim(&s, &n);
        if (!n) continue;
        uint32_t where = WHERE(file, it.line);
        const char *sp = s;
        while (sp < s + n && *sp != ' ' && *sp != '\t') sp++;
        size_t kl = (size_t)(sp - s);
        const char *rest = sp;
        size_t rl = (size_t)(s + n - sp);
        dl_trim(&rest, &rl);
        dl_status st = DL_OK;
        if (!indented) {
            const char *f[4];
            size_t fl[4];
            size_t nf = fields(rest, rl, f, fl, 4);
            dl_actor_def a = {0};
            a.where = where;
            /* "PLACES IRQ": place lines for a country defined earlier */
            if (kl == 6 && strncmp(s, "PLACES", 6) == 0) {
                cur = nf >= 1 ? find_code_n(lex, f[0], fl[0]) : DL_WORD_NONE;
                if (cur == DL_WORD_NONE) return FAIL("PLACES for a country that no COUNTRY record defines");
                continue;
            }
            if (kl == 7 && strncmp(s, "COUNTRY", 7) == 0) a.kind = DL_ACTOR_COUNTRY;
            else if (kl == 3 && strncmp(s, "ORG", 3) == 0) a.kind = DL_ACTOR_ORG;
            else if (kl == 6 && strncmp(s, "PERSON", 6) == 0) a.kind = DL_ACTOR_PERSON;
            else return FAIL("expected COUNTRY, ORG, PERSON or PLACES, not '%.*s'", (int)kl, s);
            if (a.kind == DL_ACTOR_PERSON) {
                if (nf < 3 || !fl[0] || !valid_code(f[1], fl[1]) || fl[2] >= sizeof a.sector)
                    return FAIL("expected: PERSON Name | CODE | SECTOR");
                memcpy(a.code, f[1], fl[1]);
                memcpy(a.sector, f[2], fl[2]);
                a.name = dl_lex_str(lex, f[0], fl[0]);
            } else {
                if (nf < 2 || !valid_code(f[0], fl[0]) || !fl[1])
                    return FAIL("expected: %s CODE | Name%s", a.kind == DL_ACTOR_ORG ? "ORG" : "COUNTRY",
                                a.kind == DL_ACTOR_ORG ? " | KIND" : "");
                uint32_t existing = find_code_n(lex, f[0], fl[0]);
                if (existing != DL_WORD_NONE) {
                    /* a second record for the same code adds to the first */
                    cur = existing;
                    phrase_ctx pc = {{.kind = DL_PH_NAME, .index = cur, .where = where, .flags = DL_PHF_CAP}, false};
                    st = add_part(lex, f[1], fl[1], &pc, err);
                    if (st != DL_OK) return st;
                    continue;
                }
                memcpy(a.code, f[0], fl[0]);
                a.name = dl_lex_str(lex, f[1], fl[1]);
                if (a.kind == DL_ACTOR_ORG && nf >= 3 && fl[2] < sizeof a.sector) memcpy(a.sector, f[2], fl[2]);
            }
            if (!a.name || !vec_push(&lex->actors, a) || !dl_lex_index_code(lex, &a, (uint32_t)(lex->actors.n - 1)))
                return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
            cur = (uint32_t)(lex->actors.n - 1);
            phrase_ctx pc = {{.kind = DL_PH_NAME, .index = cur, .where = where, .flags = DL_PHF_CAP},
                             a.kind == DL_ACTOR_PERSON};
            st = add_part(lex, a.kind == DL_ACTOR_PERSON ? f[0] : f[1], a.kind == DL_ACTOR_PERSON ? fl[0] : fl[1],
                          &pc, err);
            /* an organisation's code is also its name ("NATO", "OSCE") */
            if (st == DL_OK && a.kind == DL_ACTOR_ORG) st = add_part(lex, f[0], fl[0], &pc, err);
            if (st != DL_OK) return st;
            continue;
        }
        if (cur == DL_WORD_NONE) return FAIL("detail line before any COUNTRY, ORG or PERSON");
        dl_actor_def *a = &lex->actors.v[cur];
        phrase_ctx pc = {{.index = cur, .where = where}, false};
        if (kl == 1 && s[0] == '=') {
            pc.ph.kind = DL_PH_NAME;
            pc.ph.flags = DL_PHF_CAP;
            pc.surname = a->kind == DL_ACTOR_PERSON;
        } else if (kl == 3 && strncmp(s, "adj", 3) == 0) {
            pc.ph.kind = DL_PH_ADJ;
            pc.ph.flags = DL_PHF_CAP;
        } else if (kl == 6 && strncmp(s, "people", 6) == 0) {
            pc.ph.kind = DL_PH_PEOPLE;
            pc.ph.flags = DL_PHF_CAP;
        } else if (kl == 7 && strncmp(s, "capital", 7) == 0) {
            pc.ph.kind = DL_PH_CAPITAL;
            pc.ph.flags = DL_PHF_CAP;
        } else if (kl == 5 && strncmp(s, "place", 5) == 0) {
            if (a->kind != DL_ACTOR_COUNTRY) return FAIL("place lines belong to COUNTRY or PLACES records");
            pc.ph.kind = DL_PH_PLACE;
            pc.ph.flags = DL_PHF_CAP;
        } else if (kl == 4 && strncmp(s, "seat", 4) == 0) {
            const char *sec = rest;
            size_t secl = 0;
            while (secl < rl && rest[secl] != ' ' && rest[secl] != '\t') secl++;
            if (!secl || secl >= sizeof pc.ph.sector) return FAIL("expected: seat SECTOR Name | Name");
            memcpy(pc.ph.sector, sec, secl);
            pc.ph.kind = DL_PH_SEAT;
            rest += secl;
            rl -= secl;
            dl_trim(&rest, &rl);
        } else if (kl == 4 && strncmp(s, "role", 4) == 0) {
            if (a->kind != DL_ACTOR_PERSON) return FAIL("role lines belong to PERSON records");
            char country[16], role[64], from[16], to[16];
            char line[160];
            snprintf(line, sizeof line, "%.*s", (int)rl, rest);
            if (sscanf(line, "%15s %63s %15s %15s", country, role, from, to) != 4)
                return FAIL("expected: role COUNTRY ROLE FROM TO");
            uint32_t r = dl_lexicon_find_role(lex, role);
            if (r == DL_WORD_NONE) return FAIL("unknown role '%s' (define it in roles.txt)", role);
            bool ok1, ok2;
            dl_tenure t = {.actor = cur, .role = r};
            t.from = parse_day_field(from, strlen(from), &ok1);
            t.to = parse_day_field(to, strlen(to), &ok2);
            if (!ok1 || !ok2 || !valid_code(country, strlen(country)))
                return FAIL("bad role line (dates YYYY-MM-DD or -, code in capitals)");
            snprintf(t.country, sizeof t.country, "%.11s", country);
            if (!vec_push(&lex->tenures, t)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
            continue;
        } else {
            return FAIL("unknown detail '%.*s' (=, adj, people, capital, place, seat, role)", (int)kl, s);
        }
        st = each_part(lex, rest, rl, add_part, &pc, err);
        if (st != DL_OK) return st;
    }
    return DL_OK;
}

dl_status dl_lex_load_roles(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err) {
    dl_lines it = {text, text + len, 0};
    const char *s;
    size_t n;
    uint32_t cur = DL_WORD_NONE;
    while (dl_lines_next(&it, &s, &n, true)) {
        bool indented = n && (s[0] == ' ' || s[0] == '\t');
        dl_trim(&s, &n);
        if (!n) continue;
        uint32_t where = WHERE(file, it.line);
        if (!indented) {
            if (n < 5 || strncmp(s, "ROLE ", 5) != 0) return FAIL("expected ROLE id | SECTOR");
            const char *f[2];
            size_t fl[2];
            if (fields(s + 5, n - 5, f, fl, 2) != 2 || !fl[0] || !fl[1] || fl[1] >= 8) return FAIL("expected ROLE id | SECTOR");
            dl_role_def r = {.id = dl_lex_str(lex, f[0], fl[0]), .where = where};
            memcpy(r.sector, f[1], fl[1]);
            if (!r.id || !vec_push(&lex->roles, r)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
            cur = (uint32_t)(lex->roles.n - 1);
            uint32_t id = dl_intern(&lex->role_ids, f[0], fl[0], 1);
            if (id == DL_NO_ID || (id == lex->role_first.n && !vec_push(&lex->role_first, cur)))
                return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
            continue;
        }
        if (cur == DL_WORD_NONE || s[0] != '=') return FAIL("expected '= title | title' under a ROLE");
        phrase_ctx pc = {{.kind = DL_PH_ROLE, .index = cur, .where = where}, false};
        dl_status st = each_part(lex, s + 1, n - 1, add_part, &pc, err);
        if (st != DL_OK) return st;
    }
    return DL_OK;
}

/* An agent phrase: also register its plural ("official" -> "officials"). */
static dl_status add_agent_part(dl_lexicon *lex, const char *s, size_t n, void *ctx, dl_error *err) {
    phrase_ctx *c = ctx;
    dl_phrase ph = c->ph;
    const char *at = memchr(s, '@', n);
    if (at) {
        /* a fixed country: its own agent definition */
        size_t cl = (size_t)(s + n - at - 1);
        const char *code = at + 1;
        dl_trim(&code, &cl);
        if (!valid_code(code, cl)) return dl_error_set(err, DL_ERR_INPUT, dl_lexicon_where(lex, ph.where), -1, -1, "bad @CODE");
        dl_agent_def ag = lex->agents.v[ph.index];
        memcpy(ag.country, code, cl);
        ag.country[cl] = 0;
        if (!vec_push(&lex->agents, ag)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
        ph.index = (uint32_t)(lex->agents.n - 1);
        n = (size_t)(at - s);
        dl_trim(&s, &n);
    }
    dl_status st = add_phrase(lex, s, n, ph, err);
    if (st != DL_OK) return st;
    /* plural of the last word, unless it already looks plural */
    char buf[256];
    if (n >= sizeof buf - 8) return DL_OK;
    memcpy(buf, s, n);
    buf[n] = 0;
    char *last = strrchr(buf, ' ');
    last = last ? last + 1 : buf;
    size_t ll = strlen(last);
    if (ll < 3 || last[ll - 1] == 's' || strcmp(last, "police") == 0 || strcmp(last, "military") == 0 ||
        strcmp(last, "staff") == 0 || strcmp(last, "personnel") == 0)
        return DL_OK;
    char pl[64], low[64];
    snprintf(low, sizeof low, "%.63s", last);
    for (char *q = low; *q; q++) *q = (char)dl_lower((unsigned char)*q);
    dl_morph_plural(low, pl);
    snprintf(last, sizeof buf - (size_t)(last - buf), "%s", pl);
    return add_phrase(lex, buf, strlen(buf), ph, err);
}

dl_status dl_lex_load_agents(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err) {
    dl_lines it = {text, text + len, 0};
    const char *s;
    size_t n;
    uint32_t cur = DL_WORD_NONE;
    while (dl_lines_next(&it, &s, &n, true)) {
        bool indented = n && (s[0] == ' ' || s[0] == '\t');
        dl_trim(&s, &n);
        if (!n) continue;
        uint32_t where = WHERE(file, it.line);
        const char *list = s;
        size_t ll = n;
        if (!indented) {
            if (n < 6 || strncmp(s, "AGENT ", 6) != 0) return FAIL("expected AGENT SECTOR | noun | noun");
            const char *sec = s + 6;
            size_t secl = 0;
            while (6 + secl < n && sec[secl] != ' ' && sec[secl] != '|' && sec[secl] != '\t') secl++;
            if (!secl || secl >= 8) return FAIL("expected AGENT SECTOR | noun | noun");
            dl_agent_def ag = {.where = where};
            memcpy(ag.sector, sec, secl);
            if (!vec_push(&lex->agents, ag)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
            cur = (uint32_t)(lex->agents.n - 1);
            list = sec + secl;
            ll = n - 6 - secl;
            dl_trim(&list, &ll);
            if (ll && list[0] == '|') list++, ll--;
        } else {
            if (cur == DL_WORD_NONE || s[0] != '=') return FAIL("expected '= noun | noun' under an AGENT");
            list = s + 1;
            ll = n - 1;
        }
        phrase_ctx pc = {{.kind = DL_PH_AGENT, .index = cur, .where = where}, false};
        dl_status st = each_part(lex, list, ll, add_agent_part, &pc, err);
        if (st != DL_OK) return st;
    }
    return DL_OK;
}

#undef FAIL

static const dl_lexicon *sort_lex; /* qsort context (loading is single-threaded) */

/* Phrases sorted by trie node, keeping file order within a node. */
typedef struct {
    node_phrase np;
    size_t order;
} keyed_phrase;

static int cmp_keyed(const void *a, const void *b) {
    const keyed_phrase *x = a, *y = b;
    if (x->np.node != y->np.node) return x->np.node < y->np.node ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static int cmp_tenure(const void *a, const void *b) {
    const dl_tenure *x = &sort_lex->tenures.v[*(const uint32_t *)a];
    const dl_tenure *y = &sort_lex->tenures.v[*(const uint32_t *)b];
    int c = strcmp(x->country, y->country);
    if (c) return c;
    if (x->role != y->role) return x->role < y->role ? -1 : 1;
    dl_day fx = x->from == DL_DAY_NONE ? INT32_MIN : x->from, fy = y->from == DL_DAY_NONE ? INT32_MIN : y->from;
    return fx < fy ? -1 : fx > fy;
}

static int cmp_tenure_actor(const void *a, const void *b) {
    const dl_tenure *x = a, *y = b;
    return x->actor < y->actor ? -1 : x->actor > y->actor;
}

dl_status dl_lex_finish_actors(dl_lexicon *lex, dl_error *err) {
    if (lex->nodeph.n) {
        keyed_phrase *k = malloc(lex->nodeph.n * sizeof *k);
        if (!k) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
        for (size_t i = 0; i < lex->nodeph.n; i++) k[i] = (keyed_phrase){lex->nodeph.v[i], i};
        qsort(k, lex->nodeph.n, sizeof *k, cmp_keyed);
        for (size_t i = 0; i < lex->nodeph.n; i++) lex->nodeph.v[i] = k[i].np;
        free(k);
    }
    /* the phrases alone, contiguous: callers index the meanings of a match
     * as an array of dl_phrase */
    if (!vec_reserve(&lex->phs, lex->nodeph.n + 1)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    for (size_t i = 0; i < lex->nodeph.n; i++) lex->phs.v[i] = lex->nodeph.v[i].ph;
    lex->phs.n = lex->nodeph.n;
    size_t nodes = lex->ptrie.n_nodes + 1;
    if (!vec_reserve(&lex->node_first, nodes)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    memset(lex->node_first.v, 0, nodes * sizeof *lex->node_first.v);
    lex->node_first.n = nodes;
    for (size_t i = lex->nodeph.n; i-- > 0;) lex->node_first.v[lex->nodeph.v[i].node] = (uint32_t)i + 1;
    /* tenures: grouped by person, then indexed by (country, role, from) */
    if (lex->tenures.n) qsort(lex->tenures.v, lex->tenures.n, sizeof *lex->tenures.v, cmp_tenure_actor);
    for (size_t i = 0; i < lex->tenures.n;) {
        size_t j = i;
        while (j < lex->tenures.n && lex->tenures.v[j].actor == lex->tenures.v[i].actor) j++;
        lex->actors.v[lex->tenures.v[i].actor].first_role = (uint32_t)i;
        lex->actors.v[lex->tenures.v[i].actor].n_roles = (uint32_t)(j - i);
        i = j;
    }
    if (!vec_reserve(&lex->tenure_index, lex->tenures.n + 1)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    for (size_t i = 0; i < lex->tenures.n; i++) lex->tenure_index.v[i] = (uint32_t)i;
    lex->tenure_index.n = lex->tenures.n;
    sort_lex = lex;
    if (lex->tenure_index.n) qsort(lex->tenure_index.v, lex->tenure_index.n, sizeof *lex->tenure_index.v, cmp_tenure);
    return DL_OK;
}

bool dl_phrase_fits(const dl_phrase *ph, const uint32_t *tflags) {
    if (!tflags) return true;
    for (size_t i = 0; i < ph->n_words; i++) {
        if ((ph->flags & DL_PHF_UPPER) && !(tflags[i] & (DL_TF_UPPER | DL_TF_ABBREV))) return false;
    }
    if ((ph->flags & DL_PHF_CAP) && !(tflags[0] & (DL_TF_CAP | DL_TF_UPPER))) {
        /* the first word of a name must be capitalised, unless it is a
         * particle or determiner ("al-Assad", "the Kremlin") */
        return false;
    }
    return true;
}

bool dl_lexicon_may_start_actor(const dl_lexicon *lex, uint32_t word) {
    return word < lex->starts.n && (lex->starts.v[word] & STARTS_ACTOR);
}

size_t dl_lexicon_match(const dl_lexicon *lex, const uint32_t *words, const uint32_t *tflags, size_t n,
                        const dl_phrase **out, size_t *n_out) {
    *out = NULL;
    *n_out = 0;
    if (!n || words[0] >= lex->starts.n || !(lex->starts.v[words[0]] & STARTS_ACTOR)) return 0;
    uint32_t node = 0;
    size_t best = 0;
    for (size_t i = 0; i < n && i < MAX_PHRASE; i++) {
        if (i == 0 && words[0] < lex->actor_root.n) node = lex->actor_root.v[words[0]];
        else if (i && (words[i] >= lex->starts.n || !(lex->starts.v[words[i]] & IN_ACTOR))) node = DL_NO_ID;
        else node = dl_trie_next(&lex->ptrie, node, words[i]);
        if (node == DL_NO_ID) break;
        uint32_t first = node < lex->node_first.n ? lex->node_first.v[node] : 0;
        if (!first) continue;
        size_t a = first - 1, b = a;
        while (b < lex->nodeph.n && lex->nodeph.v[b].node == node) b++;
        bool any = false;
        for (size_t k = a; k < b && !any; k++) any = dl_phrase_fits(&lex->nodeph.v[k].ph, tflags);
        if (!any) continue;
        best = i + 1;
        *out = &lex->phs.v[a];
        *n_out = b - a;
    }
    return best;
}

const dl_actor_def *dl_lexicon_actor(const dl_lexicon *lex, uint32_t i) {
    return i < lex->actors.n ? &lex->actors.v[i] : NULL;
}
const dl_role_def *dl_lexicon_role(const dl_lexicon *lex, uint32_t i) {
    return i < lex->roles.n ? &lex->roles.v[i] : NULL;
}
const dl_agent_def *dl_lexicon_agent(const dl_lexicon *lex, uint32_t i) {
    return i < lex->agents.n ? &lex->agents.v[i] : NULL;
}
const dl_tenure *dl_lexicon_tenure(const dl_lexicon *lex, uint32_t i) {
    return i < lex->tenures.n ? &lex->tenures.v[i] : NULL;
}
size_t dl_lexicon_n_actors(const dl_lexicon *lex) { return lex->actors.n; }
size_t dl_lexicon_n_roles(const dl_lexicon *lex) { return lex->roles.n; }
size_t dl_lexicon_n_agents(const dl_lexicon *lex) { return lex->agents.n; }

static bool covers(const dl_tenure *t, dl_day day) {
    return (t->from == DL_DAY_NONE || t->from <= day) && (t->to == DL_DAY_NONE || day <= t->to);
}

uint32_t dl_lexicon_role_holder(const dl_lexicon *lex, const char *country, uint32_t role, dl_day day, int grace) {
    /* binary search the first tenure of (country, role) */
    size_t lo = 0, hi = lex->tenure_index.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const dl_tenure *t = &lex->tenures.v[lex->tenure_index.v[mid]];
        int c = strcmp(t->country, country);
        if (c < 0 || (c == 0 && t->role < role)) lo = mid + 1;
        else hi = mid;
    }
    uint32_t best = DL_WORD_NONE;
    dl_day best_end = INT32_MIN;
    for (size_t i = lo; i < lex->tenure_index.n; i++) {
        const dl_tenure *t = &lex->tenures.v[lex->tenure_index.v[i]];
        if (strcmp(t->country, country) != 0 || t->role != role) break;
        if (covers(t, day)) return t->actor;
        if (t->to != DL_DAY_NONE && t->to < day && day - t->to <= grace && t->to > best_end) {
            best_end = t->to;
            best = t->actor;
        }
    }
    return best;
}

uint32_t dl_lexicon_person_role(const dl_lexicon *lex, uint32_t person, dl_day day, char *country_out) {
    const dl_actor_def *a = dl_lexicon_actor(lex, person);
    if (!a) return DL_WORD_NONE;
    for (uint32_t i = 0; i < a->n_roles; i++) {
        const dl_tenure *t = &lex->tenures.v[a->first_role + i];
        if (covers(t, day)) {
            if (country_out) dl_strlcpy(country_out, t->country, 12);
            return t->role;
        }
    }
    return DL_WORD_NONE;
}

bool dl_lexicon_person_later(const dl_lexicon *lex, uint32_t person, dl_day day) {
    const dl_actor_def *a = dl_lexicon_actor(lex, person);
    if (!a || !a->n_roles || day == DL_DAY_NONE) return false;
    for (uint32_t i = 0; i < a->n_roles; i++) {
        const dl_tenure *t = &lex->tenures.v[a->first_role + i];
        if (t->from == DL_DAY_NONE || t->from <= day + 365) return false;
    }
    return true;
}

int dl_lexicon_person_fit(const dl_lexicon *lex, uint32_t person, dl_day day) {
    const dl_actor_def *a = dl_lexicon_actor(lex, person);
    if (!a || !a->n_roles) return 0;
    int fit = 1;
    for (uint32_t i = 0; i < a->n_roles; i++) {
        const dl_tenure *t = &lex->tenures.v[a->first_role + i];
        if (covers(t, day)) return 3;
        if (t->to != DL_DAY_NONE && t->to < day && day - t->to <= 730) fit = 2;
    }
    return fit;
}

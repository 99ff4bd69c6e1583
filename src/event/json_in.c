/* json_in.c - one event parsed straight from its JSON text into a dl_event.
 *
 * Merging a million events is mostly reading them; building a jansson tree
 * per event and walking it again cost three times the merge itself.  This
 * parser reads the text once and fills the event's fields as they come.  It
 * is a complete, strict JSON parser (RFC 8259 grammar, valid UTF-8, no raw
 * control characters or \u0000 in strings, integers within 64 bits, depth
 * at most 64): members it does not know are parsed and skipped.  The
 * reading of each member is that of the event schema (SPEC.md):
 *   - a string field holding anything but a string reads as null;
 *   - "negated"/"hypothetical" are true only when JSON true;
 *   - "confidence" that is not a number reads as 0.5;
 *   - "mentions[].sentence/start/end" read as 0 unless integers;
 *   - a known CAMEO code fills label, quad class and Goldstein from the
 *     codebook; an unknown one keeps what the log says;
 *   - a mention's "coded" object holds only the members that differ from its
 *     event: it is applied over a copy of the whole event, so it is read
 *     after the event's other members, wherever it stands;
 *   - a member given twice: the last one counts. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "event_json.h"

#define MAX_DEPTH 64

typedef struct {
    size_t mention;            /* index in ev->mentions */
    const char *at, *end;      /* the "coded" object's text */
} coded_span;

typedef struct {
    const char *p, *end;
    const char *why, *at; /* the first error and where */
    int depth;
    dl_buf tmp;           /* strings with escapes, unescaped */
    bool nomem;
    VEC(coded_span) coded;
} cur;

static bool fail(cur *c, const char *why) {
    if (!c->why) {
        c->why = why;
        c->at = c->p;
    }
    return false;
}

/* The text ended inside a value: always reported at the end of the text, so
 * that a reader can tell a cut object from a bad one. */
static bool cut(cur *c) {
    c->p = c->end;
    return fail(c, "unexpected end of input");
}

static inline void ws(cur *c) {
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t')) c->p++;
}

static inline bool lit(cur *c, char ch) {
    ws(c);
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return true;
    }
    return false;
}

static bool expect(cur *c, char ch, const char *why) { return lit(c, ch) || fail(c, why); }

static int hex4(const char *s) {
    int v = 0;
    for (int i = 0; i < 4; i++) {
        int ch = s[i], d;
        if (ch >= '0' && ch <= '9') d = ch - '0';
        else if ((ch | 32) >= 'a' && (ch | 32) <= 'f') d = (ch | 32) - 'a' + 10;
        else return -1;
        v = v << 4 | d;
    }
    return v;
}

static void put_utf8(dl_buf *b, unsigned cp) {
    char u[4];
    size_t n;
    if (cp < 0x80) u[0] = (char)cp, n = 1;
    else if (cp < 0x800) u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    else if (cp < 0x10000)
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 0x3F)), u[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    else
        u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 0x3F)), u[2] = (char)(0x80 | (cp >> 6 & 0x3F)),
        u[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    dl_buf_append(b, u, n);
}

/* A string at the cursor (after whitespace): *s and *n: its unescaped bytes, in
 * the text itself when it has no escapes, else in c->tmp (valid until the
 * next string). */
static bool string(cur *c, const char **s, size_t *n) {
    ws(c);
    if (c->p >= c->end || *c->p != '"') return fail(c, "expected a string");
    const char *start = ++c->p, *p = start, *end = c->end;
    bool escaped = false;
    for (;;) {
        while (p < end && (unsigned char)*p >= 0x20 && *p != '"' && *p != '\\' && (unsigned char)*p < 0x80) p++;
        if (p >= end) return cut(c);
        unsigned char ch = (unsigned char)*p;
        if (ch == '"') break;
        if (ch < 0x20) {
            c->p = p;
            return fail(c, "control character in a string");
        }
        if (ch >= 0x80) {
            size_t k = dl_utf8_seq_len((const unsigned char *)p, (const unsigned char *)end);
            if (!k && end - p < 4) return cut(c); /* maybe a sequence cut short */
            if (!k) {
                c->p = p;
                return fail(c, "invalid UTF-8 in a string");
            }
            p += k;
            continue;
        }
        /* a backslash: unescape from here on into tmp */
        if (!escaped) {
            dl_buf_reset(&c->tmp);
            escaped = true;
        }
        dl_buf_append(&c->tmp, start, (size_t)(p - start));
        if (p + 1 >= end) return cut(c);
        char e = p[1];
        p += 2;
        switch (e) {
        case '"': dl_buf_putc(&c->tmp, '"'); break;
        case '\\': dl_buf_putc(&c->tmp, '\\'); break;
        case '/': dl_buf_putc(&c->tmp, '/'); break;
        case 'b': dl_buf_putc(&c->tmp, '\b'); break;
        case 'f': dl_buf_putc(&c->tmp, '\f'); break;
        case 'n': dl_buf_putc(&c->tmp, '\n'); break;
        case 'r': dl_buf_putc(&c->tmp, '\r'); break;
        case 't': dl_buf_putc(&c->tmp, '\t'); break;
        case 'u': {
            if (end - p < 4) return cut(c);
            int cp = hex4(p);
            if (cp < 0) {
                c->p = p;
                return fail(c, "invalid \\u escape");
            }
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) { /* a surrogate pair */
                if (end - p < 6) return cut(c);
                int lo = p[0] == '\\' && p[1] == 'u' ? hex4(p + 2) : -1;
                if (lo < 0xDC00 || lo > 0xDFFF) {
                    c->p = p;
                    return fail(c, "invalid Unicode surrogate");
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                c->p = p;
                return fail(c, "invalid Unicode surrogate");
            } else if (cp == 0) {
                c->p = p;
                return fail(c, "\\u0000 in a string");
            }
            put_utf8(&c->tmp, (unsigned)cp);
            break;
        }
        default:
            c->p = p - 1;
            return fail(c, "invalid escape");
        }
        start = p;
    }
    if (escaped) {
        dl_buf_append(&c->tmp, start, (size_t)(p - start));
        if (c->tmp.failed) {
            c->nomem = true;
            return fail(c, "out of memory");
        }
        *s = c->tmp.data ? c->tmp.data : "";
        *n = c->tmp.len;
    } else {
        *s = start;
        *n = (size_t)(p - start);
    }
    c->p = p + 1;
    return true;
}

/* A number: *d its value; *is_int when written as an integer (then *i). */
static bool number(cur *c, double *d, bool *is_int, long long *i) {
    ws(c);
    const char *s = c->p, *p = s, *end = c->end;
#define BAD() (c->p = p, fail(c, "invalid number"))
    if (p < end && *p == '-') p++;
    if (p < end && *p == '0') p++;
    else if (p < end && *p >= '1' && *p <= '9')
        while (p < end && *p >= '0' && *p <= '9') p++;
    else return BAD();
    *is_int = true;
    if (p < end && *p == '.') {
        *is_int = false;
        if (++p >= end || *p < '0' || *p > '9') return BAD();
        while (p < end && *p >= '0' && *p <= '9') p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        *is_int = false;
        p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        if (p >= end || *p < '0' || *p > '9') return BAD();
        while (p < end && *p >= '0' && *p <= '9') p++;
    }
#undef BAD
    char small[64], *buf = small;
    size_t n = (size_t)(p - s);
    if (n >= sizeof small && !(buf = malloc(n + 1))) {
        c->nomem = true;
        return fail(c, "out of memory");
    }
    memcpy(buf, s, n);
    buf[n] = 0;
    errno = 0;
    bool ok = true;
    if (*is_int) {
        *i = strtoll(buf, NULL, 10);
        ok = errno != ERANGE;
        *d = (double)*i;
    } else {
        *d = strtod(buf, NULL);
        ok = !(errno == ERANGE && isinf(*d));
    }
    if (buf != small) free(buf);
    if (!ok) return fail(c, *is_int ? "integer too big" : "real number overflow");
    c->p = p;
    return true;
}

static bool word(cur *c, const char *w, size_t n) {
    size_t have = (size_t)(c->end - c->p);
    if (have < n && memcmp(c->p, w, have) == 0) return cut(c);
    if (have < n || memcmp(c->p, w, n) != 0) return fail(c, "invalid value");
    c->p += n;
    return true;
}

/* Any value, checked and skipped. */
static bool skip(cur *c) {
    ws(c);
    if (c->p >= c->end) return cut(c);
    const char *s;
    size_t n;
    switch (*c->p) {
    case '"': return string(c, &s, &n);
    case 't': return word(c, "true", 4);
    case 'f': return word(c, "false", 5);
    case 'n': return word(c, "null", 4);
    case '{':
    case '[': {
        bool obj = *c->p++ == '{';
        if (++c->depth > MAX_DEPTH) return fail(c, "nested too deep");
        if (!lit(c, obj ? '}' : ']')) {
            do {
                if (obj && !(string(c, &s, &n) && expect(c, ':', "expected ':'"))) return false;
                if (!skip(c)) return false;
            } while (lit(c, ','));
            if (!expect(c, obj ? '}' : ']', obj ? "expected ',' or '}'" : "expected ',' or ']'")) return false;
        }
        c->depth--;
        return true;
    }
    default: {
        double d;
        bool is_int;
        long long i;
        return number(c, &d, &is_int, &i);
    }
    }
}

static inline bool peek_is(cur *c, char ch) {
    ws(c);
    return c->p < c->end && *c->p == ch;
}

/* Members of an object, one at a time: true with *k and *kn set, false at its
 * end (or on error: c->why).  `first` is set by the caller to true before
 * the first call, after the '{'. */
static bool next_key(cur *c, bool *first, const char **k, size_t *kn) {
    if (*first) {
        *first = false;
        if (lit(c, '}')) return false;
    } else {
        if (lit(c, '}')) return false;
        if (!expect(c, ',', "expected ',' or '}'")) return false;
    }
    if (!string(c, k, kn) || !expect(c, ':', "expected ':'")) return false;
    return true;
}

#define IS(k, kn, lit) ((kn) == sizeof lit - 1 && memcmp(k, lit, sizeof lit - 1) == 0)

/* A string member's value: a copy, or NULL when not a string. */
static bool str_value(cur *c, char **dst) {
    free(*dst);
    *dst = NULL;
    if (!peek_is(c, '"')) return skip(c);
    const char *s;
    size_t n;
    if (!string(c, &s, &n)) return false;
    if (!(*dst = dl_strndup(s, n))) {
        c->nomem = true;
        return fail(c, "out of memory");
    }
    return true;
}

/* A string value as a NUL-terminated string in `small` (or, when longer,
 * in *heap, which the caller frees); *out NULL when not a string. */
static bool text_value(cur *c, char *small, size_t cap, char **heap, const char **out) {
    *out = NULL;
    if (!peek_is(c, '"')) return skip(c);
    const char *s;
    size_t n;
    if (!string(c, &s, &n)) return false;
    free(*heap);
    *heap = NULL;
    if (n < cap) {
        memcpy(small, s, n);
        small[n] = 0;
        *out = small;
    } else if ((*out = *heap = dl_strndup(s, n)) == NULL) {
        c->nomem = true;
        return fail(c, "out of memory");
    }
    return true;
}

static bool bool_value(cur *c, bool *dst) {
    *dst = false;
    if (peek_is(c, 't')) return *dst = word(c, "true", 4);
    return skip(c);
}

/* A number value: *is_num false (and 0) when not a number. */
static bool num_value(cur *c, double *d, bool *is_num, bool *is_int, long long *i) {
    *d = 0;
    *i = 0;
    *is_num = *is_int = false;
    ws(c);
    if (c->p < c->end && (*c->p == '-' || (*c->p >= '0' && *c->p <= '9'))) {
        *is_num = true;
        return number(c, d, is_int, i);
    }
    return skip(c);
}

static bool entity(cur *c, dl_entity *e, bool *is_object) {
    dl_entity_clear(e);
    *is_object = peek_is(c, '{');
    if (!*is_object) return skip(c);
    c->p++;
    bool first = true;
    const char *k;
    size_t kn;
    while (next_key(c, &first, &k, &kn)) {
        bool ok = IS(k, kn, "text")      ? str_value(c, &e->text)
                  : IS(k, kn, "name")    ? str_value(c, &e->name)
                  : IS(k, kn, "country") ? str_value(c, &e->country)
                  : IS(k, kn, "sector")  ? str_value(c, &e->sector)
                  : IS(k, kn, "code")    ? str_value(c, &e->code)
                                         : skip(c);
        if (!ok) return false;
    }
    return !c->why;
}

static bool date(cur *c, dl_event_date *dt) {
    memset(&dt->when, 0, sizeof dt->when);
    dt->when.start = dt->when.end = DL_DAY_NONE;
    dt->inferred = false;
    free(dt->basis);
    dt->basis = NULL;
    if (!peek_is(c, '{')) return skip(c);
    c->p++;
    enum { VALUE, START, END, GRAN };
    char small[4][48], *heap[4] = {0};
    const char *v[4] = {0};
    bool first = true;
    const char *k;
    size_t kn;
    while (next_key(c, &first, &k, &kn)) {
        int f = IS(k, kn, "value") ? VALUE : IS(k, kn, "start") ? START : IS(k, kn, "end") ? END
              : IS(k, kn, "granularity") ? GRAN : -1;
        bool ok = f >= 0                  ? text_value(c, small[f], sizeof small[f], &heap[f], &v[f])
                  : IS(k, kn, "basis")    ? str_value(c, &dt->basis)
                  : IS(k, kn, "inferred") ? bool_value(c, &dt->inferred)
                                          : skip(c);
        if (!ok) break;
    }
    bool ok = !c->why;
    if (ok) {
        if (v[VALUE]) snprintf(dt->when.value, sizeof dt->when.value, "%s", v[VALUE]);
        dt->when.start = v[START] ? dl_day_parse(v[START]) : DL_DAY_NONE;
        dt->when.end = v[END] ? dl_day_parse(v[END]) : DL_DAY_NONE;
        dt->when.granularity = dl_granularity_parse(v[GRAN]);
        if (dt->when.start == DL_DAY_NONE && v[VALUE]) {
            dl_when w;
            if (dl_when_parse(&w, v[VALUE])) dt->when = w;
        }
        if (dt->when.end == DL_DAY_NONE) dt->when.end = dt->when.start;
    }
    for (int i = 0; i < 4; i++) free(heap[i]);
    return ok;
}

static bool action(cur *c, dl_action *ac) {
    free(ac->text);
    memset(ac, 0, sizeof *ac);
    if (!peek_is(c, '{')) return skip(c);
    c->p++;
    char small[48], *heap = NULL;
    const char *code = NULL;
    bool q_num, q_int, g_num, g_int;
    double q = 0, g = 0;
    long long qi = 0, gi;
    bool first = true;
    const char *k;
    size_t kn;
    while (next_key(c, &first, &k, &kn)) {
        bool ok = IS(k, kn, "code")        ? text_value(c, small, sizeof small, &heap, &code)
                  : IS(k, kn, "text")      ? str_value(c, &ac->text)
                  : IS(k, kn, "quadclass") ? num_value(c, &q, &q_num, &q_int, &qi)
                  : IS(k, kn, "goldstein") ? num_value(c, &g, &g_num, &g_int, &gi)
                                           : skip(c);
        if (!ok) break;
    }
    bool ok = !c->why;
    if (ok && code && !dl_action_set_code(ac, code)) { /* keep an unknown code as given */
        snprintf(ac->code, sizeof ac->code, "%s", code);
        snprintf(ac->root, sizeof ac->root, "%.2s", code);
        ac->quadclass = (int)qi;
        ac->goldstein = g;
    }
    free(heap);
    return ok;
}

static bool mentions(cur *c, dl_event *ev);

/* The members of an event (`top`) or of a mention's "coded" object, each
 * applied to ev as it comes. */
static bool members(cur *c, dl_event *ev, bool top) {
    if (!expect(c, '{', top ? "an event must be a JSON object" : "expected an object")) return false;
    bool first = true;
    const char *k;
    size_t kn;
    while (next_key(c, &first, &k, &kn)) {
        bool ok, obj;
        double d;
        bool is_num, is_int;
        long long i;
        if (IS(k, kn, "id")) ok = str_value(c, &ev->id);
        else if (IS(k, kn, "date")) ok = date(c, &ev->date);
        else if (IS(k, kn, "actor")) ok = entity(c, &ev->actor, &obj);
        else if (IS(k, kn, "target")) ok = entity(c, &ev->target, &ev->has_target);
        else if (IS(k, kn, "action")) ok = action(c, &ev->action);
        else if (IS(k, kn, "quote")) ok = str_value(c, &ev->quote);
        else if (IS(k, kn, "negated")) ok = bool_value(c, &ev->negated);
        else if (IS(k, kn, "hypothetical")) ok = bool_value(c, &ev->hypothetical);
        else if (IS(k, kn, "confidence")) {
            ok = num_value(c, &d, &is_num, &is_int, &i);
            ev->confidence = is_num ? d : 0.5;
        } else if (top && IS(k, kn, "explain")) ok = str_value(c, &ev->explain);
        else if (top && IS(k, kn, "mentions")) ok = mentions(c, ev);
        else ok = skip(c);
        if (!ok) return false;
    }
    return !c->why;
}

static void drop_mentions(cur *c, dl_event *ev) {
    for (size_t i = 0; i < ev->n_mentions; i++) {
        free(ev->mentions[i].article);
        free(ev->mentions[i].text);
    }
    ev->n_mentions = 0;
    c->coded.n = 0;
}

static bool mention(cur *c, dl_event *ev) {
    if (!peek_is(c, '{')) return skip(c); /* not an object: no mention */
    c->p++;
    if (ev->n_mentions == ev->cap_mentions) {
        size_t cap = ev->cap_mentions ? ev->cap_mentions * 2 : 2;
        dl_mention *p = realloc(ev->mentions, cap * sizeof *p);
        if (!p) {
            c->nomem = true;
            return fail(c, "out of memory");
        }
        ev->mentions = p;
        ev->cap_mentions = cap;
    }
    dl_mention *m = &ev->mentions[ev->n_mentions++];
    memset(m, 0, sizeof *m);
    bool first = true;
    const char *k;
    size_t kn;
    double d;
    bool is_num, is_int;
    long long i;
    while (next_key(c, &first, &k, &kn)) {
        bool ok;
        if (IS(k, kn, "article")) ok = str_value(c, &m->article);
        else if (IS(k, kn, "text")) ok = str_value(c, &m->text);
        else if (IS(k, kn, "sentence") || IS(k, kn, "start") || IS(k, kn, "end")) {
            long *dst = kn == 8 ? &m->sentence : kn == 5 ? &m->start : &m->end;
            ok = num_value(c, &d, &is_num, &is_int, &i);
            *dst = is_int ? (long)i : 0;
        } else if (IS(k, kn, "coded") && peek_is(c, '{')) {
            coded_span sp = {ev->n_mentions - 1, c->p, NULL};
            ok = skip(c);
            sp.end = c->p;
            size_t j = 0; /* the last "coded" of a mention counts */
            while (j < c->coded.n && c->coded.v[j].mention != sp.mention) j++;
            if (j < c->coded.n) c->coded.v[j] = sp;
            else if (ok && !vec_push(&c->coded, sp)) {
                c->nomem = true;
                return fail(c, "out of memory");
            }
        } else ok = skip(c);
        if (!ok) return false;
    }
    if (c->why) return false;
    if ((!m->article && !(m->article = dl_strdup(""))) || (!m->text && !(m->text = dl_strdup("")))) {
        c->nomem = true;
        return fail(c, "out of memory");
    }
    return true;
}

static bool mentions(cur *c, dl_event *ev) {
    drop_mentions(c, ev);
    if (!peek_is(c, '[')) return skip(c);
    c->p++;
    if (lit(c, ']')) return true;
    do
        if (!mention(c, ev)) return false;
    while (lit(c, ','));
    return expect(c, ']', "expected ',' or ']'");
}

/* Each mention's own coding: a copy of the event (no mentions, no explain)
 * with its "coded" members over it. */
static bool apply_coded(cur *c, dl_event *ev) {
    for (size_t j = 0; j < c->coded.n; j++) {
        const coded_span *sp = &c->coded.v[j];
        dl_event base = *ev, *d = calloc(1, sizeof *d);
        base.mentions = NULL;
        base.n_mentions = base.cap_mentions = 0;
        base.explain = NULL;
        if (!d || dl_event_copy(d, &base) != DL_OK) {
            free(d);
            c->nomem = true;
            return fail(c, "out of memory");
        }
        cur sub = {.p = sp->at, .end = sp->end};
        bool ok = members(&sub, d, false);
        dl_buf_free(&sub.tmp);
        free(sub.coded.v);
        if (!ok) { /* the text was checked already: only memory can fail */
            dl_event_clear(d);
            free(d);
            c->nomem = true;
            return fail(c, "out of memory");
        }
        ev->mentions[sp->mention].coded = d;
    }
    return true;
}

dl_status dl_event_parse_prefix(const char *text, size_t len, dl_event *ev, size_t *used, size_t *err_pos,
                                const char **why) {
    memset(ev, 0, sizeof *ev);
    ev->date.when.start = ev->date.when.end = DL_DAY_NONE;
    ev->confidence = 0.5;
    cur c = {.p = text, .end = text + len};
    bool ok = members(&c, ev, true) && apply_coded(&c, ev);
    dl_buf_free(&c.tmp);
    free(c.coded.v);
    if (ok) {
        *used = (size_t)(c.p - text);
        return DL_OK;
    }
    dl_event_clear(ev);
    *err_pos = (size_t)(c.at - text);
    *why = c.why;
    return c.nomem ? DL_ERR_NOMEM : DL_ERR_INPUT;
}

dl_status dl_event_parse(const char *text, size_t len, dl_event *ev, size_t *err_pos, const char **why) {
    size_t used;
    dl_status st = dl_event_parse_prefix(text, len, ev, &used, err_pos, why);
    if (st != DL_OK) return st;
    cur c = {.p = text + used, .end = text + len};
    ws(&c);
    if (c.p == c.end) return DL_OK;
    dl_event_clear(ev);
    *err_pos = (size_t)(c.p - text);
    *why = "data after the event object";
    return DL_ERR_INPUT;
}

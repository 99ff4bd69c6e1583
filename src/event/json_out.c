/* json_out.c - the JSON text of events, written straight into a buffer.
 *
 * No jansson tree is built: events are the bulk of every log, and building
 * and dumping a tree per event cost more than extracting it.  The bytes are
 * exactly those of jansson's json_dumps() with JSON_PRESERVE_ORDER |
 * JSON_REAL_PRECISION(6) and either JSON_COMPACT or JSON_INDENT(2), the form
 * the logs have always had (tests/unit/test_event.c re-dumps our text with
 * jansson and compares):
 *   - strings: '"' '\\' and the controls \b \f \n \r \t escaped by name,
 *     other bytes below 0x20 as \u00XX (upper-case hex); '/' and non-ASCII
 *     as they are.  Invalid UTF-8 (which the readers never let in) becomes
 *     U+FFFD rather than an invalid document;
 *   - reals: "%.6g", with ".0" added when that reads as an integer and the
 *     exponent without '+' or leading zeros;
 *   - indented: a newline and 2 spaces per level before each member or
 *     element and before the closing bracket; "key": value; empty
 *     containers as {} and []. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "event_json.h"

/* The emitter: compact, or indented with `base` spaces before every line
 * after the first. */
typedef struct {
    dl_buf *b;
    int base;      /* < 0: compact */
    int depth;
    bool first[8]; /* per open container: no member written yet */
} jw;

/* Append to a buffer: inline when it has room (the usual case). */
static inline void bput(dl_buf *b, const void *s, size_t n) {
    if (b->len + n < b->cap) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = 0;
    } else {
        dl_buf_append(b, s, n);
    }
}

static inline void put(jw *w, const char *s, size_t n) { bput(w->b, s, n); }
#define PUTS(w, lit) put(w, lit, sizeof lit - 1)

static void newline(jw *w, int depth) {
    static const char spaces[] = "                                                                ";
    size_t n = (size_t)w->base + 2 * (size_t)depth;
    if (!dl_buf_reserve(w->b, n + 1)) return;
    w->b->data[w->b->len++] = '\n';
    while (n) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        put(w, spaces, k);
        n -= k;
    }
    w->b->data[w->b->len] = 0;
}

/* Bytes a string needs more than copying for: 1 end (NUL), 2 escaped
 * (control, '"', '\\'), 3 the lead of a multi-byte UTF-8 sequence (checked). */
#define X4(v) v, v, v, v
#define X16(v) X4(v), X4(v), X4(v), X4(v)
static const unsigned char str_class[256] = {
    1, 2, 2, 2, X4(2), X4(2), X4(2), X16(2), /* 0x00-0x1f */
    ['"'] = 2, ['\\'] = 2,
    [0x80] = X16(3), X16(3), X16(3), X16(3), X16(3), X16(3), X16(3), X16(3)};

void dl_json_put_string(dl_buf *b, const char *str) {
    if (!str) {
        bput(b, "null", 4);
        return;
    }
    const unsigned char *s = (const unsigned char *)str, *run = s;
    size_t n = strlen(str);
    const char *end = str + n;
    /* most strings (codes, names) need no escape: written in one go (a
     * long one, a sentence, tested 16 bytes at a time) */
    if (n >= 16) s += dl_json_plain_run(str, end);
    while (end - (const char *)s >= 8 && dl_json_plain8((const char *)s)) s += 8;
    while (!str_class[*s]) s++;
    if (!*s && dl_buf_reserve(b, n + 2)) {
        char *o = b->data + b->len;
        o[0] = '"';
        memcpy(o + 1, str, n);
        o[n + 1] = '"';
        o[n + 2] = 0;
        b->len += n + 2;
        return;
    }
    s = run;
    bput(b, "\"", 1);
    for (;;) {
        s += dl_json_plain_run((const char *)s, end);
        while (!str_class[*s]) s++;
        unsigned k = str_class[*s];
        if (k == 1) break;
        if (k == 3) {
            size_t n = dl_utf8_seq_len(s, s + 4); /* stops at the NUL: not a continuation byte */
            if (n) {
                s += n;
                continue;
            }
        }
        bput(b, run, (size_t)(s - run));
        char esc[8];
        switch (*s) {
        case '"': bput(b, "\\\"", 2); break;
        case '\\': bput(b, "\\\\", 2); break;
        case '\b': bput(b, "\\b", 2); break;
        case '\f': bput(b, "\\f", 2); break;
        case '\n': bput(b, "\\n", 2); break;
        case '\r': bput(b, "\\r", 2); break;
        case '\t': bput(b, "\\t", 2); break;
        default:
            if (*s < 0x20) {
                static const char hex[] = "0123456789ABCDEF";
                memcpy(esc, "\\u00", 4);
                esc[4] = hex[*s >> 4];
                esc[5] = hex[*s & 15];
                bput(b, esc, 6);
            } else {
                bput(b, "\xEF\xBF\xBD", 3); /* invalid UTF-8 */
            }
        }
        run = ++s;
    }
    bput(b, run, (size_t)(s - run));
    bput(b, "\"", 1);
}

static void put_long(jw *w, long v) {
    char tmp[24];
    char *p = tmp + sizeof tmp;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do *--p = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0) *--p = '-';
    put(w, p, (size_t)(tmp + sizeof tmp - p));
}

/* "%.6g" of v for 0.01 <= |v| < 100 (fixed notation, six significant
 * digits: confidences that are products of factors, 0.7200000000000001),
 * written into buf without printf; returns its length, or 0 when unsure.
 * v is scaled to six digits before the point; the scaling errs by far less
 * than 1e-6, so unless the scaled value lies within 1e-6 of a half (a tie
 * that only the exact binary value decides), rounding it gives the digits
 * printf gives.  A carry into the next power of ten is left to printf. */
static size_t six_digits(double v, char *buf) {
    static const double scale[] = {1e4, 1e5, 1e6, 1e7};
    static const unsigned pow10[] = {10000, 100000, 1000000, 10000000};
    double a = fabs(v);
    if (!(a >= 0.01 && a < 100)) return 0;
    int s = a >= 10 ? 0 : a >= 1 ? 1 : a >= 0.1 ? 2 : 3; /* 4 + s decimals */
    double x = a * scale[s], fl = floor(x);
    if (fabs(x - fl - 0.5) < 1e-6) return 0;
    unsigned k = (unsigned)fl + (x - fl > 0.5);
    if (k < 100000 || k > 999999) return 0;
    char *p = buf;
    if (v < 0) *p++ = '-';
    unsigned ip = k / pow10[s], fr = k % pow10[s];
    if (ip >= 10) *p++ = (char)('0' + ip / 10);
    *p++ = (char)('0' + ip % 10);
    *p++ = '.';
    int digits = 4 + s;
    while (digits > 1 && fr % 10 == 0) fr /= 10, digits--; /* "%g" drops trailing zeros; ".0" stays */
    for (int i = digits - 1; i >= 0; i--, fr /= 10) p[i] = (char)('0' + fr % 10);
    return (size_t)(p - buf) + (size_t)digits;
}

/* jansson's real format at precision 6.  Most values (Goldstein scores,
 * confidences) have at most 4 decimals and 6 digits in all: those are
 * written directly, exactly as "%.6g" would; so are other values of six
 * significant digits (six_digits()); the rest go through printf. */
static void put_real(jw *w, double v) {
    if (!isfinite(v)) { /* not JSON (jansson refuses them too) */
        PUTS(w, "null");
        return;
    }
    if (fabs(v) < 100 && !(v == 0 && signbit(v))) {
        long long k = llround(v * 10000);
        if ((double)k / 10000 == v) { /* v is the double nearest k/10000 */
            char buf[16], *p = buf;
            unsigned long long u = k < 0 ? (unsigned long long)-k : (unsigned long long)k;
            if (k < 0) *p++ = '-';
            unsigned ip = (unsigned)(u / 10000), fr = (unsigned)(u % 10000);
            if (ip >= 10) *p++ = (char)('0' + ip / 10);
            *p++ = (char)('0' + ip % 10);
            *p++ = '.';
            int digits = 4;
            while (digits > 1 && fr % 10 == 0) fr /= 10, digits--;
            for (int i = digits - 1; i >= 0; i--, fr /= 10) p[i] = (char)('0' + fr % 10);
            put(w, buf, (size_t)(p - buf) + (size_t)digits);
            return;
        }
    }
    char buf[64];
    size_t m = signbit(v) && v == 0 ? 0 : six_digits(v, buf);
    if (m) {
        put(w, buf, m);
        return;
    }
    int n = snprintf(buf, sizeof buf, "%.6g", v);
    if (n < 0 || n >= (int)sizeof buf - 3) return;
    if (!strchr(buf, '.') && !strchr(buf, 'e')) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    char *e = strchr(buf, 'e');
    if (e) { /* "1e+07" -> "1e7", "1e-05" -> "1e-5" */
        char *start = e + 1, *digits = e + 2;
        if (*start == '-') start++;
        while (*digits == '0') digits++;
        if (digits != start) {
            memmove(start, digits, strlen(digits) + 1);
            n = (int)strlen(buf);
        }
    }
    put(w, buf, (size_t)n);
}

static void put_day(jw *w, dl_day d) {
    if (d == DL_DAY_NONE) {
        PUTS(w, "null");
        return;
    }
    int y, m, dd;
    dl_day_to_ymd(d, &y, &m, &dd);
    if (y < 0 || y > 9999) {
        char buf[16];
        dl_json_put_string(w->b, dl_day_format(d, buf));
        return;
    }
    char s[12] = {'"', (char)('0' + y / 1000), (char)('0' + y / 100 % 10), (char)('0' + y / 10 % 10),
                  (char)('0' + y % 10), '-', (char)('0' + m / 10), (char)('0' + m % 10), '-',
                  (char)('0' + dd / 10), (char)('0' + dd % 10), '"'};
    put(w, s, sizeof s);
}

/* Containers and members. */
static void open_(jw *w, char c) {
    put(w, &c, 1);
    w->depth++;
    w->first[w->depth < 8 ? w->depth : 7] = true;
}

static void close_(jw *w, char c) {
    bool empty = w->first[w->depth < 8 ? w->depth : 7];
    w->depth--;
    if (!empty && w->base >= 0) newline(w, w->depth);
    put(w, &c, 1);
}

/* Before an element or member: the separator and the line break. */
static void item(jw *w) {
    bool *first = &w->first[w->depth < 8 ? w->depth : 7];
    if (!*first) PUTS(w, ",");
    *first = false;
    if (w->base >= 0) newline(w, w->depth);
}

/* ',"k":' (or ',\n    "k": ' indented).  `q` is the key quoted with its
 * colon, '"k":', and n its length: KEY() passes a literal, and as these
 * helpers are inlined the copies become a few moves (an event has some
 * forty members). */
#define INLINE static inline __attribute__((always_inline))
INLINE void key(jw *w, const char *q, size_t n) {
    if (w->base >= 0) {
        item(w);
        put(w, q, n);
        PUTS(w, " ");
        return;
    }
    bool *first = &w->first[w->depth < 8 ? w->depth : 7];
    if (!dl_buf_reserve(w->b, n + 1)) return;
    char *o = w->b->data + w->b->len;
    if (!*first) *o++ = ',';
    *first = false;
    memcpy(o, q, n);
    o += n;
    *o = 0;
    w->b->len = (size_t)(o - w->b->data);
}
#define QUOTED(lit) "\"" lit "\":", sizeof lit + 2
#define KEY(w, lit) key(w, QUOTED(lit))

INLINE void str_member(jw *w, const char *q, size_t n, const char *v) {
    key(w, q, n);
    dl_json_put_string(w->b, v);
}
#define STR(w, lit, v) str_member(w, QUOTED(lit), v)

INLINE void bool_member(jw *w, const char *q, size_t n, bool v) {
    key(w, q, n);
    if (v) PUTS(w, "true");
    else PUTS(w, "false");
}
#define BOOL(w, lit, v) bool_member(w, QUOTED(lit), v)

static void entity(jw *w, const dl_entity *e) {
    open_(w, '{');
    STR(w, "text", e->text);
    STR(w, "name", e->name);
    STR(w, "country", e->country);
    STR(w, "sector", e->sector);
    STR(w, "code", e->code);
    close_(w, '}');
}

static void date(jw *w, const dl_event_date *dt) {
    open_(w, '{');
    STR(w, "value", dt->when.value[0] ? dt->when.value : NULL);
    KEY(w, "start");
    put_day(w, dt->when.start);
    KEY(w, "end");
    put_day(w, dt->when.end);
    STR(w, "granularity", dl_granularity_name(dt->when.granularity));
    STR(w, "basis", dt->basis);
    BOOL(w, "inferred", dt->inferred);
    close_(w, '}');
}

static void action(jw *w, const dl_action *ac) {
    open_(w, '{');
    STR(w, "text", ac->text);
    STR(w, "code", ac->code[0] ? ac->code : NULL);
    STR(w, "root", ac->root[0] ? ac->root : NULL);
    STR(w, "label", ac->label);
    KEY(w, "quadclass");
    put_long(w, ac->quadclass);
    KEY(w, "goldstein");
    put_real(w, ac->goldstein);
    close_(w, '}');
}

static bool str_eq(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

static bool entity_eq(const dl_entity *a, const dl_entity *b) {
    return str_eq(a->text, b->text) && str_eq(a->name, b->name) && str_eq(a->country, b->country) &&
           str_eq(a->sector, b->sector) && str_eq(a->code, b->code);
}

/* A mention's "coded" object: the members of `c` (its own coding) that
 * differ from the event `ev`; nothing at all when none differs. */
static void coded(jw *w, const dl_event *ev, const dl_event *c) {
    const dl_when *a = &ev->date.when, *b = &c->date.when;
    bool d_id = !str_eq(ev->id, c->id);
    bool d_date = strcmp(a->value, b->value) || a->start != b->start || a->end != b->end ||
                  a->granularity != b->granularity || !str_eq(ev->date.basis, c->date.basis) ||
                  ev->date.inferred != c->date.inferred;
    bool d_actor = !entity_eq(&ev->actor, &c->actor);
    bool d_action = !str_eq(ev->action.text, c->action.text) || strcmp(ev->action.code, c->action.code) ||
                    ev->action.quadclass != c->action.quadclass || ev->action.goldstein != c->action.goldstein;
    bool d_target = ev->has_target != c->has_target || (c->has_target && !entity_eq(&ev->target, &c->target));
    bool d_quote = !str_eq(ev->quote, c->quote);
    if (!(d_id || d_date || d_actor || d_action || d_target || d_quote || ev->negated != c->negated ||
          ev->hypothetical != c->hypothetical || ev->confidence != c->confidence))
        return;
    KEY(w, "coded");
    open_(w, '{');
    if (d_id) STR(w, "id", c->id);
    if (d_date) KEY(w, "date"), date(w, &c->date);
    if (d_actor) KEY(w, "actor"), entity(w, &c->actor);
    if (d_action) KEY(w, "action"), action(w, &c->action);
    if (d_target) {
        KEY(w, "target");
        if (c->has_target) entity(w, &c->target);
        else PUTS(w, "null");
    }
    if (d_quote) STR(w, "quote", c->quote);
    if (ev->negated != c->negated) BOOL(w, "negated", c->negated);
    if (ev->hypothetical != c->hypothetical) BOOL(w, "hypothetical", c->hypothetical);
    if (ev->confidence != c->confidence) KEY(w, "confidence"), put_real(w, c->confidence);
    close_(w, '}');
}

bool dl_event_json(dl_buf *b, const dl_event *ev, bool explain, int indent) {
    jw w = {.b = b, .base = indent};
    open_(&w, '{');
    STR(&w, "id", ev->id);
    KEY(&w, "date");
    date(&w, &ev->date);
    KEY(&w, "actor");
    entity(&w, &ev->actor);
    KEY(&w, "action");
    action(&w, &ev->action);
    KEY(&w, "target");
    if (ev->has_target) entity(&w, &ev->target);
    else PUTS(&w, "null");
    STR(&w, "quote", ev->quote);
    BOOL(&w, "negated", ev->negated);
    BOOL(&w, "hypothetical", ev->hypothetical);
    KEY(&w, "confidence");
    put_real(&w, ev->confidence);
    KEY(&w, "mentions");
    open_(&w, '[');
    for (size_t i = 0; i < ev->n_mentions; i++) {
        const dl_mention *m = &ev->mentions[i];
        item(&w);
        open_(&w, '{');
        STR(&w, "article", m->article);
        KEY(&w, "sentence");
        put_long(&w, m->sentence);
        KEY(&w, "start");
        put_long(&w, m->start);
        KEY(&w, "end");
        put_long(&w, m->end);
        STR(&w, "text", m->text);
        if (m->coded) coded(&w, ev, m->coded);
        close_(&w, '}');
    }
    close_(&w, ']');
    if (explain) STR(&w, "explain", ev->explain);
    close_(&w, '}');
    return !b->failed;
}

bool dl_article_info_json(dl_buf *b, const dl_article_info *a) {
    jw w = {.b = b, .base = -1};
    open_(&w, '{');
    STR(&w, "id", a->id);
    STR(&w, "title", a->title);
    STR(&w, "source", a->source);
    STR(&w, "url", a->url);
    STR(&w, "published", a->published);
    close_(&w, '}');
    return !b->failed;
}

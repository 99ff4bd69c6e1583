/* json_scan.c - a strict JSON scanner over a byte span, for the readers
 * that parse JSON straight into their own structures (event/json_in.c,
 * article/reader.c) instead of building jansson trees.  See json_scan.h. */
#include "json_scan.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool dl_json_fail(dl_json_cur *c, const char *why) {
    if (!c->why) {
        c->why = why;
        c->at = c->p;
    }
    return false;
}

/* The text ended inside a value: always reported at the end of the text, so
 * that a reader can tell a cut object from a bad one. */
bool dl_json_cut(dl_json_cur *c) {
    c->p = c->end;
    return dl_json_fail(c, "unexpected end of input");
}



bool dl_json_expect(dl_json_cur *c, char ch, const char *why) { return dl_json_lit(c, ch) || dl_json_fail(c, why); }

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
bool dl_json_string(dl_json_cur *c, const char **s, size_t *n) {
    dl_json_ws(c);
    if (c->p >= c->end || *c->p != '"') return dl_json_fail(c, "expected a string");
    const char *start = ++c->p, *p = start, *end = c->end;
    bool escaped = false;
    for (;;) {
        p += dl_json_plain_run(p, end);
        if (p >= end) return dl_json_cut(c);
        unsigned char ch = (unsigned char)*p;
        if (ch == '"') break;
        if (ch < 0x20) {
            c->p = p;
            return dl_json_fail(c, "control character in a string");
        }
        if (ch >= 0x80) {
            size_t k = dl_utf8_seq_len((const unsigned char *)p, (const unsigned char *)end);
            if (!k && end - p < 4) return dl_json_cut(c); /* maybe a sequence cut short */
            if (!k) {
                c->p = p;
                return dl_json_fail(c, "invalid UTF-8 in a string");
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
        if (p + 1 >= end) return dl_json_cut(c);
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
            if (end - p < 4) return dl_json_cut(c);
            int cp = hex4(p);
            if (cp < 0) {
                c->p = p;
                return dl_json_fail(c, "invalid \\u escape");
            }
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF) { /* a surrogate pair */
                if (end - p < 6) return dl_json_cut(c);
                int lo = p[0] == '\\' && p[1] == 'u' ? hex4(p + 2) : -1;
                if (lo < 0xDC00 || lo > 0xDFFF) {
                    c->p = p;
                    return dl_json_fail(c, "invalid Unicode surrogate");
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                c->p = p;
                return dl_json_fail(c, "invalid Unicode surrogate");
            } else if (cp == 0) {
                c->p = p;
                return dl_json_fail(c, "\\u0000 in a string");
            }
            put_utf8(&c->tmp, (unsigned)cp);
            break;
        }
        default:
            c->p = p - 1;
            return dl_json_fail(c, "invalid escape");
        }
        start = p;
    }
    if (escaped) {
        dl_buf_append(&c->tmp, start, (size_t)(p - start));
        if (c->tmp.failed) {
            c->nomem = true;
            return dl_json_fail(c, "out of memory");
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
bool dl_json_number(dl_json_cur *c, double *d, bool *is_int, long long *i) {
    dl_json_ws(c);
    const char *s = c->p, *p = s, *end = c->end;
#define BAD() (c->p = p, dl_json_fail(c, "invalid number"))
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
    size_t n = (size_t)(p - s);
    if (*is_int && n <= 18) { /* fits in 63 bits whatever the digits: no strtoll */
        bool neg = *s == '-';
        long long v = 0;
        for (const char *q = s + neg; q < p; q++) v = v * 10 + (*q - '0');
        *i = neg ? -v : v;
        *d = (double)*i;
        c->p = p;
        return true;
    }
    char small[64], *buf = small;
    if (n >= sizeof small && !(buf = malloc(n + 1))) {
        c->nomem = true;
        return dl_json_fail(c, "out of memory");
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
    if (!ok) return dl_json_fail(c, *is_int ? "integer too big" : "real number overflow");
    c->p = p;
    return true;
}

bool dl_json_word(dl_json_cur *c, const char *w, size_t n) {
    size_t have = (size_t)(c->end - c->p);
    if (have < n && memcmp(c->p, w, have) == 0) return dl_json_cut(c);
    if (have < n || memcmp(c->p, w, n) != 0) return dl_json_fail(c, "invalid value");
    c->p += n;
    return true;
}

/* Any value, checked and skipped. */
bool dl_json_skip(dl_json_cur *c) {
    dl_json_ws(c);
    if (c->p >= c->end) return dl_json_cut(c);
    const char *s;
    size_t n;
    switch (*c->p) {
    case '"': return dl_json_string(c, &s, &n);
    case 't': return dl_json_word(c, "true", 4);
    case 'f': return dl_json_word(c, "false", 5);
    case 'n': return dl_json_word(c, "null", 4);
    case '{':
    case '[': {
        bool obj = *c->p++ == '{';
        if (++c->depth > DL_JSON_MAX_DEPTH) return dl_json_fail(c, "nested too deep");
        if (!dl_json_lit(c, obj ? '}' : ']')) {
            do {
                if (obj && !(dl_json_string(c, &s, &n) && dl_json_expect(c, ':', "expected ':'"))) return false;
                if (!dl_json_skip(c)) return false;
            } while (dl_json_lit(c, ','));
            if (!dl_json_expect(c, obj ? '}' : ']', obj ? "expected ',' or '}'" : "expected ',' or ']'")) return false;
        }
        c->depth--;
        return true;
    }
    default: {
        double d;
        bool is_int;
        long long i;
        return dl_json_number(c, &d, &is_int, &i);
    }
    }
}


/* Members of an object, one at a time: true with *k and *kn set, false at its
 * end (or on error: c->why).  `first` is set by the caller to true before
 * the first call, after the '{'. */
bool dl_json_next_key(dl_json_cur *c, bool *first, const char **k, size_t *kn) {
    if (*first) {
        *first = false;
        if (dl_json_lit(c, '}')) return false;
    } else {
        if (dl_json_lit(c, '}')) return false;
        if (!dl_json_expect(c, ',', "expected ',' or '}'")) return false;
    }
    if (!dl_json_string(c, k, kn) || !dl_json_expect(c, ':', "expected ':'")) return false;
    return true;
}


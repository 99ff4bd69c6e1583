/* json_scan.h - private: a strict JSON scanner over a byte span (RFC 8259:
 * valid UTF-8, no raw control characters or \u0000 in strings, integers
 * within 64 bits, nesting at most DL_JSON_MAX_DEPTH).  Readers that fill
 * their own structures straight from the text (event/json_in.c,
 * article/reader.c) walk it with these calls instead of building a jansson
 * tree.  Each call skips the whitespace before what it reads; on failure it
 * returns false and the first error is kept in why/at. */
#ifndef DL_JSON_SCAN_H
#define DL_JSON_SCAN_H

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "util.h"

#define DL_JSON_MAX_DEPTH 64

typedef struct dl_json_cur {
    const char *p, *end;
    const char *why, *at; /* the first error and where (a text that ends
                             inside a value fails at `end`) */
    int depth;
    dl_buf tmp;           /* strings with escapes, unescaped (caller frees) */
    bool nomem;
    void *user;           /* for the caller */
} dl_json_cur;

/* Record an error (the first one stays); returns false. */
bool dl_json_fail(dl_json_cur *c, const char *why);
/* The text ended inside a value: an error at its end. */
bool dl_json_cut(dl_json_cur *c);
static inline void dl_json_ws(dl_json_cur *c) {
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\n' || *c->p == '\r' || *c->p == '\t')) c->p++;
}
/* Consume ch if it comes next (after whitespace). */
static inline bool dl_json_lit(dl_json_cur *c, char ch) {
    dl_json_ws(c);
    if (c->p < c->end && *c->p == ch) {
        c->p++;
        return true;
    }
    return false;
}
bool dl_json_expect(dl_json_cur *c, char ch, const char *why);
/* Does ch come next (after whitespace)?  Nothing consumed. */
static inline bool dl_json_peek_is(dl_json_cur *c, char ch) {
    dl_json_ws(c);
    return c->p < c->end && *c->p == ch;
}
/* A string: *s and *n its unescaped bytes, in the text itself when it has
 * no escapes, else in c->tmp (valid until the next string). */
bool dl_json_string(dl_json_cur *c, const char **s, size_t *n);
/* A number: *d its value; *is_int when written as an integer (then *i). */
bool dl_json_number(dl_json_cur *c, double *d, bool *is_int, long long *i);
/* A literal word (true, false, null). */
bool dl_json_word(dl_json_cur *c, const char *w, size_t n);
/* Any value, checked and skipped. */
bool dl_json_skip(dl_json_cur *c);
/* The members of an object, after its '{': true with the next key in *k,
 * *kn (and its ':' read), false at the '}' or on an error (c->why).  Set
 * *first to true before the first call. */
bool dl_json_next_key(dl_json_cur *c, bool *first, const char **k, size_t *kn);

/* No byte of the 8 at p needs a second look in a JSON string: no quote, no
 * backslash, no control character (nor NUL), nothing beyond ASCII (bit
 * tricks on a 64-bit word; each test is exact about whether any byte
 * matches).  All 8 bytes must be readable. */
static inline bool dl_json_plain8(const char *p) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t w;
    memcpy(&w, p, 8);
    uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
    uint64_t any = (w & highs) | ((q - ones) & ~q & highs) | ((b - ones) & ~b & highs) | ((w - ones * 0x20) & ~w & highs);
    return !any;
}

/* How many bytes from p (before end) need no second look in a JSON string
 * (dl_json_plain8's test, byte by byte): 16 at a time with SSE2, else 8. */
static inline size_t dl_json_plain_run(const char *p, const char *end) {
    const char *s = p;
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'), ctl = _mm_set1_epi8(0x1F);
    while (end - s >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, bslash)),
                                   _mm_cmpeq_epi8(_mm_max_epu8(x, ctl), ctl)); /* <= 0x1F */
        unsigned m = (unsigned)_mm_movemask_epi8(hit) | (unsigned)_mm_movemask_epi8(x); /* or >= 0x80 */
        if (m) return (size_t)(s - p) + (size_t)__builtin_ctz(m);
        s += 16;
    }
#endif
    while (end - s >= 8 && dl_json_plain8(s)) s += 8;
    while (s < end && (unsigned char)*s >= 0x20 && *s != '"' && *s != '\\' && (unsigned char)*s < 0x80) s++;
    return (size_t)(s - p);
}

/* Length of the valid UTF-8 sequence at s (whose lead byte is >= 0x80),
 * or 0 when it is not one (overlong forms and surrogates are invalid). */
static inline size_t dl_utf8_seq_len(const unsigned char *s, const unsigned char *end) {
    unsigned c = s[0], cp;
    size_t n;
    if (c >= 0xC2 && c <= 0xDF) n = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF) n = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4) n = 4, cp = c & 0x07;
    else return 0;
    if ((size_t)(end - s) < n) return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

#endif

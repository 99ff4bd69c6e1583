/* utf8.c - UTF-8 validation and repair for article input.
 *
 * Validation reports the first bad byte.  Repair replaces each invalid
 * sequence with U+FFFD, except bytes 0x80-0x9F that are Windows-1252
 * punctuation (curly quotes, dashes, ellipsis, euro sign ...), which become
 * their Unicode characters: that is what text claiming to be UTF-8 but saved
 * by a Windows program usually holds.  Other Latin-1 letters (0xA0-0xFF)
 * become the Latin-1 character. */
#include <string.h>

#include "../common/util.h"
#include "article_private.h"

/* Length of the valid UTF-8 sequence at s (1-4), or 0 if invalid. */
static size_t seq_len(const unsigned char *s, size_t n) {
    unsigned char c = s[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    size_t k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF5 ? 4 : 0;
    if (!k || k > n) return 0;
    for (size_t i = 1; i < k; i++)
        if ((s[i] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;          /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0;         /* surrogates */
    if (c == 0xF0 && s[1] < 0x90) return 0;          /* overlong */
    if (c == 0xF4 && s[1] >= 0x90) return 0;         /* > U+10FFFF */
    return k;
}

/* Are the 8 bytes at s all ASCII and none NUL?  (Exact bit tests on a
 * 64-bit word: a byte has its high bit set, or is zero.) */
static inline bool ascii8(const unsigned char *s) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t w;
    memcpy(&w, s, 8);
    return !((w | ((w - ones) & ~w)) & highs);
}

bool dl_utf8_check(const char *buf, size_t len, size_t *bad_offset, const char **reason) {
    const unsigned char *s = (const unsigned char *)buf;
    size_t i = 0;
    while (i < len) {
        while (len - i >= 8 && ascii8(s + i)) i += 8; /* most text: plain ASCII */
        if (i == len) break;
        if (s[i] == 0) {
            if (bad_offset) *bad_offset = i;
            if (reason) *reason = "NUL byte";
            return false;
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = seq_len(s + i, len - i);
        if (!k) {
            if (bad_offset) *bad_offset = i;
            if (reason) *reason = "invalid UTF-8";
            return false;
        }
        i += k;
    }
    return true;
}

static const uint16_t cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

static void put_cp(dl_buf *b, uint32_t cp) {
    char e[4];
    size_t n;
    if (cp < 0x80) e[0] = (char)cp, n = 1;
    else if (cp < 0x800) e[0] = (char)(0xC0 | cp >> 6), e[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    else e[0] = (char)(0xE0 | cp >> 12), e[1] = (char)(0x80 | ((cp >> 6) & 0x3F)), e[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    dl_buf_append(b, e, n);
}

char *dl_utf8_repair(const char *buf, size_t len, size_t *out_len, size_t *repairs) {
    dl_buf b = {0};
    const unsigned char *s = (const unsigned char *)buf;
    size_t i = 0, fixes = 0;
    dl_buf_reserve(&b, len + 16);
    while (i < len) {
        if (s[i] == 0) { /* NUL: drop */
            fixes++;
            i++;
            continue;
        }
        size_t k = s[i] < 0x80 ? 1 : seq_len(s + i, len - i);
        if (k) {
            dl_buf_append(&b, s + i, k);
            i += k;
            continue;
        }
        fixes++;
        unsigned char c = s[i];
        if (c >= 0x80 && c <= 0x9F && cp1252[c - 0x80]) put_cp(&b, cp1252[c - 0x80]);
        else if (c >= 0xA0) put_cp(&b, c); /* Latin-1 */
        else put_cp(&b, 0xFFFD);
        i++;
    }
    if (b.failed) {
        dl_buf_free(&b);
        return NULL;
    }
    *out_len = b.len;
    if (repairs) *repairs = fixes;
    return dl_buf_take(&b);
}

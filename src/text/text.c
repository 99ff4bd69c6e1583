/* text.c - tokeniser and sentence splitter (see dipline/text.h).
 *
 * Two passes over one text: tokenise() makes tokens with byte offsets and a
 * normalised form; split() walks the tokens and decides where sentences end.
 * The word lists behind the decisions (abbreviations, sentence starters) are
 * data files compiled in: data/abbrev.txt and data/starters.txt. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "../common/util.h"
#include "dipline/text.h"

/* ---- word lists ------------------------------------------------------- */

enum { AB_NONE = 0, AB_TITLE, AB_MONTH, AB_OTHER, AB_NUMBER };

typedef struct {
    char word[12];
    int cls;
} abbrev_entry;

static abbrev_entry *abbrevs;
static size_t n_abbrevs;
static char (*starters)[16];
static size_t n_starters;
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

/* strcmp's order; the first bytes, which settle most steps of a binary
 * search (and the whole of a short word), are compared without a call. */
static int cmp_word(const void *a, const void *b) {
    const unsigned char *x = a, *y = b;
    for (int k = 0; k < 4; k++) {
        if (x[k] != y[k]) return x[k] < y[k] ? -1 : 1;
        if (!x[k]) return 0;
    }
    return strcmp((const char *)x + 4, (const char *)y + 4);
}

/* Call fn for each whitespace-separated word of data/<name>, skipping '#'
 * comments; `line_first` is the first word of the word's line. */
static void each_word(const char *name, void (*fn)(const char *line_first, const char *w, size_t n)) {
    size_t len;
    const char *p = dl_data_get(name, &len);
    if (!p) return;
    const char *end = p + len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        char first[16] = "";
        const char *q = p;
        bool first_done = false;
        while (q < eol && *q != '#') {
            while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r')) q++;
            const char *w = q;
            while (q < eol && *q != ' ' && *q != '\t' && *q != '\r' && *q != '#') q++;
            if (q == w) continue;
            if (!first_done) {
                snprintf(first, sizeof first, "%.*s", (int)(q - w), w);
                first_done = true;
            }
            fn(first, w, (size_t)(q - w));
        }
        p = eol + 1;
    }
}

static size_t cap_abbrevs, cap_starters;

static void add_abbrev(const char *first, const char *w, size_t n) {
    if (strncmp(w, first, n) == 0 && first[n] == 0) return; /* the class word itself */
    if (n >= sizeof abbrevs->word) return;
    if (n_abbrevs == cap_abbrevs) {
        size_t cap = cap_abbrevs ? cap_abbrevs * 2 : 128;
        abbrev_entry *p = realloc(abbrevs, cap * sizeof *p);
        if (!p) return;
        abbrevs = p;
        cap_abbrevs = cap;
    }
    abbrev_entry *e = &abbrevs[n_abbrevs++];
    memcpy(e->word, w, n);
    e->word[n] = 0;
    e->cls = dl_streq(first, "title")   ? AB_TITLE
             : dl_streq(first, "month") ? AB_MONTH
             : dl_streq(first, "number") ? AB_NUMBER
                                            : AB_OTHER;
}

static void add_starter(const char *first, const char *w, size_t n) {
    (void)first;
    if (n >= sizeof *starters) return;
    if (n_starters == cap_starters) {
        size_t cap = cap_starters ? cap_starters * 2 : 128;
        char(*p)[16] = realloc(starters, cap * sizeof *p);
        if (!p) return;
        starters = p;
        cap_starters = cap;
    }
    memcpy(starters[n_starters], w, n);
    starters[n_starters++][n] = 0;
}

static void load_lists(void) {
    each_word("abbrev.txt", add_abbrev);
    each_word("starters.txt", add_starter);
    if (abbrevs) qsort(abbrevs, n_abbrevs, sizeof *abbrevs, cmp_word);
    if (starters) qsort(starters, n_starters, sizeof *starters, cmp_word);
}

static int abbrev_class(const char *lower) {
    if (!abbrevs) return AB_NONE;
    const abbrev_entry *e = bsearch(lower, abbrevs, n_abbrevs, sizeof *abbrevs, cmp_word);
    return e ? e->cls : AB_NONE;
}

static bool is_starter(const char *lower) {
    return starters && bsearch(lower, starters, n_starters, sizeof *starters, cmp_word) != NULL;
}

/* ---- code points ------------------------------------------------------ */

typedef enum { C_SPACE, C_NEWLINE, C_LETTER, C_DIGIT, C_PUNCT, C_SYMBOL } cclass;

static int32_t decode(const char *s, size_t len, size_t i, size_t *n) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (k <= 0) {
        *n = 1;
        return 0xFFFD;
    }
    *n = (size_t)k;
    return cp;
}

/* The classes of ASCII characters, tabled at compile time. */
#define AC(c)                                                                                                   \
    ((c) == '\n'                                                                                              \
         ? C_NEWLINE                                                                                           \
     : (c) == ' ' || (c) == '\t' || (c) == '\r' || (c) == '\f' || (c) == '\v' ? C_SPACE                      \
     : ((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z')                 ? C_LETTER                     \
     : (c) >= '0' && (c) <= '9'                                                  ? C_DIGIT                      \
     : (c) < 0x20 || (c) == 0x7f                                                 ? C_SPACE                      \
     : (c) == '$' || (c) == '%' || (c) == '+' || (c) == '=' || (c) == '<' || (c) == '>' || (c) == '^' ||        \
               (c) == '|' || (c) == '~' || (c) == '`'                                                           \
         ? C_SYMBOL                                                                                            \
         : C_PUNCT)
#define AC4(c) AC(c), AC(c + 1), AC(c + 2), AC(c + 3)
#define AC16(c) AC4(c), AC4(c + 4), AC4(c + 8), AC4(c + 12)
static const unsigned char ascii_class[128] = {AC16(0),  AC16(16), AC16(32), AC16(48),
                                               AC16(64), AC16(80), AC16(96), AC16(112)};

static cclass classify(int32_t cp) {
    if (cp < 0x80) return (cclass)ascii_class[cp];
    if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) return C_NEWLINE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
        return C_SPACE;
    case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE: case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return C_PUNCT;
    default:
        return C_SYMBOL;
    }
}

static bool is_upper_cp(int32_t cp) {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

static bool is_lower_cp(int32_t cp) {
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static bool is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }
static bool is_hyphen(int32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
static bool is_dash(int32_t cp) { return cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2212; }

/* ---- tokeniser -------------------------------------------------------- */

typedef struct {
    dl_doc *d;
    dl_buf norm;
    size_t cap_tokens;
    bool failed;
} tk_state;

/* Append the case-folded bytes of s[a..b) to buf, normalising quotes,
 * apostrophes and dashes; skip code points listed in `drop` (ASCII). */
static void fold_into(dl_buf *buf, const char *s, size_t a, size_t b, const char *drop) {
    size_t i = a;
    while (i < b) {
        if (!drop && (unsigned char)s[i] < 0x80) { /* a run of ASCII: lower-cased in one go */
            size_t j = i;
            while (j < b && (unsigned char)s[j] < 0x80) j++;
            if (!dl_buf_reserve(buf, j - i)) return;
            char *o = buf->data + buf->len;
            for (size_t k = i; k < j; k++) *o++ = (char)dl_lower((unsigned char)s[k]);
            buf->len += j - i;
            buf->data[buf->len] = 0;
            i = j;
            continue;
        }
        size_t n;
        int32_t cp = decode(s, b, i, &n);
        i += n;
        if (cp < 0x80) {
            if (drop && strchr(drop, (int)cp)) continue;
            dl_buf_putc(buf, (char)dl_lower(cp));
            continue;
        }
        if (is_apostrophe(cp) || cp == 0x2018) {
            dl_buf_putc(buf, '\'');
            continue;
        }
        if (cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB) {
            dl_buf_putc(buf, '"');
            continue;
        }
        if (is_hyphen(cp)) {
            dl_buf_putc(buf, '-');
            continue;
        }
        if (is_dash(cp)) {
            dl_buf_puts(buf, "--");
            continue;
        }
        if (cp == 0x2026) {
            dl_buf_puts(buf, "...");
            continue;
        }
        if (cp == 0xA0) {
            dl_buf_putc(buf, ' ');
            continue;
        }
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_tolower(cp), enc);
        dl_buf_append(buf, enc, (size_t)k);
    }
}

size_t dl_text_fold(const char *s, size_t len, char *out, size_t cap) {
    dl_buf b = {0};
    fold_into(&b, s, 0, len, NULL);
    size_t n = 0;
    if (cap) {
        n = b.len < cap - 1 ? b.len : cap - 1;
        while (n > 0 && n < b.len && ((unsigned char)b.data[n] & 0xC0) == 0x80) n--;
        if (n) memcpy(out, b.data, n);
        out[n] = 0;
    }
    dl_buf_free(&b);
    return n;
}

static void push_token(tk_state *st, size_t a, size_t b, size_t norm_at, size_t norm_len, int kind,
                       uint32_t flags, uint32_t hash);

static void emit(tk_state *st, size_t a, size_t b, int kind, uint32_t flags, const char *drop) {
    if (st->failed) return;
    dl_doc *d = st->d;
    size_t norm_at = st->norm.len;
    if (kind != DL_TOK_DASH && b == a + 1 && (unsigned char)d->text[a] < 0x80 && !drop) {
        /* one ASCII character (most punctuation): its form is itself,
         * lower-cased, as fold_into() would write it */
        if (!dl_buf_reserve(&st->norm, 2)) {
            st->failed = true;
            return;
        }
        char ch = (char)dl_lower((unsigned char)d->text[a]);
        st->norm.data[st->norm.len++] = ch;
        st->norm.data[st->norm.len++] = 0;
        st->norm.data[st->norm.len] = 0; /* a dl_buf stays NUL-terminated */
        push_token(st, a, b, norm_at, 1, kind, flags, dl_text_hash(&ch, 1));
        return;
    }
    if (kind == DL_TOK_DASH) {
        bool hy = true;
        size_t n;
        int32_t cp = decode(d->text, b, a, &n);
        if (is_dash(cp) || b - a > 1) hy = false;
        dl_buf_puts(&st->norm, hy ? "-" : "--");
    } else {
        fold_into(&st->norm, d->text, a, b, drop);
    }
    size_t norm_len = st->norm.len - norm_at;
    dl_buf_putc(&st->norm, 0);
    if (st->norm.failed || norm_len > 0xFFFF) {
        st->failed = true;
        return;
    }
    push_token(st, a, b, norm_at, norm_len, kind, flags, dl_text_hash(st->norm.data + norm_at, norm_len));
}

/* Append the token s[a..b) whose normalised form is already in st->norm at
 * norm_at (norm_len bytes and its NUL), with the form's dl_text_hash(). */
static void push_token(tk_state *st, size_t a, size_t b, size_t norm_at, size_t norm_len, int kind,
                       uint32_t flags, uint32_t hash) {
    dl_doc *d = st->d;
    dl_token t = {.start = (uint32_t)a, .end = (uint32_t)b, .norm = (uint32_t)norm_at,
                  .norm_len = (uint16_t)norm_len, .kind = (uint8_t)kind, .flags = flags, .hash = hash};
    if (d->n_tokens == st->cap_tokens) {
        size_t cap = st->cap_tokens ? st->cap_tokens * 2 : 256;
        dl_token *p = realloc(d->tokens, cap * sizeof *p);
        if (!p) {
            st->failed = true;
            return;
        }
        d->tokens = p;
        st->cap_tokens = cap;
    }
    d->tokens[d->n_tokens++] = t;
}

/* Case flags of the word s[a..b). */
static uint32_t case_flags(const char *s, size_t a, size_t b) {
    size_t i = a, n;
    int letters = 0, uppers = 0;
    bool first_upper = false, first_seen = false;
    while (i < b) {
        unsigned char ch = (unsigned char)s[i];
        if (ch < 0x80) { /* ASCII, most text: the same tests without decoding */
            i++;
            if (!dl_isalpha(ch)) continue;
            bool up = ch <= 'Z';
            if (!first_seen) {
                first_seen = true;
                first_upper = up;
            }
            letters++;
            uppers += up;
            continue;
        }
        int32_t cp = decode(s, b, i, &n);
        i += n;
        if (classify(cp) != C_LETTER) continue;
        bool up = is_upper_cp(cp);
        if (!first_seen) {
            first_seen = true;
            first_upper = up;
        }
        letters++;
        uppers += up || !is_lower_cp(cp);
    }
    uint32_t f = 0;
    if (first_upper) f |= DL_TF_CAP;
    if (letters >= 2 && uppers == letters) f |= DL_TF_UPPER;
    return f;
}

/* Bytes as ascii_word() sees them: one that ends the word (an ASCII mark,
 * space or control), one beyond ASCII (the general path decides), a digit,
 * a lower-case and an upper-case letter. */
enum { AW_END, AW_OTHER, AW_DIGIT, AW_LOWER, AW_UPPER };
#define AW(c)                                                                                                  \
    ((c) >= 0x80 ? AW_OTHER : (c) >= '0' && (c) <= '9' ? AW_DIGIT : (c) >= 'a' && (c) <= 'z' ? AW_LOWER       \
                              : (c) >= 'A' && (c) <= 'Z'                                       ? AW_UPPER       \
                                                                                               : AW_END)
#define AW4(c) AW(c), AW(c + 1), AW(c + 2), AW(c + 3)
#define AW16(c) AW4(c), AW4(c + 4), AW4(c + 8), AW4(c + 12)
#define AW64(c) AW16(c), AW16(c + 16), AW16(c + 32), AW16(c + 48)
static const unsigned char word_byte[256] = {AW64(0), AW64(64), AW64(128), AW64(192)};
/* What each kind adds to ascii_word()'s count: letters in the low 16 bits,
 * upper-case ones above. */
static const uint32_t case_count[] = {[AW_LOWER] = 1, [AW_UPPER] = 0x10001};

/* The fast path for the most common token: a word or number of ASCII
 * letters and digits only, ended by a character that needs no second look
 * (not an apostrophe or a period, nor ',' or ':' after a number, nor a
 * non-ASCII character).  One pass finds its end, its case flags and its
 * normalised (lower-cased) form, exactly as the general path would.  Returns
 * the end of the token, or `i` when the general path must decide (nothing
 * has then been written). */
static size_t ascii_word(tk_state *st, size_t i, uint32_t flags) {
    const char *s = st->d->text;
    size_t len = st->d->len;
    size_t lim = len - i < DL_MAX_TOKEN_BYTES ? len : i + DL_MAX_TOKEN_BYTES;
    if (!dl_buf_reserve(&st->norm, DL_MAX_TOKEN_BYTES + 1)) return i;
    char *o = st->norm.data + st->norm.len;
    bool digit_first = word_byte[(unsigned char)s[i]] == AW_DIGIT;
    uint32_t counts = 0; /* letters in the low 16 bits, upper-case ones above (a token has at most
                            DL_MAX_TOKEN_BYTES) */
    uint32_t h = 2166136261u; /* dl_text_hash() of the form, as it is written */
    size_t j = i;
    for (; j < lim; j++) {
        unsigned char ch = (unsigned char)s[j];
        unsigned k = word_byte[ch];
        if (k < AW_DIGIT) {
            if (k == AW_OTHER) return i;
            break;
        }
        counts += case_count[k];
        ch |= 0x20; /* lower-cased (digits and lower-case letters have the bit) */
        *o++ = (char)ch;
        h = (h ^ ch) * 16777619u;
    }
    if (j - i >= DL_MAX_TOKEN_BYTES) return i; /* the length limit: split by the general path */
    if (j < len) {
        char ch = s[j];
        if (ch == '\'' || ch == '.' || (digit_first && (ch == ',' || ch == ':'))) return i;
    }
    size_t norm_at = st->norm.len;
    st->norm.len += j - i;
    st->norm.data[st->norm.len++] = 0;
    st->norm.data[st->norm.len] = 0; /* a dl_buf stays NUL-terminated */
    /* the case of the first letter: the first byte's, after digits ("10th") */
    size_t f = i;
    while (f < j && word_byte[(unsigned char)s[f]] == AW_DIGIT) f++;
    if (f < j && word_byte[(unsigned char)s[f]] == AW_UPPER) flags |= DL_TF_CAP;
    uint32_t letters = counts & 0xFFFF, uppers = counts >> 16;
    if (letters >= 2 && uppers == letters) flags |= DL_TF_UPPER;
    push_token(st, i, j, norm_at, j - i, digit_first ? DL_TOK_NUMBER : DL_TOK_WORD, flags, h);
    return j;
}

static void tokenize(tk_state *st) {
    const char *s = st->d->text;
    size_t len = st->d->len;
    size_t i = 0;
    uint32_t pending = 0; /* whitespace flags for the next token */
    int newlines = 0;
    while (i < len && !st->failed) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == ' ') { /* the usual space between words */
            pending |= DL_TF_SPACE;
            i++;
            continue;
        }
        if (ch < 0x80 && (ascii_class[ch] == C_LETTER || ascii_class[ch] == C_DIGIT)) {
            size_t j = ascii_word(st, i, pending);
            if (j > i) {
                pending = 0;
                newlines = 0;
                i = j;
                continue;
            }
        }
        size_t n;
        int32_t cp = decode(s, len, i, &n);
        cclass c = classify(cp);
        if (c == C_SPACE || c == C_NEWLINE) {
            pending |= DL_TF_SPACE;
            if (c == C_NEWLINE) {
                newlines++;
                pending |= DL_TF_NEWLINE;
                if (newlines >= 2) pending |= DL_TF_PARAGRAPH;
            }
            i += n;
            continue;
        }
        uint32_t flags = pending;
        pending = 0;
        newlines = 0;
        size_t start = i;
        if (c == C_LETTER || c == C_DIGIT) {
            /* A word or number: letters, digits, marks; inner apostrophes
             * before letters; inner . , : between digits. */
            bool digit_first = c == C_DIGIT;
            bool apostrophe = false; /* an inner one: maybe a clitic to split */
            size_t j = i + n;
            while (j < len && j - start < DL_MAX_TOKEN_BYTES) {
                size_t m;
                int32_t q = decode(s, len, j, &m);
                cclass qc = classify(q);
                if (qc == C_LETTER || qc == C_DIGIT) {
                    j += m;
                    continue;
                }
                if (digit_first && (q == '.' || q == ',' || q == ':') && j + 1 < len &&
                    dl_isdigit((unsigned char)s[j + 1]) && dl_isdigit((unsigned char)s[j - 1])) {
                    j += m;
                    continue;
                }
                if (is_apostrophe(q) && j + m < len) {
                    size_t m2;
                    int32_t q2 = decode(s, len, j + m, &m2);
                    if (classify(q2) == C_LETTER) {
                        j += m;
                        apostrophe = true;
                        continue;
                    }
                }
                break;
            }
            /* Split clitics: n't 's 'll 're 've 'd 'm (and "can't"). */
            size_t word_end = j, clitic = j;
            for (size_t k = start; apostrophe && k < j; k++) {
                size_t m;
                int32_t q = decode(s, j, k, &m);
                if (!is_apostrophe(q)) continue;
                size_t rest = j - (k + m);
                const char *r = s + k + m;
                bool isclitic = (rest == 1 && (dl_lower(*r) == 's' || dl_lower(*r) == 'd' || dl_lower(*r) == 'm')) ||
                                (rest == 2 && (dl_strncasecmp(r, "ll", 2) == 0 || dl_strncasecmp(r, "re", 2) == 0 ||
                                               dl_strncasecmp(r, "ve", 2) == 0));
                if (rest == 1 && dl_lower(*r) == 't' && k > start && dl_lower(s[k - 1]) == 'n' && k - 1 > start) {
                    clitic = k - 1; /* don't -> do n't */
                    word_end = k - 1;
                    break;
                }
                if (isclitic) {
                    clitic = k;
                    word_end = k;
                    break;
                }
            }
            /* Periods: acronyms (U.S., a.m.), initials (J.), abbreviations. */
            bool abbrev = false;
            if (clitic == j && j < len && s[j] == '.' && !digit_first) {
                size_t cps = 0;
                for (size_t k = start; k < word_end; k += n) {
                    decode(s, word_end, k, &n);
                    cps++;
                }
                if (cps == 1) {
                    /* "U.S.", "a.m.", "E.U." - or an initial, "J." */
                    size_t k = j;
                    while (k + 1 < len && k - start < DL_MAX_TOKEN_BYTES && s[k] == '.' && dl_isalpha((unsigned char)s[k + 1]) &&
                           (k + 2 >= len || !(dl_isalpha((unsigned char)s[k + 2]) || dl_isdigit((unsigned char)s[k + 2]))))
                        k += 2;
                    j = k < len && s[k] == '.' ? k + 1 : k;
                    word_end = clitic = j;
                    abbrev = true;
                } else if (word_end - start < 16) {
                    char low[16];
                    size_t wl = word_end - start;
                    for (size_t q = 0; q < wl; q++) low[q] = (char)dl_lower((unsigned char)s[start + q]);
                    low[wl] = 0;
                    if (abbrev_class(low) != AB_NONE) {
                        abbrev = true;
                        j = j + 1;
                        word_end = clitic = j;
                    }
                }
            }
            uint32_t f = flags | case_flags(s, start, word_end) | (abbrev ? DL_TF_ABBREV : 0);
            /* Single-word abbreviations drop their final period in the
             * normalised form ("Mr." -> "mr"); acronyms keep theirs. */
            bool acronym = abbrev && memchr(s + start, '.', word_end - start - 1) != NULL;
            if (abbrev && !acronym) {
                emit(st, start, word_end, digit_first ? DL_TOK_NUMBER : DL_TOK_WORD, f, NULL);
                /* emit() folded the period in; strip it */
                if (!st->failed) {
                    dl_token *t = &st->d->tokens[st->d->n_tokens - 1];
                    if (t->norm_len && st->norm.data[t->norm + t->norm_len - 1] == '.') {
                        t->norm_len--;
                        st->norm.data[t->norm + t->norm_len] = 0;
                        t->hash = dl_text_hash(st->norm.data + t->norm, t->norm_len);
                    }
                }
            } else {
                emit(st, start, word_end, digit_first ? DL_TOK_NUMBER : DL_TOK_WORD, f, NULL);
            }
            if (clitic < j) emit(st, clitic, j, DL_TOK_WORD, DL_TF_CLITIC, NULL);
            i = j;
            continue;
        }
        /* punctuation and symbols */
        size_t j = i + n;
        int kind = c == C_SYMBOL ? DL_TOK_SYMBOL : DL_TOK_PUNCT;
        if (cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB || cp == 0xBB ||
            cp == 0x2018 || cp == 0x201A || cp == 0x2039 || cp == 0x203A) {
            kind = DL_TOK_QUOTE;
        } else if (is_apostrophe(cp)) {
            /* a possessive after a plural ("allies'") or a single quote */
            bool after_s = i > 0 && dl_lower((unsigned char)s[i - 1]) == 's' && !(flags & DL_TF_SPACE);
            kind = after_s ? DL_TOK_WORD : DL_TOK_QUOTE;
            if (after_s) flags |= DL_TF_CLITIC;
        } else if (is_hyphen(cp) || is_dash(cp)) {
            kind = DL_TOK_DASH;
            if (cp == '-' && j < len && s[j] == '-') { /* "--" */
                while (j < len && s[j] == '-' && j - i < DL_MAX_TOKEN_BYTES) j++;
            }
        } else if (cp == '.' && j + 1 < len && s[j] == '.' && s[j + 1] == '.') {
            j += 2; /* "..." */
        } else if (cp == '?' || cp == '!') {
            while (j < len && (s[j] == '?' || s[j] == '!') && j - i < DL_MAX_TOKEN_BYTES) j++;
        }
        emit(st, i, j, kind, flags, NULL);
        i = j;
    }
}

/* ---- quotes ----------------------------------------------------------- */

static void mark_quotes(dl_doc *d) {
    int depth = 0;
    for (size_t i = 0; i < d->n_tokens; i++) {
        dl_token *t = &d->tokens[i];
        if (t->flags & DL_TF_PARAGRAPH) depth = 0;
        if (t->kind != DL_TOK_QUOTE) {
            if (depth > 0) t->flags |= DL_TF_IN_QUOTE;
            continue;
        }
        size_t n;
        int32_t cp = decode(d->text, d->len, t->start, &n);
        bool open;
        if (cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == 0x201E || cp == 0x201A || cp == 0x2039) open = true;
        else if (cp == 0x201D || cp == 0xBB || cp == 0x203A || is_apostrophe(cp)) open = false;
        else {
            /* straight quote: opening after a space, start, or opening
             * bracket; closing otherwise */
            bool before_space = i == 0 || (t->flags & DL_TF_SPACE) ||
                                (d->tokens[i - 1].kind == DL_TOK_PUNCT &&
                                 strchr("([{", d->text[d->tokens[i - 1].start]));
            bool after_space = i + 1 >= d->n_tokens || (d->tokens[i + 1].flags & DL_TF_SPACE);
            open = before_space && !after_space;
            if (before_space && after_space) open = depth == 0;
        }
        if (cp == '\'' || is_apostrophe(cp) || cp == 0x2018) {
            /* single quotes nest inside double ones; do not track depth */
            t->flags |= open ? DL_TF_OPEN : DL_TF_CLOSE;
            if (depth > 0) t->flags |= DL_TF_IN_QUOTE;
            continue;
        }
        if (open) {
            t->flags |= DL_TF_OPEN | DL_TF_IN_QUOTE;
            depth = 1;
        } else {
            t->flags |= DL_TF_CLOSE | (depth > 0 ? DL_TF_IN_QUOTE : 0);
            depth = 0;
        }
    }
}

/* ---- sentences -------------------------------------------------------- */

static const char *norm(const dl_doc *d, size_t i) { return d->norm + d->tokens[i].norm; }

static bool tok_is(const dl_doc *d, size_t i, const char *s) { return dl_streq(norm(d, i), s); }

static bool is_terminal(const dl_doc *d, size_t i) {
    const dl_token *t = &d->tokens[i];
    if (t->kind != DL_TOK_PUNCT) return false;
    const char *n = norm(d, i);
    return dl_streq(n, ".") || n[0] == '?' || n[0] == '!' || dl_streq(n, "...");
}

static bool is_closer(const dl_doc *d, size_t i) {
    const dl_token *t = &d->tokens[i];
    if (t->kind == DL_TOK_QUOTE) return (t->flags & DL_TF_CLOSE) != 0;
    return t->kind == DL_TOK_PUNCT && (tok_is(d, i, ")") || tok_is(d, i, "]"));
}

/* Could token i start a sentence? */
static bool starts_sentence(const dl_doc *d, size_t i) {
    const dl_token *t = &d->tokens[i];
    if (t->kind == DL_TOK_WORD) return (t->flags & DL_TF_CAP) != 0 && !(t->flags & DL_TF_CLITIC);
    if (t->kind == DL_TOK_NUMBER) return true;
    if (t->kind == DL_TOK_QUOTE) return (t->flags & DL_TF_OPEN) != 0;
    if (t->kind == DL_TOK_DASH) return (t->flags & DL_TF_NEWLINE) != 0;
    if (t->kind == DL_TOK_PUNCT) return tok_is(d, i, "(") || tok_is(d, i, "[") || tok_is(d, i, "*") ||
                                        tok_is(d, i, "#");
    return t->kind == DL_TOK_SYMBOL;
}

/* Does an abbreviation token end its sentence before token `next`? */
static bool abbrev_ends(const dl_doc *d, size_t i, size_t next) {
    const dl_token *t = &d->tokens[i];
    const dl_token *n = &d->tokens[next];
    if (n->flags & (DL_TF_NEWLINE | DL_TF_PARAGRAPH)) return true;
    if (!starts_sentence(d, next)) return false;
    const char *w = norm(d, i);
    bool acronym = strchr(w, '.') != NULL;
    if (!acronym) {
        if (t->end - t->start <= 2) return false; /* an initial, "J." */
        int cls = abbrev_class(w);
        if (cls == AB_TITLE) return false;
        if ((cls == AB_MONTH || cls == AB_NUMBER) && n->kind == DL_TOK_NUMBER) return false;
    }
    if (n->kind != DL_TOK_WORD) return n->kind == DL_TOK_QUOTE;
    return is_starter(norm(d, next));
}

static bool bullet_marker(const dl_doc *d, size_t i) {
    const dl_token *t = &d->tokens[i];
    if (!(t->flags & DL_TF_NEWLINE) && i != 0) return false;
    if (i + 1 >= d->n_tokens || !(d->tokens[i + 1].flags & DL_TF_SPACE)) return false;
    if (d->tokens[i + 1].flags & DL_TF_NEWLINE) return false;
    const char *n = norm(d, i);
    if (t->kind == DL_TOK_DASH) return true;
    if (dl_streq(n, "*") || dl_streq(n, "\xe2\x80\xa2") || dl_streq(n, "\xc2\xb7") ||
        dl_streq(n, "#") || dl_streq(n, "##") || dl_streq(n, ">"))
        return true;
    return false;
}

/* A dateline at the start of a paragraph: "MOSCOW (Reuters) -",
 * "KYIV, Ukraine —", "Moscow, Feb. 10 (Dipline Wire) –".  Returns the index
 * of the first token after it, or `i` when there is none. */
static size_t dateline_end(const dl_doc *d, size_t i) {
    size_t limit = i + 14 < d->n_tokens ? i + 14 : d->n_tokens;
    bool upper_first = (d->tokens[i].flags & DL_TF_UPPER) && d->tokens[i].kind == DL_TOK_WORD;
    bool paren = false;
    if (!(d->tokens[i].flags & DL_TF_CAP)) return i;
    for (size_t k = i; k < limit; k++) {
        const dl_token *t = &d->tokens[k];
        if (k > i && (t->flags & DL_TF_NEWLINE)) return i;
        if (t->kind == DL_TOK_DASH || (t->kind == DL_TOK_PUNCT && tok_is(d, k, ":") && upper_first)) {
            bool spaced = (t->flags & DL_TF_SPACE) || t->kind == DL_TOK_PUNCT;
            bool long_dash = dl_streq(norm(d, k), "--");
            if (!spaced || k == i || k + 1 >= d->n_tokens) return i;
            if (!(d->tokens[k + 1].flags & DL_TF_SPACE)) return i;
            if (!(upper_first || paren)) return i;
            if (!long_dash && !paren && !upper_first) return i;
            return k + 1;
        }
        if (t->kind == DL_TOK_PUNCT && tok_is(d, k, "(")) {
            /* a short parenthetical: the agency */
            size_t m = k + 1;
            while (m < limit && !tok_is(d, m, ")")) m++;
            if (m >= limit) return i;
            paren = true;
            k = m;
            continue;
        }
        if (t->kind == DL_TOK_WORD) {
            /* place names and month names are capitalised */
            if (!(t->flags & (DL_TF_CAP | DL_TF_UPPER))) return i;
            continue;
        }
        if (t->kind == DL_TOK_NUMBER || tok_is(d, k, ",") || tok_is(d, k, ".")) continue;
        return i;
    }
    return i;
}

static bool push_sentence(dl_doc *d, size_t *cap, size_t first, size_t last, uint32_t para, uint32_t flags,
                          uint32_t n_lead) {
    if (last < first) return true;
    if (d->n_sentences == *cap) {
        size_t nc = *cap ? *cap * 2 : 32;
        dl_sentence *p = realloc(d->sentences, nc * sizeof *p);
        if (!p) return false;
        d->sentences = p;
        *cap = nc;
    }
    d->tokens[first].flags |= DL_TF_SENT_START;
    d->sentences[d->n_sentences++] = (dl_sentence){
        .start = d->tokens[first].start, .end = d->tokens[last].end, .first_token = (uint32_t)first,
        .n_tokens = (uint32_t)(last - first + 1), .paragraph = para, .flags = flags, .n_lead = n_lead};
    return true;
}

/* Is the text hard-wrapped (single line breaks inside sentences)?  Evidence:
 * lines that continue with a lower-case word. */
static bool hard_wrapped(const dl_doc *d) {
    size_t breaks = 0, lower = 0;
    for (size_t i = 1; i < d->n_tokens; i++) {
        const dl_token *t = &d->tokens[i];
        if (!(t->flags & DL_TF_NEWLINE) || (t->flags & DL_TF_PARAGRAPH)) continue;
        breaks++;
        if (t->kind == DL_TOK_WORD && !(t->flags & DL_TF_CAP) && !is_terminal(d, i - 1)) lower++;
    }
    return lower >= 2 && lower * 5 >= breaks;
}

/* Where to cut a sentence [first, k] that reached the length limit: after
 * its last clause mark (, ; : --) in the second half, else after k. */
static size_t cut_point(const dl_doc *d, size_t first, size_t k) {
    for (size_t c = k; c > first + (k - first) / 2; c--) {
        const char *w = norm(d, c);
        if (dl_streq(w, ",") || dl_streq(w, ";") || dl_streq(w, ":") || dl_streq(w, "--")) return c;
    }
    return k;
}

static dl_status split(dl_doc *d) {
    size_t cap = 0;
    uint32_t para = 0;
    bool wrapped = hard_wrapped(d);
    size_t i = 0;
    while (i < d->n_tokens) {
        /* start of a sentence at token i */
        uint32_t flags = 0;
        size_t sent_start = i; /* a dateline stays in the sentence's text */
        if (i == 0 || (d->tokens[i].flags & DL_TF_PARAGRAPH)) {
            if (i > 0) para++;
            flags |= DL_SF_PARA_START;
            size_t k = dateline_end(d, i);
            if (k > i && k < d->n_tokens) {
                flags |= DL_SF_DATELINE;
                i = k;
            }
        }
        if (!(flags & DL_SF_DATELINE) && bullet_marker(d, i)) {
            flags |= DL_SF_BULLET;
            i++;
            while (i < d->n_tokens && bullet_marker(d, i) && !(d->tokens[i].flags & DL_TF_NEWLINE)) i++;
        }
        if (i >= d->n_tokens) break;
        size_t first = i, last = i;
        bool ended = false;
        for (size_t k = i; k < d->n_tokens; k++) {
            last = k;
            if (k + 1 - first >= DL_MAX_SENTENCE_TOKENS) {
                last = cut_point(d, first, k);
                flags |= DL_SF_CUT;
                break;
            }
            size_t next = k + 1;
            if (next >= d->n_tokens) break;
            const dl_token *nt = &d->tokens[next];
            if (nt->flags & DL_TF_PARAGRAPH) {
                ended = is_terminal(d, k) || is_closer(d, k);
                break;
            }
            if (nt->flags & DL_TF_NEWLINE) {
                bool term = is_terminal(d, k) || (is_closer(d, k) && k > first && is_terminal(d, k - 1));
                if (term || bullet_marker(d, next)) {
                    ended = term;
                    break;
                }
                if (!wrapped) {
                    const char *w = norm(d, k);
                    bool continues = (nt->kind == DL_TOK_WORD && !(nt->flags & DL_TF_CAP)) ||
                                     dl_streq(w, ",") || dl_streq(w, ";") || dl_streq(w, "-") ||
                                     dl_streq(w, "(") || dl_streq(w, "&");
                    if (!continues) break;
                }
            }
            /* terminal punctuation, then closing quotes/brackets */
            bool term = is_terminal(d, k);
            bool abbrev = !term && (d->tokens[k].flags & DL_TF_ABBREV);
            if (!term && !abbrev) continue;
            size_t e = k;
            while (e + 1 < d->n_tokens && is_closer(d, e + 1) && !(d->tokens[e + 1].flags & DL_TF_SPACE) &&
                   !(d->tokens[e + 1].flags & DL_TF_NEWLINE))
                e++;
            if (e + 1 >= d->n_tokens) {
                last = e;
                ended = true;
                break;
            }
            size_t n2 = e + 1;
            const dl_token *t2 = &d->tokens[n2];
            if (!(t2->flags & DL_TF_SPACE)) continue;
            if (t2->flags & DL_TF_PARAGRAPH) {
                last = e;
                ended = true;
                break;
            }
            bool brk;
            if (abbrev) brk = abbrev_ends(d, k, n2);
            else brk = starts_sentence(d, n2) || bullet_marker(d, n2);
            if (brk) {
                last = e;
                ended = true;
                break;
            }
            k = e;
        }
        if (!ended && !(flags & DL_SF_CUT) && !(is_terminal(d, last) || (is_closer(d, last) && last > first && is_terminal(d, last - 1))))
            flags |= DL_SF_HEADLINE;
        size_t lead_from = flags & DL_SF_DATELINE ? sent_start : first;
        if (!push_sentence(d, &cap, lead_from, last, para, flags, (uint32_t)(first - lead_from)))
            return DL_ERR_NOMEM;
        i = last + 1;
    }
    return DL_OK;
}

/* ---- public ----------------------------------------------------------- */

dl_status dl_doc_new(const char *text, size_t len, dl_doc **out, dl_error *err) {
    *out = NULL;
    if (len > 0xFFFFFFF0u)
        return dl_error_set(err, DL_ERR_LIMIT, NULL, -1, -1, "text longer than 4 GiB");
    pthread_once(&lists_once, load_lists);
    dl_doc *d = calloc(1, sizeof *d);
    if (!d) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    d->text = text;
    d->len = len;
    tk_state st = {.d = d};
    dl_buf_reserve(&st.norm, len + len / 2 + 16);
    /* room for the tokens of a news article at once (a token and its space
     * take five bytes or so), rather than growing to it; a long text grows
     * from there */
    size_t guess = len / 4 + 64 < 16384 ? len / 4 + 64 : 16384;
    d->tokens = malloc(guess * sizeof *d->tokens);
    if (d->tokens) st.cap_tokens = guess;
    tokenize(&st);
    d->norm = st.norm.data;
    d->norm_len = st.norm.len;
    if (st.failed || st.norm.failed) {
        dl_doc_free(d);
        return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    }
    mark_quotes(d);
    if (split(d) != DL_OK) {
        dl_doc_free(d);
        return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    }
    *out = d;
    return DL_OK;
}

void dl_doc_free(dl_doc *d) {
    if (!d) return;
    free(d->tokens);
    free(d->sentences);
    free(d->norm);
    free(d);
}

size_t dl_text_tokens(const char *text, size_t len,
                      void (*fn)(void *ctx, const char *norm, size_t norm_len, const dl_token *tok),
                      void *ctx) {
    pthread_once(&lists_once, load_lists);
    dl_doc d = {.text = text, .len = len};
    tk_state st = {.d = &d};
    /* dictionaries tokenise tens of thousands of short phrases: room for
     * as many tokens as bytes (the most there can be, up to push_token()'s
     * first size) and for the folded text, allocated once and small */
    size_t cap = len + 1 < 256 ? len + 1 : 256;
    d.tokens = malloc(cap * sizeof *d.tokens);
    if (d.tokens) st.cap_tokens = cap;
    dl_buf_reserve(&st.norm, len + len / 2 + 16 + DL_MAX_TOKEN_BYTES + 1); /* (ascii_word() wants the last) */
    tokenize(&st);
    size_t count = st.failed ? 0 : d.n_tokens;
    for (size_t i = 0; i < count; i++)
        if (fn) fn(ctx, st.norm.data + d.tokens[i].norm, d.tokens[i].norm_len, &d.tokens[i]);
    free(d.tokens);
    dl_buf_free(&st.norm);
    return count;
}

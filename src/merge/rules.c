/* rules.c - the matching rules of the merge (data/merge.txt): symmetric
 * codes, exclusive codes, and which canonical names are persons.  Each rule
 * is a small pure function so that it can be tested on its own. */
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "dipline/merge.h"
#include "merge_private.h"

#define MAX_EXCLUSIVE 32

typedef struct wordlist {
    char **w;
    size_t n, cap;
} wordlist;

struct dl_merge_rules {
    wordlist symmetric;
    wordlist excl[MAX_EXCLUSIVE][2]; /* line k: the codes left and right of '|' */
    size_t n_excl;
    wordlist collective; /* lower case, sorted */
    wordlist particle;   /* lower case, sorted */
};

static bool wl_add(wordlist *l, const char *s, size_t n) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        char **p = realloc(l->w, cap * sizeof *p);
        if (!p) return false;
        l->w = p;
        l->cap = cap;
    }
    char *c = dl_strndup(s, n);
    if (!c) return false;
    for (char *q = c; *q; q++) *q = (char)dl_lower((unsigned char)*q);
    l->w[l->n++] = c;
    return true;
}

static void wl_free(wordlist *l) {
    for (size_t i = 0; i < l->n; i++) free(l->w[i]);
    free(l->w);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool wl_has(const wordlist *l, const char *s, size_t n) {
    char key[64];
    if (n == 0 || n >= sizeof key || !l->n) return false;
    for (size_t i = 0; i < n; i++) key[i] = (char)dl_lower((unsigned char)s[i]);
    key[n] = 0;
    const char *k = key;
    return bsearch(&k, l->w, l->n, sizeof *l->w, cmp_str) != NULL;
}

/* Is `code` (or its 3-digit parent) in the list? */
static bool code_in(const wordlist *l, const char *code) {
    if (!code || !code[0]) return false;
    size_t n = strlen(code);
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->w[i], code) == 0 || (n == 4 && strlen(l->w[i]) == 3 && strncmp(l->w[i], code, 3) == 0))
            return true;
    return false;
}

static bool is_code(const char *s, size_t n) {
    if (n < 2 || n > 4) return false;
    for (size_t i = 0; i < n; i++)
        if (!dl_isdigit((unsigned char)s[i])) return false;
    return true;
}

void dl_merge_rules_free(dl_merge_rules *r) {
    if (!r) return;
    wl_free(&r->symmetric);
    for (size_t k = 0; k < r->n_excl; k++) {
        wl_free(&r->excl[k][0]);
        wl_free(&r->excl[k][1]);
    }
    wl_free(&r->collective);
    wl_free(&r->particle);
    free(r);
}

dl_status dl_merge_rules_parse(const char *name, const char *text, size_t len, dl_merge_rules **out,
                               dl_error *err) {
    *out = NULL;
    dl_merge_rules *r = calloc(1, sizeof *r);
    if (!r) return dl_error_set(err, DL_ERR_NOMEM, name, -1, -1, "out of memory");
    long lineno = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        lineno++;
        const char *hash = memchr(p, '#', (size_t)(eol - p));
        const char *stop = hash ? hash : eol;
        /* Split into words. */
        const char *w[256];
        size_t wn[256], n = 0;
        for (const char *q = p; q < stop;) {
            while (q < stop && dl_isspace((unsigned char)*q)) q++;
            const char *s = q;
            while (q < stop && !dl_isspace((unsigned char)*q)) q++;
            if (q > s) {
                if (n == 256) {
                    dl_merge_rules_free(r);
                    return dl_error_set(err, DL_ERR_INPUT, name, lineno, -1, "too many words on one line");
                }
                w[n] = s;
                wn[n++] = (size_t)(q - s);
            }
        }
        p = eol < end ? eol + 1 : end;
        if (n == 0) continue;
#define KW(s) (wn[0] == strlen(s) && memcmp(w[0], s, wn[0]) == 0)
        bool ok = true;
        const char *bad = NULL;
        if (KW("symmetric")) {
            for (size_t i = 1; i < n && ok; i++) {
                if (!is_code(w[i], wn[i])) bad = "a CAMEO code (2-4 digits)";
                else ok = wl_add(&r->symmetric, w[i], wn[i]);
                if (bad) break;
            }
        } else if (KW("exclusive")) {
            if (r->n_excl == MAX_EXCLUSIVE) {
                dl_merge_rules_free(r);
                return dl_error_set(err, DL_ERR_INPUT, name, lineno, -1, "more than %d exclusive lines",
                                    MAX_EXCLUSIVE);
            }
            int side = 0;
            size_t k = r->n_excl++;
            for (size_t i = 1; i < n && ok && !bad; i++) {
                if (wn[i] == 1 && w[i][0] == '|') {
                    if (side++) bad = "one '|' between two groups of codes";
                } else if (!is_code(w[i], wn[i])) {
                    bad = "a CAMEO code (2-4 digits) or '|'";
                } else {
                    ok = wl_add(&r->excl[k][side], w[i], wn[i]);
                }
            }
            if (!bad && (side != 1 || !r->excl[k][0].n || !r->excl[k][1].n))
                bad = "codes on both sides of one '|'";
        } else if (KW("collective") || KW("particle")) {
            wordlist *l = KW("collective") ? &r->collective : &r->particle;
            for (size_t i = 1; i < n && ok; i++) {
                if (wn[i] >= 64) bad = "a word shorter than 64 bytes";
                else ok = wl_add(l, w[i], wn[i]);
                if (bad) break;
            }
        } else {
            dl_merge_rules_free(r);
            return dl_error_set(err, DL_ERR_INPUT, name, lineno, -1,
                                "unknown keyword '%.*s' (symmetric, exclusive, collective, particle)",
                                (int)(wn[0] < 40 ? wn[0] : 40), w[0]);
        }
#undef KW
        if (!ok) {
            dl_merge_rules_free(r);
            return dl_error_set(err, DL_ERR_NOMEM, name, lineno, -1, "out of memory");
        }
        if (bad) {
            dl_merge_rules_free(r);
            return dl_error_set(err, DL_ERR_INPUT, name, lineno, -1, "expected %s", bad);
        }
    }
    if (r->collective.n) qsort(r->collective.w, r->collective.n, sizeof *r->collective.w, cmp_str);
    if (r->particle.n) qsort(r->particle.w, r->particle.n, sizeof *r->particle.w, cmp_str);
    *out = r;
    return DL_OK;
}

dl_status dl_merge_rules_load(const char *path, dl_merge_rules **out, dl_error *err) {
    if (!path) {
        size_t len;
        const char *data = dl_data_get("merge.txt", &len);
        if (!data) return dl_error_set(err, DL_ERR_INPUT, "merge.txt", -1, -1, "the bundled merge rules are missing");
        return dl_merge_rules_parse("merge.txt", data, len, out, err);
    }
    char *text;
    size_t len;
    dl_status st = dl_read_file(path, (size_t)16 << 20, &text, &len, err);
    if (st != DL_OK) return st;
    st = dl_merge_rules_parse(path, text, len, out, err);
    free(text);
    return st;
}

bool dl_merge_rules_symmetric(const dl_merge_rules *r, const char *code) {
    return code_in(&r->symmetric, code);
}

/* Bits of the exclusive lines whose left (*l) or right (*r) side has code. */
void dl_merge_rules_exclusive_mask(const dl_merge_rules *r, const char *code, uint32_t *l, uint32_t *rt) {
    *l = *rt = 0;
    for (size_t k = 0; k < r->n_excl; k++) {
        if (code_in(&r->excl[k][0], code)) *l |= 1u << k;
        if (code_in(&r->excl[k][1], code)) *rt |= 1u << k;
    }
}

bool dl_merge_rules_codes_compatible(const dl_merge_rules *r, const char *a, const char *b) {
    if (!a || !b || strncmp(a, b, 2) != 0) return false;
    uint32_t al, ar, bl, br;
    dl_merge_rules_exclusive_mask(r, a, &al, &ar);
    dl_merge_rules_exclusive_mask(r, b, &bl, &br);
    return !(al & br) && !(ar & bl);
}

/* A person's canonical name: two or more words, each capitalised (or a
 * listed particle), no digits, no acronym, no collective word. */
bool dl_merge_rules_is_person(const dl_merge_rules *r, const char *name) {
    if (!name) return false;
    size_t words = 0;
    for (const char *q = name; *q;) {
        while (*q && (dl_isspace((unsigned char)*q) || *q == '-')) q++;
        if (!*q) break;
        const char *s = q;
        while (*q && !dl_isspace((unsigned char)*q) && *q != '-') q++;
        size_t n = (size_t)(q - s);
        /* Strip a possessive and trailing punctuation. */
        while (n && (s[n - 1] == '.' || s[n - 1] == ',')) n--;
        if (n >= 2 && s[n - 2] == '\'' && s[n - 1] == 's') n -= 2;
        if (!n) continue;
        words++;
        size_t upper = 0, letters = 0;
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (dl_isdigit(c)) return false;
            if (dl_isalpha(c)) {
                letters++;
                upper += c >= 'A' && c <= 'Z';
            }
        }
        if (letters >= 2 && upper == letters) return false; /* NATO, U.S. */
        if (wl_has(&r->collective, s, n)) return false;
        if (s[0] >= 'a' && s[0] <= 'z' && !wl_has(&r->particle, s, n)) return false;
    }
    return words >= 2;
}

static bool same(const char *a, const char *b) { return a == b || (a && b && strcmp(a, b) == 0); }

bool dl_merge_rules_entities_compatible(const dl_merge_rules *r, const dl_entity *a, const dl_entity *b) {
    /* Without a country only the name can tell: the same name (or both
     * unknown) on both sides. */
    if (!a->country || !b->country)
        return !a->country && !b->country ? same(a->name, b->name) : a->name && same(a->name, b->name);
    if (strcmp(a->country, b->country) != 0) return false;
    if (a->sector && b->sector && strcmp(a->sector, b->sector) != 0) return false;
    if (a->name && b->name && strcmp(a->name, b->name) == 0) return true;
    return !(dl_merge_rules_is_person(r, a->name) && dl_merge_rules_is_person(r, b->name));
}

/* lexicon.c - the word lists of data/timex.txt: phrases by class, looked
 * up by their first normalised token through a small hash table.  Built once
 * per process (pthread_once) and read-only afterwards. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "timex_private.h"

static const char *const class_names[TX_N_CLASSES] = {
    "month", "weekday", "weekdays", "season", "seasons", "partofday", "partofdays",
    "clock", "zone", "number", "tens", "scale", "one", "vague", "couple",
    "half", "ordinal", "unit", "units", "dayunit", "dayunits", "dayref",
    "nightref", "deictic", "ref", "recentunits", "comingunits", "posmod",
    "approx", "postapprox", "setword", "perword", "holiday", "nthday",
    "easter", "holweek", "tense-future", "tense-past", "tense-present", "tense-notpast",
    "vaguedur", "lead", "deadline"};

struct tx_lexicon {
    tx_entry *entries;
    size_t n, cap;
    dl_buf words;       /* phrase tokens: "a\0b\0" ... */
    int32_t *table;     /* open addressing by first word: an entry with that
                           first word, or -1 */
    uint32_t *hashes;   /* per slot: the tx_word_hash() of its first word */
    uint64_t *masks;    /* per slot: the classes of its phrases */
    uint64_t *singles;  /* per slot: the classes where the word alone is a phrase */
    uint64_t *multis;   /* per slot: the classes with a phrase of several words */
    int32_t (*heads)[TX_N_CLASSES]; /* per slot and class: first entry */
    size_t table_size;  /* power of two */
    int32_t *second;    /* open addressing by second word: an entry with that
                           second word, or -1 */
    uint32_t *second_hashes; /* per slot: the tx_word_hash() of its second word */
    size_t second_size; /* power of two */
};

static tx_lexicon *lexicon;
static pthread_once_t lexicon_once = PTHREAD_ONCE_INIT;

/* Words are hashed with dl_text_hash(), which the tokeniser has already
 * computed for every token of a text (dl_token.hash). */
static uint32_t tx_word_hash(const char *s, size_t n) { return dl_text_hash(s, n); }

/* Tokens of the phrase being added (dl_text_tokens callback). */
typedef struct {
    dl_buf *buf;
    size_t count;
} phrase_acc;

static void add_token(void *ctx, const char *norm, size_t len, const dl_token *tok) {
    (void)tok;
    phrase_acc *a = ctx;
    dl_buf_append(a->buf, norm, len);
    dl_buf_putc(a->buf, 0);
    a->count++;
}

static bool add_phrase(tx_lexicon *lx, int cls, const char *value, const char *p, size_t n, uint32_t line) {
    while (n && (*p == ' ' || *p == '\t')) p++, n--;
    while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r')) n--;
    if (!n) return true;
    if (lx->n == lx->cap) {
        size_t cap = lx->cap ? lx->cap * 2 : 512;
        tx_entry *e = realloc(lx->entries, cap * sizeof *e);
        if (!e) return false;
        lx->entries = e;
        lx->cap = cap;
    }
    size_t at = lx->words.len;
    phrase_acc acc = {&lx->words, 0};
    if (*p == '\'') {
        /* a clitic ("'ll"): one token, as the tokeniser splits it off words */
        add_token(&acc, p, n, NULL);
    } else {
        dl_text_tokens(p, n, add_token, &acc);
    }
    if (lx->words.failed) return false;
    if (acc.count == 0 || acc.count > 255) return true;
    tx_entry *e = &lx->entries[lx->n++];
    memset(e, 0, sizeof *e);
    e->cls = (uint8_t)cls;
    e->n_words = (uint8_t)acc.count;
    e->ival = (int32_t)strtol(value, NULL, 10);
    snprintf(e->sval, sizeof e->sval, "%s", value);
    e->words = (const char *)(uintptr_t)at; /* an offset until the buffer stops moving */
    e->line = line;
    e->next = -1;
    return true;
}

static void build(void) {
    tx_lexicon *lx = calloc(1, sizeof *lx);
    if (!lx) return;
    size_t len;
    const char *p = dl_data_get("timex.txt", &len);
    const char *end = p ? p + len : NULL;
    uint32_t line = 0;
    bool ok = p != NULL;
    while (ok && p < end) {
        line++;
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *hash_at = memchr(p, '#', (size_t)(eol - p));
        const char *stop = hash_at ? hash_at : eol;
        /* CLASS VALUE PHRASE | PHRASE ... */
        const char *q = p;
        char cls_name[24] = "", value[16] = "";
        for (int field = 0; field < 2; field++) {
            while (q < stop && (*q == ' ' || *q == '\t')) q++;
            const char *w = q;
            while (q < stop && *q != ' ' && *q != '\t') q++;
            char *dst = field ? value : cls_name;
            size_t cap = field ? sizeof value : sizeof cls_name;
            snprintf(dst, cap, "%.*s", (int)(q - w), w);
        }
        int cls = -1;
        for (int k = 0; k < TX_N_CLASSES; k++)
            if (strcmp(cls_name, class_names[k]) == 0) cls = k;
        if (cls >= 0) {
            while (q < stop && ok) {
                const char *bar = memchr(q, '|', (size_t)(stop - q));
                const char *pe = bar ? bar : stop;
                ok = add_phrase(lx, cls, value, q, (size_t)(pe - q), line);
                q = bar ? bar + 1 : stop;
            }
        }
        p = eol + 1;
    }
    /* fix the phrase pointers and hash the first words */
    size_t size = 64;
    while (size < lx->n * 2) size *= 2;
    lx->table = malloc(size * sizeof *lx->table);
    lx->masks = calloc(size, sizeof *lx->masks);
    lx->singles = calloc(size, sizeof *lx->singles);
    lx->multis = calloc(size, sizeof *lx->multis);
    lx->heads = malloc(size * sizeof *lx->heads);
    lx->second = malloc(size * sizeof *lx->second);
    lx->hashes = calloc(size, sizeof *lx->hashes);
    lx->second_hashes = calloc(size, sizeof *lx->second_hashes);
    if (!ok || lx->words.failed || !lx->table || !lx->masks || !lx->singles || !lx->multis || !lx->heads ||
        !lx->second || !lx->hashes || !lx->second_hashes) {
        free(lx->entries);
        free(lx->table);
        free(lx->masks);
        free(lx->singles);
        free(lx->multis);
        free(lx->heads);
        free(lx->second);
        free(lx->hashes);
        free(lx->second_hashes);
        dl_buf_free(&lx->words);
        free(lx);
        return;
    }
    lx->table_size = lx->second_size = size;
    for (size_t i = 0; i < size; i++) {
        lx->table[i] = lx->second[i] = -1;
        for (int k = 0; k < TX_N_CLASSES; k++) lx->heads[i][k] = -1;
    }
    /* Insert in reverse so that each chain lists entries in file order;
     * one chain per first word and class. */
    for (size_t k = lx->n; k-- > 0;) {
        tx_entry *e = &lx->entries[k];
        e->words = lx->words.data + (uintptr_t)e->words;
        size_t wl = strlen(e->words);
        e->rest = e->n_words > 1 ? e->words + wl + 1 : NULL;
        uint32_t wh = tx_word_hash(e->words, wl);
        size_t h = wh & (size - 1);
        while (lx->table[h] >= 0 && strcmp(lx->entries[lx->table[h]].words, e->words) != 0) h = (h + 1) & (size - 1);
        lx->table[h] = (int32_t)k;
        lx->hashes[h] = wh;
        e->next = lx->heads[h][e->cls];
        lx->heads[h][e->cls] = (int32_t)k;
        lx->masks[h] |= 1ull << e->cls;
        if (e->n_words == 1) lx->singles[h] |= 1ull << e->cls;
        else lx->multis[h] |= 1ull << e->cls;
    }
    /* the second words of the phrases of several words */
    for (size_t k = 0; k < lx->n; k++) {
        const tx_entry *e = &lx->entries[k];
        if (e->n_words < 2) continue;
        uint32_t wh = tx_word_hash(e->rest, strlen(e->rest));
        size_t h = wh & (size - 1);
        while (lx->second[h] >= 0 && strcmp(lx->entries[lx->second[h]].rest, e->rest) != 0) h = (h + 1) & (size - 1);
        lx->second[h] = (int32_t)k;
        lx->second_hashes[h] = wh;
    }
    lexicon = lx;
}

const tx_lexicon *tx_lexicon_get(void) {
    pthread_once(&lexicon_once, build);
    return lexicon;
}

int32_t tx_lexicon_find(const tx_lexicon *lx, const char *w, size_t n, uint32_t hash) {
    size_t h = hash & (lx->table_size - 1);
    while (lx->table[h] >= 0) {
        const char *s = lx->entries[lx->table[h]].words;
        if (lx->hashes[h] == hash && dl_streq_n(s, w, n)) return (int32_t)h;
        h = (h + 1) & (lx->table_size - 1);
    }
    return -1;
}

bool tx_lexicon_is_second(const tx_lexicon *lx, const char *w, size_t n, uint32_t hash) {
    size_t h = hash & (lx->second_size - 1);
    while (lx->second[h] >= 0) {
        const char *s = lx->entries[lx->second[h]].rest;
        if (lx->second_hashes[h] == hash && dl_streq_n(s, w, n)) return true;
        h = (h + 1) & (lx->second_size - 1);
    }
    return false;
}

uint64_t tx_lexicon_mask(const tx_lexicon *lx, int32_t word) { return word < 0 ? 0 : lx->masks[word]; }
uint64_t tx_lexicon_singles(const tx_lexicon *lx, int32_t word) { return word < 0 ? 0 : lx->singles[word]; }
uint64_t tx_lexicon_multis(const tx_lexicon *lx, int32_t word) { return word < 0 ? 0 : lx->multis[word]; }

size_t tx_lex_at(const tx_ctx *c, size_t i, tx_class cls, const tx_entry **out) {
    if (i >= c->lim || !(c->mask[i] & (1ull << cls))) return 0; /* (tx_lex() tested it) */
    size_t best = 0;
    const tx_lexicon *lx = c->lx;
    for (int32_t k = lx->heads[c->head[i]][cls]; k >= 0;) {
        const tx_entry *e = &lx->entries[k];
        k = e->next;
        if (e->n_words <= best || i + e->n_words > c->lim) continue;
        if (e->n_words == 1) {
            best = 1;
            if (out) *out = e;
            continue;
        }
        /* compare the phrase's further words with the next tokens (the
         * first byte settles most) */
        const char *w = e->rest;
        size_t j = 1;
        for (; j < e->n_words; j++) {
            const char *t = dl_doc_norm(c->doc, i + j);
            if (!dl_streq(t, w)) break;
            w += strlen(w) + 1;
        }
        if (j == e->n_words) {
            best = e->n_words;
            if (out) *out = e;
        }
    }
    return best;
}

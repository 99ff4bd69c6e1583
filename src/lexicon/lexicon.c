/* lexicon.c - loading the dictionaries, closed-class words, phrase
 * matching and the accessors of dipline/lexicon.h.  Actors live in
 * actors.c, verbs in verbs.c. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "dipline/article.h"
#include "dipline/text.h"
#include "lexicon_private.h"
#include "petrarch.h"
#include "morph.h"

bool dl_lines_next(dl_lines *it, const char **s, size_t *n, bool comments) {
    if (it->p >= it->end) return false;
    const char *e = memchr(it->p, '\n', (size_t)(it->end - it->p));
    if (!e) e = it->end;
    *s = it->p;
    *n = (size_t)(e - it->p);
    it->p = e + 1;
    it->line++;
    if (*n && (*s)[*n - 1] == '\r') (*n)--;
    if (comments) {
        const char *h = memchr(*s, '#', *n);
        if (h) *n = (size_t)(h - *s);
    }
    return true;
}

void dl_trim(const char **s, size_t *n) {
    while (*n && (**s == ' ' || **s == '\t')) (*s)++, (*n)--;
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t')) (*n)--;
}

#define STR_CHUNK 65536

/* Strings live in fixed chunks, so pointers to them stay valid. */
const char *dl_lex_str(dl_lexicon *lex, const char *s, size_t len) {
    if (len + 1 > STR_CHUNK) return NULL;
    if (!lex->blocks_of_strings.n || lex->str_used + len + 1 > STR_CHUNK) {
        char *chunk = malloc(STR_CHUNK);
        if (!chunk || !vec_push(&lex->blocks_of_strings, chunk)) {
            free(chunk);
            return NULL;
        }
        lex->str_used = 0;
    }
    char *dst = lex->blocks_of_strings.v[lex->blocks_of_strings.n - 1] + lex->str_used;
    memcpy(dst, s, len);
    dst[len] = 0;
    lex->str_used += len + 1;
    return dst;
}

bool dl_lex_grow_words(dl_lexicon *lex) {
    size_t n = lex->words.n;
    if (!vec_reserve(&lex->wclass, n - lex->wclass.n + 1) || !vec_reserve(&lex->pron, n - lex->pron.n + 1) ||
        !vec_reserve(&lex->anyverb, n - lex->anyverb.n + 1) || !vec_reserve(&lex->starts, n - lex->starts.n + 1))
        return false;
    while (lex->starts.n < n) lex->starts.v[lex->starts.n++] = 0;
    while (lex->wclass.n < n) lex->wclass.v[lex->wclass.n++] = 0;
    while (lex->pron.n < n) lex->pron.v[lex->pron.n++] = (pronoun_info){0};
    while (lex->anyverb.n < n) lex->anyverb.v[lex->anyverb.n++] = 0;
    return true;
}

typedef struct {
    dl_lexicon *lex;
    uint32_t *ids;
    size_t n, cap;
    bool failed;
} ids_ctx;

static void collect_id(void *ctx, const char *norm, size_t len, const dl_token *tok) {
    (void)tok;
    ids_ctx *c = ctx;
    if (c->n >= c->cap) {
        c->failed = true;
        return;
    }
    uint32_t id = dl_intern(&c->lex->words, norm, len, 1);
    if (id == DL_NO_ID) c->failed = true;
    c->ids[c->n++] = id;
}

size_t dl_lex_phrase_ids(dl_lexicon *lex, const char *phrase, size_t len, uint32_t *ids, size_t cap) {
    ids_ctx c = {lex, ids, 0, cap, false};
    dl_text_tokens(phrase, len, collect_id, &c);
    if (c.failed || !dl_lex_grow_words(lex)) return 0;
    return c.n;
}

dl_status dl_lex_open(dl_lexicon *lex, const char *bundled, const char *path, const char **text, size_t *len,
                      bool *owned, uint32_t *file_index, dl_error *err) {
    *owned = false;
    char *name;
    if (path) {
        char *buf;
        dl_status st = dl_read_file(path, (size_t)256 << 20, &buf, len, err);
        if (st != DL_OK) return st;
        size_t bad;
        const char *why;
        if (!dl_utf8_check(buf, *len, &bad, &why)) {
            free(buf);
            return dl_error_set(err, DL_ERR_INPUT, path, -1, (long)bad, "dictionary: %s", why);
        }
        *text = buf;
        *owned = true;
        name = dl_strdup(path);
    } else {
        *text = dl_data_get(bundled, len);
        if (!*text) return dl_error_set(err, DL_ERR_INPUT, bundled, -1, -1, "no bundled dictionary %s", bundled);
        size_t n = strlen(bundled) + 6;
        name = malloc(n);
        if (name) snprintf(name, n, "data/%s", bundled);
    }
    if (!name || !vec_push(&lex->files, name)) {
        free(name);
        if (*owned) free((char *)*text);
        return dl_error_set(err, DL_ERR_NOMEM, path ? path : bundled, -1, -1, "out of memory");
    }
    *file_index = (uint32_t)(lex->files.n - 1);
    return DL_OK;
}

/* data/words.txt: "CLASS word word ..." and "pronoun WORD PERSON sg|pl
 * poss|- m|f|n|-". */
static dl_status load_words(dl_lexicon *lex, const char *text, size_t len, uint32_t file, dl_error *err) {
    static const struct { const char *name; uint32_t bit; } classes[] = {
        {"det", DL_W_DET},       {"prep", DL_W_PREP},     {"conj", DL_W_CONJ},         {"subord", DL_W_SUBORD},
        {"pron", DL_W_PRON},     {"be", DL_W_BE},         {"have", DL_W_HAVE},         {"do", DL_W_DO},
        {"modal", DL_W_MODAL},   {"neg", DL_W_NEG},       {"adv", DL_W_ADV},           {"speech", DL_W_SPEECH},
        {"title", DL_W_TITLE},   {"locprep", DL_W_LOCPREP}, {"future", DL_W_FUTURE}, {"hedge", DL_W_HEDGE},
        {"quant", DL_W_QUANT},   {"report", DL_W_REPORT}, {"stopname", DL_W_STOPNAME}};
    dl_lines it = {text, text + len, 0};
    const char *s;
    size_t n;
    while (dl_lines_next(&it, &s, &n, true)) {
        dl_trim(&s, &n);
        if (!n) continue;
        const char *sp = s;
        while (sp < s + n && *sp != ' ' && *sp != '\t') sp++;
        size_t kl = (size_t)(sp - s);
        if (kl == 7 && strncmp(s, "pronoun", 7) == 0) {
            char w[64], num[8], poss[8], gen[8];
            int person;
            char line[256];
            snprintf(line, sizeof line, "%.*s", (int)n, s);
            if (sscanf(line, "pronoun %63s %d %7s %7s %7s", w, &person, num, poss, gen) != 5)
                return dl_error_set(err, DL_ERR_INPUT, lex->files.v[file], it.line, -1,
                                    "expected: pronoun WORD PERSON sg|pl poss|- m|f|n|-");
            uint32_t id = dl_intern(&lex->words, w, strlen(w), 1);
            if (id == DL_NO_ID || !dl_lex_grow_words(lex)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
            lex->pron.v[id] = (pronoun_info){person, strcmp(num, "pl") == 0, strcmp(poss, "poss") == 0,
                                             gen[0] == '-' ? 0 : gen[0]};
            lex->wclass.v[id] |= DL_W_PRON;
            continue;
        }
        uint32_t bit = 0;
        for (size_t c = 0; c < sizeof classes / sizeof *classes; c++)
            if (strlen(classes[c].name) == kl && strncmp(classes[c].name, s, kl) == 0) bit = classes[c].bit;
        if (!bit)
            return dl_error_set(err, DL_ERR_INPUT, lex->files.v[file], it.line, -1, "unknown word class '%.*s'",
                                (int)kl, s);
        const char *p = sp;
        while (p < s + n) {
            while (p < s + n && (*p == ' ' || *p == '\t')) p++;
            const char *w = p;
            while (p < s + n && *p != ' ' && *p != '\t') p++;
            if (p == w) break;
            /* multi-word entries use '_' ("according_to"): class the words */
            for (const char *q = w; q < p;) {
                const char *u = q;
                while (u < p && *u != '_') u++;
                uint32_t id = dl_intern(&lex->words, q, (size_t)(u - q), 1);
                if (id == DL_NO_ID || !dl_lex_grow_words(lex))
                    return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
                lex->wclass.v[id] |= bit;
                q = u < p ? u + 1 : u;
            }
        }
    }
    return DL_OK;
}

static dl_status load_one(dl_lexicon *lex, const char *bundled, const char *path,
                          dl_status (*fn)(dl_lexicon *, const char *, size_t, uint32_t, dl_error *),
                          bool optional, dl_error *err) {
    if (!path && optional && !dl_data_get(bundled, NULL)) return DL_OK;
    const char *text;
    size_t len;
    bool owned;
    uint32_t file;
    dl_status st = dl_lex_open(lex, bundled, path, &text, &len, &owned, &file, err);
    if (st != DL_OK) return st;
    if (path) fn = dl_petr_loader(fn, text, len); /* PETRARCH-2 dictionaries too */
    st = fn(lex, text, len, file, err);
    if (owned) free((char *)text);
    return st;
}

/* Every word's singular, interned once, so that matching a pattern word
 * plural-insensitively (dl_lexicon_word_matches) compares two ids. */
static bool build_singulars(dl_lexicon *lex) {
    if (!vec_reserve(&lex->sing, lex->words.n)) return false;
    for (uint32_t id = 0; id < lex->words.n; id++) {
        const char *w = dl_interned(&lex->words, id);
        uint32_t s = DL_NO_ID;
        if (strlen(w) < 60) {
            char one[64];
            dl_morph_singular(w, one);
            if ((s = dl_intern(&lex->singulars, one, strlen(one), 1)) == DL_NO_ID) return false;
        }
        lex->sing.v[lex->sing.n++] = s;
    }
    return true;
}

/* Bundled actor files, read in this order. */
static const char *const bundled_actors[] = {"countries.txt", "places.txt", "orgs.txt", "people.txt", "leaders.txt",
                                             NULL};
/* Bundled agent files, read in this order. */
static const char *const bundled_agents[] = {"agents.txt", "agents_phoenix.txt", NULL};

/* The first step of the trie walks of every word, once the tries are
 * complete (lex->actor_root, lex->verb_root). */
static bool build_roots(dl_lexicon *lex) {
    size_t n = lex->words.n;
    lex->actor_root.n = lex->verb_root.n = 0;
    if (!vec_reserve(&lex->actor_root, n) || !vec_reserve(&lex->verb_root, n)) return false;
    for (uint32_t w = 0; w < n; w++) {
        lex->actor_root.v[w] = dl_trie_next(&lex->ptrie, 0, w);
        lex->verb_root.v[w] = dl_trie_next(&lex->vtrie, 0, w);
    }
    lex->actor_root.n = lex->verb_root.n = n;
    return true;
}

dl_status dl_lexicon_load(const dl_lexicon_options *opts, dl_lexicon **out, dl_error *err) {
    *out = NULL;
    dl_lexicon_options o = {0};
    if (opts) o = *opts;
    dl_lexicon *lex = calloc(1, sizeof *lex);
    if (!lex) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    dl_lex_verbs_reset();
    dl_status st = load_one(lex, "words.txt", NULL, load_words, false, err);
    if (st == DL_OK) st = load_one(lex, "irregular_verbs.txt", NULL, dl_lex_load_irregular, false, err);
    if (st == DL_OK) st = load_one(lex, "roles.txt", o.roles_path, dl_lex_load_roles, true, err);
    if (st == DL_OK) {
        if (o.actors_path) st = load_one(lex, NULL, o.actors_path, dl_lex_load_actors, false, err);
        else
            for (const char *const *b = bundled_actors; *b && st == DL_OK; b++)
                st = load_one(lex, *b, NULL, dl_lex_load_actors, true, err);
    }
    if (st == DL_OK) {
        if (o.agents_path) st = load_one(lex, NULL, o.agents_path, dl_lex_load_agents, false, err);
        else
            for (const char *const *b = bundled_agents; *b && st == DL_OK; b++)
                st = load_one(lex, *b, NULL, dl_lex_load_agents, true, err);
    }
    if (st == DL_OK) st = dl_lex_finish_actors(lex, err);
    if (st == DL_OK) st = load_one(lex, "verbs.txt", o.verbs_path, dl_lex_load_verbs, false, err);
    if (st == DL_OK) st = dl_lex_finish_verbs(lex, err);
    if (st == DL_OK && (!build_singulars(lex) || !dl_lex_index_alts(lex) || !build_roots(lex)))
        st = dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    if (st != DL_OK) {
        dl_lex_verbs_reset();
        dl_lexicon_free(lex);
        return st;
    }
    *out = lex;
    return DL_OK;
}

void dl_lexicon_free(dl_lexicon *lex) {
    if (!lex) return;
    dl_interner_free(&lex->words);
    for (size_t i = 0; i < lex->blocks_of_strings.n; i++) free(lex->blocks_of_strings.v[i]);
    free(lex->blocks_of_strings.v);
    free(lex->wclass.v);
    free(lex->pron.v);
    free(lex->anyverb.v);
    free(lex->starts.v);
    free(lex->sing.v);
    dl_interner_free(&lex->singulars);
    dl_trie_free(&lex->ptrie);
    free(lex->nodeph.v);
    free(lex->phs.v);
    free(lex->node_first.v);
    free(lex->actors.v);
    dl_interner_free(&lex->codes);
    free(lex->code_actor.v);
    free(lex->roles.v);
    dl_interner_free(&lex->role_ids);
    free(lex->role_first.v);
    free(lex->tenures.v);
    free(lex->tenure_index.v);
    free(lex->agents.v);
    dl_trie_free(&lex->vtrie);
    free(lex->nodeverb.v);
    free(lex->vnode_first.v);
    free(lex->verbs.v);
    free(lex->blocks.v);
    free(lex->patterns.v);
    free(lex->elems.v);
    free(lex->alts.v);
    free(lex->seqwords.v);
    free(lex->compose.v);
    dl_trie_free(&lex->altidx);
    free(lex->altidx_head.v);
    free(lex->alt_bloom.v);
    free(lex->alt_next[0].v);
    free(lex->alt_next[1].v);
    free(lex->elem_sig[0].v);
    free(lex->pat_need.v);
    free(lex->actor_root.v);
    free(lex->verb_root.v);
    free(lex->pat_masks.v);
    free(lex->pat_masks_at.v);
    free(lex->compose_next.v);
    free(lex->elem_sig[1].v);
    for (size_t i = 0; i < lex->files.n; i++) free(lex->files.v[i]);
    free(lex->files.v);
    free(lex);
}

uint32_t dl_lexicon_word(const dl_lexicon *lex, const char *norm, size_t len) {
    return dl_lexicon_word_hashed(lex, norm, len, dl_text_hash(norm, len));
}

uint32_t dl_lexicon_word_hashed(const dl_lexicon *lex, const char *norm, size_t len, uint32_t hash) {
    uint32_t id = dl_intern_find(&lex->words, norm, len, hash);
    return id == DL_NO_ID ? DL_WORD_NONE : id;
}

uint32_t dl_lexicon_word_class(const dl_lexicon *lex, uint32_t w) {
    return w < lex->wclass.n ? lex->wclass.v[w] : 0;
}

bool dl_lexicon_pronoun(const dl_lexicon *lex, uint32_t w, int *person, bool *plural, bool *possessive,
                        char *gender) {
    if (w >= lex->pron.n || !lex->pron.v[w].person) return false;
    const pronoun_info *p = &lex->pron.v[w];
    if (person) *person = p->person;
    if (plural) *plural = p->plural;
    if (possessive) *possessive = p->possessive;
    if (gender) *gender = p->gender;
    return true;
}

uint32_t dl_lexicon_any_verb(const dl_lexicon *lex, uint32_t w) {
    return w < lex->anyverb.n ? lex->anyverb.v[w] : 0;
}

const char *dl_lexicon_where(const dl_lexicon *lex, uint32_t where) {
    static _Thread_local char buf[600];
    uint32_t file = where >> 22, line = where & 0x3FFFFF;
    snprintf(buf, sizeof buf, "%s:%u", file < lex->files.n ? lex->files.v[file] : "?", line);
    return buf;
}

void dl_lexicon_stats(const dl_lexicon *lex, size_t *actors, size_t *phrases, size_t *verbs, size_t *patterns) {
    if (actors) *actors = lex->actors.n;
    if (phrases) *phrases = lex->n_phrases;
    if (verbs) *verbs = lex->verbs.n;
    if (patterns) *patterns = lex->patterns.n;
}

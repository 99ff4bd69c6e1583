/* words.c - per-token word ids and classes for an article, and boilerplate
 * sentences (data/noise.txt) that are never coded. */
#include <string.h>

#include "extract_private.h"

void tag_words(article_ctx *c) {
    const dl_doc *d = c->doc;
    for (size_t i = 0; i < d->n_tokens; i++) {
        tokinfo *t = &c->tok[i];
        const char *w = dl_doc_norm(d, i);
        t->norm = w;
        t->word = dl_lexicon_word_hashed(c->lex, w, d->tokens[i].norm_len, d->tokens[i].hash);
        t->wclass = dl_lexicon_word_class(c->lex, t->word);
        t->vforms = dl_lexicon_any_verb(c->lex, t->word);
        t->mention = NONE;
        t->vg = NONE;
        t->timex = false;
        t->hash = rule_hash_of(d->tokens[i].hash);
        t->wslot = dl_lexicon_word_slot(c->lex, t->word);
        t->boundary = (w[0] == ';' || w[0] == ':' || w[0] == '.' || w[0] == '?' || w[0] == '!' || w[0] == '(' ||
                       w[0] == ')') && !w[1];
        t->lex_end = t->lex_len = t->lex_n = 0;
        t->lex_ph = NULL;
        c->words[i] = t->word;
        c->tflags[i] = d->tokens[i].flags;
    }
    /* time expressions are never actors or verbs ("May", "March") */
    for (size_t k = 0; k < c->timexes.n; k++) {
        const dl_timex *tx = &c->timexes.items[k];
        for (uint32_t j = 0; j < tx->n_tokens; j++)
            if (tx->first_token + j < d->n_tokens) c->tok[tx->first_token + j].timex = true;
    }
}

/* (last word first: the rules tried at a token share its word, their first) */
static bool words_at(const article_ctx *c, uint32_t i, uint32_t end, const rule_phrase *ph) {
    if (i + (uint32_t)ph->n > end) return false;
    for (int w = ph->n; w-- > 0;)
        if (!word_is(dl_doc_norm(c->doc, i + (uint32_t)w), ph->words[w])) return false;
    return true;
}

static bool noise_matches(const article_ctx *c, const noise_rule *nr, uint32_t first, uint32_t end) {
    if (nr->kind == NOISE_START) return words_at(c, first, end, &nr->ph);
    if (nr->kind == NOISE_CONTAINS) {
        for (uint32_t i = first; i < end; i++)
            if (words_at(c, i, end, &nr->ph)) return true;
        return false;
    }
    const char *a = dl_doc_norm(c->doc, first), *b = dl_doc_norm(c->doc, end - 1);
    bool open = strcmp(a, "(") == 0 || strcmp(a, "[") == 0;
    bool close = strcmp(b, ")") == 0 || strcmp(b, "]") == 0 ||
                 (end - first > 2 && strcmp(dl_doc_norm(c->doc, end - 2), ")") == 0);
    return open && close;
}

/* A sentence is noise when any rule of data/noise.txt matches; each token
 * is tried only against the rules whose phrase starts with its word. */
bool sentence_is_noise(const article_ctx *c, uint32_t s) {
    const dl_sentence *sent = &c->doc->sentences[s];
    uint32_t first = sent->first_token + sent->n_lead, end = sent->first_token + sent->n_tokens;
    if (first >= end) return true;
    const rules *r = extractor_rules(c->x);
    for (uint32_t k = r->noise_any; k != RULE_END; k = r->noise.v[k].next)
        if (noise_matches(c, &r->noise.v[k], first, end)) return true;
    for (uint32_t i = first; i < end; i++) {
        uint32_t b = rule_bucket_of(c->tok[i].hash);
        for (uint32_t k = r->noise_first[b]; k != RULE_END; k = r->noise.v[k].next) {
            const noise_rule *nr = &r->noise.v[k];
            if ((nr->kind == NOISE_START && i == first) || nr->kind == NOISE_CONTAINS)
                if (words_at(c, i, end, &nr->ph)) return true;
        }
    }
    return false;
}

/* timex.c - dl_timex_tag(): the tagging loop (sentence by sentence,
 * longest match at each token), the roles of expressions in interval
 * phrases, and the tense of a clause, which decides which occurrence a
 * weekday or month name without a year means. */
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "timex_private.h"

const char *dl_timex_type_name(dl_timex_type t) {
    switch (t) {
    case DL_TIMEX_DATE: return "DATE";
    case DL_TIMEX_TIME: return "TIME";
    case DL_TIMEX_DURATION: return "DURATION";
    case DL_TIMEX_SET: return "SET";
    }
    return "DATE";
}

void dl_timex_list_clear(dl_timex_list *l) {
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

/* ---- tense ---------------------------------------------------------------- */

/* The tense a token signals, and how many tokens its cue spans. */
static tx_tense cue_at(const tx_ctx *c, size_t k) {
    if (tx_lex(c, k, TX_T_FUTURE, NULL)) {
        /* the future of a past ("had been due to expire Friday") is past */
        for (size_t b = k, n = 0; b > 0 && n < 3; n++) {
            const char *w = dl_doc_norm(c->doc, --b);
            if (!strcmp(w, "was") || !strcmp(w, "were") || !strcmp(w, "had") || !strcmp(w, "been")) return TENSE_PAST;
        }
        return TENSE_FUTURE;
    }
    if (tx_lex(c, k, TX_T_PAST, NULL)) return TENSE_PAST;
    if (tx_lex(c, k, TX_T_PRESENT, NULL)) return TENSE_PRESENT;
    const dl_token *t = &c->doc->tokens[k];
    if (t->kind != DL_TOK_WORD || (t->flags & (DL_TF_CAP | DL_TF_UPPER))) return TENSE_NONE;
    size_t n = t->norm_len;
    const char *w = dl_doc_norm(c->doc, k);
    if (n >= 5 && w[n - 2] == 'e' && w[n - 1] == 'd' && !tx_lex(c, k, TX_T_NOTPAST, NULL)) return TENSE_PAST;
    return TENSE_NONE;
}

static bool clause_stop(const tx_ctx *c, size_t k) {
    const char *w = dl_doc_norm(c->doc, k);
    return strcmp(w, ";") == 0 || strcmp(w, "--") == 0;
}

tx_tense tx_clause_tense(const tx_ctx *c, size_t first, size_t end) {
    /* the sentence holding `first` */
    size_t s0 = first;
    while (s0 > 0 && !(c->doc->tokens[s0].flags & DL_TF_SENT_START)) s0--;
    enum { REACH = 14 };
    for (size_t k = first, steps = 0; k > s0 && steps < REACH; steps++) {
        k--;
        if (clause_stop(c, k)) break;
        tx_tense t = cue_at(c, k);
        if (t != TENSE_NONE) return t;
    }
    for (size_t k = end, steps = 0; k < c->lim && steps < REACH; k++, steps++) {
        if (clause_stop(c, k)) break;
        tx_tense t = cue_at(c, k);
        if (t != TENSE_NONE) return t;
    }
    return TENSE_NONE;
}

/* ---- roles ----------------------------------------------------------------- */

static bool tok_is(const dl_doc *d, size_t i, const char *w) { return strcmp(dl_doc_norm(d, i), w) == 0; }

static void set_roles(const dl_doc *d, tx_match *m, size_t n) {
    for (size_t k = 0; k < n; k++) {
        size_t f = m[k].first;
        if (f == 0) continue;
        const char *p = dl_doc_norm(d, f - 1);
        if (!strcmp(p, "until") || !strcmp(p, "till") || !strcmp(p, "through") || !strcmp(p, "thru") ||
            !strcmp(p, "by") || !strcmp(p, "before"))
            m[k].role = DL_TIMEX_UNTIL;
        else if (!strcmp(p, "since") || !strcmp(p, "after"))
            m[k].role = DL_TIMEX_SINCE;
    }
    /* from X to Y, between X and Y, X-Y */
    for (size_t k = 0; k + 1 < n; k++) {
        size_t gap0 = m[k].end, gap1 = m[k + 1].first;
        if (gap1 != gap0 + 1) continue;
        const char *g = dl_doc_norm(d, gap0);
        bool from = m[k].first > 0 && (tok_is(d, m[k].first - 1, "from") || tok_is(d, m[k].first - 1, "between"));
        bool joiner = !strcmp(g, "to") || !strcmp(g, "until") || !strcmp(g, "till") || !strcmp(g, "through") ||
                      !strcmp(g, "-") || !strcmp(g, "--") || (!strcmp(g, "and") && from);
        if (!joiner || !(from || !strcmp(g, "-") || !strcmp(g, "--") || !strcmp(g, "through"))) continue;
        if (m[k].f.kind != FK_CAL || m[k + 1].f.kind != FK_CAL) continue;
        m[k].role = DL_TIMEX_RANGE_FROM;
        m[k + 1].role = DL_TIMEX_RANGE_TO;
        k++;
    }
}

/* ---- tagging ----------------------------------------------------------------- */

static bool push(dl_timex_list *l, const dl_timex *t) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        dl_timex *p = realloc(l->items, cap * sizeof *p);
        if (!p) return false;
        l->items = p;
        l->cap = cap;
    }
    l->items[l->n++] = *t;
    return true;
}

dl_status dl_timex_tag(const dl_doc *doc, dl_day dct, dl_timex_list *out, dl_error *err) {
    const tx_lexicon *lx = tx_lexicon_get();
    if (!lx) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory (time expression lists)");
    size_t n = doc->n_tokens;
    if (n == 0) return DL_OK;
    int32_t *head = malloc(n * sizeof *head);
    uint64_t *mask = malloc(n * sizeof *mask);
    tx_match *ms = NULL;
    size_t ms_cap = 0;
    dl_status st = DL_OK;
    if (!head || !mask) {
        st = DL_ERR_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        const dl_token *t = &doc->tokens[i];
        head[i] = t->kind == DL_TOK_PUNCT || t->kind == DL_TOK_DASH
                      ? -1 : tx_lexicon_find(lx, dl_doc_norm(doc, i), t->norm_len);
        mask[i] = tx_lexicon_mask(lx, head[i]);
    }
    tx_ctx c = {.doc = doc, .lx = lx, .head = head, .mask = mask, .lim = 0};
    tx_resolver r;
    tx_resolver_init(&r, dct);
    for (size_t s = 0; s < doc->n_sentences && st == DL_OK; s++) {
        const dl_sentence *sen = &doc->sentences[s];
        c.lim = sen->first_token + sen->n_tokens;
        size_t nm = 0;
        for (size_t i = sen->first_token; i < c.lim;) {
            tx_frame f;
            size_t e = tx_match_at(&c, i, &f);
            if (e <= i) {
                i++;
                continue;
            }
            if (nm == ms_cap) {
                size_t cap = ms_cap ? ms_cap * 2 : 16;
                tx_match *p = realloc(ms, cap * sizeof *p);
                if (!p) {
                    st = DL_ERR_NOMEM;
                    break;
                }
                ms = p;
                ms_cap = cap;
            }
            ms[nm++] = (tx_match){.first = (uint32_t)i, .end = (uint32_t)e, .sentence = (uint32_t)s, .f = f};
            i = e;
        }
        if (st != DL_OK) break;
        set_roles(doc, ms, nm);
        for (size_t k = 0; k < nm; k++) {
            dl_timex t;
            memset(&t, 0, sizeof t);
            t.first_token = ms[k].first;
            t.n_tokens = ms[k].end - ms[k].first;
            t.start = doc->tokens[ms[k].first].start;
            t.end = doc->tokens[ms[k].end - 1].end;
            t.sentence = (uint32_t)s;
            t.role = ms[k].role;
            t.rule_line = ms[k].f.line;
            tx_tense tense = tx_clause_tense(&c, ms[k].first, ms[k].end);
            /* "until Nov. 6", "by Jan. 14": deadlines lie ahead unless the
             * clause is in the past; "Wednesday's ruling" happened */
            if (ms[k].role == DL_TIMEX_UNTIL && tense != TENSE_PAST) tense = TENSE_FUTURE;
            if (ms[k].end < c.lim && tok_is(doc, ms[k].end, "'s") && ms[k].f.weekday && !ms[k].f.dir)
                tense = TENSE_PAST;
            tx_resolve(&r, &ms[k].f, tense, (uint32_t)s, &t);
            if (!push(out, &t)) {
                st = DL_ERR_NOMEM;
                break;
            }
        }
    }
done:
    free(head);
    free(mask);
    free(ms);
    if (st != DL_OK) return dl_error_set(err, st, NULL, -1, -1, "out of memory (time expressions)");
    return DL_OK;
}

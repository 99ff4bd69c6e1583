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
            if (dl_streq(w, "had") || dl_streq(w, "been")) return TENSE_PAST;
        }
        return TENSE_FUTURE;
    }
    if (tx_lex(c, k, TX_T_PRESENT, NULL)) return TENSE_PRESENT;
    const dl_token *t = &c->doc->tokens[k];
    if (t->kind != DL_TOK_WORD || (t->flags & (DL_TF_CAP | DL_TF_UPPER))) return TENSE_NONE;
    size_t n = t->norm_len;
    const char *w = dl_doc_norm(c->doc, k);
    bool listed = tx_lex(c, k, TX_T_PAST, NULL);
    if (!listed && !(n >= 5 && w[n - 2] == 'e' && w[n - 1] == 'd' && !tx_lex(c, k, TX_T_NOTPAST, NULL)))
        return TENSE_NONE;
    /* the auxiliary before a participle decides: "was signed" (past), "is
     * heard" (present), "will be paid" (look further, for "will") */
    const char *aux = k > c->seg ? dl_doc_norm(c->doc, k - 1) : "";
    if (dl_streq(aux, "be") || dl_streq(aux, "being")) return TENSE_NONE;
    if (dl_streq(aux, "is") || dl_streq(aux, "are") || dl_streq(aux, "am")) return TENSE_PRESENT;
    if (dl_streq(aux, "was") || dl_streq(aux, "were") || dl_streq(aux, "had") || dl_streq(aux, "has") ||
        dl_streq(aux, "have") || dl_streq(aux, "been"))
        return TENSE_PAST;
    /* a word in -ed alone may be an adjective: a weak cue */
    return listed ? TENSE_PAST : (tx_tense)(TENSE_PAST | TENSE_WEAK);
}

static bool clause_stop(const tx_ctx *c, size_t k) {
    const char *w = dl_doc_norm(c->doc, k);
    return dl_streq(w, ";") || dl_streq(w, "--");
}

/* The nearest tense cue of the clause, left first, then right.  A cue more
 * than NEAR tokens away may belong to another clause: it counts as weak. */
tx_tense tx_clause_tense(const tx_ctx *c, size_t first, size_t end) {
    size_t s0 = c->seg;
    enum { REACH = 30, NEAR = 6 };
    for (size_t k = first, steps = 0; k > s0 && steps < REACH; steps++) {
        k--;
        if (clause_stop(c, k)) break;
        tx_tense t = cue_at(c, k);
        if (t != TENSE_NONE) return steps < NEAR ? t : (tx_tense)(t | TENSE_WEAK);
    }
    for (size_t k = end, steps = 0; k < c->lim && steps < REACH; k++, steps++) {
        if (clause_stop(c, k)) break;
        tx_tense t = cue_at(c, k);
        if (t != TENSE_NONE) return steps < NEAR ? t : (tx_tense)(t | TENSE_WEAK);
    }
    return TENSE_NONE;
}

/* ---- roles ----------------------------------------------------------------- */

static bool tok_is(const dl_doc *d, size_t i, const char *w) { return dl_streq(dl_doc_norm(d, i), w); }

/* "to" after a verb that moves a deadline, a few words back: "extended its
 * offer to Nov. 6". */
static bool deadline_to(const tx_ctx *c, size_t to) {
    for (size_t b = to, n = 0; b > c->seg && n < 6; n++)
        if (tx_lex(c, --b, TX_DEADLINE, NULL)) return true;
    return false;
}

static void set_roles(const tx_ctx *c, tx_match *m, size_t n) {
    const dl_doc *d = c->doc;
    for (size_t k = 0; k < n; k++) {
        size_t f = m[k].first;
        if (f == 0) continue;
        const char *p = dl_doc_norm(d, f - 1);
        if (dl_streq(p, "until") || dl_streq(p, "till") || dl_streq(p, "through") || dl_streq(p, "thru") ||
            dl_streq(p, "by") || dl_streq(p, "before") || (dl_streq(p, "to") && f - 1 > c->seg && deadline_to(c, f - 1)))
            m[k].role = DL_TIMEX_UNTIL;
        else if (dl_streq(p, "since") || dl_streq(p, "after"))
            m[k].role = DL_TIMEX_SINCE;
    }
    /* from X to Y, between X and Y, X-Y */
    for (size_t k = 0; k + 1 < n; k++) {
        size_t gap0 = m[k].end, gap1 = m[k + 1].first;
        if (gap1 != gap0 + 1) continue;
        const char *g = dl_doc_norm(d, gap0);
        bool from = m[k].first > 0 && (tok_is(d, m[k].first - 1, "from") || tok_is(d, m[k].first - 1, "between"));
        bool joiner = dl_streq(g, "to") || dl_streq(g, "until") || dl_streq(g, "till") || dl_streq(g, "through") ||
                      dl_streq(g, "-") || dl_streq(g, "--") || (dl_streq(g, "and") && from);
        if (!joiner || !(from || dl_streq(g, "-") || dl_streq(g, "--") || dl_streq(g, "through"))) continue;
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

typedef struct {
    tx_ctx c;
    tx_resolver r;
    tx_match *ms;
    size_t ms_cap;
    dl_timex_list *out;
} tag_state;

static bool add_match(tag_state *ts, size_t *nm, const tx_match *m) {
    if (*nm == ts->ms_cap) {
        size_t cap = ts->ms_cap ? ts->ms_cap * 2 : 16;
        tx_match *p = realloc(ts->ms, cap * sizeof *p);
        if (!p) return false;
        ts->ms = p;
        ts->ms_cap = cap;
    }
    ts->ms[(*nm)++] = *m;
    return true;
}

/* Tag tokens [first, lim) of sentence s: longest match at each token, then
 * roles, tense and values in text order. */
static dl_status tag_segment(tag_state *ts, size_t first, size_t lim, uint32_t s) {
    tx_ctx *c = &ts->c;
    const dl_doc *doc = c->doc;
    c->seg = first;
    c->lim = lim;
    size_t nm = 0;
    for (size_t i = first; i < lim;) {
        if (!tx_may_start(c, i)) { /* most tokens: no call to tx_match_at() */
            i++;
            continue;
        }
        tx_frame f;
        size_t e = tx_match_at(c, i, &f);
        if (e <= i) {
            i++;
            continue;
        }
        tx_match m = {.first = (uint32_t)i, .end = (uint32_t)e, .sentence = s, .f = f};
        if (!add_match(ts, &nm, &m)) return DL_ERR_NOMEM;
        i = e;
        /* "April 24 and 25", "Feb. 10-12": the second day of the same month */
        if (f.kind == FK_CAL && f.day > 0 && f.month > 0 && e + 1 < lim &&
            (tok_is(doc, e, "and") || tok_is(doc, e, "or") || tok_is(doc, e, "-") || tok_is(doc, e, "to") ||
             tok_is(doc, e, "through")) &&
            doc->tokens[e + 1].kind == DL_TOK_NUMBER && !strchr(dl_doc_norm(doc, e + 1), ',')) {
            int d = atoi(dl_doc_norm(doc, e + 1));
            bool bare = strspn(dl_doc_norm(doc, e + 1), "0123456789") == strlen(dl_doc_norm(doc, e + 1));
            tx_frame g;
            if (bare && d > f.day && d <= 31 && tx_match_at(c, e + 1, &g) == e + 1) {
                tx_match m2 = m;
                m2.first = (uint32_t)(e + 1);
                m2.end = (uint32_t)(e + 2);
                m2.f.day = (int16_t)d;
                m2.f.weekday = 0;
                if (!add_match(ts, &nm, &m2)) return DL_ERR_NOMEM;
                i = e + 2;
            }
        }
    }
    tx_match *ms = ts->ms;
    set_roles(c, ms, nm);
    for (size_t k = 0; k < nm; k++) {
        dl_timex t;
        memset(&t, 0, sizeof t);
        t.first_token = ms[k].first;
        t.n_tokens = ms[k].end - ms[k].first;
        t.start = doc->tokens[ms[k].first].start;
        t.end = doc->tokens[ms[k].end - 1].end;
        t.sentence = s;
        t.role = ms[k].role;
        t.rule_line = ms[k].f.line;
        tx_tense tense = tx_clause_tense(c, ms[k].first, ms[k].end);
        /* "until Nov. 6", "by Jan. 14": deadlines lie ahead unless the
         * clause is in the past; "Wednesday's ruling" happened */
        if (ms[k].role == DL_TIMEX_UNTIL) tense = (tense & ~TENSE_WEAK) == TENSE_PAST ? TENSE_PRESENT : TENSE_FUTURE;
        if (ms[k].end < lim && tok_is(doc, ms[k].end, "'s") && ms[k].f.weekday && !ms[k].f.dir) tense = TENSE_PAST;
        tx_resolve(&ts->r, &ms[k].f, tense, s, &t);
        if (!push(ts->out, &t)) return DL_ERR_NOMEM;
    }
    return DL_OK;
}

dl_status dl_timex_tag(const dl_doc *doc, dl_day dct, dl_timex_list *out, dl_error *err) {
    const tx_lexicon *lx = tx_lexicon_get();
    if (!lx) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory (time expression lists)");
    size_t n = doc->n_tokens;
    if (n == 0) return DL_OK;
    tag_state ts = {.out = out};
    int32_t *head = malloc(n * sizeof *head);
    uint64_t *mask = malloc(n * sizeof *mask);
    dl_status st = DL_OK;
    if (!head || !mask) {
        st = DL_ERR_NOMEM;
        goto done;
    }
    for (size_t i = 0; i < n; i++) {
        const dl_token *t = &doc->tokens[i];
        head[i] = t->kind == DL_TOK_PUNCT || t->kind == DL_TOK_DASH
                      ? -1 : tx_lexicon_find(lx, dl_doc_norm(doc, i), t->norm_len, t->hash);
        mask[i] = tx_lexicon_mask(lx, head[i]);
    }
    ts.c = (tx_ctx){.doc = doc, .lx = lx, .head = head, .mask = mask};
    tx_resolver_init(&ts.r, dct);
    size_t prev_end = 0;
    for (size_t s = 0; s < doc->n_sentences && st == DL_OK; s++) {
        const dl_sentence *sen = &doc->sentences[s];
        /* a dateline the splitter took off the sentence: "MOSCOW, Feb. 10 -" */
        if (sen->first_token > prev_end) st = tag_segment(&ts, prev_end, sen->first_token, (uint32_t)s);
        if (st == DL_OK) st = tag_segment(&ts, sen->first_token, sen->first_token + sen->n_tokens, (uint32_t)s);
        prev_end = sen->first_token + sen->n_tokens;
    }
done:
    free(head);
    free(mask);
    free(ts.ms);
    if (st != DL_OK) return dl_error_set(err, st, NULL, -1, -1, "out of memory (time expressions)");
    return DL_OK;
}

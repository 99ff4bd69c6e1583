/* date_event.c - dl_timex_date_event(): which time expression dates an
 * event, by the clause of its verb (the rule is in dipline/timex.h). */
#include <stdio.h>
#include <string.h>

#include "../common/util.h"
#include "timex_private.h"

static bool stop_word(const char *w) {
    static const char *const words[] = {"and", "but", "or", "while", "whereas", "although", "though",
                                        "because", "when", "which", "who", "where"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (dl_streq(w, words[k])) return true;
    return false;
}

static bool aux_word(const char *w) {
    static const char *const words[] = {"will", "would", "could", "can", "may", "might", "shall", "should", "must",
                                        "has", "have", "had", "was", "were", "is", "are", "then", "later", "also"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (dl_streq(w, words[k])) return true;
    return false;
}

/* Is there a clause boundary between tokens a and b (a < b)? */
static bool boundary_between(const dl_doc *d, size_t a, size_t b) {
    for (size_t k = a + 1; k < b; k++) {
        const char *w = dl_doc_norm(d, k);
        if (dl_streq(w, ";") || dl_streq(w, ":") || dl_streq(w, "--") || dl_streq(w, "(") || dl_streq(w, ")"))
            return true;
        if (dl_streq(w, ",") && k + 1 < b && stop_word(dl_doc_norm(d, k + 1))) return true;
        /* coordinated verbs: "met X on Monday and will meet Y on Friday" */
        if ((dl_streq(w, "and") || dl_streq(w, "but")) && k + 1 < b && aux_word(dl_doc_norm(d, k + 1))) return true;
    }
    return false;
}

/* Does a subordinate clause open between tokens a and b (a < b)? */
static bool clause_opens(const dl_doc *d, size_t a, size_t b) {
    bool open = false;
    for (size_t k = a + 1; k < b; k++) {
        const char *w = dl_doc_norm(d, k);
        if (dl_streq(w, "that") || dl_streq(w, "whether") || dl_streq(w, "which") || dl_streq(w, "who")) open = true;
        /* ("..., and Moscow answered on Thursday": a new main clause) */
        if (dl_streq(w, ";") || (dl_streq(w, ",") && k + 1 < b && (dl_streq(dl_doc_norm(d, k + 1), "and") ||
                                                                 dl_streq(dl_doc_norm(d, k + 1), "but"))))
            open = false;
    }
    return open;
}

/* A year or decade between a determiner and a noun ("the 2015 accords"). */
static bool year_modifier(const dl_doc *d, const dl_timex *t) {
    if (t->when.granularity != DL_GRAN_YEAR && t->when.granularity != DL_GRAN_DECADE) return false;
    size_t a = t->first_token, b = t->first_token + t->n_tokens;
    if (a == 0 || b >= d->n_tokens) return false;
    const char *before = dl_doc_norm(d, a - 1);
    static const char *const dets[] = {"the", "its", "their", "his", "her", "a", "an", "this", "that"};
    bool det = false;
    for (size_t k = 0; k < sizeof dets / sizeof *dets; k++) det |= dl_streq(before, dets[k]);
    if (!det || d->tokens[b].kind != DL_TOK_WORD) return false;
    /* a noun after it, not a preposition or verb ("the 2015 accords", not
     * "in the 2015 of ...") */
    const char *next = dl_doc_norm(d, b);
    static const char *const not_nouns[] = {"and", "or", "of", "in", "on", "at", "to", "for", "was", "is", "when"};
    for (size_t k = 0; k < sizeof not_nouns / sizeof *not_nouns; k++)
        if (dl_streq(next, not_nouns[k])) return false;
    return true;
}

/* "By Tuesday evening, the allies had imposed sanctions": a perfect done
 * by a day was done that day, as news tells it (a deadline ahead, "will
 * decide by Friday", dates nothing). */
static bool by_perfect(const dl_doc *d, const dl_timex *t, uint32_t verb) {
    if (t->first_token == 0 || !dl_streq(dl_doc_norm(d, t->first_token - 1), "by")) return false;
    if (t->when.granularity != DL_GRAN_DAY && t->when.granularity != DL_GRAN_NONE) return false;
    for (uint32_t k = verb >= 3 ? verb - 3 : 0; k < verb; k++) {
        const char *w = dl_doc_norm(d, k);
        if (dl_streq(w, "had") || dl_streq(w, "has") || dl_streq(w, "have")) return true;
    }
    return false;
}

/* Can this expression date an event?  PRESENT_REF counts (as the DCT). */
static bool dates(const dl_timex *t) {
    if (t->type != DL_TIMEX_DATE && t->type != DL_TIMEX_TIME) return false;
    return t->when.start != DL_DAY_NONE || dl_streq(t->value, "PRESENT_REF");
}

static size_t distance(const dl_timex *t, size_t verb) {
    size_t a = t->first_token, b = t->first_token + t->n_tokens - 1;
    if (verb < a) return a - verb;
    if (verb > b) return verb - b;
    return 0;
}

void dl_timex_date_event(const dl_doc *doc, const dl_timex_list *tl, uint32_t sentence, uint32_t verb_token,
                         dl_day dct, dl_when *when, const char **basis_start, size_t *basis_len, bool *inferred) {
    /* best[0]: nearest in the clause; best[1]: nearest in the sentence */
    const dl_timex *best[2] = {NULL, NULL};
    size_t best_d[2] = {0, 0};
    size_t best_k[2] = {0, 0};
    /* the list is in text order: binary search for the sentence's first */
    size_t lo = 0, hi = tl ? tl->n : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tl->items[mid].sentence < sentence) lo = mid + 1;
        else hi = mid;
    }
    for (size_t k = lo; tl && k < tl->n && tl->items[k].sentence == sentence; k++) {
        const dl_timex *t = &tl->items[k];
        if (!dates(t)) continue;
        /* "until February 20", "since Monday" bound an event, they do not date it */
        if ((t->role == DL_TIMEX_UNTIL && !by_perfect(doc, t, verb_token)) || t->role == DL_TIMEX_SINCE) continue;
        /* "the 2015 accords", "its 1990s reforms": a year naming another
         * happening, not this one's date */
        if (year_modifier(doc, t)) continue;
        /* "proposing that the two meet next week", "a meeting that had been
         * planned for Thursday": a time inside a clause that follows the
         * verb ("that", "whether", "which", "who") is that clause's */
        if (t->first_token > verb_token && clause_opens(doc, verb_token, t->first_token)) continue;
        size_t a = t->first_token < verb_token ? t->first_token + t->n_tokens - 1 : verb_token;
        size_t b = t->first_token < verb_token ? verb_token : t->first_token;
        bool same_clause = !boundary_between(doc, a, b);
        size_t d = distance(t, verb_token);
        /* a candidate of the clause is also one of the sentence */
        /* on a tie, the expression after the verb ("met on Monday") */
        for (int p = same_clause ? 0 : 1; p < 2; p++)
            if (!best[p] || d < best_d[p] || (d == best_d[p] && t->first_token > verb_token))
                best[p] = t, best_d[p] = d, best_k[p] = k;
    }
    for (int p = 0; p < 2; p++) {
        const dl_timex *t = best[p];
        if (!t) continue;
        if (dl_streq(t->value, "PRESENT_REF")) {
            dl_when_set_day(when, dct);
        } else {
            *when = t->when;
            dl_strlcpy(when->value, t->value, sizeof when->value);
            if (when->granularity == DL_GRAN_NONE) when->granularity = DL_GRAN_DAY;
            /* a range: from the start of the first to the end of the second */
            const dl_timex *to = NULL;
            if (t->role == DL_TIMEX_RANGE_FROM && best_k[p] + 1 < tl->n) to = &tl->items[best_k[p] + 1];
            else if (t->role == DL_TIMEX_RANGE_TO && best_k[p] > 0) {
                const dl_timex *from = &tl->items[best_k[p] - 1];
                if (from->role == DL_TIMEX_RANGE_FROM && from->when.start != DL_DAY_NONE) {
                    when->start = from->when.start;
                    dl_strlcpy(when->value, from->value, sizeof when->value);
                    *basis_start = doc->text + from->start;
                    *basis_len = t->end - from->start;
                    *inferred = false;
                    return;
                }
            }
            if (to && to->role == DL_TIMEX_RANGE_TO && to->when.end != DL_DAY_NONE && to->when.end >= when->start) {
                when->end = to->when.end;
                *basis_start = doc->text + t->start;
                *basis_len = to->end - t->start;
                *inferred = false;
                return;
            }
        }
        *basis_start = doc->text + t->start;
        *basis_len = t->end - t->start;
        *inferred = false;
        return;
    }
    dl_when_set_day(when, dct);
    *basis_start = "publication";
    *basis_len = strlen("publication");
    *inferred = true;
}

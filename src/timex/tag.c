/* tag.c - recognising time expressions in a tokenised text.
 *
 * tx_match_at() tries every form at a token and keeps the longest match:
 *
 *   [quantity modifier] [position modifier] CORE [post-modifier]
 *
 * where the quantity modifiers are "about", "more than", "at least"..., the
 * position modifiers "early", "mid-", "the end of", "earlier"..., and the
 * cores are the parsers of dates.c (calendar dates, weekdays, periods, clock
 * times) and relative.c (relative words, durations, sets, reference words),
 * built on the pieces of words.c (numbers, names, units).  The words
 * themselves are data (data/timex.txt, see lexicon.c); these files are the
 * grammar that combines them.  Each parser takes a token index and returns
 * the index after what it recognised (the same index when nothing), filling
 * a tx_frame that resolve.c turns into a TIMEX3 value.  Nothing is
 * allocated; every parser looks a bounded number of tokens ahead, so
 * tagging is linear in the length of the text. */
#include <string.h>

#include "../common/util.h"
#include "grammar.h"

static const tx_frame empty_frame = {
    .type = DL_TIMEX_DATE, .kind = FK_CAL, .year = -1, .month = -1, .day = -1, .quarter = -1, .half = -1,
    .week = -1, .decade = -1, .century = -1, .hour = -1, .minute = -1};

void tx_frame_init(tx_frame *f) { *f = empty_frame; }

typedef size_t (*parser)(const tx_ctx *, size_t, tx_frame *);

/* What the token a core starts at can be besides a word of some classes of
 * data/timex.txt: one of these words, a number, a quote. */
static const char *const start_words[] = {
    "the", "a", "an", "its", "their", "fiscal", "q1", "q2", "q3", "q4", "comparable", "same", "corresponding",
    "equivalent", "year", "half", "first", "final", "initial", "last", "remaining", "additional", "entire",
    "full", "whole", "every", "each", "week", "day"};
enum {
    S_THE, S_A, S_AN, S_ITS, S_THEIR, S_FISCAL, S_Q1, S_Q2, S_Q3, S_Q4, S_COMPARABLE, S_SAME, S_CORRESPONDING,
    S_EQUIVALENT, S_YEAR, S_HALF, S_FIRST, S_FINAL, S_INITIAL, S_LAST, S_REMAINING, S_ADDITIONAL, S_ENTIRE,
    S_FULL, S_WHOLE, S_EVERY, S_EACH, S_WEEK, S_DAY, S_NUMBER, S_QUOTE /* (no more than 32) */
};
#define S(k) (1u << (k))

/* The cores, in the order they are tried (the first of equally long matches
 * wins), each with what the token it starts at must be: a word of one of
 * `classes`, or one of `starts` (S_*).  A parser checks whatever it reads;
 * this only spares calling it at a token it cannot start with, which most
 * tried tokens are ("in", "its", "at" before a number or "the" ...).  A
 * parser taught to start with something new must say so here. */
#define CLS(k) (1ull << (k))
typedef struct {
    parser fn;
    uint64_t classes;
    uint32_t starts;
} core;

#define AMOUNT (CLS(TX_NUMBER) | CLS(TX_TENS) | CLS(TX_ONE) | CLS(TX_VAGUE) | CLS(TX_COUPLE))
#define UNITS (CLS(TX_UNIT) | CLS(TX_UNITS) | CLS(TX_DAYUNIT) | CLS(TX_DAYUNITS))
static const core cores[] = {
    {tx_date, CLS(TX_WEEKDAY) | CLS(TX_MONTH) | CLS(TX_ORDINAL) | CLS(TX_TENS) | CLS(TX_NUMBER),
     S(S_NUMBER) | S(S_QUOTE) | S(S_THE)},
    {tx_time, CLS(TX_CLOCK), S(S_NUMBER)},
    {tx_dayref, CLS(TX_DAYREF) | CLS(TX_NIGHTREF) | CLS(TX_DEICTIC), S(S_THE)},
    {tx_weekday, CLS(TX_WEEKDAY) | CLS(TX_DEICTIC), S(S_THE)},
    {tx_deictic_unit, CLS(TX_DEICTIC), S(S_THE)},
    {tx_year_earlier, 0,
     S(S_THE) | S(S_A) | S(S_COMPARABLE) | S(S_SAME) | S(S_CORRESPONDING) | S(S_EQUIVALENT) | S(S_YEAR)},
    {tx_quarter, CLS(TX_NUMBER) | CLS(TX_ORDINAL) | CLS(TX_TENS),
     S(S_NUMBER) | S(S_QUOTE) | S(S_THE) | S(S_ITS) | S(S_THEIR) | S(S_A) | S(S_FISCAL) | S(S_Q1) | S(S_Q2) |
         S(S_Q3) | S(S_Q4)},
    {tx_season, CLS(TX_SEASON), S(S_THE)},
    {tx_decade, CLS(TX_ORDINAL) | CLS(TX_TENS), S(S_NUMBER) | S(S_QUOTE) | S(S_THE)},
    {tx_holiday, CLS(TX_HOLIDAY) | CLS(TX_NTHDAY) | CLS(TX_EASTER), 0},
    {tx_duration, AMOUNT | CLS(TX_DEICTIC),
     S(S_NUMBER) | S(S_THE) | S(S_A) | S(S_AN) | S(S_HALF) | S(S_FIRST) | S(S_FINAL) | S(S_INITIAL) | S(S_LAST) |
         S(S_REMAINING) | S(S_ADDITIONAL) | S(S_ENTIRE) | S(S_FULL) | S(S_WHOLE)},
    {tx_bare_plural, UNITS, S(S_THE)},
    {tx_set, CLS(TX_SETWORD) | CLS(TX_WEEKDAYS) | CLS(TX_WEEKDAY) | CLS(TX_PERWORD), S(S_EVERY) | S(S_EACH)},
    {tx_ref, CLS(TX_REF) | CLS(TX_RECENTUNITS) | CLS(TX_COMINGUNITS), S(S_THE)},
    {tx_the_pod, 0, S(S_THE)},
    {tx_the_unit, 0, S(S_THE)},
    {tx_fiscal_year, 0, S(S_FISCAL)},
    {tx_week_of, 0, S(S_THE) | S(S_WEEK) | S(S_DAY)},
    {tx_year_end, 0, S(S_THE) | S(S_YEAR)},
    {tx_period_ref, 0, S(S_THE)},
    {tx_vague_duration, CLS(TX_VAGUEDUR), 0},
};

/* The S_* that token i (in the segment) is. */
static uint32_t starts_of(const tx_ctx *c, size_t i) {
    int kind = tk(c, i)->kind;
    uint32_t f = kind == DL_TOK_NUMBER ? S(S_NUMBER) : kind == DL_TOK_QUOTE ? S(S_QUOTE) : 0;
    for (int k = 0; k < S_NUMBER; k++)
        if (is(c, i, start_words[k])) return f | S(k);
    return f;
}

/* The longest core at i. */
static size_t core_at(const tx_ctx *c, size_t i, tx_frame *out) {
    size_t best = i;
    tx_frame f;
    bool any = !in(c, i); /* (past the segment: every one is tried, as ever) */
    uint64_t classes = any ? 0 : c->mask[i];
    uint32_t starts = any ? 0 : starts_of(c, i);
    for (size_t k = 0; k < sizeof cores / sizeof *cores; k++) {
        if (!any && !(classes & cores[k].classes) && !(starts & cores[k].starts)) continue;
        tx_frame_init(&f);
        size_t e = cores[k].fn(c, i, &f);
        if (e > best) best = e, *out = f;
    }
    /* a day with a part of day after it: "Friday morning", "yesterday
     * afternoon"; a time after a day is a separate expression */
    if (best > i && out->kind == FK_CAL && !out->pod[0] && out->hour < 0 &&
        (out->weekday || (out->unit == 'D' && !out->from_ref) || out->day > 0)) {
        size_t pe = out->unit == 'D' ? tx_pod(c, best, out) : tx_day_pod(c, best, out);
        if (pe > best) best = pe;
    }
    return best;
}

/* Classes whose words can be a whole expression. */
static const uint64_t STANDALONE =
    CLS(TX_MONTH) | CLS(TX_WEEKDAY) | CLS(TX_WEEKDAYS) | CLS(TX_SEASON) | CLS(TX_SEASONS) | CLS(TX_POD) |
    CLS(TX_CLOCK) | CLS(TX_DAYREF) | CLS(TX_NIGHTREF) | CLS(TX_REF) | CLS(TX_SETWORD) | CLS(TX_HOLIDAY) |
    CLS(TX_NTHDAY) | CLS(TX_EASTER) | CLS(TX_UNIT) | CLS(TX_UNITS) | CLS(TX_VAGUEDUR) | CLS(TX_LEAD);

size_t tx_match_at(const tx_ctx *c, size_t i, tx_frame *out) {
    if (!in(c, i)) return i;
    const dl_token *t = tk(c, i);
    if (!tx_may_start(c, i)) return i; /* (quick rejection) */
    /* "the", "a", "about"... before an ordinary word: only a word that is an
     * expression by itself ("now", "yesterday") or a phrase of several words
     * ("a while", "the day before yesterday") can start here */
    if (t->kind == DL_TOK_WORD && in(c, i + 1) && tk(c, i + 1)->kind == DL_TOK_WORD && !c->mask[i + 1] &&
        !(tx_lexicon_singles(c->lx, c->head[i]) & STANDALONE)) { /* "the", "a": only in phrases */
        bool phrase = false;
        uint64_t multi = c->mask[i] & tx_lexicon_multis(c->lx, c->head[i]); /* classes with longer phrases */
        if (multi && !tx_lexicon_is_second(c->lx, dl_doc_norm(c->doc, i + 1), tk(c, i + 1)->norm_len, tk(c, i + 1)->hash))
            multi = 0; /* no phrase has the next word second ("the president") */
        for (int k = 0; k < TX_N_CLASSES && !phrase && (multi >> k); k++)
            if ((multi >> k) & 1) phrase = tx_lex(c, i, (tx_class)k, NULL) > 1;
        if (!phrase) return i;
    }
    tx_frame_init(out);
    /* quantity modifier: "about two years", "more than a week" */
    const tx_entry *e;
    char mod[16] = "";
    size_t j = i;
    size_t k = tx_lex(c, j, TX_APPROX, &e);
    if (k && !((is(c, j, "over") || is(c, j, "under") || is(c, j, "beyond") || is(c, j, "around")) &&
               (is(c, j + k, "the") || is(c, j + k, "this") || is(c, j + k, "that") || is(c, j + k, "next") ||
                is(c, j + k, "last") || is(c, j + k, "past")))) {
        size_t ml = strlen(e->sval) < sizeof mod ? strlen(e->sval) : sizeof mod - 1;
        memcpy(mod, e->sval, ml);
        mod[ml] = 0;
        j += k;
    }
    /* position modifier: "early 1990", "the end of the year", "mid-1990s" */
    char pmod[16] = "";
    bool rel = false;
    k = tx_lex(c, j, TX_POSMOD, &e);
    if (!k && is(c, j, "the") && tx_lex(c, j + 1, TX_POSMOD, &e) && (is(c, j + 1, "early") || is(c, j + 1, "late")))
        k = 1 + tx_lex(c, j + 1, TX_POSMOD, &e);
    size_t core_start = j;
    if (k) {
        size_t ml = strcspn(e->sval, "@");
        if (ml >= sizeof pmod) ml = sizeof pmod - 1;
        memcpy(pmod, e->sval, ml);
        pmod[ml] = 0;
        rel = strchr(e->sval, '@') != NULL;
        core_start = j + k;
        if (rel && (is(c, core_start, "in") || is(c, core_start, "on"))) core_start++;
        if (!rel && is(c, core_start, "-") && !hyphen(c, core_start)) return i;
    }
    tx_frame f;
    size_t end = core_start > j ? core_at(c, core_start, &f) : core_start;
    if (end == core_start && core_start > j && !rel) {
        /* "mid-afternoon yesterday", "late afternoon": the part of a day */
        tx_frame_init(&f);
        size_t pe = tx_pod(c, core_start, &f);
        if (pe > core_start) {
            tx_frame g;
            tx_frame_init(&g);
            size_t de = tx_dayexpr(c, pe, &g);
            if (de > pe && !g.pod[0] && g.hour < 0) {
                memcpy(g.pod, f.pod, sizeof g.pod);
                f = g;
                pe = de;
            } else {
                f.unit = 'D';
                f.from_ref = true;
                f.ref_period = true;
            }
            f.type = DL_TIMEX_TIME;
            end = pe;
        }
    }
    if (end > core_start) {
        bool ok = f.kind == FK_CAL;
        /* "earlier"/"later" qualify only days and periods said relatively */
        if (rel && !(f.unit || f.weekday || f.from_ref || f.ref_period)) ok = false;
        if (rel && f.kind == FK_CAL && f.unit == 'Y' && f.amount == 0 && f.from_ref && !f.ref_period) ok = false;
        if (ok) {
            *out = f;
            dl_strlcpy(out->mod, pmod, sizeof out->mod);
            if (mod[0] && !out->mod[0]) dl_strlcpy(out->mod, mod, sizeof out->mod);
            return end;
        }
    }
    /* without the position modifier */
    end = core_at(c, j, &f);
    if (end > j) {
        *out = f;
        if (mod[0]) dl_strlcpy(out->mod, mod, sizeof out->mod);
        /* a quantity modifier belongs to amounts, not to calendar names */
        if (j > i && f.kind != FK_DUR && !(f.kind == FK_CAL && f.unit && f.amount != 0) && f.kind != FK_REF) {
            if (!(f.kind == FK_CAL && (f.day > 0 || f.hour >= 0))) return core_at(c, i, out);
        }
        return end;
    }
    if (j > i) return core_at(c, i, out);
    return i;
}

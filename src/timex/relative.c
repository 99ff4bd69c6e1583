/* relative.c - expressions relative to the publication date or to the
 * last date mentioned ("yesterday", "last week", "the previous day", "two
 * years ago", "a year earlier", "the year-ago quarter"), durations ("three
 * hours", "the past two years", "for years"), sets ("daily", "every
 * Thursday", "twice a year") and reference words ("now", "recently"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "grammar.h"

/* yesterday, today, tomorrow, tonight [+ part of day]; last night, this
 * morning. */
size_t tx_dayref(const tx_ctx *c, size_t i, tx_frame *f) {
    const tx_entry *e;
    size_t k;
    if ((k = tx_lex(c, i, TX_DAYREF, &e))) {
        f->unit = 'D';
        f->amount = (int16_t)e->ival;
        f->line = e->line;
        return tx_pod(c, i + k, f);
    }
    if ((k = tx_lex(c, i, TX_NIGHTREF, &e))) {
        f->unit = 'D';
        f->amount = (int16_t)e->ival;
        strcpy(f->pod, "NI");
        f->type = DL_TIMEX_TIME;
        return i + k;
    }
    /* "the next morning", "the previous evening", "that night" */
    {
        size_t j = i;
        bool the = is(c, j, "the");
        if (the) j++;
        int o;
        bool rf;
        size_t dk = tx_deictic(c, j, the, &o, &rf);
        if (dk > j && (rf || is(c, j, "that")) && !is(c, j, "this")) {
            tx_frame g = *f;
            size_t pe = tx_pod(c, dk, &g);
            if (pe > dk) {
                *f = g;
                f->unit = 'D';
                f->amount = (int16_t)o;
                f->from_ref = true;
                if (o == 0) f->ref_period = true;
                return pe;
            }
        }
    }
    /* "last night", "this morning", "this evening" */
    int off;
    bool ref;
    if ((k = tx_deictic(c, i, false, &off, &ref)) > i && (is(c, i, "last") || is(c, i, "this"))) {
        size_t e2 = tx_pod(c, k, f);
        if (e2 > k) {
            bool night = dl_streq(f->pod, "NI");
            if (is(c, i, "last") && !night) return i; /* "last morning" is not a day */
            f->unit = 'D';
            f->amount = (int16_t)(is(c, i, "last") ? -1 : 0);
            return e2;
        }
        f->pod[0] = 0;
        f->type = DL_TIMEX_DATE;
    }
    return i;
}

/* [the] deictic unit: "last week", "this year", "the previous day", "the
 * same month", "that year", "the past year", "the current fiscal year";
 * deictic month, season or holiday: "last April", "this summer". */
size_t tx_deictic_unit(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    bool the = is(c, j, "the");
    if (the) j++;
    int off;
    bool ref;
    size_t k = tx_deictic(c, j, the, &off, &ref);
    if (k == j) return i;
    /* "the this" is not English; "that" only after nothing */
    if (the && (is(c, j, "this") || is(c, j, "that"))) return i;
    size_t u = k;
    if (is(c, u, "fiscal") || is(c, u, "calendar")) u++;
    const char *code;
    bool plural;
    size_t e = tx_unit(c, u, &code, &plural);
    if (e > u && !plural) {
        char su = tx_shift_unit(code);
        if (!su) return i;
        /* "over the past decade": ten years back from now, not the 2010s */
        if ((su == 'E' || su == 'C') && is(c, j, "past")) {
            f->kind = FK_DUR;
            f->type = DL_TIMEX_DURATION;
            strcpy(f->value, su == 'E' ? "P10Y" : "P100Y");
            return e;
        }
        /* "the last/next day" is relative to the story; "last week" to now */
        f->unit = su;
        f->amount = (int16_t)off;
        f->from_ref = ref;
        /* "that year", "the same day": the reference's own period */
        if (off == 0 && ref) f->ref_period = true;
        /* "the year", "the quarter" after "the current" etc. need nothing more */
        if (su == 'w') f->weekend = true;
        /* "compared with $5 million last year" after "third-quarter
         * profit": the same quarter a year before (see resolve.c) */
        if (su == 'Y' && off == -1 && !ref) {
            f->keep_gran = true;
            f->keep_window = 0;
        }
        /* "last year's quarter", "last year's period" */
        if (su == 'Y' && is(c, e, "'s") && (is(c, e + 1, "quarter") || is(c, e + 1, "period"))) {
            f->keep_gran = true;
            f->keep_window = 0;
            f->from_ref = true;
            f->period = is(c, e + 1, "quarter") ? 'Q' : 'P';
            return e + 2;
        }
        /* "this year's third quarter", "next year's first half" */
        if (su == 'Y' && is(c, e, "'s")) {
            f->keep_gran = false;
            size_t q = e + 1;
            int o;
            size_t qe = tx_ordinal(c, q, &o);
            if (qe > q && o >= 1 && o <= 4) {
                size_t z = qe;
                if (hyphen(c, z)) z++;
                if (is(c, z, "quarter")) {
                    f->quarter = (int16_t)o;
                    return z + 1;
                }
                if (is(c, z, "half") && o <= 2) {
                    f->half = (int16_t)o;
                    return z + 1;
                }
            }
        }
        return e;
    }
    if (e > u) return i;
    /* deictic + month / season / holiday: "last April", "this summer" */
    int m;
    const tx_entry *en;
    size_t me;
    f->dir = off < 0 ? DIR_LAST : off > 0 ? DIR_NEXT : DIR_THIS;
    f->dir_ref = ref;
    if ((me = tx_month(c, k, &m)) > k) {
        f->month = (int16_t)m;
        int d;
        size_t de = tx_monthday(c, me, &d);
        if (de > me) f->day = (int16_t)d, me = de;
        return me;
    }
    if ((me = tx_lex(c, k, TX_SEASON, &en))) {
        static const char *const codes[] = {"SP", "SU", "FA", "WI"};
        for (int s = 0; s < 4; s++)
            if (dl_streq(en->sval, codes[s])) f->season = (int8_t)(s + 1);
        return k + me;
    }
    f->dir = 0;
    f->dir_ref = false;
    return i;
}

/* N units ago / earlier / later / from now; "a year earlier", "two weeks
 * ago", "a few days ago" (PAST_REF).  `amount_end` is where the unit phrase
 * starts after the amount (see tx_duration). */
static size_t p_shift_post(const tx_ctx *c, size_t e, tx_frame *f, double amount, bool x, const char *code) {
    char su = tx_shift_unit(code);
    int sign = 0;
    bool from_ref = false;
    size_t k = e;
    if (tx_lex(c, k, TX_POSTAPPROX, NULL)) k += tx_lex(c, k, TX_POSTAPPROX, NULL);
    if (is(c, k, "ago") || is(c, k, "back")) sign = -1;
    else if ((is(c, k, "from") && is(c, k + 1, "now")) || is(c, k, "hence")) sign = 1;
    else if (is(c, k, "earlier") || is(c, k, "before") || is(c, k, "previously") || is(c, k, "prior")) sign = -1, from_ref = true;
    else if (is(c, k, "later") || is(c, k, "after") || is(c, k, "afterwards") || is(c, k, "afterward") || is(c, k, "on"))
        sign = 1, from_ref = true;
    if (!sign) return e;
    size_t end = k + ((is(c, k, "from")) ? 2 : 1);
    /* "two days after the attack": the duration alone, the rest is an event;
     * "two days before," / "two days later" / "a year earlier" are dates */
    bool adverb = is(c, k, "earlier") || is(c, k, "later") || is(c, k, "ago") || is(c, k, "back") ||
                  is(c, k, "afterwards") || is(c, k, "afterward") || !from_ref;
    if (!adverb && in(c, end) && !(tk(c, end)->kind == DL_TOK_PUNCT || tk(c, end)->kind == DL_TOK_DASH))
        return e;
    if (is(c, k, "on") && !from_ref) return e;
    if (is(c, k, "on") && (in(c, end) && tk(c, end)->kind == DL_TOK_WORD)) return e;
    if (is(c, k, "earlier") || is(c, k, "later")) {
        if (is(c, end, "than")) return e;
    }
    if (x) {
        if (from_ref) return e; /* "a few days later": a duration */
        tx_frame_init(f);
        f->kind = FK_REF;
        strcpy(f->value, sign < 0 ? "PAST_REF" : "FUTURE_REF");
        return end;
    }
    if (!su || amount != (double)(long)amount) {
        /* "two hours ago": a time we cannot place better than the day */
        if (!su && (dl_streq(code, "H") || dl_streq(code, "MIN")) && !from_ref) {
            tx_frame_init(f);
            f->type = DL_TIMEX_TIME;
            f->unit = 'D';
            f->amount = 0;
            return end;
        }
        return e;
    }
    tx_frame_init(f);
    f->unit = su == 'E' ? 'Y' : su;
    f->amount = (int16_t)(sign * (long)amount * (su == 'E' ? 10 : 1));
    if (su == 'C') f->unit = 'Y', f->amount = (int16_t)(sign * (long)amount * 100);
    f->from_ref = from_ref;
    f->keep_gran = f->unit == 'Y' && amount == 1 && sign < 0;
    f->keep_window = 1;
    return end;
}

/* Words before "a year", "a week" that make it a length of time ("for a
 * week", "within a year") rather than a rate ("four flights a week"). */
static bool duration_before(const tx_ctx *c, size_t i) {
    if (i == 0 || (tk(c, i)->flags & DL_TF_SENT_START)) return true;
    const dl_token *p = tk(c, i - 1);
    if (p->kind != DL_TOK_WORD) return p->kind != DL_TOK_NUMBER && p->kind != DL_TOK_SYMBOL;
    const char *w = nm(c, i - 1);
    size_t n = strlen(w);
    static const char *const rates[] = {"twice", "once", "thrice", "times", "percent", "cents", "dollars",
                                        "million", "billion", "trillion", "thousand", "hundred"};
    for (size_t k = 0; k < sizeof rates / sizeof *rates; k++)
        if (dl_streq(w, rates[k])) return false;
    /* a plural noun before: "flights a week", "seats a week" */
    return !(n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && !(p->flags & DL_TF_CAP) && strcmp(w, "was") &&
             strcmp(w, "is") && strcmp(w, "has") && strcmp(w, "as") && strcmp(w, "its") && strcmp(w, "this") &&
             strcmp(w, "us") && strcmp(w, "his") && strcmp(w, "lasts") && strcmp(w, "takes"));
}

/* Plural units without a number: "for years", "over the years", "the
 * weeks ahead", "the first hours", "the next days"; "day-long",
 * "decades-long". */
size_t tx_bare_plural(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    {
        const char *code;
        bool plural;
        size_t ue = tx_unit(c, i, &code, &plural);
        if (ue > i && hyphen(c, ue) && is(c, ue + 1, "long")) {
            f->kind = FK_DUR;
            f->type = DL_TIMEX_DURATION;
            tx_dur_value(f->value, sizeof f->value, 1, plural, code);
            return ue + 2;
        }
    }
    bool the = is(c, j, "the");
    if (the) j++;
    bool lead = false;
    int off;
    bool ref;
    size_t k = tx_deictic(c, j, the, &off, &ref);
    if (the && k > j && !is(c, j, "that") && !is(c, j, "this")) lead = true, j = k;
    else if (the && (is(c, j, "first") || is(c, j, "early") || is(c, j, "final") || is(c, j, "last")))
        lead = true, j++;
    const char *code;
    bool plural;
    size_t ue = tx_unit(c, j, &code, &plural);
    if (ue == j || !plural || dl_streq(code, "S")) return i;
    if (is(c, ue, "of") || is(c, ue, "'") || is(c, ue, "'s")) return i;
    size_t end = ue;
    if (the && (is(c, ue, "ahead") || (is(c, ue, "to") && is(c, ue + 1, "come")))) {
        end = is(c, ue, "ahead") ? ue + 1 : ue + 2;
    } else if (!lead) {
        /* a preposition of time before it: "for years", "over the years" */
        if (i == 0) return i;
        const char *p = nm(c, i - 1);
        if (strcmp(p, "for") && strcmp(p, "within") && strcmp(p, "in") && strcmp(p, "over") &&
            strcmp(p, "after") && strcmp(p, "throughout") && strcmp(p, "during"))
            return i;
        if (the && strcmp(p, "over") && strcmp(p, "throughout") && strcmp(p, "during") && strcmp(p, "in")) return i;
        if (the && is(c, ue, "that")) return i; /* "in the years that followed" */
    }
    f->kind = FK_DUR;
    f->type = DL_TIMEX_DURATION;
    tx_dur_value(f->value, sizeof f->value, 0, true, code);
    return end;
}

/* Durations: "three hours", "the past three years", "two-year", "a few
 * days", "2 1/2 years", "the first nine months".  Followed by "ago",
 * "earlier", "later", a duration becomes a date. */
size_t tx_duration(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    bool the = is(c, j, "the");
    if (the) j++;
    /* the past/next/first ... */
    int off = 0;
    bool ref = false, lead = false;
    size_t k = tx_deictic(c, j, the, &off, &ref);
    /* "could last a few days": "last" is a verb there */
    bool verb = !the && is(c, j, "last") &&
                (lex(c, j + 1, TX_ONE) || lex(c, j + 1, TX_VAGUE) || lex(c, j + 1, TX_COUPLE) ||
                 (i > 0 && word(c, i - 1) && !capital(c, i - 1) && !lex(c, i - 1, TX_APPROX) &&
                  strcmp(nm(c, i - 1), "in") && strcmp(nm(c, i - 1), "for") && strcmp(nm(c, i - 1), "over") &&
                  strcmp(nm(c, i - 1), "of") && strcmp(nm(c, i - 1), "during") && strcmp(nm(c, i - 1), "within")));
    if (verb) return i;
    if (k > j && !is(c, j, "that") && !is(c, j, "this")) lead = true, j = k;
    else if (is(c, j, "first") || is(c, j, "final") || is(c, j, "initial") || is(c, j, "last") ||
             is(c, j, "remaining") || is(c, j, "additional") || is(c, j, "entire") || is(c, j, "full") ||
             is(c, j, "whole"))
        lead = true, j++;
    /* "half a year", "half an hour", "a half hour" */
    double amount = 0;
    bool x = false, one = false;
    size_t a = j;
    int nd = 0;
    if (is(c, a, "half") && (is(c, a + 1, "a") || is(c, a + 1, "an"))) {
        amount = 0.5;
        a += 2;
    } else if ((is(c, a, "a") || is(c, a, "an")) && is(c, a + 1, "half") && !is(c, a + 2, "of")) {
        amount = 0.5;
        a += 2;
        if (hyphen(c, a)) a++;
    } else {
        size_t ae = tx_amount(c, a, &amount, &x);
        if (ae == a) return i;
        one = lex(c, a, TX_ONE) && ae == a + 1;
        tx_plain(c, a, &nd);
        a = ae;
        /* ranges: "two to three weeks", "12 to 18 months" */
        double a2;
        bool x2;
        size_t a2e;
        if ((is(c, a, "to") || is(c, a, "or") || (is(c, a, "-") && tk(c, a - 1)->kind == DL_TOK_NUMBER)) &&
            (a2e = tx_amount(c, a + 1, &a2, &x2)) > a + 1) {
            const char *cd;
            bool pl;
            if (tx_unit(c, a2e, &cd, &pl) > a2e) a = a2e;
        }
        if (is(c, a, "more") || is(c, a, "additional") || is(c, a, "straight") || is(c, a, "consecutive") ||
            is(c, a, "full") || is(c, a, "long") || is(c, a, "extra"))
            a++;
    }
    /* the unit, possibly joined by a hyphen: "two-year", "52-week" */
    size_t u = a;
    bool adj = false;
    if (hyphen(c, u)) u++, adj = true;
    const char *code;
    bool plural;
    size_t e = tx_unit(c, u, &code, &plural);
    if (e == u) return i;
    /* "the 1988 quarter": a year, not 1988 quarters */
    if (nd == 4 && amount >= 1000 && !plural) return i;
    /* "a second" is an ordinal more often than a unit */
    if (dl_streq(code, "S") && !plural && (is(c, j, "a") || is(c, j, "the"))) return i;
    /* "a quarter of the shares", "three-quarters of its food" */
    if (dl_streq(code, "Q") && (is(c, e, "of") || is(c, e, "-")) && (!plural || adj)) return i;
    if (dl_streq(code, "WE") && !plural && amount <= 1 && !x) return i;
    /* "he will one day return": "one day" as "some day" */
    if (is(c, j, "one") && dl_streq(code, "D") && !plural && !the && !adj && !duration_before(c, i)) return i;
    if (is(c, j, "one") && dl_streq(code, "D") && !plural && !adj && word(c, e) && !capital(c, e) &&
        !is(c, e, "later") && !is(c, e, "earlier") && !is(c, e, "after") && !is(c, e, "before") &&
        !is(c, e, "ago") && !is(c, e, "of") && !is(c, e, "and") && !is(c, e, "or") && !is(c, e, "in"))
        return i;
    /* "four flights a week": a rate (tx_set takes those after amounts) */
    bool shifted = is(c, e, "ago") || is(c, e, "earlier") || is(c, e, "later") || is(c, e, "before") ||
                   is(c, e, "after") || is(c, e, "back") || is(c, e, "hence") || is(c, e, "from") ||
                   (is(c, e, "or") && is(c, e + 1, "so"));
    if (one && !the && !lead && !shifted && !duration_before(c, i)) return i;
    /* ages: "a 136-year-old firm", "52 years old"; "-long" adjectives */
    if (hyphen(c, e) && is(c, e + 1, "old")) return i;
    if (is(c, e, "old") && !adj) return i;
    if (hyphen(c, e) && is(c, e + 1, "long")) e += 2;
    if (is(c, e, "and") && is(c, e + 1, "a") && is(c, e + 2, "half")) {
        amount += 0.5;
        e += 3;
    }
    tx_frame_init(f);
    f->kind = FK_DUR;
    f->type = DL_TIMEX_DURATION;
    tx_dur_value(f->value, sizeof f->value, amount, x, code);
    if (tx_lex(c, e, TX_POSTAPPROX, NULL) && !is(c, e + tx_lex(c, e, TX_POSTAPPROX, NULL), "ago")) {
        if (!f->mod[0]) strcpy(f->mod, "APPROX");
        e += tx_lex(c, e, TX_POSTAPPROX, NULL);
    }
    /* "a year or two" */
    if (is(c, e, "or") && (is(c, e + 1, "two") || is(c, e + 1, "so"))) e += 2;
    /* "N units ago / earlier / later": a date */
    if (!lead && !adj) {
        tx_frame g = *f;
        size_t se = p_shift_post(c, e, &g, amount, x, code);
        if (se > e) {
            *f = g;
            return se;
        }
    }
    return e;
}

/* "the year ended Sept. 30", "the quarter", "the year": the reference's
 * period, or a duration before "ended/ending". */
size_t tx_the_unit(const tx_ctx *c, size_t i, tx_frame *f) {
    if (!is(c, i, "the")) return i;
    size_t j = i + 1;
    if (is(c, j, "fiscal") || is(c, j, "full") || is(c, j, "calendar") || is(c, j, "whole") || is(c, j, "entire"))
        j++;
    const char *code;
    bool plural;
    size_t e = tx_unit(c, j, &code, &plural);
    if (e == j || plural) return i;
    /* "the year 2000", "the year two thousand" */
    int y;
    bool two;
    size_t ye = tx_year(c, e, &y, &two, true);
    if (is(c, j, "year") && ye > e && !two) {
        f->year = (int16_t)y;
        return ye;
    }
    char su = tx_shift_unit(code);
    /* "later in the day": the day under discussion */
    if (su == 'D' && i >= 2 && is(c, i - 1, "in") && (is(c, i - 2, "later") || is(c, i - 2, "earlier"))) {
        f->unit = 'D';
        f->ref_period = true;
        f->from_ref = true;
        return e;
    }
    if (su != 'Y' && su != 'Q' && su != 'W' && su != 'M' && su != 'w') return i;
    if (is(c, e, "ended") || is(c, e, "ending") || is(c, e, "to") || is(c, e, "through")) {
        if (su == 'Y') {
            f->kind = FK_DUR;
            f->type = DL_TIMEX_DURATION;
            strcpy(f->value, "P1Y");
            return e;
        }
    }
    if (su == 'w') {
        f->unit = 'w';
        f->weekend = true;
        return e;
    }
    /* "the year", "the quarter": the period under discussion */
    if (is(c, e, "of") || is(c, e, "before") || is(c, e, "after")) {
        if (su != 'Y' && su != 'Q') return i;
    }
    if (su == 'M' || su == 'W') {
        /* "the month", "the week" alone are rarely dates */
        if (!(is(c, e, ",") || is(c, e, ".") || is(c, e, "'s"))) return i;
    }
    /* "the year": the current one; "the quarter": the one under discussion */
    f->unit = su;
    f->ref_period = true;
    f->from_ref = su != 'Y';
    return e;
}

/* "the latest period", "the current period", "the period": the period the
 * story is about (the last one mentioned) */
size_t tx_period_ref(const tx_ctx *c, size_t i, tx_frame *f) {
    if (!is(c, i, "the")) return i;
    size_t j = i + 1;
    if (is(c, j, "latest") || is(c, j, "current") || is(c, j, "recent") || is(c, j, "same") || is(c, j, "most"))
        j += is(c, j, "most") && is(c, j + 1, "recent") ? 2 : 1;
    if (j == i + 1 || !is(c, j, "period")) return i;
    f->unit = 'Y';
    f->amount = 0;
    f->from_ref = true;
    f->keep_gran = true;
    f->period = 'P';
    return j + 1;
}

/* "a while", "some time" */
size_t tx_vague_duration(const tx_ctx *c, size_t i, tx_frame *f) {
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_VAGUEDUR, &e);
    if (!k) return i;
    f->kind = FK_DUR;
    f->type = DL_TIMEX_DURATION;
    dl_strlcpy(f->value, e->sval, sizeof f->value);
    f->line = e->line;
    return i + k;
}

size_t tx_set(const tx_ctx *c, size_t i, tx_frame *f) {
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_SETWORD, &e);
    if (k && k == 1 && in(c, i + 1) && tk(c, i + 1)->kind == DL_TOK_WORD && capital(c, i + 1) &&
        !(tk(c, i + 1)->flags & DL_TF_SENT_START))
        k = 0; /* "the party daily Granma": a newspaper */
    if (k) {
        f->kind = FK_SET;
        f->type = DL_TIMEX_SET;
        dl_strlcpy(f->value, e->sval, sizeof f->value);
        f->line = e->line;
        return i + k;
    }
    /* Mondays, Tuesday nights */
    int wd;
    if ((k = tx_lex(c, i, TX_WEEKDAYS, &e)) && capital(c, i)) {
        f->kind = FK_SET;
        f->type = DL_TIMEX_SET;
        snprintf(f->value, sizeof f->value, "XXXX-WXX-%d", e->ival);
        return i + k;
    }
    size_t we = tx_weekday_name(c, i, &wd, false);
    const tx_entry *pe;
    size_t pk;
    if (we > i && (pk = tx_lex(c, we, TX_PODS, &pe))) {
        f->kind = FK_SET;
        f->type = DL_TIMEX_SET;
        snprintf(f->value, sizeof f->value, "XXXX-WXX-%dT%s", wd, pe->sval);
        return we + pk;
    }
    /* every/each [other] [N] unit | weekday | month | season */
    if (is(c, i, "every") || is(c, i, "each")) {
        size_t j = i + 1;
        double n = 1;
        bool other = is(c, j, "other");
        if (other) j++, n = 2;
        double v;
        size_t ne = tx_card(c, j, &v);
        if (ne > j && !other) n = v, j = ne;
        const char *code;
        bool plural;
        size_t ue = tx_unit(c, j, &code, &plural);
        f->kind = FK_SET;
        f->type = DL_TIMEX_SET;
        if (ue > j && !(is(c, ue, "of"))) {
            tx_dur_value(f->value, sizeof f->value, n, false, code);
            return ue;
        }
        int m;
        size_t me;
        if ((me = tx_weekday_name(c, j, &wd, false)) > j) {
            snprintf(f->value, sizeof f->value, "XXXX-WXX-%d", wd);
            return me;
        }
        if ((me = tx_month(c, j, &m)) > j) {
            snprintf(f->value, sizeof f->value, "XXXX-%02d", m);
            return me;
        }
        if ((k = tx_lex(c, j, TX_SEASON, &e))) {
            snprintf(f->value, sizeof f->value, "XXXX-%s", e->sval);
            return j + k;
        }
        if ((k = tx_lex(c, j, TX_POD, &e))) {
            snprintf(f->value, sizeof f->value, "XXXX-XX-XXT%s", e->sval);
            return j + k;
        }
        f->kind = FK_CAL;
        f->type = DL_TIMEX_DATE;
        return i;
    }
    /* "$5 a year", "twice a week", "10% a year", "per day" */
    if ((k = tx_lex(c, i, TX_PERWORD, &e)) && i > 0) {
        const char *code;
        bool plural;
        size_t ue = tx_unit(c, i + k, &code, &plural);
        if (ue == i + k || plural) return i;
        const dl_token *p = &c->doc->tokens[i - 1];
        const char *pw = nm(c, i - 1);
        bool rate = p->kind == DL_TOK_NUMBER || p->kind == DL_TOK_SYMBOL || dl_streq(pw, "percent") ||
                    dl_streq(pw, "times") || dl_streq(pw, "twice") || dl_streq(pw, "once") || dl_streq(pw, "thrice") ||
                    dl_streq(pw, "million") || dl_streq(pw, "billion") || dl_streq(pw, "share") ||
                    dl_streq(pw, "trillion") || dl_streq(pw, "dollars") || dl_streq(pw, "cents") ||
                    dl_streq(pw, "hundred") || dl_streq(pw, "thousand") || dl_streq(pw, "is") || dl_streq(pw, "are");
        if (is(c, i, "per")) rate = true;
        if (!rate) return i;
        if (is(c, ue, "ago") || is(c, ue, "earlier") || is(c, ue, "later") || is(c, ue, "or") || is(c, ue, "and")) return i;
        f->kind = FK_SET;
        f->type = DL_TIMEX_SET;
        tx_dur_value(f->value, sizeof f->value, 1, false, code);
        return ue;
    }
    return i;
}

size_t tx_ref(const tx_ctx *c, size_t i, tx_frame *f) {
    const tx_entry *e;
    size_t k;
    /* "recent years" (PAST_REF), "recent weeks" (a duration), "coming months" */
    size_t j = i;
    if (is(c, j, "the")) j++;
    if ((k = tx_lex(c, j, TX_RECENTUNITS, &e)) || (k = tx_lex(c, j, TX_COMINGUNITS, &e))) {
        const char *code;
        bool plural;
        size_t ue = tx_unit(c, j + k, &code, &plural);
        if (ue > j + k && plural) {
            bool recent = e->cls == TX_RECENTUNITS;
            char su = tx_shift_unit(code);
            if (recent && su != 'Y' && su != 'E' && su != 'C') {
                f->kind = FK_DUR;
                f->type = DL_TIMEX_DURATION;
                tx_dur_value(f->value, sizeof f->value, 0, true, code);
            } else {
                f->kind = FK_REF;
                dl_strlcpy(f->value, e->sval, sizeof f->value);
            }
            f->line = e->line;
            return ue;
        }
    }
    k = tx_lex(c, i, TX_REF, &e);
    if (!k) return i;
    const char *w = nm(c, i);
    /* "current" and "recent" qualify a noun; "now" must not be "now-defunct" */
    if ((dl_streq(w, "current") || dl_streq(w, "recent")) && k == 1 &&
        !(word(c, i + 1) && !capital(c, i + 1) && !lex(c, i + 1, TX_UNIT)))
        return i;
    if (dl_streq(w, "now") && k == 1 && hyphen(c, i + 1)) return i;
    f->kind = FK_REF;
    dl_strlcpy(f->value, e->sval, sizeof f->value);
    f->line = e->line;
    return i + k;
}

/* [the] [comparable|same|corresponding] year-earlier|year-ago [third]
 * [quarter|period]; "the same period last year". */
size_t tx_year_earlier(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    bool the = is(c, j, "the") || is(c, j, "a");
    if (the) j++;
    if (is(c, j, "comparable") || is(c, j, "same") || is(c, j, "corresponding") || is(c, j, "equivalent")) j++;
    size_t e;
    if (is(c, j, "year") && hyphen(c, j + 1) &&
        (is(c, j + 2, "earlier") || is(c, j + 2, "ago") || is(c, j + 2, "before") || is(c, j + 2, "previous"))) {
        e = j + 3;
    } else if (j > i && (is(c, j, "period") || is(c, j, "quarter")) && (is(c, j + 1, "last") || is(c, j + 1, "a")) &&
               is(c, j + 2, "year")) {
        size_t k = j + 3;
        if (is(c, j + 1, "a")) {
            if (!(is(c, k, "earlier") || is(c, k, "ago") || is(c, k, "before"))) return i;
            k++;
        }
        f->unit = 'Y';
        f->amount = -1;
        f->from_ref = true;
        f->keep_gran = true;
        f->period = is(c, j, "quarter") ? 'Q' : 'P';
        return k;
    } else {
        return i;
    }
    f->unit = 'Y';
    f->amount = -1;
    f->from_ref = true;
    f->keep_gran = true;
    /* the noun it qualifies, when part of the expression */
    int o;
    size_t oe = tx_ordinal(c, e, &o);
    size_t n = oe > e ? oe : e;
    if (oe > e && hyphen(c, n)) n++;
    if (is(c, n, "fiscal")) n++;
    if (is(c, n, "quarter") || is(c, n, "period") || is(c, n, "half") || is(c, n, "month") || is(c, n, "week")) {
        if (oe > e && is(c, n, "quarter") && o >= 1 && o <= 4) f->quarter = (int16_t)o;
        if (is(c, n, "quarter")) f->period = 'Q';
        else if (is(c, n, "period")) f->period = 'P';
        return n + 1;
    }
    double v;
    size_t ne = tx_card(c, e, &v);
    if (ne > e && is(c, ne, "months") && the) {
        tx_frame_init(f);
        f->kind = FK_DUR;
        f->type = DL_TIMEX_DURATION;
        tx_dur_value(f->value, sizeof f->value, v, false, "M");
        return ne + 1;
    }
    return e;
}

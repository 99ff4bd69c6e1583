/* tag.c - recognising time expressions in a tokenised text.
 *
 * tx_match_at() tries every form at a token and keeps the longest match:
 *
 *   [quantity modifier] [position modifier] CORE [post-modifier]
 *
 * where the quantity modifiers are "about", "more than", "at least"..., the
 * position modifiers "early", "mid-", "the end of", "earlier"..., and the
 * cores are the forms below (calendar dates, weekdays, relative words,
 * periods, clock times, durations, sets, reference words).  The words
 * themselves are data (data/timex.txt, see lexicon.c); this file is the
 * grammar that combines them.  Each parser takes a token index and returns
 * the index after what it recognised (the same index when nothing), filling
 * a tx_frame that resolve.c turns into a TIMEX3 value.  Nothing is allocated;
 * every parser looks a bounded number of tokens ahead, so tagging is linear
 * in the length of the text. */
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "timex_private.h"

/* ---- tokens --------------------------------------------------------------- */

static const char *nm(const tx_ctx *c, size_t i) { return dl_doc_norm(c->doc, i); }
static const dl_token *tk(const tx_ctx *c, size_t i) { return &c->doc->tokens[i]; }
static bool in(const tx_ctx *c, size_t i) { return i < c->lim; }
static bool is(const tx_ctx *c, size_t i, const char *w) {
    if (i >= c->lim) return false;
    const char *n = nm(c, i);
    return n[0] == w[0] && strcmp(n, w) == 0; /* most words differ at once */
}
static bool capital(const tx_ctx *c, size_t i) { return (tk(c, i)->flags & (DL_TF_CAP | DL_TF_UPPER)) != 0; }
/* No space between token i-1 and token i. */
static bool glued(const tx_ctx *c, size_t i) { return !(tk(c, i)->flags & DL_TF_SPACE); }
static bool word(const tx_ctx *c, size_t i) { return in(c, i) && tk(c, i)->kind == DL_TOK_WORD; }
static bool lex(const tx_ctx *c, size_t i, tx_class cls) { return tx_lex(c, i, cls, NULL) > 0; }
/* A hyphen joining two tokens: "two-year", "mid-1990s". */
static bool hyphen(const tx_ctx *c, size_t i) { return is(c, i, "-") && glued(c, i) && in(c, i + 1) && glued(c, i + 1); }

static const tx_frame empty_frame = {
    .type = DL_TIMEX_DATE, .kind = FK_CAL, .year = -1, .month = -1, .day = -1, .quarter = -1, .half = -1,
    .week = -1, .decade = -1, .century = -1, .hour = -1, .minute = -1};

void tx_frame_init(tx_frame *f) { *f = empty_frame; }

/* Value of an all-digit token ("1,000" allowed), or -1; *ndig its digits. */
static long digits(const tx_ctx *c, size_t i, int *ndig) {
    if (!in(c, i) || tk(c, i)->kind != DL_TOK_NUMBER) return -1;
    long v = 0;
    int n = 0;
    for (const char *s = nm(c, i); *s; s++) {
        if (*s == ',' && n > 0 && s[1]) continue;
        if (!dl_isdigit((unsigned char)*s) || ++n > 9) return -1;
        v = v * 10 + (*s - '0');
    }
    if (ndig) *ndig = n;
    return v;
}

/* A plain number token without separators ("1990", not "1,990"). */
static long plain(const tx_ctx *c, size_t i, int *ndig) {
    if (!in(c, i) || strchr(nm(c, i), ',')) return -1;
    return digits(c, i, ndig);
}

/* "21st", "3rd", "10th": the number, or -1. */
static long ord_digits(const tx_ctx *c, size_t i) {
    if (!in(c, i) || tk(c, i)->kind != DL_TOK_NUMBER) return -1;
    const char *s = nm(c, i);
    long v = 0;
    size_t n = 0;
    while (dl_isdigit((unsigned char)s[n]) && n < 4) v = v * 10 + (s[n++] - '0');
    if (n == 0 || n > 3) return -1;
    const char *suf = s + n;
    if (strcmp(suf, "st") && strcmp(suf, "nd") && strcmp(suf, "rd") && strcmp(suf, "th")) return -1;
    return v;
}

/* An ordinal: "third", "3rd", "twenty-first" (-1 for "last"/"final"). */
static size_t p_ordinal(const tx_ctx *c, size_t i, int *v) {
    long d = ord_digits(c, i);
    if (d >= 0) {
        *v = (int)d;
        return i + 1;
    }
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_ORDINAL, &e);
    if (k) {
        *v = e->ival;
        return i + k;
    }
    /* "twenty - first" as three tokens */
    if ((k = tx_lex(c, i, TX_TENS, &e)) && hyphen(c, i + k)) {
        const tx_entry *e2;
        size_t k2 = tx_lex(c, i + k + 1, TX_ORDINAL, &e2);
        if (k2 && e2->ival > 0 && e2->ival < 10) {
            *v = e->ival + e2->ival;
            return i + k + 1 + k2;
        }
    }
    return i;
}

/* A cardinal number in digits or words: "3", "1,000", "2.5", "twenty-four",
 * "two hundred", "2 1/2".  Returns the end; *v the value. */
static size_t p_card(const tx_ctx *c, size_t i, double *v) {
    if (!in(c, i)) return i;
    long d = digits(c, i, NULL);
    if (d >= 0) {
        *v = (double)d;
        size_t j = i + 1;
        /* "2 1/2" */
        if (is(c, j, "1") && is(c, j + 1, "/") && is(c, j + 2, "2") && glued(c, j + 1)) {
            *v += 0.5;
            j += 3;
        }
        return j;
    }
    if (tk(c, i)->kind == DL_TOK_NUMBER) {
        /* a decimal: "2.5" */
        const char *s = nm(c, i);
        char *end;
        double x = strtod(s, &end);
        if (*end == 0 && strchr(s, '.') && !strchr(s, ':')) {
            *v = x;
            return i + 1;
        }
        return i;
    }
    long total = 0, cur = 0;
    size_t j = i;
    bool any = false;
    for (;;) {
        const tx_entry *e, *e2;
        size_t k, k2;
        if ((k = tx_lex(c, j, TX_TENS, &e)) && cur % 100 == 0) {
            cur += e->ival;
            j += k;
            any = true;
            if (hyphen(c, j) && (k2 = tx_lex(c, j + 1, TX_NUMBER, &e2)) && e2->ival > 0 && e2->ival < 10) {
                cur += e2->ival;
                j += 1 + k2;
            } else if ((k2 = tx_lex(c, j, TX_NUMBER, &e2)) && e2->ival > 0 && e2->ival < 10) {
                cur += e2->ival;
                j += k2;
            }
        } else if ((k = tx_lex(c, j, TX_NUMBER, &e)) && cur % 100 == 0) {
            cur += e->ival;
            j += k;
            any = true;
        } else if (any && (k = tx_lex(c, j, TX_SCALE, &e))) {
            if (e->ival == 100) cur = (cur ? cur : 1) * 100;
            else total += (cur ? cur : 1) * e->ival, cur = 0;
            j += k;
            if (is(c, j, "and") && (lex(c, j + 1, TX_NUMBER) || lex(c, j + 1, TX_TENS))) j++;
        } else {
            break;
        }
    }
    if (!any) return i;
    *v = (double)(total + cur);
    return j;
}

/* A year: "1990", "'98", "nineteen ninety-six", "two thousand".  Spelled
 * years only when `spelled` (after "in", a month, ...). */
static size_t p_year(const tx_ctx *c, size_t i, int *y, bool *two, bool spelled) {
    int nd;
    long d = plain(c, i, &nd);
    *two = false;
    if (d >= 1000 && d <= 2199 && nd == 4) {
        *y = (int)d;
        return i + 1;
    }
    /* '98 */
    if (in(c, i) && tk(c, i)->kind == DL_TOK_QUOTE && in(c, i + 1) && glued(c, i + 1) &&
        (d = plain(c, i + 1, &nd)) >= 0 && nd == 2) {
        *y = (int)d;
        *two = true;
        return i + 2;
    }
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_NUMBER, &e);
    if (!spelled && !(k && e->ival >= 11 && e->ival <= 19)) return i;
    if (k && e->ival >= 11 && e->ival <= 19) {
        /* nineteen ninety-six, nineteen eighty, nineteen hundred */
        size_t j = i + k;
        if (is(c, j, "hundred")) {
            *y = e->ival * 100;
            return j + 1;
        }
        double v;
        size_t m = p_card(c, j, &v);
        if (!spelled && !lex(c, j, TX_TENS)) return i;
        if (m > j && v >= 10 && v <= 99) {
            *y = e->ival * 100 + (int)v;
            return m;
        }
        return i;
    }
    if (k && e->ival == 2 && is(c, i + k, "thousand")) {
        size_t j = i + k + 1;
        double v = 0;
        if (is(c, j, "and")) j++;
        size_t m = p_card(c, j, &v);
        if (m == j || v >= 100) m = i + k + 1, v = 0;
        *y = 2000 + (int)v;
        return m;
    }
    return i;
}

/* Words before which a bare month name or a spelled year is a date. */
static bool date_context(const tx_ctx *c, size_t i) {
    if (i == 0) return false;
    static const char *const before[] = {"in", "since", "until", "till", "by", "during", "early", "late", "mid",
                                         "-", "of", "last", "next", "this", "from", "through", "to", "before",
                                         "after", "between", "on", "and", "or", "last", "past", "that",
                                         "throughout", "into", "for", "each", "every", "around", "about",
                                         "year", "month", "end", "beginning", "middle", "start"};
    const char *w = nm(c, i - 1);
    for (size_t k = 0; k < sizeof before / sizeof *before; k++)
        if (strcmp(w, before[k]) == 0) return true;
    return false;
}

/* A month name at i (with its period if split off): returns the end. */
static size_t p_month(const tx_ctx *c, size_t i, int *m) {
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_MONTH, &e);
    if (!k || !capital(c, i)) return i;
    const dl_token *t = tk(c, i);
    size_t j = i + k;
    const char *w = nm(c, i);
    bool full = strlen(w) > 4 || strcmp(w, "june") == 0 || strcmp(w, "july") == 0 || strcmp(w, "may") == 0;
    bool abbrev_period = (t->flags & DL_TF_ABBREV) != 0;
    if (!full && !abbrev_period && is(c, j, ".") && glued(c, j)) {
        abbrev_period = true;
        j++;
    }
    bool number_next = in(c, j) && tk(c, j)->kind == DL_TOK_NUMBER;
    bool number_before = i > 0 && tk(c, i - 1)->kind == DL_TOK_NUMBER;
    if (!full && !abbrev_period && !number_next) return i;
    /* "May" and "March" are also a verb and a modal */
    if ((strcmp(w, "may") == 0 || strcmp(w, "march") == 0) && !number_next && !number_before && !date_context(c, i))
        return i;
    if (strcmp(w, "may") == 0 && (tk(c, i)->flags & DL_TF_SENT_START) && !number_next) return i;
    *m = e->ival;
    return j;
}

/* A weekday name; abbreviations ("Thu.") only when `abbrev_ok`. */
static size_t p_weekday_name(const tx_ctx *c, size_t i, int *wd, bool abbrev_ok) {
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_WEEKDAY, &e);
    if (!k || !capital(c, i)) return i;
    if (strlen(nm(c, i)) <= 5 && !strstr(nm(c, i), "day")) {
        if (!abbrev_ok) return i;
        size_t j = i + k;
        if (!(tk(c, i)->flags & DL_TF_ABBREV)) {
            if (!is(c, j, ".") || !glued(c, j)) return i;
            k++;
        }
    }
    *wd = e->ival;
    return i + k;
}

/* A day of the month: "10", "10th", "tenth". */
static size_t p_monthday(const tx_ctx *c, size_t i, int *d) {
    int nd;
    long v = plain(c, i, &nd);
    if (v >= 1 && v <= 31 && nd <= 2) {
        *d = (int)v;
        return i + 1;
    }
    int o;
    size_t j = p_ordinal(c, i, &o);
    if (j > i && o >= 1 && o <= 31) {
        *d = o;
        return j;
    }
    return i;
}

/* A unit word: returns the end; *code the unit code (see timex.txt),
 * *plural whether it was plural. */
static size_t p_unit(const tx_ctx *c, size_t i, const char **code, bool *plural) {
    const tx_entry *e;
    size_t k;
    if (in(c, i) && (tk(c, i)->flags & DL_TF_CAP) && !(tk(c, i)->flags & (DL_TF_UPPER | DL_TF_SENT_START))) {
        /* "This Week" (a programme), "Year of the Dragon": names, unless the
         * whole line is capitalised */
        if (i > 0 && !(tk(c, i - 1)->flags & DL_TF_CAP)) return i;
    }
    if ((k = tx_lex(c, i, TX_DAYUNITS, &e)) || (k = tx_lex(c, i, TX_UNITS, &e))) {
        *code = e->sval;
        *plural = true;
        return i + k;
    }
    if ((k = tx_lex(c, i, TX_DAYUNIT, &e)) || (k = tx_lex(c, i, TX_UNIT, &e))) {
        *code = e->sval;
        *plural = false;
        return i + k;
    }
    return i;
}

/* The shift unit of a calendar unit code ("W" -> 'W'), 0 for clock units. */
static char shift_unit(const char *code) {
    if (strcmp(code, "WE") == 0) return 'w';
    if (strcmp(code, "FN") == 0 || strcmp(code, "MIN") == 0 || strcmp(code, "H") == 0 || strcmp(code, "S") == 0 ||
        strcmp(code, "L") == 0)
        return 0;
    return code[0];
}

/* "P3D", "PT2H", "P2Y6M", "PXY": a duration value from an amount and unit. */
static void dur_value(char *out, size_t cap, double amount, bool x, const char *code) {
    bool clock = strcmp(code, "H") == 0 || strcmp(code, "MIN") == 0 || strcmp(code, "S") == 0;
    const char *u = strcmp(code, "MIN") == 0 ? "M" : code;
    long mult = 1;
    if (strcmp(code, "FN") == 0) u = "W", mult = 2;
    if (strcmp(code, "WE") == 0) u = "D", mult = 2;
    if (x) {
        /* TIMEX3 units for unknown amounts of decades and centuries */
        snprintf(out, cap, "P%sX%s", clock ? "T" : "", strcmp(code, "E") == 0 ? "E" : strcmp(code, "C") == 0 ? "C" : strcmp(code, "L") == 0 ? "L" : u);
        return;
    }
    if (strcmp(code, "E") == 0) u = "Y", mult = 10;
    if (strcmp(code, "C") == 0) u = "Y", mult = 100;
    if (strcmp(code, "L") == 0) u = "Y", mult = 1000;
    double a = amount * (double)mult;
    long whole = (long)a;
    double frac = a - (double)whole;
    if (frac < 1e-9) {
        snprintf(out, cap, "P%s%ld%s", clock ? "T" : "", whole, u);
        return;
    }
    /* a half: the next smaller unit */
    if (frac > 0.49 && frac < 0.51) {
        const char *sub = NULL;
        long subn = 0;
        bool subclock = clock;
        if (strcmp(u, "Y") == 0) sub = "M", subn = 6;
        else if (strcmp(u, "M") == 0 && !clock) sub = "D", subn = 15;
        else if (strcmp(u, "W") == 0) sub = "D", subn = 3; /* and a half day: kept simple */
        else if (strcmp(u, "D") == 0) sub = "H", subn = 12, subclock = true;
        else if (strcmp(code, "H") == 0) sub = "M", subn = 30;
        else if (strcmp(code, "MIN") == 0) sub = "S", subn = 30;
        if (sub) {
            char head[24] = "";
            if (whole) snprintf(head, sizeof head, "%ld%s", whole, u);
            snprintf(out, cap, "P%s%s%s%ld%s", clock ? "T" : "", head, subclock && !clock ? "T" : "", subn, sub);
            return;
        }
    }
    snprintf(out, cap, "P%s%g%s", clock ? "T" : "", a, u);
}

/* ---- calendar dates ---------------------------------------------------------- */

/* The date part after an optional weekday: ISO, numeric, month-day-year,
 * day-month-year, month-year, month alone. */
static size_t p_date_body(const tx_ctx *c, size_t i, tx_frame *f) {
    int nd, y, m, d;
    bool two;
    /* 2022-02-10 */
    long v = plain(c, i, &nd);
    if (v >= 1000 && nd == 4 && hyphen(c, i + 1) && hyphen(c, i + 3)) {
        long mm = plain(c, i + 2, &nd), dd;
        int nd2;
        if (mm >= 1 && mm <= 12 && nd == 2 && (dd = plain(c, i + 4, &nd2)) >= 1 && nd2 == 2 &&
            dd <= dl_days_in_month((int)v, (int)mm)) {
            f->year = (int16_t)v, f->month = (int16_t)mm, f->day = (int16_t)dd;
            return i + 5;
        }
    }
    /* 2/10/2022, 2/10/22 (US order unless impossible) */
    if (v >= 1 && v <= 31 && nd <= 2 && is(c, i + 1, "/") && glued(c, i + 1) && glued(c, i + 2) &&
        is(c, i + 3, "/") && glued(c, i + 3) && glued(c, i + 4)) {
        long a = v, b = plain(c, i + 2, NULL), yy = plain(c, i + 4, &nd);
        if (b >= 1 && b <= 31 && yy >= 0 && (nd == 4 || nd == 2)) {
            if (a > 12 && b <= 12) {
                long t = a;
                a = b, b = t;
            }
            if (nd == 2) yy += yy < 50 ? 2000 : 1900;
            if (a <= 12 && b <= dl_days_in_month((int)yy, (int)a)) {
                f->year = (int16_t)yy, f->month = (int16_t)a, f->day = (int16_t)b;
                return i + 5;
            }
        }
    }
    /* Month first: "Feb. 10, 2022", "February 10", "February 2022", "July of 1997" */
    size_t j = p_month(c, i, &m);
    if (j > i) {
        f->month = (int16_t)m;
        size_t k = p_monthday(c, j, &d);
        /* not a time ("May 10:30") nor a quantity ("March 10 million") */
        if (k > j && !(in(c, k) && (lex(c, k, TX_SCALE) || is(c, k, "%")))) {
            f->day = (int16_t)d;
            size_t e = k;
            if (is(c, e, ",")) e++;
            size_t ye = p_year(c, e, &y, &two, true);
            if (ye > e && !two) {
                f->year = (int16_t)y;
                return ye;
            }
            return k;
        }
        size_t e = j;
        if (is(c, e, ",") || is(c, e, "of")) e++;
        size_t ye = p_year(c, e, &y, &two, true);
        if (ye > e) {
            f->year = (int16_t)y;
            f->year2 = two;
            return ye;
        }
        return j;
    }
    /* Day first: "10 February 2022", "the 10th of February" */
    size_t s = i;
    if (is(c, s, "the")) s++;
    j = p_monthday(c, s, &d);
    if (j > s) {
        size_t k = j;
        if (is(c, k, "of")) k++;
        size_t me = p_month(c, k, &m);
        if (me > k) {
            f->day = (int16_t)d, f->month = (int16_t)m;
            size_t e = me;
            if (is(c, e, ",")) e++;
            size_t ye = p_year(c, e, &y, &two, true);
            if (ye > e && !two) {
                f->year = (int16_t)y;
                return ye;
            }
            return me;
        }
    }
    return i;
}

/* A year standing alone: "in 1990", "1990 sales".  Not an amount ("$1990",
 * "1990 shares" after a number word...). */
static size_t p_lone_year(const tx_ctx *c, size_t i, tx_frame *f) {
    int y;
    bool two;
    size_t j = p_year(c, i, &y, &two, i > 0 && (date_context(c, i) || is(c, i - 1, "year")));
    if (j == i || two) return i;
    if (i > 0) {
        const dl_token *p = &c->doc->tokens[i - 1];
        if (p->kind == DL_TOK_SYMBOL || (p->kind == DL_TOK_NUMBER) || is(c, i - 1, "no") || is(c, i - 1, "#") ||
            is(c, i - 1, "number") || is(c, i - 1, "route") || is(c, i - 1, "flight") || is(c, i - 1, "room"))
            return i;
    }
    if (in(c, j) && (is(c, j, "%") || is(c, j, "percent") || lex(c, j, TX_SCALE) ||
                     (tk(c, j)->kind == DL_TOK_NUMBER && glued(c, j))))
        return i;
    /* Digits between 1000 and 1899 are rarely years in news unless in a date context. */
    if (y < 1900 && !(i > 0 && date_context(c, i))) return i;
    f->year = (int16_t)y;
    return j;
}

/* fiscal 1989, fiscal year 1990, FY1990 */
static size_t p_fiscal_year(const tx_ctx *c, size_t i, tx_frame *f) {
    if (!is(c, i, "fiscal")) return i;
    size_t j = i + 1;
    if (is(c, j, "year")) j++;
    int y;
    bool two;
    size_t e = p_year(c, j, &y, &two, false);
    if (e == j) return i;
    f->year = (int16_t)y;
    f->year2 = two;
    return e;
}

/* ---- relative expressions --------------------------------------------------------- */

/* Deictic word at i: its offset, and whether it counts from the reference
 * date ("the previous day").  `the` says whether "the" came before. */
static size_t p_deictic(const tx_ctx *c, size_t i, bool the, int *off, bool *ref) {
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_DEICTIC, &e);
    if (!k) return i;
    *off = e->ival;
    const char *at = strchr(e->sval, '@');
    *ref = at && (strcmp(at, "@ref") == 0 || (strcmp(at, "@the") == 0 && the));
    return i + k;
}

/* A part of the day after a day: "morning", "night". */
static size_t p_pod(const tx_ctx *c, size_t i, tx_frame *f) {
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_POD, &e);
    if (!k) return i;
    memcpy(f->pod, e->sval, 2);
    f->pod[2] = 0;
    f->type = DL_TIMEX_TIME;
    return i + k;
}

/* A part of the day after a named day ("Friday night", "Feb. 10
 * evening") is part of the expression but not of its value: the
 * TempEval-3 convention dates it by the day. */
static size_t day_pod(const tx_ctx *c, size_t i, tx_frame *f) {
    tx_frame g = *f;
    return p_pod(c, i, &g);
}

/* Weekday with an optional deictic and part of day: "Thursday", "last
 * Friday", "the following Monday", "this coming Sunday", "Friday night". */
static size_t p_weekday(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    bool the = is(c, j, "the");
    if (the) j++;
    int off = 0;
    bool ref = false;
    size_t k = p_deictic(c, j, the, &off, &ref);
    bool has_deictic = k > j;
    if (!has_deictic && the) return i;
    int wd;
    size_t e = p_weekday_name(c, k, &wd, false);
    if (e == k) return i;
    f->weekday = (int8_t)wd;
    if (has_deictic) {
        f->dir = off < 0 ? DIR_LAST : off > 0 ? DIR_NEXT : DIR_THIS;
        f->dir_ref = ref;
    }
    return day_pod(c, e, f);
}

/* yesterday, today, tomorrow, tonight [+ part of day]; last night, this
 * morning. */
static size_t p_dayref(const tx_ctx *c, size_t i, tx_frame *f) {
    const tx_entry *e;
    size_t k;
    if ((k = tx_lex(c, i, TX_DAYREF, &e))) {
        f->unit = 'D';
        f->amount = (int16_t)e->ival;
        f->line = e->line;
        return p_pod(c, i + k, f);
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
        size_t dk = p_deictic(c, j, the, &o, &rf);
        if (dk > j && (rf || is(c, j, "that")) && !is(c, j, "this")) {
            tx_frame g = *f;
            size_t pe = p_pod(c, dk, &g);
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
    if ((k = p_deictic(c, i, false, &off, &ref)) > i && (is(c, i, "last") || is(c, i, "this"))) {
        size_t e2 = p_pod(c, k, f);
        if (e2 > k) {
            bool night = strcmp(f->pod, "NI") == 0;
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
static size_t p_deictic_unit(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    bool the = is(c, j, "the");
    if (the) j++;
    int off;
    bool ref;
    size_t k = p_deictic(c, j, the, &off, &ref);
    if (k == j) return i;
    /* "the this" is not English; "that" only after nothing */
    if (the && (is(c, j, "this") || is(c, j, "that"))) return i;
    size_t u = k;
    if (is(c, u, "fiscal") || is(c, u, "calendar")) u++;
    const char *code;
    bool plural;
    size_t e = p_unit(c, u, &code, &plural);
    if (e > u && !plural) {
        char su = shift_unit(code);
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
            size_t qe = p_ordinal(c, q, &o);
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
    if ((me = p_month(c, k, &m)) > k) {
        f->month = (int16_t)m;
        int d;
        size_t de = p_monthday(c, me, &d);
        if (de > me) f->day = (int16_t)d, me = de;
        return me;
    }
    if ((me = tx_lex(c, k, TX_SEASON, &en))) {
        static const char *const codes[] = {"SP", "SU", "FA", "WI"};
        for (int s = 0; s < 4; s++)
            if (strcmp(en->sval, codes[s]) == 0) f->season = (int8_t)(s + 1);
        return k + me;
    }
    f->dir = 0;
    f->dir_ref = false;
    return i;
}

/* N units ago / earlier / later / from now; "a year earlier", "two weeks
 * ago", "a few days ago" (PAST_REF).  `amount_end` is where the unit phrase
 * starts after the amount (see p_duration). */
static size_t p_shift_post(const tx_ctx *c, size_t e, tx_frame *f, double amount, bool x, const char *code) {
    char su = shift_unit(code);
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
        if (!su && (strcmp(code, "H") == 0 || strcmp(code, "MIN") == 0) && !from_ref) {
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

/* ---- durations ------------------------------------------------------------------ */

/* An amount: a number, "a", "a couple of", "several".  *x for vague ones. */
static size_t p_amount(const tx_ctx *c, size_t i, double *v, bool *x) {
    const tx_entry *e;
    size_t k;
    *x = false;
    if ((k = tx_lex(c, i, TX_COUPLE, &e))) {
        *v = e->ival;
        return i + k;
    }
    if ((k = tx_lex(c, i, TX_VAGUE, &e))) {
        /* "a few", "several": but not "some" before a number */
        if (is(c, i, "some") && (in(c, i + 1) && tk(c, i + 1)->kind == DL_TOK_NUMBER)) return i;
        *x = true;
        *v = 0;
        size_t j = i + k;
        /* "many more", "a few more" */
        if (is(c, j, "more")) j++;
        return j;
    }
    size_t j = p_card(c, i, v);
    if (j > i) return j;
    if ((k = tx_lex(c, i, TX_ONE, &e))) {
        /* "a hundred years" */
        if (tx_lex(c, i + k, TX_SCALE, &e)) {
            *v = e->ival;
            return i + k + 1;
        }
        *v = 1;
        return i + k;
    }
    return i;
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
        if (!strcmp(w, rates[k])) return false;
    /* a plural noun before: "flights a week", "seats a week" */
    return !(n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && !(p->flags & DL_TF_CAP) && strcmp(w, "was") &&
             strcmp(w, "is") && strcmp(w, "has") && strcmp(w, "as") && strcmp(w, "its") && strcmp(w, "this") &&
             strcmp(w, "us") && strcmp(w, "his") && strcmp(w, "lasts") && strcmp(w, "takes"));
}

/* Plural units without a number: "for years", "over the years", "the
 * weeks ahead", "the first hours", "the next days"; "day-long",
 * "decades-long". */
static size_t p_bare_plural(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    {
        const char *code;
        bool plural;
        size_t ue = p_unit(c, i, &code, &plural);
        if (ue > i && hyphen(c, ue) && is(c, ue + 1, "long")) {
            f->kind = FK_DUR;
            f->type = DL_TIMEX_DURATION;
            dur_value(f->value, sizeof f->value, 1, plural, code);
            return ue + 2;
        }
    }
    bool the = is(c, j, "the");
    if (the) j++;
    bool lead = false;
    int off;
    bool ref;
    size_t k = p_deictic(c, j, the, &off, &ref);
    if (the && k > j && !is(c, j, "that") && !is(c, j, "this")) lead = true, j = k;
    else if (the && (is(c, j, "first") || is(c, j, "early") || is(c, j, "final") || is(c, j, "last")))
        lead = true, j++;
    const char *code;
    bool plural;
    size_t ue = p_unit(c, j, &code, &plural);
    if (ue == j || !plural || strcmp(code, "S") == 0) return i;
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
    dur_value(f->value, sizeof f->value, 0, true, code);
    return end;
}

/* Durations: "three hours", "the past three years", "two-year", "a few
 * days", "2 1/2 years", "the first nine months".  Followed by "ago",
 * "earlier", "later", a duration becomes a date. */
static size_t p_duration(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    bool the = is(c, j, "the");
    if (the) j++;
    /* the past/next/first ... */
    int off = 0;
    bool ref = false, lead = false;
    size_t k = p_deictic(c, j, the, &off, &ref);
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
        size_t ae = p_amount(c, a, &amount, &x);
        if (ae == a) return i;
        one = lex(c, a, TX_ONE) && ae == a + 1;
        plain(c, a, &nd);
        a = ae;
        /* ranges: "two to three weeks", "12 to 18 months" */
        double a2;
        bool x2;
        size_t a2e;
        if ((is(c, a, "to") || is(c, a, "or") || (is(c, a, "-") && tk(c, a - 1)->kind == DL_TOK_NUMBER)) &&
            (a2e = p_amount(c, a + 1, &a2, &x2)) > a + 1) {
            const char *cd;
            bool pl;
            if (p_unit(c, a2e, &cd, &pl) > a2e) a = a2e;
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
    size_t e = p_unit(c, u, &code, &plural);
    if (e == u) return i;
    /* "the 1988 quarter": a year, not 1988 quarters */
    if (nd == 4 && amount >= 1000 && !plural) return i;
    /* "a second" is an ordinal more often than a unit */
    if (strcmp(code, "S") == 0 && !plural && (is(c, j, "a") || is(c, j, "the"))) return i;
    /* "a quarter of the shares", "three-quarters of its food" */
    if (strcmp(code, "Q") == 0 && (is(c, e, "of") || is(c, e, "-")) && (!plural || adj)) return i;
    if (strcmp(code, "WE") == 0 && !plural && amount <= 1 && !x) return i;
    /* "he will one day return": "one day" as "some day" */
    if (is(c, j, "one") && strcmp(code, "D") == 0 && !plural && !the && !adj && !duration_before(c, i)) return i;
    if (is(c, j, "one") && strcmp(code, "D") == 0 && !plural && !adj && word(c, e) && !capital(c, e) &&
        !is(c, e, "later") && !is(c, e, "earlier") && !is(c, e, "after") && !is(c, e, "before") &&
        !is(c, e, "ago") && !is(c, e, "of") && !is(c, e, "and") && !is(c, e, "or") && !is(c, e, "in"))
        return i;
    /* "four flights a week": a rate (p_set takes those after amounts) */
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
    dur_value(f->value, sizeof f->value, amount, x, code);
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
static size_t p_the_unit(const tx_ctx *c, size_t i, tx_frame *f) {
    if (!is(c, i, "the")) return i;
    size_t j = i + 1;
    if (is(c, j, "fiscal") || is(c, j, "full") || is(c, j, "calendar") || is(c, j, "whole") || is(c, j, "entire"))
        j++;
    const char *code;
    bool plural;
    size_t e = p_unit(c, j, &code, &plural);
    if (e == j || plural) return i;
    /* "the year 2000", "the year two thousand" */
    int y;
    bool two;
    size_t ye = p_year(c, e, &y, &two, true);
    if (is(c, j, "year") && ye > e && !two) {
        f->year = (int16_t)y;
        return ye;
    }
    char su = shift_unit(code);
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

/* ---- more relative forms ----------------------------------------------------- */

static size_t p_dayexpr(const tx_ctx *c, size_t i, tx_frame *f);

/* "the week of March 6", "the day before Tuesday", "the day after
 * Christmas" */
static size_t p_week_of(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    if (is(c, j, "the")) j++;
    bool week = is(c, j, "week") && is(c, j + 1, "of");
    bool before = is(c, j, "day") && (is(c, j + 1, "before") || is(c, j + 1, "after"));
    if (!week && !before) return i;
    tx_frame g;
    tx_frame_init(&g);
    size_t e = p_dayexpr(c, j + 2, &g);
    if (e == j + 2 || g.pod[0]) return i;
    *f = g;
    if (week) f->as_week = true;
    else f->day_shift = (int8_t)(is(c, j + 1, "before") ? -1 : 1);
    return e;
}

/* "year-end", "year end", "year's end" */
static size_t p_year_end(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    if (is(c, j, "the")) j++;
    if (!is(c, j, "year") || (tk(c, j)->flags & DL_TF_CAP && j > i)) return i;
    size_t e;
    if (hyphen(c, j + 1) && is(c, j + 2, "end")) e = j + 3;
    else if (is(c, j + 1, "end")) e = j + 2;
    else if (is(c, j + 1, "'s") && is(c, j + 2, "end")) e = j + 3;
    else return i;
    f->unit = 'Y';
    f->amount = 0;
    strcpy(f->mod, "END");
    return e;
}

/* "the latest period", "the current period", "the period": the period the
 * story is about (the last one mentioned) */
static size_t p_period_ref(const tx_ctx *c, size_t i, tx_frame *f) {
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
static size_t p_vague_duration(const tx_ctx *c, size_t i, tx_frame *f) {
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_VAGUEDUR, &e);
    if (!k) return i;
    f->kind = FK_DUR;
    f->type = DL_TIMEX_DURATION;
    snprintf(f->value, sizeof f->value, "%s", e->sval);
    f->line = e->line;
    return i + k;
}

/* ---- periods: quarters, halves, seasons, decades, centuries, holidays ---------- */

static size_t p_of_year(const tx_ctx *c, size_t i, tx_frame *f);

/* "the third quarter", "third-quarter", "the fourth quarter of 1990", "the
 * 1988 third quarter", "Q3", "the first half", "the fiscal first quarter". */
static size_t p_quarter(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    if (is(c, j, "the") || is(c, j, "its") || is(c, j, "their") || is(c, j, "a")) j++;
    int y;
    bool two;
    size_t ye = p_year(c, j, &y, &two, false);
    if (ye > j) f->year = (int16_t)y, f->year2 = two, j = ye;
    if (f->year >= 0 && j > i && is(c, i, "the") && (is(c, j, "quarter") || is(c, j, "period")) &&
        !is(c, j + 1, "of")) {
        /* "the 1988 quarter": the quarter under discussion, in 1988 */
        f->same_period = true;
        f->period = is(c, j, "quarter") ? 'Q' : 'P';
        return j + 1;
    }
    if (is(c, j, "fiscal")) j++;
    /* Q3 */
    const char *w = in(c, j) ? nm(c, j) : "";
    if (w[0] == 'q' && w[1] >= '1' && w[1] <= '4' && w[2] == 0) {
        f->quarter = (int16_t)(w[1] - '0');
        size_t e = j + 1;
        size_t ye2 = p_year(c, e, &y, &two, false);
        if (ye2 > e) f->year = (int16_t)y, f->year2 = two, e = ye2;
        return e;
    }
    int o;
    size_t oe = p_ordinal(c, j, &o);
    if (oe == j) return i;
    size_t k = oe;
    if (hyphen(c, k)) k++;
    if (is(c, k, "fiscal")) k++;
    if (is(c, k, "quarter") && (o >= 1 && o <= 4)) {
        if (o == -1) return i;
        f->quarter = (int16_t)o;
    } else if (is(c, k, "half") && ((o >= 1 && o <= 2) || o == -1)) {
        f->half = (int16_t)(o == -1 ? 2 : o);
    } else if (is(c, k, "quarter") && o == -1) {
        f->quarter = 4;
    } else {
        return i;
    }
    size_t e = k + 1;
    if (f->year < 0) e = p_of_year(c, e, f);
    return e;
}

/* "of 1990", "of this year", "of next year", "of the year", "last year",
 * "1990": the year of a quarter, month or season said before. */
static size_t p_of_year(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    bool of = is(c, j, "of");
    if (of) j++;
    if (is(c, j, "fiscal")) j++;
    int y;
    bool two;
    size_t e = p_year(c, j, &y, &two, true);
    if (e > j) {
        f->year = (int16_t)y;
        f->year2 = two;
        return e;
    }
    size_t s = j;
    bool the = is(c, s, "the");
    if (the) s++;
    int off;
    bool ref;
    size_t k = p_deictic(c, s, the, &off, &ref);
    if (k > s && is(c, k, "year")) {
        f->unit = 'Y';
        f->amount = (int16_t)off;
        f->from_ref = ref;
        if (off == 0 && ref) f->ref_period = true;
        return k + 1;
    }
    if (of && the && is(c, s, "year")) {
        f->unit = 'Y';
        f->from_ref = true;
        f->ref_period = true;
        return s + 1;
    }
    return i;
}

static size_t p_season(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    bool the = is(c, j, "the");
    if (the) j++;
    const tx_entry *e;
    size_t k = tx_lex(c, j, TX_SEASON, &e);
    if (!k) return i;
    static const char *const codes[] = {"SP", "SU", "FA", "WI"};
    int s = 0;
    for (int q = 0; q < 4; q++)
        if (strcmp(e->sval, codes[q]) == 0) s = q + 1;
    size_t end = j + k;
    tx_frame g = *f;
    g.season = (int8_t)s;
    size_t ye = p_of_year(c, end, &g);
    /* a bare season word needs a date context: "fall" is also a verb */
    if (ye == end) {
        if (!the && !(j > 0 && date_context(c, j))) return i;
        if (is(c, end, "of") || (in(c, end) && tk(c, end)->kind == DL_TOK_WORD && strcmp(e->sval, "FA") == 0 &&
                                 !the))
            return i;
        if (strcmp(e->sval, "FA") == 0 && is(c, end, "of")) return i;
    }
    *f = g;
    return ye;
}

/* 1990s, the '90s, the nineties, the 20th century, the 11th century */
static size_t p_decade(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    if (is(c, j, "the")) j++;
    if (!in(c, j)) return i;
    const char *w = nm(c, j);
    size_t n = strlen(w);
    /* 1990s */
    if (n == 5 && w[4] == 's' && dl_isdigit((unsigned char)w[0]) && dl_isdigit((unsigned char)w[3]) && w[3] == '0') {
        f->decade = (int16_t)atoi(w) / 10;
        if (f->decade < 100) return i;
        return j + 1;
    }
    /* 1990's after "the" */
    if (n == 4 && w[3] == '0' && is(c, j + 1, "'s") && j > i) {
        long v = plain(c, j, NULL);
        if (v >= 1000 && v <= 2190) {
            f->decade = (int16_t)(v / 10);
            return j + 2;
        }
    }
    /* '90s */
    if (tk(c, j)->kind == DL_TOK_QUOTE && in(c, j + 1) && glued(c, j + 1)) {
        const char *d = nm(c, j + 1);
        if (strlen(d) == 3 && dl_isdigit((unsigned char)d[0]) && d[1] == '0' && d[2] == 's') {
            f->decade = (int16_t)(190 + (d[0] - '0'));
            f->year2 = true; /* the century is a guess */
            return j + 2;
        }
    }
    /* the nineties */
    static const char *const tens[] = {"twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                                       "eighties", "nineties"};
    if (j > i)
        for (int t = 0; t < 8; t++)
            if (strcmp(w, tens[t]) == 0) {
                f->decade = (int16_t)(192 + t);
                f->year2 = true;
                return j + 1;
            }
    /* the 20th century */
    int o;
    size_t oe = p_ordinal(c, j, &o);
    if (oe > j && o >= 1 && o <= 22 && (is(c, oe, "century") || (hyphen(c, oe) && is(c, oe + 1, "century")))) {
        f->century = (int16_t)(o - 1);
        return is(c, oe, "century") ? oe + 1 : oe + 2;
    }
    return i;
}

/* Christmas, Thanksgiving, Easter [YEAR]; "Easter week" */
static size_t p_holiday(const tx_ctx *c, size_t i, tx_frame *f) {
    if (!in(c, i) || !capital(c, i)) return i;
    const tx_entry *e;
    size_t k;
    if ((k = tx_lex(c, i, TX_HOLIDAY, &e))) {
        f->month = (int16_t)atoi(e->sval);
        f->day = (int16_t)atoi(e->sval + 3);
    } else if ((k = tx_lex(c, i, TX_NTHDAY, &e))) {
        /* MM-W-N; N may be -1; E: election day */
        const char *s = e->sval;
        f->hol_month = (int8_t)atoi(s);
        f->hol_weekday = (int8_t)atoi(s + 3);
        if (s[5] == 'E') f->hol = HOL_ELECTION;
        else f->hol = HOL_NTH, f->hol_n = (int8_t)atoi(s + 5);
    } else if ((k = tx_lex(c, i, TX_EASTER, &e))) {
        f->hol = HOL_EASTER;
        f->hol_n = (int8_t)e->ival;
    } else {
        return i;
    }
    f->line = e->line;
    size_t j = i + k;
    if (tx_lex(c, j, TX_HOLWEEK, NULL) && capital(c, i)) {
        f->hol_week = true;
        j += tx_lex(c, j, TX_HOLWEEK, NULL);
    }
    return p_of_year(c, j, f);
}

/* ---- clock times -------------------------------------------------------------- */

static bool meridiem(const tx_ctx *c, size_t i, bool *pm) {
    if (!in(c, i)) return false;
    const char *w = nm(c, i);
    if (!strcmp(w, "a.m.") || !strcmp(w, "a.m") || !strcmp(w, "am")) return *pm = false, true;
    if (!strcmp(w, "p.m.") || !strcmp(w, "p.m") || !strcmp(w, "pm")) return *pm = true, true;
    return false;
}

/* "10:35 a.m. EST", "5 p.m.", "noon", "midnight", "4 o'clock", "1430 GMT" */
static size_t p_clock(const tx_ctx *c, size_t i, int *h, int *m) {
    if (!in(c, i)) return i;
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_CLOCK, &e);
    size_t j;
    bool pm, have_mer = false;
    /* "High Noon" (a title), "high noon" (a figure of speech) */
    if (k && i > 0 && (is(c, i - 1, "high") || (capital(c, i) && !(tk(c, i)->flags & DL_TF_SENT_START) &&
                                                 capital(c, i - 1) && word(c, i - 1))))
        return i;
    if (k) {
        *h = atoi(e->sval);
        *m = atoi(e->sval + 3);
        j = i + k;
    } else {
        const char *w = nm(c, i);
        const char *colon = strchr(w, ':');
        if (tk(c, i)->kind != DL_TOK_NUMBER) return i;
        if (colon) {
            int hh = atoi(w), mm = atoi(colon + 1);
            if (colon - w > 2 || strlen(colon + 1) != 2 || hh > 24 || mm > 59) return i;
            *h = hh, *m = mm;
            j = i + 1;
            have_mer = meridiem(c, j, &pm);
            /* "10:35" alone is often a score or a ratio: require a clue */
            if (!have_mer && !lex(c, j, TX_ZONE) && !(i > 0 && (is(c, i - 1, "at") || is(c, i - 1, "by") ||
                                                                 is(c, i - 1, "until") || is(c, i - 1, "from"))))
                return i;
        } else {
            int nd;
            long v = plain(c, i, &nd);
            if (v < 0) return i;
            j = i + 1;
            have_mer = meridiem(c, j, &pm);
            if (have_mer && v >= 1 && v <= 12) {
                *h = (int)v, *m = 0;
            } else if (is(c, j, "o'clock") && v >= 1 && v <= 12) {
                *h = (int)v, *m = 0;
                j++;
            } else if (v >= 1 && v <= 12 && nd <= 2 && is(c, j, "in") && is(c, j + 1, "the") &&
                       tx_lex(c, j + 2, TX_POD, NULL)) {
                *h = (int)v, *m = 0; /* "4 in the morning": the part of day below */
            } else if (nd == 4 && v % 100 < 60 && v / 100 < 24 && lex(c, j, TX_ZONE) && capital(c, j)) {
                *h = (int)(v / 100), *m = (int)(v % 100);
            } else {
                return i;
            }
        }
    }
    if (have_mer) {
        if (pm && *h < 12) *h += 12;
        if (!pm && *h == 12) *h = 0;
        j++;
    }
    if (lex(c, j, TX_ZONE) && (tk(c, j)->flags & DL_TF_UPPER)) j += tx_lex(c, j, TX_ZONE, NULL);
    /* "4 in the morning" */
    if (is(c, j, "in") && is(c, j + 1, "the") && !have_mer && !k) {
        tx_frame tmp;
        tx_frame_init(&tmp);
        size_t pe = p_pod(c, j + 2, &tmp);
        if (pe > j + 2) {
            if ((strcmp(tmp.pod, "AF") == 0 || strcmp(tmp.pod, "EV") == 0 || strcmp(tmp.pod, "NI") == 0) && *h < 12 &&
                *h >= 1 && !(strcmp(tmp.pod, "NI") == 0 && *h <= 4))
                *h += 12;
            j = pe;
        }
    }
    return j;
}

/* A clock time, optionally with its day: "5 p.m. EST, Nov. 6", "10 p.m.
 * Wednesday", "noon Thursday". */
static size_t p_time(const tx_ctx *c, size_t i, tx_frame *f) {
    int h, m;
    size_t j = p_clock(c, i, &h, &m);
    if (j == i) return i;
    f->type = DL_TIMEX_TIME;
    f->unit = 'D';
    f->from_ref = true; /* the day under discussion, unless said */
    f->ref_period = true;
    size_t k = j;
    if (is(c, k, ",")) k++;
    tx_frame g;
    tx_frame_init(&g);
    size_t de = p_dayexpr(c, k, &g);
    if (de > k && !g.pod[0]) {
        *f = g;
        j = de;
    }
    f->type = DL_TIMEX_TIME;
    f->hour = (int8_t)h;
    f->minute = (int8_t)m;
    return j;
}

/* A day: date, weekday or yesterday/today/tomorrow. */
static size_t p_dayexpr(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t e;
    tx_frame g;
    tx_frame_init(&g);
    if ((e = p_dayref(c, i, &g)) > i) return *f = g, e;
    tx_frame_init(&g);
    int wd = 0;
    size_t w = p_weekday_name(c, i, &wd, true), s = w;
    if (w > i && is(c, s, ",")) s++;
    if ((e = p_date_body(c, s, &g)) > s && g.day > 0) {
        if (w > i) g.weekday = (int8_t)wd;
        return *f = g, e;
    }
    tx_frame_init(&g);
    if ((e = p_weekday(c, i, &g)) > i) return *f = g, e;
    return i;
}

/* "the morning", "the night of Feb. 10" */
static size_t p_the_pod(const tx_ctx *c, size_t i, tx_frame *f) {
    if (!is(c, i, "the")) return i;
    size_t e = p_pod(c, i + 1, f);
    if (e == i + 1) return i;
    if (is(c, e, "of")) {
        tx_frame g;
        tx_frame_init(&g);
        size_t de = p_dayexpr(c, e + 1, &g);
        if (de > e + 1) {
            memcpy(g.pod, f->pod, sizeof g.pod);
            g.type = DL_TIMEX_TIME;
            *f = g;
            return de;
        }
        return i;
    }
    f->unit = 'D';
    f->from_ref = true;
    f->ref_period = true;
    return e;
}

/* ---- sets ------------------------------------------------------------------ */

static size_t p_set(const tx_ctx *c, size_t i, tx_frame *f) {
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_SETWORD, &e);
    if (k && k == 1 && in(c, i + 1) && tk(c, i + 1)->kind == DL_TOK_WORD && capital(c, i + 1) &&
        !(tk(c, i + 1)->flags & DL_TF_SENT_START))
        k = 0; /* "the party daily Granma": a newspaper */
    if (k) {
        f->kind = FK_SET;
        f->type = DL_TIMEX_SET;
        snprintf(f->value, sizeof f->value, "%s", e->sval);
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
    size_t we = p_weekday_name(c, i, &wd, false);
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
        size_t ne = p_card(c, j, &v);
        if (ne > j && !other) n = v, j = ne;
        const char *code;
        bool plural;
        size_t ue = p_unit(c, j, &code, &plural);
        f->kind = FK_SET;
        f->type = DL_TIMEX_SET;
        if (ue > j && !(is(c, ue, "of"))) {
            dur_value(f->value, sizeof f->value, n, false, code);
            return ue;
        }
        int m;
        size_t me;
        if ((me = p_weekday_name(c, j, &wd, false)) > j) {
            snprintf(f->value, sizeof f->value, "XXXX-WXX-%d", wd);
            return me;
        }
        if ((me = p_month(c, j, &m)) > j) {
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
        size_t ue = p_unit(c, i + k, &code, &plural);
        if (ue == i + k || plural) return i;
        const dl_token *p = &c->doc->tokens[i - 1];
        const char *pw = nm(c, i - 1);
        bool rate = p->kind == DL_TOK_NUMBER || p->kind == DL_TOK_SYMBOL || !strcmp(pw, "percent") ||
                    !strcmp(pw, "times") || !strcmp(pw, "twice") || !strcmp(pw, "once") || !strcmp(pw, "thrice") ||
                    !strcmp(pw, "million") || !strcmp(pw, "billion") || !strcmp(pw, "share") ||
                    !strcmp(pw, "trillion") || !strcmp(pw, "dollars") || !strcmp(pw, "cents") ||
                    !strcmp(pw, "hundred") || !strcmp(pw, "thousand") || !strcmp(pw, "is") || !strcmp(pw, "are");
        if (is(c, i, "per")) rate = true;
        if (!rate) return i;
        if (is(c, ue, "ago") || is(c, ue, "earlier") || is(c, ue, "later") || is(c, ue, "or") || is(c, ue, "and")) return i;
        f->kind = FK_SET;
        f->type = DL_TIMEX_SET;
        dur_value(f->value, sizeof f->value, 1, false, code);
        return ue;
    }
    return i;
}

/* ---- reference words -------------------------------------------------------- */

static size_t p_ref(const tx_ctx *c, size_t i, tx_frame *f) {
    const tx_entry *e;
    size_t k;
    /* "recent years" (PAST_REF), "recent weeks" (a duration), "coming months" */
    size_t j = i;
    if (is(c, j, "the")) j++;
    if ((k = tx_lex(c, j, TX_RECENTUNITS, &e)) || (k = tx_lex(c, j, TX_COMINGUNITS, &e))) {
        const char *code;
        bool plural;
        size_t ue = p_unit(c, j + k, &code, &plural);
        if (ue > j + k && plural) {
            bool recent = e->cls == TX_RECENTUNITS;
            char su = shift_unit(code);
            if (recent && su != 'Y' && su != 'E' && su != 'C') {
                f->kind = FK_DUR;
                f->type = DL_TIMEX_DURATION;
                dur_value(f->value, sizeof f->value, 0, true, code);
            } else {
                f->kind = FK_REF;
                snprintf(f->value, sizeof f->value, "%s", e->sval);
            }
            f->line = e->line;
            return ue;
        }
    }
    k = tx_lex(c, i, TX_REF, &e);
    if (!k) return i;
    const char *w = nm(c, i);
    /* "current" and "recent" qualify a noun; "now" must not be "now-defunct" */
    if ((!strcmp(w, "current") || !strcmp(w, "recent")) && k == 1 &&
        !(word(c, i + 1) && !capital(c, i + 1) && !lex(c, i + 1, TX_UNIT)))
        return i;
    if (!strcmp(w, "now") && k == 1 && hyphen(c, i + 1)) return i;
    f->kind = FK_REF;
    snprintf(f->value, sizeof f->value, "%s", e->sval);
    f->line = e->line;
    return i + k;
}

/* ---- "a year earlier" adjectives ------------------------------------------- */

/* [the] [comparable|same|corresponding] year-earlier|year-ago [third]
 * [quarter|period]; "the same period last year". */
static size_t p_year_earlier(const tx_ctx *c, size_t i, tx_frame *f) {
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
    size_t oe = p_ordinal(c, e, &o);
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
    size_t ne = p_card(c, e, &v);
    if (ne > e && is(c, ne, "months") && the) {
        tx_frame_init(f);
        f->kind = FK_DUR;
        f->type = DL_TIMEX_DURATION;
        dur_value(f->value, sizeof f->value, v, false, "M");
        return ne + 1;
    }
    return e;
}

/* ---- putting it together ----------------------------------------------------- */

typedef size_t (*parser)(const tx_ctx *, size_t, tx_frame *);

static const parser cores[] = {
    p_time, p_dayref, p_weekday, p_deictic_unit, p_year_earlier, p_quarter, p_season, p_decade,
    p_holiday, p_duration, p_bare_plural, p_set, p_ref, p_the_pod, p_the_unit, p_fiscal_year,
    p_week_of, p_year_end, p_period_ref, p_vague_duration,
};

/* A calendar date with an optional weekday: "Thursday, Feb. 10". */
static size_t p_date(const tx_ctx *c, size_t i, tx_frame *f) {
    int wd = 0;
    size_t w = p_weekday_name(c, i, &wd, true), s = w;
    if (w > i && is(c, s, ",")) s++;
    size_t e;
    if (w > i && (e = p_date_body(c, s, f)) > s) {
        f->weekday = (int8_t)wd;
        return e;
    }
    tx_frame_init(f);
    e = p_date_body(c, i, f);
    if (e > i && f->year < 0 && f->day < 0) {
        /* "June last year", "January this year", "April of next year" */
        e = p_of_year(c, e, f);
    }
    if (e > i && f->day > 0) {
        /* "Feb. 10 morning" is rare; "the morning of" is handled elsewhere */
    }
    if (e == i) e = p_lone_year(c, i, f);
    return e;
}

/* The longest core at i. */
static size_t core_at(const tx_ctx *c, size_t i, tx_frame *out) {
    size_t best = i;
    tx_frame f;
    tx_frame_init(&f);
    size_t e = p_date(c, i, &f);
    if (e > best) best = e, *out = f;
    for (size_t k = 0; k < sizeof cores / sizeof *cores; k++) {
        tx_frame_init(&f);
        e = cores[k](c, i, &f);
        if (e > best) best = e, *out = f;
    }
    /* a day with a part of day after it: "Friday morning", "yesterday
     * afternoon"; a time after a day is a separate expression */
    if (best > i && out->kind == FK_CAL && !out->pod[0] && out->hour < 0 &&
        (out->weekday || (out->unit == 'D' && !out->from_ref) || out->day > 0)) {
        size_t pe = out->unit == 'D' ? p_pod(c, best, out) : day_pod(c, best, out);
        if (pe > best) best = pe;
    }
    return best;
}

/* Classes whose words can be a whole expression. */
#define CLS(k) (1ull << (k))
static const uint64_t STANDALONE =
    CLS(TX_MONTH) | CLS(TX_WEEKDAY) | CLS(TX_WEEKDAYS) | CLS(TX_SEASON) | CLS(TX_SEASONS) | CLS(TX_POD) |
    CLS(TX_CLOCK) | CLS(TX_DAYREF) | CLS(TX_NIGHTREF) | CLS(TX_REF) | CLS(TX_SETWORD) | CLS(TX_HOLIDAY) |
    CLS(TX_NTHDAY) | CLS(TX_EASTER) | CLS(TX_UNIT) | CLS(TX_UNITS) | CLS(TX_VAGUEDUR) | CLS(TX_LEAD);

size_t tx_match_at(const tx_ctx *c, size_t i, tx_frame *out) {
    if (!in(c, i)) return i;
    const dl_token *t = tk(c, i);
    /* quick rejection: an expression starts with a number, a quote ('90s)
     * or a word of data/timex.txt */
    if (t->kind != DL_TOK_WORD && t->kind != DL_TOK_NUMBER && t->kind != DL_TOK_QUOTE) return i;
    if (t->kind == DL_TOK_WORD && !c->mask[i]) return i;
    /* "the", "a", "about"... before an ordinary word: only a word that is an
     * expression by itself ("now", "yesterday") or a phrase of several words
     * ("a while", "the day before yesterday") can start here */
    if (t->kind == DL_TOK_WORD && in(c, i + 1) && tk(c, i + 1)->kind == DL_TOK_WORD && !c->mask[i + 1] &&
        !(c->mask[i] & STANDALONE)) {
        bool phrase = false;
        for (int k = 0; k < TX_N_CLASSES && !phrase; k++)
            if ((c->mask[i] >> k) & 1) phrase = tx_lex(c, i, (tx_class)k, NULL) > 1;
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
        size_t pe = p_pod(c, core_start, &f);
        if (pe > core_start) {
            tx_frame g;
            tx_frame_init(&g);
            size_t de = p_dayexpr(c, pe, &g);
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
            snprintf(out->mod, sizeof out->mod, "%s", pmod);
            if (mod[0] && !out->mod[0]) snprintf(out->mod, sizeof out->mod, "%s", mod);
            return end;
        }
    }
    /* without the position modifier */
    end = core_at(c, j, &f);
    if (end > j) {
        *out = f;
        if (mod[0]) snprintf(out->mod, sizeof out->mod, "%s", mod);
        /* a quantity modifier belongs to amounts, not to calendar names */
        if (j > i && f.kind != FK_DUR && !(f.kind == FK_CAL && f.unit && f.amount != 0) && f.kind != FK_REF) {
            if (!(f.kind == FK_CAL && (f.day > 0 || f.hour >= 0))) return core_at(c, i, out);
        }
        return end;
    }
    if (j > i) return core_at(c, i, out);
    return i;
}

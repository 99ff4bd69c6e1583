/* words.c - the smallest pieces of time expressions: numbers in digits and
 * words, ordinals, years, month and weekday names, days of the month, units,
 * deictic words ("last", "next"), parts of the day, amounts, and TIMEX3
 * duration values. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "grammar.h"

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

/* A tx_plain number token without separators ("1990", not "1,990"). */
long tx_plain(const tx_ctx *c, size_t i, int *ndig) {
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
size_t tx_ordinal(const tx_ctx *c, size_t i, int *v) {
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
size_t tx_card(const tx_ctx *c, size_t i, double *v) {
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
size_t tx_year(const tx_ctx *c, size_t i, int *y, bool *two, bool spelled) {
    int nd;
    long d = tx_plain(c, i, &nd);
    *two = false;
    if (d >= 1000 && d <= 2199 && nd == 4) {
        *y = (int)d;
        return i + 1;
    }
    /* '98 */
    if (in(c, i) && tk(c, i)->kind == DL_TOK_QUOTE && in(c, i + 1) && glued(c, i + 1) &&
        (d = tx_plain(c, i + 1, &nd)) >= 0 && nd == 2) {
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
        size_t m = tx_card(c, j, &v);
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
        size_t m = tx_card(c, j, &v);
        if (m == j || v >= 100) m = i + k + 1, v = 0;
        *y = 2000 + (int)v;
        return m;
    }
    return i;
}

/* Words before which a bare month name or a spelled year is a date. */
bool tx_date_context(const tx_ctx *c, size_t i) {
    if (i == 0) return false;
    static const char *const before[] = {"in", "since", "until", "till", "by", "during", "early", "late", "mid",
                                         "-", "of", "last", "next", "this", "from", "through", "to", "before",
                                         "after", "between", "on", "and", "or", "last", "past", "that",
                                         "throughout", "into", "for", "each", "every", "around", "about",
                                         "year", "month", "end", "beginning", "middle", "start"};
    const char *w = nm(c, i - 1);
    for (size_t k = 0; k < sizeof before / sizeof *before; k++)
        if (w[0] == before[k][0] && dl_streq(w, before[k])) return true;
    return false;
}

/* A month name at i (with its period if split off): returns the end. */
size_t tx_month(const tx_ctx *c, size_t i, int *m) {
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_MONTH, &e);
    if (!k || !capital(c, i)) return i;
    const dl_token *t = tk(c, i);
    size_t j = i + k;
    const char *w = nm(c, i);
    bool full = strlen(w) > 4 || dl_streq(w, "june") || dl_streq(w, "july") || dl_streq(w, "may");
    bool abbrev_period = (t->flags & DL_TF_ABBREV) != 0;
    if (!full && !abbrev_period && is(c, j, ".") && glued(c, j)) {
        abbrev_period = true;
        j++;
    }
    bool number_next = in(c, j) && tk(c, j)->kind == DL_TOK_NUMBER;
    bool number_before = i > 0 && tk(c, i - 1)->kind == DL_TOK_NUMBER;
    if (!full && !abbrev_period && !number_next) return i;
    /* "May" and "March" are also a verb and a modal */
    if ((dl_streq(w, "may") || dl_streq(w, "march")) && !number_next && !number_before && !tx_date_context(c, i))
        return i;
    if (dl_streq(w, "may") && (tk(c, i)->flags & DL_TF_SENT_START) && !number_next) return i;
    *m = e->ival;
    return j;
}

/* A weekday name; abbreviations ("Thu.") only when `abbrev_ok`. */
size_t tx_weekday_name(const tx_ctx *c, size_t i, int *wd, bool abbrev_ok) {
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
size_t tx_monthday(const tx_ctx *c, size_t i, int *d) {
    int nd;
    long v = tx_plain(c, i, &nd);
    if (v >= 1 && v <= 31 && nd <= 2) {
        *d = (int)v;
        return i + 1;
    }
    int o;
    size_t j = tx_ordinal(c, i, &o);
    if (j > i && o >= 1 && o <= 31) {
        *d = o;
        return j;
    }
    return i;
}

/* A unit word: returns the end; *code the unit code (see timex.txt),
 * *plural whether it was plural. */
size_t tx_unit(const tx_ctx *c, size_t i, const char **code, bool *plural) {
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
char tx_shift_unit(const char *code) {
    if (dl_streq(code, "WE")) return 'w';
    if (dl_streq(code, "FN") || dl_streq(code, "MIN") || dl_streq(code, "H") || dl_streq(code, "S") ||
        dl_streq(code, "L"))
        return 0;
    return code[0];
}

/* "P3D", "PT2H", "P2Y6M", "PXY": a duration value from an amount and unit. */
void tx_dur_value(char *out, size_t cap, double amount, bool x, const char *code) {
    bool clock = dl_streq(code, "H") || dl_streq(code, "MIN") || dl_streq(code, "S");
    const char *u = dl_streq(code, "MIN") ? "M" : code;
    long mult = 1;
    if (dl_streq(code, "FN")) u = "W", mult = 2;
    if (dl_streq(code, "WE")) u = "D", mult = 2;
    if (x) {
        /* TIMEX3 units for unknown amounts of decades and centuries */
        snprintf(out, cap, "P%sX%s", clock ? "T" : "", dl_streq(code, "E") ? "E" : dl_streq(code, "C") ? "C" : dl_streq(code, "L") ? "L" : u);
        return;
    }
    if (dl_streq(code, "E")) u = "Y", mult = 10;
    if (dl_streq(code, "C")) u = "Y", mult = 100;
    if (dl_streq(code, "L")) u = "Y", mult = 1000;
    double a = amount * (double)mult;
    long whole = (long)a;
    double frac = a - (double)whole;
    if (frac < 1e-9) {
        if (whole >= 0 && whole < 1000000000 && strlen(u) < 8) { /* as snprintf writes it, without it */
            char t[24], digits[10], *p = t;
            size_t nd = 0;
            *p++ = 'P';
            if (clock) *p++ = 'T';
            do digits[nd++] = (char)('0' + whole % 10);
            while (whole /= 10);
            while (nd) *p++ = digits[--nd];
            strcpy(p, u);
            dl_strlcpy(out, t, cap);
            return;
        }
        snprintf(out, cap, "P%s%ld%s", clock ? "T" : "", whole, u);
        return;
    }
    /* a half: the next smaller unit */
    if (frac > 0.49 && frac < 0.51) {
        const char *sub = NULL;
        long subn = 0;
        bool subclock = clock;
        if (dl_streq(u, "Y")) sub = "M", subn = 6;
        else if (dl_streq(u, "M") && !clock) sub = "D", subn = 15;
        else if (dl_streq(u, "W")) sub = "D", subn = 3; /* and a half day: kept simple */
        else if (dl_streq(u, "D")) sub = "H", subn = 12, subclock = true;
        else if (dl_streq(code, "H")) sub = "M", subn = 30;
        else if (dl_streq(code, "MIN")) sub = "S", subn = 30;
        if (sub) {
            char head[24] = "";
            if (whole) snprintf(head, sizeof head, "%ld%s", whole, u);
            snprintf(out, cap, "P%s%s%s%ld%s", clock ? "T" : "", head, subclock && !clock ? "T" : "", subn, sub);
            return;
        }
    }
    snprintf(out, cap, "P%s%g%s", clock ? "T" : "", a, u);
}

/* Deictic word at i: its offset, and whether it counts from the reference
 * date ("the previous day").  `the` says whether "the" came before. */
size_t tx_deictic(const tx_ctx *c, size_t i, bool the, int *off, bool *ref) {
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_DEICTIC, &e);
    if (!k) return i;
    *off = e->ival;
    const char *at = strchr(e->sval, '@');
    *ref = at && (dl_streq(at, "@ref") || (dl_streq(at, "@the") && the));
    return i + k;
}

/* A part of the day after a day: "morning", "night". */
size_t tx_pod(const tx_ctx *c, size_t i, tx_frame *f) {
    const tx_entry *e;
    size_t k = tx_lex(c, i, TX_POD, &e);
    if (!k) return i;
    memcpy(f->pod, e->sval, 2);
    f->pod[2] = 0;
    f->type = DL_TIMEX_TIME;
    return i + k;
}

/* An amount: a number, "a", "a couple of", "several".  *x for vague ones. */
size_t tx_amount(const tx_ctx *c, size_t i, double *v, bool *x) {
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
    size_t j = tx_card(c, i, v);
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

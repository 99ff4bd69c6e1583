/* dates.c - calendar expressions: dates in every news style ("Feb. 10,
 * 2022", "10 February", "2022-02-10", "2/10/2022"), years, weekdays,
 * quarters and halves, seasons, decades and centuries, holidays, clock times
 * with their day ("5 p.m. EST, Nov. 6"), "the week of ...". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "grammar.h"

static size_t p_of_year(const tx_ctx *c, size_t i, tx_frame *f);

/* The date part after an optional weekday: ISO, numeric, month-day-year,
 * day-month-year, month-year, month alone. */
static size_t p_date_body(const tx_ctx *c, size_t i, tx_frame *f) {
    int nd, y, m, d;
    bool two;
    /* 2022-02-10 */
    long v = tx_plain(c, i, &nd);
    if (v >= 1000 && nd == 4 && hyphen(c, i + 1) && hyphen(c, i + 3)) {
        long mm = tx_plain(c, i + 2, &nd), dd;
        int nd2;
        if (mm >= 1 && mm <= 12 && nd == 2 && (dd = tx_plain(c, i + 4, &nd2)) >= 1 && nd2 == 2 &&
            dd <= dl_days_in_month((int)v, (int)mm)) {
            f->year = (int16_t)v, f->month = (int16_t)mm, f->day = (int16_t)dd;
            return i + 5;
        }
    }
    /* 2/10/2022, 2/10/22 (US order unless impossible) */
    if (v >= 1 && v <= 31 && nd <= 2 && is(c, i + 1, "/") && glued(c, i + 1) && glued(c, i + 2) &&
        is(c, i + 3, "/") && glued(c, i + 3) && glued(c, i + 4)) {
        long a = v, b = tx_plain(c, i + 2, NULL), yy = tx_plain(c, i + 4, &nd);
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
    size_t j = tx_month(c, i, &m);
    if (j > i) {
        f->month = (int16_t)m;
        size_t k = tx_monthday(c, j, &d);
        /* not a time ("May 10:30") nor a quantity ("March 10 million") */
        if (k > j && !(in(c, k) && (lex(c, k, TX_SCALE) || is(c, k, "%")))) {
            f->day = (int16_t)d;
            size_t e = k;
            if (is(c, e, ",")) e++;
            size_t ye = tx_year(c, e, &y, &two, true);
            if (ye > e && !two) {
                f->year = (int16_t)y;
                return ye;
            }
            return k;
        }
        size_t e = j;
        if (is(c, e, ",") || is(c, e, "of")) e++;
        size_t ye = tx_year(c, e, &y, &two, true);
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
    j = tx_monthday(c, s, &d);
    if (j > s) {
        size_t k = j;
        if (is(c, k, "of")) k++;
        size_t me = tx_month(c, k, &m);
        if (me > k) {
            f->day = (int16_t)d, f->month = (int16_t)m;
            size_t e = me;
            if (is(c, e, ",")) e++;
            size_t ye = tx_year(c, e, &y, &two, true);
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
    size_t j = tx_year(c, i, &y, &two, i > 0 && (tx_date_context(c, i) || is(c, i - 1, "year")));
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
    if (y < 1900 && !(i > 0 && tx_date_context(c, i))) return i;
    f->year = (int16_t)y;
    return j;
}

/* fiscal 1989, fiscal year 1990, FY1990 */
size_t tx_fiscal_year(const tx_ctx *c, size_t i, tx_frame *f) {
    if (!is(c, i, "fiscal")) return i;
    size_t j = i + 1;
    if (is(c, j, "year")) j++;
    int y;
    bool two;
    size_t e = tx_year(c, j, &y, &two, false);
    if (e == j) return i;
    f->year = (int16_t)y;
    f->year2 = two;
    return e;
}

/* A part of the day after a named day ("Friday night", "Feb. 10
 * evening") is part of the expression but not of its value: the
 * TempEval-3 convention dates it by the day. */
size_t tx_day_pod(const tx_ctx *c, size_t i, tx_frame *f) {
    tx_frame g = *f;
    return tx_pod(c, i, &g);
}

/* Weekday with an optional deictic and part of day: "Thursday", "last
 * Friday", "the following Monday", "this coming Sunday", "Friday night". */
size_t tx_weekday(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    bool the = is(c, j, "the");
    if (the) j++;
    int off = 0;
    bool ref = false;
    size_t k = tx_deictic(c, j, the, &off, &ref);
    bool has_deictic = k > j;
    if (!has_deictic && the) return i;
    int wd;
    size_t e = tx_weekday_name(c, k, &wd, false);
    if (e == k) return i;
    f->weekday = (int8_t)wd;
    if (has_deictic) {
        f->dir = off < 0 ? DIR_LAST : off > 0 ? DIR_NEXT : DIR_THIS;
        f->dir_ref = ref;
    }
    return tx_day_pod(c, e, f);
}

/* "the third quarter", "third-quarter", "the fourth quarter of 1990", "the
 * 1988 third quarter", "Q3", "the first half", "the fiscal first quarter". */
size_t tx_quarter(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    if (is(c, j, "the") || is(c, j, "its") || is(c, j, "their") || is(c, j, "a")) j++;
    int y;
    bool two;
    size_t ye = tx_year(c, j, &y, &two, false);
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
        size_t ye2 = tx_year(c, e, &y, &two, false);
        if (ye2 > e) f->year = (int16_t)y, f->year2 = two, e = ye2;
        return e;
    }
    int o;
    size_t oe = tx_ordinal(c, j, &o);
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
    size_t e = tx_year(c, j, &y, &two, true);
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
    size_t k = tx_deictic(c, s, the, &off, &ref);
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

size_t tx_season(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    bool the = is(c, j, "the");
    if (the) j++;
    const tx_entry *e;
    size_t k = tx_lex(c, j, TX_SEASON, &e);
    if (!k) return i;
    static const char *const codes[] = {"SP", "SU", "FA", "WI"};
    int s = 0;
    for (int q = 0; q < 4; q++)
        if (dl_streq(e->sval, codes[q])) s = q + 1;
    size_t end = j + k;
    tx_frame g = *f;
    g.season = (int8_t)s;
    size_t ye = p_of_year(c, end, &g);
    /* a bare season word needs a date context: "fall" is also a verb */
    if (ye == end) {
        if (!the && !(j > 0 && tx_date_context(c, j))) return i;
        if (is(c, end, "of") || (in(c, end) && tk(c, end)->kind == DL_TOK_WORD && dl_streq(e->sval, "FA") &&
                                 !the))
            return i;
        if (dl_streq(e->sval, "FA") && is(c, end, "of")) return i;
    }
    *f = g;
    return ye;
}

/* 1990s, the '90s, the nineties, the 20th century, the 11th century */
size_t tx_decade(const tx_ctx *c, size_t i, tx_frame *f) {
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
        long v = tx_plain(c, j, NULL);
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
            if (dl_streq(w, tens[t])) {
                f->decade = (int16_t)(192 + t);
                f->year2 = true;
                return j + 1;
            }
    /* the 20th century */
    int o;
    size_t oe = tx_ordinal(c, j, &o);
    if (oe > j && o >= 1 && o <= 22 && (is(c, oe, "century") || (hyphen(c, oe) && is(c, oe + 1, "century")))) {
        f->century = (int16_t)(o - 1);
        return is(c, oe, "century") ? oe + 1 : oe + 2;
    }
    return i;
}

/* Christmas, Thanksgiving, Easter [YEAR]; "Easter week" */
size_t tx_holiday(const tx_ctx *c, size_t i, tx_frame *f) {
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

static bool meridiem(const tx_ctx *c, size_t i, bool *pm) {
    if (!in(c, i)) return false;
    const char *w = nm(c, i);
    if (dl_streq(w, "a.m.") || dl_streq(w, "a.m") || dl_streq(w, "am")) return *pm = false, true;
    if (dl_streq(w, "p.m.") || dl_streq(w, "p.m") || dl_streq(w, "pm")) return *pm = true, true;
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
            long v = tx_plain(c, i, &nd);
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
        size_t pe = tx_pod(c, j + 2, &tmp);
        if (pe > j + 2) {
            if ((dl_streq(tmp.pod, "AF") || dl_streq(tmp.pod, "EV") || dl_streq(tmp.pod, "NI")) && *h < 12 &&
                *h >= 1 && !(dl_streq(tmp.pod, "NI") && *h <= 4))
                *h += 12;
            j = pe;
        }
    }
    return j;
}

/* A clock time, optionally with its day: "5 p.m. EST, Nov. 6", "10 p.m.
 * Wednesday", "noon Thursday". */
size_t tx_time(const tx_ctx *c, size_t i, tx_frame *f) {
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
    size_t de = tx_dayexpr(c, k, &g);
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
size_t tx_dayexpr(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t e;
    tx_frame g;
    tx_frame_init(&g);
    if ((e = tx_dayref(c, i, &g)) > i) return *f = g, e;
    tx_frame_init(&g);
    int wd = 0;
    size_t w = tx_weekday_name(c, i, &wd, true), s = w;
    if (w > i && is(c, s, ",")) s++;
    if ((e = p_date_body(c, s, &g)) > s && g.day > 0) {
        if (w > i) g.weekday = (int8_t)wd;
        return *f = g, e;
    }
    tx_frame_init(&g);
    if ((e = tx_weekday(c, i, &g)) > i) return *f = g, e;
    return i;
}

/* "the morning", "the night of Feb. 10" */
size_t tx_the_pod(const tx_ctx *c, size_t i, tx_frame *f) {
    if (!is(c, i, "the")) return i;
    size_t e = tx_pod(c, i + 1, f);
    if (e == i + 1) return i;
    if (is(c, e, "of")) {
        tx_frame g;
        tx_frame_init(&g);
        size_t de = tx_dayexpr(c, e + 1, &g);
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

/* "the week of March 6", "the day before Tuesday", "the day after
 * Christmas" */
size_t tx_week_of(const tx_ctx *c, size_t i, tx_frame *f) {
    size_t j = i;
    if (is(c, j, "the")) j++;
    bool week = is(c, j, "week") && is(c, j + 1, "of");
    bool before = is(c, j, "day") && (is(c, j + 1, "before") || is(c, j + 1, "after"));
    if (!week && !before) return i;
    tx_frame g;
    tx_frame_init(&g);
    size_t e = tx_dayexpr(c, j + 2, &g);
    if (e == j + 2 || g.pod[0]) return i;
    *f = g;
    if (week) f->as_week = true;
    else f->day_shift = (int8_t)(is(c, j + 1, "before") ? -1 : 1);
    return e;
}

/* "year-end", "year end", "year's end" */
size_t tx_year_end(const tx_ctx *c, size_t i, tx_frame *f) {
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

/* A calendar date with an optional weekday: "Thursday, Feb. 10". */
size_t tx_date(const tx_ctx *c, size_t i, tx_frame *f) {
    int wd = 0;
    size_t w = tx_weekday_name(c, i, &wd, true), s = w;
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

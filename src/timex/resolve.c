/* resolve.c - from a recognised expression (tx_frame) to its TIMEX3 value
 * and the days it covers, against the publication date (DCT), the tense of
 * its clause and the dates mentioned before it.
 *
 * Rules:
 *  - relative words ("yesterday", "last week", "two days ago", "next
 *    month") count from the DCT, at the precision of their unit: "last
 *    week" is an ISO week, "two years ago" a year;
 *  - "the previous day", "that year", "a week later", "the same day" count
 *    from the last date mentioned that is precise enough (a day for "the
 *    previous day"), else from the DCT;
 *  - "a year earlier" shifts the last date mentioned at its own precision
 *    (after "the third quarter", the third quarter of the year before);
 *  - a weekday, month, season or holiday without a year takes the
 *    occurrence its clause's tense points to (timex.c finds the tense): the
 *    latest one not after the DCT in the past tense, the first one not
 *    before it in the future tense.  A weekday without a tense is the past
 *    one.  For months and dates, a cue that is only a guess (a word in -ed,
 *    or any cue more than six words away) weighs less: the occurrence it
 *    points to counts TENSE_WEIGHT times nearer, and without a cue the past
 *    one counts twice nearer; the nearer wins.  A quarter or half year is
 *    the current year's unless the tense moves it.  "last"/"next" take the
 *    one strictly before/after, "this" the one of the current week or year;
 *  - "the week" and "the year" are the current ones, "the quarter" the one
 *    last mentioned (else, in the past tense, the last one finished);
 *  - without a DCT, what depends on it stays underspecified (XXXX-XX-XX). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "timex_private.h"

/* How much nearer the occurrence a weak tense cue points to counts (such
 * cues are misread now and then: "The rights, which expire Nov. 21, can be
 * exercised" said on Nov. 2 is this month's, whatever "exercised" says). */
enum { TENSE_WEIGHT = 3 };

void tx_resolver_init(tx_resolver *r, dl_day dct) {
    memset(r, 0, sizeof *r);
    r->dct = dct;
    if (dct != DL_DAY_NONE) {
        dl_when_set_day(&r->last[DL_GRAN_DAY], dct);
        r->last_seq[DL_GRAN_DAY] = ++r->seq;
    }
}

static dl_granularity unit_gran(char unit) {
    switch (unit) {
    case 'D': return DL_GRAN_DAY;
    case 'W': case 'w': return DL_GRAN_WEEK;
    case 'M': return DL_GRAN_MONTH;
    case 'Q': return DL_GRAN_QUARTER;
    case 'H': return DL_GRAN_HALF;
    case 'Y': return DL_GRAN_YEAR;
    case 'E': return DL_GRAN_DECADE;
    case 'C': return DL_GRAN_CENTURY;
    default: return DL_GRAN_NONE;
    }
}

/* Does a date of precision `have` fix the period of precision `want`?  A day
 * fixes its week, month, quarter and year; a month its quarter and year... */
static bool fixes(dl_granularity have, dl_granularity want) {
    if (have == DL_GRAN_TIME) have = DL_GRAN_DAY;
    if (have == want) return true;
    if (have == DL_GRAN_DAY) return true;
    if (have == DL_GRAN_WEEK) return want == DL_GRAN_DECADE || want == DL_GRAN_CENTURY; /* weeks straddle months */
    if (have == DL_GRAN_SEASON) return want >= DL_GRAN_YEAR;
    return have < want && want != DL_GRAN_WEEK && want != DL_GRAN_SEASON;
}

/* The last date mentioned that fixes a period of precision `want` (any
 * precision when want is NONE); NULL when none. */
static const dl_when *last_for(const tx_resolver *r, dl_granularity want) {
    const dl_when *best = NULL;
    uint32_t seq = 0;
    for (int g = 1; g <= DL_GRAN_CENTURY; g++) {
        if (!r->last_seq[g] || r->last_seq[g] <= seq) continue;
        if (want != DL_GRAN_NONE && !fixes((dl_granularity)g, want)) continue;
        best = &r->last[g];
        seq = r->last_seq[g];
    }
    return best;
}

/* The period a comparison is about: the last quarter ('Q'), the last month,
 * quarter or half year ('P'), or the last date of any precision (0).  The
 * DCT itself (remembered first) does not count. */
static const dl_when *last_period(const tx_resolver *r, char period) {
    const dl_when *best = NULL;
    uint32_t seq = 1;
    for (int g = 1; g <= DL_GRAN_CENTURY; g++) {
        if (r->last_seq[g] <= seq) continue;
        if (period == 'Q' && !fixes((dl_granularity)g, DL_GRAN_QUARTER)) continue;
        if (period == 'P' && g != DL_GRAN_MONTH && g != DL_GRAN_QUARTER && g != DL_GRAN_HALF) continue;
        best = &r->last[g];
        seq = r->last_seq[g];
    }
    if (!best && period == 'P') return last_period(r, 'Q');
    return best;
}

static void remember(tx_resolver *r, const dl_when *w) {
    if (w->start == DL_DAY_NONE || w->granularity == DL_GRAN_NONE) return;
    dl_granularity g = w->granularity == DL_GRAN_TIME ? DL_GRAN_DAY : w->granularity;
    r->last[g] = *w;
    r->last[g].granularity = g;
    r->last_seq[g] = ++r->seq;
    r->last_sentence[g] = r->sentence;
}

/* ---- calendar helpers ------------------------------------------------------ */

static int ymd_year(dl_day d) {
    int y;
    dl_day_to_ymd(d, &y, NULL, NULL);
    return y;
}

static int ymd_month(dl_day d) {
    int m;
    dl_day_to_ymd(d, NULL, &m, NULL);
    return m;
}

/* Easter Sunday (Gregorian; the anonymous algorithm). */
static dl_day easter_sunday(int y) {
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return dl_day_from_ymd(y, month, day);
}

/* The n-th weekday `wd` of a month (n = -1: the last). */
static dl_day nth_weekday(int y, int m, int wd, int n) {
    if (n < 0) {
        dl_day last = dl_day_from_ymd(y, m, dl_days_in_month(y, m));
        return last - ((dl_day_weekday(last) - wd + 7) % 7);
    }
    dl_day first = dl_day_from_ymd(y, m, 1);
    return first + ((wd - dl_day_weekday(first) + 7) % 7) + 7 * (n - 1);
}

/* Day of a frame's holiday in year y. */
static dl_day holiday_day(const tx_frame *f, int y) {
    switch (f->hol) {
    case HOL_NTH: return nth_weekday(y, f->hol_month, f->hol_weekday, f->hol_n);
    case HOL_EASTER: return easter_sunday(y) + f->hol_n;
    case HOL_ELECTION: return nth_weekday(y, 11, 1, 1) + 1;
    default: return dl_day_from_ymd(y, f->month, f->day);
    }
}

/* The first `fields` (1-3) of y, m, dd as snprintf() writes "%04d",
 * "%04d-%02d" or "%04d-%02d-%02d" (the most common values): without it for
 * years 0-9999 and months and days 0-99 (0 for a field left out). */
static void ymd_text(char *v, size_t cap, int fields, int y, int m, int dd) {
    size_t n = fields == 1 ? 4 : fields == 2 ? 7 : 10;
    if (cap > n && y >= 0 && y <= 9999 && m >= 0 && m <= 99 && dd >= 0 && dd <= 99) {
        char t[10] = {(char)('0' + y / 1000), (char)('0' + y / 100 % 10), (char)('0' + y / 10 % 10),
                      (char)('0' + y % 10), '-', (char)('0' + m / 10), (char)('0' + m % 10), '-',
                      (char)('0' + dd / 10), (char)('0' + dd % 10)};
        memcpy(v, t, n);
        v[n] = 0;
    } else if (fields == 1) {
        snprintf(v, cap, "%04d", y);
    } else if (fields == 2) {
        snprintf(v, cap, "%04d-%02d", y, m);
    } else {
        snprintf(v, cap, "%04d-%02d-%02d", y, m, dd);
    }
}

static void week_value(char *v, size_t cap, dl_day d, bool weekend) {
    int iy, w;
    dl_day_iso_week(d, &iy, &w);
    if (cap > 11 && iy >= 0 && iy <= 9999 && w >= 0 && w <= 99) { /* as snprintf writes it, without it */
        ymd_text(v, cap, 1, iy, 0, 0);
        memcpy(v + 4, "-W", 2);
        v[6] = (char)('0' + w / 10), v[7] = (char)('0' + w % 10);
        memcpy(v + 8, weekend ? "-WE" : "", weekend ? 4 : 1);
        return;
    }
    snprintf(v, cap, "%04d-W%02d%s", iy, w, weekend ? "-WE" : "");
}

/* The value of the period of precision `unit` holding day d. */
static void period_value(char *v, size_t cap, dl_day d, char unit) {
    int y, m, dd;
    dl_day_to_ymd(d, &y, &m, &dd);
    switch (unit) {
    case 'D': ymd_text(v, cap, 3, y, m, dd); break;
    case 'W': week_value(v, cap, d, false); break;
    case 'w': week_value(v, cap, d, true); break;
    case 'M': ymd_text(v, cap, 2, y, m, 0); break;
    case 'Q': snprintf(v, cap, "%04d-Q%d", y, (m - 1) / 3 + 1); break;
    case 'H': snprintf(v, cap, "%04d-H%d", y, (m - 1) / 6 + 1); break;
    case 'Y': ymd_text(v, cap, 1, y, 0, 0); break;
    case 'E': snprintf(v, cap, "%03d", y / 10); break;
    case 'C': snprintf(v, cap, "%02d", y / 100); break;
    default: ymd_text(v, cap, 3, y, m, dd);
    }
}

/* Day d moved by n units (months and years keep the day of month when they
 * can: 29 February minus a year is 28 February). */
static dl_day shift_day(dl_day d, char unit, int n) {
    int y, m, dd;
    dl_day_to_ymd(d, &y, &m, &dd);
    int months = 0;
    switch (unit) {
    case 'D': return d + n;
    case 'W': case 'w': return d + 7 * n;
    case 'M': months = n; break;
    case 'Q': months = 3 * n; break;
    case 'H': months = 6 * n; break;
    case 'Y': months = 12 * n; break;
    case 'E': months = 120 * n; break;
    case 'C': months = 1200 * n; break;
    default: return d;
    }
    long total = (long)y * 12 + (m - 1) + months;
    int ny = (int)(total >= 0 ? total / 12 : (total - 11) / 12);
    int nm = (int)(total - (long)ny * 12) + 1;
    int last = dl_days_in_month(ny, nm);
    return dl_day_from_ymd(ny, nm, dd > last ? last : dd);
}

/* A value at precision `unit` that is not known ("1989-QX", "XXXX-XX-XX"),
 * from what a coarser date `w` fixes. */
static void partial_value(char *v, size_t cap, const dl_when *w, char unit) {
    int y = w && w->start != DL_DAY_NONE ? ymd_year(w->start) : -1;
    int m = w && w->start != DL_DAY_NONE && w->granularity <= DL_GRAN_MONTH ? ymd_month(w->start) : -1;
    char ys[16];
    if (y >= 0) snprintf(ys, sizeof ys, "%04d", y);
    else strcpy(ys, "XXXX");
    switch (unit) {
    case 'D':
        if (m > 0) snprintf(v, cap, "%s-%02d-XX", ys, m);
        else snprintf(v, cap, "%s-XX-XX", ys);
        break;
    case 'W': case 'w': snprintf(v, cap, "%s-WXX", ys); break;
    case 'M': snprintf(v, cap, "%s-XX", ys); break;
    case 'Q': snprintf(v, cap, "%s-QX", ys); break;
    case 'H': snprintf(v, cap, "%s-HX", ys); break;
    default: dl_strlcpy(v, ys, cap);
    }
}

/* Set the value and the days it covers. */
static void set_value(dl_timex *out, const char *v) {
    dl_strlcpy(out->value, v, sizeof out->value);
    if (!dl_when_parse(&out->when, v)) {
        /* "2022-W06-WE" and times of day "2022-02-10TMO" */
        dl_when w;
        size_t n = strlen(v);
        char head[40];
        dl_strlcpy(head, v, sizeof head);
        memset(&out->when, 0, sizeof out->when);
        out->when.start = out->when.end = DL_DAY_NONE;
        dl_strlcpy(out->when.value, v, sizeof out->when.value);
        if (n > 3 && dl_streq(v + n - 3, "-WE")) {
            head[n - 3] = 0;
            if (dl_when_parse(&w, head)) {
                out->when.start = w.start + 5;
                out->when.end = w.start + 6;
                out->when.granularity = DL_GRAN_DAY;
            }
        } else if (n > 10 && v[10] == 'T') {
            head[10] = 0;
            if (dl_when_parse(&w, head)) {
                out->when.start = out->when.end = w.start;
                out->when.granularity = DL_GRAN_TIME;
            }
        }
    }
}

/* Append a time of day: "T14:00", "TMO". */
static void add_time(char *v, size_t cap, const tx_frame *f) {
    size_t n = strlen(v);
    if (n != 10) return; /* only after a day */
    if (f->hour >= 0) snprintf(v + n, cap - n, "T%02d:%02d", f->hour, f->minute < 0 ? 0 : f->minute);
    else if (f->pod[0]) snprintf(v + n, cap - n, "T%s", f->pod);
}

/* ---- choosing an occurrence ------------------------------------------------ */

/* First and last day of the frame's year-less period (month, day, quarter,
 * half, season, holiday) in year y. */
static bool period_in_year(const tx_frame *f, int y, dl_day *a, dl_day *b) {
    if (f->hol || f->day > 0) {
        if (!f->hol && f->day > dl_days_in_month(y, f->month)) return false;
        *a = *b = holiday_day(f, y);
        if (f->hol_week) {
            *a -= dl_day_weekday(*a) - 1;
            *b = *a + 6;
        }
        return true;
    }
    int m0, m1;
    if (f->month > 0) m0 = m1 = f->month;
    else if (f->quarter > 0) m0 = 3 * f->quarter - 2, m1 = m0 + 2;
    else if (f->half > 0) m0 = 6 * f->half - 5, m1 = m0 + 5;
    else if (f->season > 0) m0 = 3 * f->season, m1 = m0 + 2;
    else return false;
    *a = dl_day_from_ymd(y, m0, 1);
    int ey = y + (m1 > 12), em = (m1 - 1) % 12 + 1;
    *b = dl_day_from_ymd(ey, em, dl_days_in_month(ey, em));
    return true;
}

/* The year of a year-less period, by direction and tense, around day `at`
 * (the rule is at the top of this file). */
static int choose_year(const tx_frame *f, tx_tense tense, bool weak, dl_day at) {
    int y0 = ymd_year(at);
    dl_day a[3], b[3];
    bool ok[3];
    for (int k = 0; k < 3; k++) ok[k] = period_in_year(f, y0 - 1 + k, &a[k], &b[k]);
    int dir = f->dir;
    if (dir == DIR_THIS) {
        if (tense == TENSE_FUTURE && ok[1] && b[1] < at) return y0 + 1;
        return y0;
    }
    if (dir == DIR_LAST) {
        for (int k = 2; k >= 0; k--)
            if (ok[k] && b[k] < at && !(a[k] <= at && at <= b[k])) return y0 - 1 + k;
        return y0 - 1;
    }
    if (dir == DIR_NEXT) {
        for (int k = 0; k < 3; k++)
            if (ok[k] && a[k] > at) return y0 - 1 + k;
        return y0 + 1;
    }
    if ((f->quarter > 0 || f->half > 0) && ok[1]) {
        if (tense == TENSE_FUTURE && b[1] < at - 92) return y0 + 1;
        if (tense == TENSE_PAST && a[1] > at) return y0 - 1;
        return y0;
    }
    int past = -1, fut = -1;
    for (int k = 0; k < 3; k++) {
        if (!ok[k]) continue;
        if (a[k] <= at && at <= b[k]) return y0 - 1 + k;
        if (b[k] < at) past = k;
        if (a[k] > at && fut < 0) fut = k;
    }
    if (past < 0) return fut >= 0 ? y0 - 1 + fut : y0;
    if (fut < 0) return y0 - 1 + past;
    if (tense == TENSE_PAST && !weak) return y0 - 1 + past;
    if (tense == TENSE_FUTURE && !weak) return y0 - 1 + fut;
    long dp = (long)at - b[past], df = (long)a[fut] - at;
    if (tense == TENSE_PAST) df *= TENSE_WEIGHT;
    else if (tense == TENSE_FUTURE) dp *= TENSE_WEIGHT;
    else if (tense == TENSE_NONE) df *= 2;
    return df < dp ? y0 - 1 + fut : y0 - 1 + past;
}

/* The day of weekday wd chosen by direction and tense around day `at`. */
static dl_day choose_weekday(int wd, int dir, tx_tense tense, dl_day at) {
    int cur = dl_day_weekday(at);
    int back = (cur - wd + 7) % 7;  /* days back to the latest wd <= at */
    int fwd = (wd - cur + 7) % 7;   /* days forward to the first wd >= at */
    switch (dir) {
    case DIR_LAST: return at - (back ? back : 7);
    case DIR_NEXT: return at + (fwd ? fwd : 7);
    case DIR_THIS:
        if (tense == TENSE_FUTURE) return at + fwd;
        if (tense == TENSE_PAST) return at - back;
        return at - (cur - 1) + (wd - 1);
    default:
        if (tense == TENSE_FUTURE) return at + fwd;
        if (tense == TENSE_PRESENT) return fwd < back ? at + fwd : at - back;
        return at - back;
    }
}

/* The century of a two-digit year: the latest not more than 10 years after
 * the DCT ('98 in 2022 is 1998, '25 is 2025). */
static int expand_year2(int yy, dl_day dct) {
    int base = dct != DL_DAY_NONE ? ymd_year(dct) : 2000;
    int y = (base / 100) * 100 + yy;
    if (y > base + 10) y -= 100;
    return y;
}

/* ---- resolution ------------------------------------------------------------- */

static void resolve_cal(tx_resolver *r, const tx_frame *f, tx_tense tense, bool weak, dl_timex *out) {
    char v[40] = "";
    dl_day dct = r->dct;
    bool remember_it = true;
    if (f->unit) {
        dl_granularity ug = unit_gran(f->unit);
        const dl_when *anchor = NULL;
        if (f->keep_gran) {
            /* "a year earlier" shifts the last date; "a year ago" only a
             * quarter or half year said just before ("third-quarter profit
             * rose from $5 million a year ago") */
            anchor = last_period(r, f->period);
            if (anchor && !f->from_ref) {
                dl_granularity g = anchor->granularity;
                if (!((g == DL_GRAN_QUARTER || g == DL_GRAN_HALF) &&
                      r->last_sentence[g] + (uint32_t)f->keep_window >= r->sentence))
                    anchor = NULL;
            }
        } else if (f->from_ref) {
            anchor = last_for(r, ug);
        }
        if (f->from_ref && !anchor && !f->keep_gran) {
            /* nothing precise enough: keep what a coarser date says */
            const dl_when *coarse = last_for(r, DL_GRAN_NONE);
            if (coarse && coarse->start != DL_DAY_NONE && coarse->granularity > ug && f->amount == 0) {
                partial_value(v, sizeof v, coarse, f->unit);
                set_value(out, v);
                out->when.start = out->when.end = DL_DAY_NONE;
                return;
            }
        }
        dl_day at = anchor ? anchor->start : dct;
        if (at == DL_DAY_NONE) {
            partial_value(v, sizeof v, NULL, f->unit);
            if (f->unit == 'Y' && f->month > 0) snprintf(v, sizeof v, "XXXX-%02d", f->month);
            set_value(out, v);
            return;
        }
        if (f->keep_gran && anchor && anchor->granularity < DL_GRAN_YEAR && f->unit == 'Y' && f->quarter < 0) {
            /* "a year earlier" after "the third quarter": the same period a
             * year before.  A comparison, not a new reference date. */
            char unit = anchor->granularity <= DL_GRAN_DAY ? 'D' : anchor->granularity == DL_GRAN_WEEK ? 'W'
                      : anchor->granularity == DL_GRAN_MONTH ? 'M' : anchor->granularity == DL_GRAN_QUARTER ? 'Q'
                      : anchor->granularity == DL_GRAN_HALF ? 'H' : 'Y';
            if (f->period == 'Q' || (f->period == 'P' && unit == 'D')) unit = 'Q';
            if (anchor->granularity == DL_GRAN_SEASON) {
                snprintf(v, sizeof v, "%04d%s", ymd_year(anchor->start) + f->amount, anchor->value + 4);
            } else {
                period_value(v, sizeof v, shift_day(anchor->start, 'Y', f->amount), unit);
            }
            remember_it = false;
        } else if (f->unit == 'w' && f->amount == 0 && !f->from_ref) {
            /* "the weekend", "this weekend": by tense */
            int wd = dl_day_weekday(at);
            dl_day sat = at - (wd - 6);
            if (tense != TENSE_FUTURE && wd < 6) sat -= 7;
            week_value(v, sizeof v, sat, true);
        } else if (f->ref_period && f->unit == 'Q' && !(anchor && anchor->granularity == DL_GRAN_QUARTER)) {
            /* "the quarter" without a quarter said before: in the past
             * tense the last one finished (earnings come after it) */
            dl_day d = dct != DL_DAY_NONE ? dct : at;
            if (tense == TENSE_PAST || tense == TENSE_NONE) d = shift_day(d, 'Q', -1);
            period_value(v, sizeof v, d, 'Q');
        } else if (f->ref_period && anchor) {
            period_value(v, sizeof v, anchor->start, f->unit);
        } else {
            dl_day d = shift_day(at, f->unit, f->amount);
            /* "a week later" after a day is a day */
            char u = f->unit == 'W' && f->from_ref && anchor && anchor->granularity <= DL_GRAN_DAY ? 'D' : f->unit;
            period_value(v, sizeof v, d, u);
            if (f->keep_gran || (f->from_ref && f->amount)) remember_it = !f->keep_gran;
        }
        /* refine inside the period: "June last year", "next year's first quarter" */
        if (f->unit == 'Y' && strlen(v) == 4) {
            int y = (int)strtol(v, NULL, 10);
            tx_frame g = *f;
            g.unit = 0;
            g.year = (int16_t)y;
            if (f->month > 0 || f->quarter > 0 || f->half > 0 || f->season > 0 || f->hol) {
                dl_day a, b;
                if (f->hol || f->day > 0) {
                    if (period_in_year(&g, y, &a, &b)) {
                        if (f->hol_week) week_value(v, sizeof v, a, false);
                        else period_value(v, sizeof v, a, 'D');
                    }
                } else if (f->month > 0) ymd_text(v, sizeof v, 2, y, f->month, 0);
                else if (f->quarter > 0) snprintf(v, sizeof v, "%04d-Q%d", y, f->quarter);
                else if (f->half > 0) snprintf(v, sizeof v, "%04d-H%d", y, f->half);
                else if (f->season > 0) {
                    static const char *const s[] = {"", "SP", "SU", "FA", "WI"};
                    snprintf(v, sizeof v, "%04d-%s", y, s[f->season]);
                }
            }
        }
        add_time(v, sizeof v, f);
        set_value(out, v);
        if (remember_it) remember(r, &out->when);
        return;
    }
    /* decades and centuries */
    if (f->decade >= 0) {
        int dec = f->decade;
        if (f->year2 && dct != DL_DAY_NONE) {
            int y = expand_year2((dec % 10) * 10, dct);
            dec = y / 10;
        }
        snprintf(v, sizeof v, "%03d", dec);
        set_value(out, v);
        remember(r, &out->when);
        return;
    }
    if (f->century >= 0) {
        snprintf(v, sizeof v, "%02d", f->century);
        set_value(out, v);
        remember(r, &out->when);
        return;
    }
    /* a weekday alone */
    if (f->weekday && f->month < 0 && f->day < 0) {
        dl_day at = dct;
        if (f->dir_ref) {
            const dl_when *a = last_for(r, DL_GRAN_DAY);
            if (a) at = a->start;
        }
        if (at == DL_DAY_NONE) {
            snprintf(v, sizeof v, "XXXX-WXX-%d", f->weekday);
            out->value[0] = 0;
            set_value(out, v);
            return;
        }
        period_value(v, sizeof v, choose_weekday(f->weekday, f->dir, tense, at), 'D');
        add_time(v, sizeof v, f);
        set_value(out, v);
        remember(r, &out->when);
        return;
    }
    int y = f->year;
    if (y >= 0 && f->year2) y = expand_year2(y, dct);
    if (f->same_period && y >= 0) {
        /* "the 1988 quarter": the period under discussion, in 1988 */
        const dl_when *a = last_period(r, f->period);
        if (a && a->granularity >= DL_GRAN_MONTH && a->granularity <= DL_GRAN_HALF) {
            char unit = f->period == 'Q' || a->granularity == DL_GRAN_QUARTER ? 'Q'
                      : a->granularity == DL_GRAN_HALF ? 'H' : 'M';
            period_value(v, sizeof v, dl_day_from_ymd(y, ymd_month(a->start), 1), unit);
        } else {
            ymd_text(v, sizeof v, 1, y, 0, 0);
        }
        set_value(out, v);
        return;
    }
    bool has_part = f->month > 0 || f->quarter > 0 || f->half > 0 || f->season > 0 || f->hol;
    if (y < 0) {
        if (!has_part) return; /* nothing to say */
        dl_day at = dct;
        if (f->dir_ref) {
            const dl_when *a = last_for(r, DL_GRAN_DAY);
            if (a) at = a->start;
        }
        if (at == DL_DAY_NONE) {
            if (f->day > 0) snprintf(v, sizeof v, "XXXX-%02d-%02d", f->month, f->day);
            else if (f->month > 0) snprintf(v, sizeof v, "XXXX-%02d", f->month);
            else if (f->quarter > 0) snprintf(v, sizeof v, "XXXX-Q%d", f->quarter);
            else if (f->half > 0) snprintf(v, sizeof v, "XXXX-H%d", f->half);
            else strcpy(v, "XXXX");
            set_value(out, v);
            return;
        }
        y = choose_year(f, tense, weak, at);
    }
    if (f->hol) {
        dl_day a, b;
        tx_frame g = *f;
        if (period_in_year(&g, y, &a, &b)) {
            if (f->hol_week) week_value(v, sizeof v, a, false);
            else period_value(v, sizeof v, a, 'D');
        }
    } else if (f->day > 0 && f->month > 0) {
        if (f->day > dl_days_in_month(y, f->month)) return;
        ymd_text(v, sizeof v, 3, y, f->month, f->day);
    } else if (f->month > 0) {
        ymd_text(v, sizeof v, 2, y, f->month, 0);
    } else if (f->quarter > 0) {
        snprintf(v, sizeof v, "%04d-Q%d", y, f->quarter);
    } else if (f->half > 0) {
        snprintf(v, sizeof v, "%04d-H%d", y, f->half);
    } else if (f->season > 0) {
        static const char *const s[] = {"", "SP", "SU", "FA", "WI"};
        snprintf(v, sizeof v, "%04d-%s", y, s[f->season]);
    } else {
        ymd_text(v, sizeof v, 1, y, 0, 0);
    }
    add_time(v, sizeof v, f);
    set_value(out, v);
    remember(r, &out->when);
}

void tx_resolve(tx_resolver *r, const tx_frame *f, tx_tense tense, uint32_t sentence, dl_timex *out) {
    r->sentence = sentence;
    out->type = f->type;
    dl_strlcpy(out->mod, f->mod, sizeof out->mod);
    memset(&out->when, 0, sizeof out->when);
    out->when.start = out->when.end = DL_DAY_NONE;
    out->value[0] = 0;
    out->anchored_to_dct = false;
    switch (f->kind) {
    case FK_REF:
    case FK_DUR:
    case FK_SET:
        dl_strlcpy(out->value, f->value, sizeof out->value);
        dl_strlcpy(out->when.value, f->value, sizeof out->when.value);
        return;
    default:
        break;
    }
    bool weak = (tense & TENSE_WEAK) != 0;
    tense = (tx_tense)(tense & ~TENSE_WEAK);
    resolve_cal(r, f, tense, weak, out);
    if ((f->as_week || f->day_shift) && out->when.granularity == DL_GRAN_DAY && out->when.start != DL_DAY_NONE) {
        /* "the week of March 6", "the day before Tuesday" */
        char v[40];
        if (f->as_week) week_value(v, sizeof v, out->when.start, false);
        else period_value(v, sizeof v, out->when.start + f->day_shift, 'D');
        set_value(out, v);
    }
    if (!out->value[0]) {
        /* nothing could be said: the most general value of its type */
        dl_strlcpy(out->value, out->type == DL_TIMEX_TIME ? "XXXX-XX-XXTXX:XX" : "XXXX-XX-XX", sizeof out->value);
        dl_strlcpy(out->when.value, out->value, sizeof out->when.value);
    }
    out->anchored_to_dct = !f->from_ref && !f->keep_gran && !f->dir_ref;
}

/* date.c - calendar arithmetic on day numbers (days since 1970-01-01,
 * proleptic Gregorian), ISO weeks, and TIMEX3 calendar values.
 * The civil-from-days conversions follow Howard Hinnant's public-domain
 * algorithms ("chrono-Compatible Low-Level Date Algorithms"). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dipline/common.h"
#include "util.h"

dl_day dl_day_from_ymd(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (dl_day)(era * 146097 + (int)doe - 719468);
}

void dl_day_to_ymd(dl_day z, int *year, int *month, int *day) {
    long zz = (long)z + 719468;
    const long era = (zz >= 0 ? zz : zz - 146096) / 146097;
    const unsigned doe = (unsigned)(zz - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = (long)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    if (year) *year = (int)(y + (m <= 2));
    if (month) *month = (int)m;
    if (day) *day = (int)d;
}

int dl_day_weekday(dl_day d) {
    /* 1970-01-01 was a Thursday (ISO 4). */
    long w = ((long)d + 3) % 7;
    if (w < 0) w += 7;
    return (int)w + 1;
}

bool dl_is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int dl_days_in_month(int y, int m) {
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && dl_is_leap_year(y) ? 29 : len[m - 1];
}

dl_day dl_day_from_iso_week(int iso_year, int week) {
    /* Week 1 holds 4 January. */
    dl_day jan4 = dl_day_from_ymd(iso_year, 1, 4);
    dl_day monday1 = jan4 - (dl_day_weekday(jan4) - 1);
    return monday1 + (week - 1) * 7;
}

void dl_day_iso_week(dl_day d, int *iso_year, int *week) {
    int y;
    dl_day_to_ymd(d, &y, NULL, NULL);
    /* Thursday of this week decides the year. */
    dl_day thu = d + (4 - dl_day_weekday(d));
    int ty;
    dl_day_to_ymd(thu, &ty, NULL, NULL);
    dl_day start = dl_day_from_iso_week(ty, 1);
    if (iso_year) *iso_year = ty;
    if (week) *week = (int)((d - start) / 7) + 1;
    (void)y;
}

char *dl_day_format(dl_day d, char buf[static 16]) {
    if (d == DL_DAY_NONE) {
        strcpy(buf, "XXXX-XX-XX");
        return buf;
    }
    int y, m, dd;
    dl_day_to_ymd(d, &y, &m, &dd);
    if (y < 0 || y > 9999) {
        snprintf(buf, 16, "%04d-%02d-%02d", y, m, dd);
        return buf;
    }
    char *p = buf; /* "%04d-%02d-%02d" by hand: it runs per event */
    *p++ = (char)('0' + y / 1000), *p++ = (char)('0' + y / 100 % 10), *p++ = (char)('0' + y / 10 % 10);
    *p++ = (char)('0' + y % 10), *p++ = '-', *p++ = (char)('0' + m / 10), *p++ = (char)('0' + m % 10);
    *p++ = '-', *p++ = (char)('0' + dd / 10), *p++ = (char)('0' + dd % 10), *p = 0;
    return buf;
}

static int digits(const char *s, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)s[i])) return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

dl_day dl_day_parse(const char *s) {
    if (!s) return DL_DAY_NONE;
    while (isspace((unsigned char)*s)) s++;
    int y, m, d;
    if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
        y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
        const char *rest = s + 10;
        if (*rest && *rest != 'T' && *rest != 't' && *rest != ' ' && *rest != 'Z') return DL_DAY_NONE;
    } else if (strlen(s) >= 8 && digits(s, 8) >= 0 && (s[8] == 0 || s[8] == 'T')) {
        y = digits(s, 4), m = digits(s + 4, 2), d = digits(s + 6, 2);
    } else {
        return DL_DAY_NONE;
    }
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > dl_days_in_month(y, m)) return DL_DAY_NONE;
    return dl_day_from_ymd(y, m, d);
}

static const char *gran_names[] = {"none", "time", "day", "week", "month", "quarter",
                                   "half", "season", "year", "decade", "century"};

const char *dl_granularity_name(dl_granularity g) {
    if ((unsigned)g >= sizeof gran_names / sizeof *gran_names) return "none";
    return gran_names[g];
}

dl_granularity dl_granularity_parse(const char *name) {
    if (!name) return DL_GRAN_NONE;
    for (size_t i = 0; i < sizeof gran_names / sizeof *gran_names; i++)
        if (strcmp(name, gran_names[i]) == 0) return (dl_granularity)i;
    return DL_GRAN_NONE;
}

void dl_when_set_day(dl_when *w, dl_day d) {
    dl_day_format(d, w->value);
    w->start = w->end = d;
    w->granularity = d == DL_DAY_NONE ? DL_GRAN_NONE : DL_GRAN_DAY;
}

bool dl_when_parse(dl_when *w, const char *v) {
    memset(w, 0, sizeof *w);
    w->start = w->end = DL_DAY_NONE;
    if (!v) return false;
    size_t n = strlen(v);
    if (n >= sizeof w->value) return false;
    dl_strlcpy(w->value, v, sizeof w->value);
    int y;
    if (n >= 4 && (y = digits(v, 4)) >= 0) {
        if (n == 4) {
            w->start = dl_day_from_ymd(y, 1, 1);
            w->end = dl_day_from_ymd(y, 12, 31);
            w->granularity = DL_GRAN_YEAR;
            return true;
        }
        if (v[4] != '-') return false;
        const char *r = v + 5;
        size_t rn = n - 5;
        if (rn == 2 && digits(r, 2) >= 1 && digits(r, 2) <= 12) {
            int m = digits(r, 2);
            w->start = dl_day_from_ymd(y, m, 1);
            w->end = dl_day_from_ymd(y, m, dl_days_in_month(y, m));
            w->granularity = DL_GRAN_MONTH;
            return true;
        }
        if (rn >= 5 && r[2] == '-') {
            int m = digits(r, 2), d = digits(r + 3, 2);
            if (m < 1 || m > 12 || d < 1 || d > dl_days_in_month(y, m)) return false;
            if (rn > 5 && r[5] != 'T') return false;
            w->start = w->end = dl_day_from_ymd(y, m, d);
            w->granularity = rn > 5 ? DL_GRAN_TIME : DL_GRAN_DAY;
            return true;
        }
        if (rn == 3 && r[0] == 'W') {
            int wk = digits(r + 1, 2);
            if (wk < 1 || wk > 53) return false;
            w->start = dl_day_from_iso_week(y, wk);
            w->end = w->start + 6;
            w->granularity = DL_GRAN_WEEK;
            return true;
        }
        if (rn == 2 && (r[0] == 'Q' || r[0] == 'H') && isdigit((unsigned char)r[1])) {
            int q = r[1] - '0';
            int months = r[0] == 'Q' ? 3 : 6;
            if (q < 1 || q > 12 / months) return false;
            int m0 = (q - 1) * months + 1, m1 = m0 + months - 1;
            w->start = dl_day_from_ymd(y, m0, 1);
            w->end = dl_day_from_ymd(y, m1, dl_days_in_month(y, m1));
            w->granularity = r[0] == 'Q' ? DL_GRAN_QUARTER : DL_GRAN_HALF;
            return true;
        }
        if (rn == 2) {
            /* Seasons, northern hemisphere, by meteorological months. */
            static const struct { const char *s; int m0, m1; } seasons[] = {
                {"SP", 3, 5}, {"SU", 6, 8}, {"FA", 9, 11}, {"WI", 12, 14}};
            for (size_t i = 0; i < 4; i++)
                if (r[0] == seasons[i].s[0] && r[1] == seasons[i].s[1]) {
                    w->start = dl_day_from_ymd(y, seasons[i].m0, 1);
                    int ey = y + (seasons[i].m1 > 12), em = (seasons[i].m1 - 1) % 12 + 1;
                    w->end = dl_day_from_ymd(ey, em, dl_days_in_month(ey, em));
                    w->granularity = DL_GRAN_SEASON;
                    return true;
                }
        }
        return false;
    }
    if (n == 3 && (y = digits(v, 3)) >= 0) {
        w->start = dl_day_from_ymd(y * 10, 1, 1);
        w->end = dl_day_from_ymd(y * 10 + 9, 12, 31);
        w->granularity = DL_GRAN_DECADE;
        return true;
    }
    if (n == 2 && (y = digits(v, 2)) >= 0) {
        w->start = dl_day_from_ymd(y * 100, 1, 1);
        w->end = dl_day_from_ymd(y * 100 + 99, 12, 31);
        w->granularity = DL_GRAN_CENTURY;
        return true;
    }
    return false;
}

/* pubdate.c - publication dates as scrapers write them. */
#include <stdio.h>
#include <string.h>

#include "../common/util.h"
#include "article_private.h"

static int month_of(const char *w, size_t n) {
    static const char *names[12] = {"january", "february", "march",     "april",   "may",      "june",
                                    "july",    "august",   "september", "october", "november", "december"};
    if (n < 3) return 0;
    for (int m = 0; m < 12; m++)
        if (dl_strncasecmp(w, names[m], n < 3 ? 3 : n) == 0 && (n == 3 || n == strlen(names[m]) || (m == 8 && n == 4)))
            return m + 1;
    return 0;
}

dl_day dl_pubdate_parse(const char *s) {
    if (!s) return DL_DAY_NONE;
    dl_day d = dl_day_parse(s);
    if (d != DL_DAY_NONE) return d;
    /* Words and numbers: find a month name, a day (1-31) and a year (4 digits). */
    int day = 0, month = 0, year = 0;
    const char *p = s;
    while (*p) {
        while (*p && !dl_isalpha((unsigned char)*p) && !dl_isdigit((unsigned char)*p)) p++;
        const char *w = p;
        if (dl_isdigit((unsigned char)*p)) {
            int v = 0, n = 0;
            while (dl_isdigit((unsigned char)*p)) v = v * 10 + (*p++ - '0'), n++;
            if (*p == ':') { /* a time: skip it */
                while (*p && *p != ' ') p++;
                continue;
            }
            if (n == 4 && !year) year = v;
            else if (n <= 2 && !day && v >= 1 && v <= 31) day = v;
            else return DL_DAY_NONE;
            /* ordinal suffix */
            while (dl_isalpha((unsigned char)*p)) p++;
        } else if (*p) {
            while (dl_isalpha((unsigned char)*p)) p++;
            int m = month_of(w, (size_t)(p - w));
            if (m && !month) month = m;
            if (*p == '.') p++;
        }
    }
    if (!year || !month || !day || day > dl_days_in_month(year, month)) return DL_DAY_NONE;
    return dl_day_from_ymd(year, month, day);
}

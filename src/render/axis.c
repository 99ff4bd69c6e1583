/* axis.c - the time scale and the calendar axis of the lanes layout.
 *
 * The scale maps time (days since 1970-01-01, fractions for times of day)
 * to x at one rate, so that spacing is proportional, except that a long
 * empty stretch between events is squeezed into a fixed-width break marked
 * with its length ("5 months").  The axis picks the finest calendar unit
 * (hours ... decades) whose labels fit their cells, and a second row for the
 * next larger unit (the month under days, the year under months). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_private.h"

static const char *const month_abbr[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
static const char *const month_full[12] = {"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};
static const char *const weekday_abbr[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

#define GAP_MIN_DAYS 14.0 /* shorter empty stretches are never squeezed */
#define GAP_SHARE 0.3     /* ... nor those shorter than this share of the rest */

static void gap_text(double days, char *buf, size_t size) {
    long d = lround(days);
    if (d < 14) snprintf(buf, size, "%ld days", d);
    else if (d < 61) snprintf(buf, size, "%ld weeks", lround(days / 7));
    else if (d < 730) snprintf(buf, size, "%ld months", lround(days / 30.44));
    else snprintf(buf, size, "%ld years", lround(days / 365.25));
}

static double gap_width(double days) {
    char t[32];
    gap_text(days, t, sizeof t);
    double w = rt_width(DL_TEXT_GAP, t) + 14;
    return w < 30 ? 30 : w;
}

bool rscale_build(rscale *s, const rspan *sp, size_t n, double lo, double hi, double x0, double x1,
                  bool compress) {
    memset(s, 0, sizeof *s);
    if (hi <= lo) hi = lo + 1;
    /* Candidate gaps: empty stretches between the merged occupied spans. */
    double g0[RS_MAX_SEGS], g1[RS_MAX_SEGS];
    int ng = 0;
    if (compress && n > 1) {
        double *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
        if (!a || !b) {
            free(a);
            free(b);
            return false;
        }
        size_t k = 0;
        for (size_t i = 0; i < n; i++) {
            double t0 = sp[i].t0 < lo ? lo : sp[i].t0, t1 = sp[i].t1 > hi ? hi : sp[i].t1;
            if (k && t0 <= b[k - 1]) {
                if (t1 > b[k - 1]) b[k - 1] = t1;
            } else {
                a[k] = t0;
                b[k++] = t1;
            }
        }
        /* Take the longest gap while it is long against what is left. */
        double active = hi - lo;
        while (ng < RS_MAX_SEGS - 1) {
            double best = 0;
            size_t bi = 0;
            for (size_t i = 0; i + 1 < k; i++) {
                double len = a[i + 1] - b[i];
                bool taken = false;
                for (int j = 0; j < ng; j++) taken |= g0[j] == b[i];
                if (!taken && len > best) {
                    best = len;
                    bi = i;
                }
            }
            if (best < GAP_MIN_DAYS || best < GAP_SHARE * (active - best)) break;
            g0[ng] = b[bi];
            g1[ng++] = a[bi + 1];
            active -= best;
        }
        free(a);
        free(b);
        /* Keep a margin of time on both sides of a break (whole days, so
         * a break leaves out whole days). */
        double m = ceil(fmax(1.0, 0.02 * active));
        for (int i = 0; i < ng; i++) {
            g0[i] += m;
            g1[i] -= m;
        }
        /* order by time */
        for (int i = 1; i < ng; i++)
            for (int j = i; j > 0 && g0[j] < g0[j - 1]; j--) {
                double t = g0[j];
                g0[j] = g0[j - 1];
                g0[j - 1] = t;
                t = g1[j];
                g1[j] = g1[j - 1];
                g1[j - 1] = t;
            }
    }
    for (;;) {
        double gw = 0, days = hi - lo;
        for (int i = 0; i < ng; i++) {
            gw += gap_width(g1[i] - g0[i]);
            days -= g1[i] - g0[i];
        }
        s->ppd = (x1 - x0 - gw) / days;
        if (s->ppd > 0 || ng == 0) break;
        ng = 0; /* too narrow for the breaks: draw time as it is */
    }
    if (s->ppd <= 0) s->ppd = 1e-6;
    double x = x0, t = lo;
    for (int i = 0; i <= ng; i++) {
        double end = i < ng ? g0[i] : hi;
        s->t0[i] = t;
        s->t1[i] = end;
        s->x0[i] = x;
        s->x1[i] = x + (end - t) * s->ppd;
        if (i < ng) {
            x = s->x1[i] + gap_width(g1[i] - g0[i]);
            t = g1[i];
        }
    }
    s->x1[ng] = x1; /* no rounding drift at the end */
    s->n = ng + 1;
    return true;
}

double rscale_x(const rscale *s, double t) {
    if (t <= s->t0[0]) return s->x0[0];
    for (int i = 0; i < s->n; i++) {
        if (t <= s->t1[i]) {
            if (t >= s->t0[i]) return s->x0[i] + (t - s->t0[i]) * s->ppd;
            /* inside the break before segment i */
            double f = (t - s->t1[i - 1]) / (s->t0[i] - s->t1[i - 1]);
            return s->x1[i - 1] + f * (s->x0[i] - s->x1[i - 1]);
        }
    }
    return s->x1[s->n - 1];
}

/* ---- Calendar units ------------------------------------------------------ */

static const double unit_days[] = {
    [DL_UNIT_HOUR] = 1.0 / 24, [DL_UNIT_3HOURS] = 3.0 / 24, [DL_UNIT_6HOURS] = 6.0 / 24,
    [DL_UNIT_12HOURS] = 0.5,   [DL_UNIT_DAY] = 1,           [DL_UNIT_2DAYS] = 2,
    [DL_UNIT_WEEK] = 7,        [DL_UNIT_MONTH] = 28,        [DL_UNIT_QUARTER] = 90,
    [DL_UNIT_YEAR] = 365,      [DL_UNIT_2YEARS] = 730,      [DL_UNIT_5YEARS] = 1826,
    [DL_UNIT_10YEARS] = 3652,
};

static int unit_years(dl_time_unit u) {
    return u == DL_UNIT_2YEARS ? 2 : u == DL_UNIT_5YEARS ? 5 : u == DL_UNIT_10YEARS ? 10 : 1;
}

/* The unit boundary at or before t. */
double r_unit_floor(dl_time_unit u, double t) {
    dl_day d = (dl_day)floor(t);
    int y, m, dd;
    switch (u) {
    case DL_UNIT_HOUR:
    case DL_UNIT_3HOURS:
    case DL_UNIT_6HOURS:
    case DL_UNIT_12HOURS: return floor(t / unit_days[u] + 1e-9) * unit_days[u];
    case DL_UNIT_DAY: return d;
    case DL_UNIT_2DAYS: return d - (((d % 2) + 2) % 2);
    case DL_UNIT_WEEK: return d - (dl_day_weekday(d) - 1);
    default: break;
    }
    dl_day_to_ymd(d, &y, &m, &dd);
    if (u == DL_UNIT_MONTH) return dl_day_from_ymd(y, m, 1);
    if (u == DL_UNIT_QUARTER) return dl_day_from_ymd(y, (m - 1) / 3 * 3 + 1, 1);
    int k = unit_years(u);
    int fy = (int)floor(y / (double)k) * k;
    return dl_day_from_ymd(fy, 1, 1);
}

static double unit_next(dl_time_unit u, double b) {
    if (u <= DL_UNIT_WEEK) return b + unit_days[u];
    int y, m, d;
    dl_day_to_ymd((dl_day)floor(b + 1e-9), &y, &m, &d);
    if (u == DL_UNIT_MONTH || u == DL_UNIT_QUARTER) {
        m += u == DL_UNIT_MONTH ? 1 : 3;
        if (m > 12) {
            m -= 12;
            y++;
        }
        return dl_day_from_ymd(y, m, 1);
    }
    return dl_day_from_ymd(y + unit_years(u), 1, 1);
}

/* The larger unit shown in the second row. */
static dl_time_unit major_of(dl_time_unit u) {
    if (u <= DL_UNIT_12HOURS) return DL_UNIT_DAY;
    if (u <= DL_UNIT_WEEK) return DL_UNIT_MONTH;
    if (u <= DL_UNIT_QUARTER) return DL_UNIT_YEAR;
    return DL_UNIT_NONE;
}

/* Minor label of the cell starting at b. */
static void minor_text(dl_time_unit u, double b, char *buf, size_t size) {
    int y, m, d;
    dl_day_to_ymd((dl_day)floor(b + 1e-9), &y, &m, &d);
    if (u <= DL_UNIT_12HOURS) {
        int mins = (int)lround((b - floor(b + 1e-9)) * 1440);
        snprintf(buf, size, "%02d:%02d", mins / 60 % 24, mins % 60);
    } else if (u <= DL_UNIT_WEEK) snprintf(buf, size, "%d", d);
    else if (u <= DL_UNIT_QUARTER) snprintf(buf, size, "%s", month_abbr[m - 1]);
    else snprintf(buf, size, "%d", y);
}

/* Major label, long (level 0) or short (level 1). */
static void major_text(dl_time_unit u, double b, int level, char *buf, size_t size) {
    dl_day day = (dl_day)floor(b + 1e-9);
    int y, m, d;
    dl_day_to_ymd(day, &y, &m, &d);
    if (u == DL_UNIT_DAY) {
        if (level == 0) snprintf(buf, size, "%s %d %s %d", weekday_abbr[dl_day_weekday(day) - 1], d, month_full[m - 1], y);
        else snprintf(buf, size, "%d %s", d, month_abbr[m - 1]);
    } else if (u == DL_UNIT_MONTH) {
        if (level == 0) snprintf(buf, size, "%s %d", month_full[m - 1], y);
        else snprintf(buf, size, "%s %d", month_abbr[m - 1], y);
    } else snprintf(buf, size, "%d", y);
}

/* Widest minor label a unit can have. */
static double minor_width(dl_time_unit u) {
    if (u <= DL_UNIT_12HOURS) return rt_width(DL_TEXT_AXIS, "00:00");
    if (u <= DL_UNIT_WEEK) return rt_width(DL_TEXT_AXIS, "28");
    if (u <= DL_UNIT_QUARTER) {
        double w = 0;
        for (int i = 0; i < 12; i++) w = fmax(w, rt_width(DL_TEXT_AXIS, month_abbr[i]));
        return w;
    }
    return rt_width(DL_TEXT_AXIS, "2000");
}

#define TICK 5.0
#define ROW_GAP 3.0

double r_axis_height(void) {
    return TICK + 2 + rt_line_height(DL_TEXT_AXIS) + ROW_GAP + rt_line_height(DL_TEXT_AXIS_MAJOR);
}

static bool is_major(dl_time_unit major, double b) {
    return major != DL_UNIT_NONE && fabs(r_unit_floor(major, b + 1e-6) - b) < 1e-6;
}

double r_axis(rctx *c, const rscale *s, double y) {
    dl_render_axis *ax = &c->m->axis;
    ax->y = y;
    ax->x0 = s->x0[0];
    ax->x1 = s->x1[s->n - 1];
    ax->px_per_day = s->ppd;
    ax->d0 = (dl_day)floor(s->t0[0]);
    ax->d1 = (dl_day)ceil(s->t1[s->n - 1]) - 1;
    /* The finest unit whose every label fits its cell. */
    dl_time_unit u = DL_UNIT_HOUR;
    while (u < DL_UNIT_10YEARS && unit_days[u] * s->ppd < minor_width(u) + 8) u++;
    /* Hours only where times of day are known: a day-long cell is the unit
     * of a date. */
    bool times = false;
    for (size_t i = 0; i < c->n; i++) times |= c->ev[i].ev->date.when.granularity == DL_GRAN_TIME;
    if (!times && u < DL_UNIT_DAY) u = DL_UNIT_DAY;
    dl_time_unit major = major_of(u);
    ax->minor = u;
    ax->major = major;
    size_t cap_ticks = 0, cap_gaps = 0;
    double ly = y + TICK + 2, my = ly + rt_line_height(DL_TEXT_AXIS) + ROW_GAP;
    char buf[64];
    for (int k = 0; k < s->n; k++) {
        double t0 = s->t0[k], t1 = s->t1[k];
        for (double b = r_unit_floor(u, t0); b < t1; b = unit_next(u, b)) {
            double next = unit_next(u, b);
            if (b >= t0) {
                dl_render_tick *tk = rm_tick(c, &cap_ticks);
                if (!tk) return 0;
                tk->x = rscale_x(s, b);
                tk->major = is_major(major, b);
            }
            /* label centred on the visible part of its cell (on the tick for hours) */
            double a = fmax(b, t0), e = fmin(next, t1);
            double xa = rscale_x(s, a), xe = rscale_x(s, e);
            minor_text(u, b, buf, sizeof buf);
            double w = rt_width(DL_TEXT_AXIS, buf);
            if (u <= DL_UNIT_12HOURS) {
                double x = rscale_x(s, b);
                if (b >= t0 && x - w / 2 >= s->x0[k] && x + w / 2 <= s->x1[k])
                    rm_label(c, DL_TEXT_AXIS, buf, x, ly, DL_ALIGN_CENTER, -1);
            } else if (xe - xa >= w + 2) {
                rm_label(c, DL_TEXT_AXIS, buf, (xa + xe) / 2, ly, DL_ALIGN_CENTER, -1);
            }
        }
        if (k + 1 < s->n) {
            dl_render_gap *g = rm_gap(c, &cap_gaps);
            if (!g) return 0;
            g->x0 = s->x1[k];
            g->x1 = s->x0[k + 1];
            g->from = (dl_day)ceil(s->t1[k]);
            g->to = (dl_day)floor(s->t0[k + 1]) - 1;
            gap_text(s->t0[k + 1] - s->t1[k], buf, sizeof buf);
            rm_label(c, DL_TEXT_GAP, buf, (g->x0 + g->x1) / 2, ly, DL_ALIGN_CENTER, -1);
        }
    }
    if (major == DL_UNIT_NONE) return my - y;
    /* Second row: a label at the start of each larger unit (or of the
     * visible part of the first), long form when there is room, else short,
     * never running into the next one. */
    double starts[512];
    double xs[512];
    size_t ns = 0;
    for (int k = 0; k < s->n && ns < 512; k++)
        for (double b = r_unit_floor(major, s->t0[k]); b < s->t1[k] && ns < 512; b = unit_next(major, b)) {
            starts[ns] = b;
            xs[ns++] = rscale_x(s, fmax(b, s->t0[k])) + 2;
        }
    double prev_end = -1e9;
    for (size_t i = 0; i < ns; i++) {
        double limit = i + 1 < ns ? xs[i + 1] - 8 : ax->x1;
        for (int level = 0; level < 2; level++) {
            major_text(major, starts[i], level, buf, sizeof buf);
            double w = rt_width(DL_TEXT_AXIS_MAJOR, buf);
            if (xs[i] >= prev_end + 8 && xs[i] + w <= limit) {
                rm_label(c, DL_TEXT_AXIS_MAJOR, buf, xs[i], my, DL_ALIGN_LEFT, -1);
                prev_end = xs[i] + w;
                break;
            }
        }
    }
    return my + rt_line_height(DL_TEXT_AXIS_MAJOR) - y;
}

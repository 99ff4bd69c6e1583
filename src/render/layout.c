/* layout.c - from events to a layout model: options, the events prepared for
 * drawing (filtered, in time order, with their short labels and number of
 * sources), the model's growable arrays, and what both layouts share: the
 * title, date range and legend at the top, the figures at the bottom. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "render_private.h"

void dl_render_options_init(dl_render_options *o) {
    memset(o, 0, sizeof *o);
    o->from = o->to = DL_DAY_NONE;
}

void dl_render_model_free(dl_render_model *m) {
    if (!m) return;
    for (size_t i = 0; i < m->n_labels; i++) free(m->labels[i].text);
    for (size_t i = 0; i < m->n_lanes; i++) free(m->lanes[i].key);
    free(m->labels);
    free(m->markers);
    free(m->connectors);
    free(m->lanes);
    free(m->cards);
    free(m->legend);
    free(m->axis.ticks);
    free(m->axis.gaps);
    free(m->pdf_date);
    free(m->title);
    free(m);
}

/* ---- Growable arrays -------------------------------------------------------- */

static void *grow(rctx *c, void **items, size_t *n, size_t *cap, size_t size) {
    if (c->nomem) return NULL;
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 16;
        void *p = realloc(*items, nc * size);
        if (!p) {
            c->nomem = true;
            return NULL;
        }
        *items = p;
        *cap = nc;
    }
    char *slot = (char *)*items + (*n)++ * size;
    memset(slot, 0, size);
    return slot;
}

#define GROW(c, arr, n, cap) grow(c, (void **)&(arr), &(n), &(cap), sizeof *(arr))

long rm_label_take(rctx *c, dl_text_kind kind, char *text, double x, double y, dl_align align, long marker) {
    if (!text) {
        c->nomem = true;
        return -1;
    }
    dl_render_label *l = GROW(c, c->m->labels, c->m->n_labels, c->cap_labels);
    if (!l) {
        free(text);
        return -1;
    }
    double w, h;
    rt_size(kind, text, &w, &h);
    l->text = text;
    l->kind = kind;
    l->align = align;
    l->marker = marker;
    l->box = (dl_rect){align == DL_ALIGN_CENTER ? x - w / 2 : align == DL_ALIGN_RIGHT ? x - w : x, y, w, h};
    return (long)(c->m->n_labels - 1);
}

long rm_label(rctx *c, dl_text_kind kind, const char *text, double x, double y, dl_align align, long marker) {
    return rm_label_take(c, kind, dl_strdup(text), x, y, align, marker);
}

dl_render_marker *rm_marker(rctx *c) { return GROW(c, c->m->markers, c->m->n_markers, c->cap_markers); }
dl_render_connector *rm_connector(rctx *c) { return GROW(c, c->m->connectors, c->m->n_connectors, c->cap_connectors); }
dl_render_lane *rm_lane(rctx *c) { return GROW(c, c->m->lanes, c->m->n_lanes, c->cap_lanes); }
dl_render_card *rm_card(rctx *c) { return GROW(c, c->m->cards, c->m->n_cards, c->cap_cards); }
dl_render_tick *rm_tick(rctx *c, size_t *cap) { return GROW(c, c->m->axis.ticks, c->m->axis.n_ticks, *cap); }
dl_render_gap *rm_gap(rctx *c, size_t *cap) { return GROW(c, c->m->axis.gaps, c->m->axis.n_gaps, *cap); }
static dl_render_swatch *rm_swatch(rctx *c) { return GROW(c, c->m->legend, c->m->n_legend, c->cap_legend); }

/* ---- Small shared helpers --------------------------------------------------- */

double r_marker_radius(size_t sources) {
    double r = 3.5 + 1.5 * log2((double)(sources ? sources : 1));
    return r > 8 ? 8 : r;
}

void r_entity_name(const dl_entity *e, bool with_country, char *buf, size_t size) {
    if (e->name && e->country && with_country && strcmp(e->name, e->country) != 0)
        snprintf(buf, size, "%s (%s)", e->name, e->country);
    else snprintf(buf, size, "%s", e->name ? e->name : e->country ? e->country : "unknown");
}

/* "Make statement, not specified below" -> "Make statement";
 * "MAKE PUBLIC STATEMENT" -> "Make public statement". */
static void short_action(const dl_action *a, char *buf, size_t size) {
    const char *s = a->label ? a->label : a->text ? a->text : a->code[0] ? a->code : "unknown action";
    snprintf(buf, size, "%s", s);
    char *cut = strstr(buf, ", not specified");
    if (cut) *cut = 0;
    cut = strstr(buf, " (");
    if (cut) *cut = 0;
    bool lower = false;
    for (char *p = buf; *p; p++) lower |= *p >= 'a' && *p <= 'z';
    if (!lower)
        for (char *p = buf + 1; *p; p++) *p = (char)dl_lower(*p);
    char *clean = rt_clean(buf); /* the text as written may be anything */
    if (clean) snprintf(buf, size, "%s", clean);
    else buf[0] = 0;
    free(clean);
}

typedef struct count_item {
    const char *key;
    size_t n;
} count_item;

static int cmp_count(const void *a, const void *b) {
    const count_item *x = a, *y = b;
    if (x->n != y->n) return x->n < y->n ? 1 : -1;
    return strcmp(x->key, y->key);
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

/* Count equal strings; returns distinct (key, n) sorted by n descending. */
static count_item *count_strings(const char **keys, size_t n, size_t *n_out) {
    *n_out = 0;
    const char **s = malloc((n ? n : 1) * sizeof *s);
    count_item *out = malloc((n ? n : 1) * sizeof *out);
    if (!s || !out) {
        free(s);
        free(out);
        return NULL;
    }
    memcpy(s, keys, n * sizeof *s);
    qsort(s, n, sizeof *s, cmp_str);
    for (size_t i = 0; i < n; i++) {
        if (*n_out && strcmp(out[*n_out - 1].key, s[i]) == 0) out[*n_out - 1].n++;
        else out[(*n_out)++] = (count_item){s[i], 1};
    }
    free(s);
    qsort(out, *n_out, sizeof *out, cmp_count);
    return out;
}

char *r_action_summary(rev *const *evs, size_t n, int max_items) {
    const char **keys = malloc((n ? n : 1) * sizeof *keys);
    if (!keys) return NULL;
    for (size_t i = 0; i < n; i++) keys[i] = evs[i]->action;
    size_t k;
    count_item *ci = count_strings(keys, n, &k);
    free(keys);
    if (!ci) return NULL;
    dl_buf b = {0};
    for (size_t i = 0; i < k && i < (size_t)max_items; i++) {
        if (i) dl_buf_puts(&b, ", ");
        if (ci[i].n > 1) dl_buf_printf(&b, "%s ×%zu", ci[i].key, ci[i].n);
        else dl_buf_puts(&b, ci[i].key);
    }
    if (k > (size_t)max_items) dl_buf_puts(&b, ", …");
    free(ci);
    if (b.failed) {
        dl_buf_free(&b);
        return NULL;
    }
    return dl_buf_take(&b);
}

int r_majority_quad(rev *const *evs, size_t n) {
    size_t cnt[5] = {0};
    for (size_t i = 0; i < n; i++) cnt[evs[i]->quad]++;
    int best = 0;
    for (int q = 1; q < 5; q++)
        if (cnt[q] > cnt[best]) best = q;
    return best;
}

static const char *const mon[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void r_date_text(const rev *e, char *buf, size_t size) {
    int y, m, d, iy, w;
    dl_day_to_ymd(e->day, &y, &m, &d);
    switch (e->ev->date.when.granularity) {
    case DL_GRAN_WEEK:
        dl_day_iso_week(e->day, &iy, &w);
        snprintf(buf, size, "Week %d, %d", w, iy);
        break;
    case DL_GRAN_MONTH: snprintf(buf, size, "%s %d", mon[m - 1], y); break;
    case DL_GRAN_QUARTER: snprintf(buf, size, "Q%d %d", (m - 1) / 3 + 1, y); break;
    case DL_GRAN_HALF: snprintf(buf, size, "H%d %d", (m - 1) / 6 + 1, y); break;
    case DL_GRAN_YEAR: snprintf(buf, size, "%d", y); break;
    case DL_GRAN_SEASON:
    case DL_GRAN_DECADE:
    case DL_GRAN_CENTURY: snprintf(buf, size, "%s", e->ev->date.when.value); break;
    default: snprintf(buf, size, "%d %s %d", d, mon[m - 1], y); break;
    }
}

/* ---- Preparing the events ------------------------------------------------------ */

bool r_entity_matches(const dl_entity *e, const char *want) {
    return (e->name && dl_strcasecmp(e->name, want) == 0) || (e->country && dl_strcasecmp(e->country, want) == 0) ||
           (e->code && dl_strcasecmp(e->code, want) == 0);
}

static bool wanted(const dl_render_options *o, const dl_event *ev) {
    if (!o->n_actors) return true;
    for (size_t i = 0; i < o->n_actors; i++)
        if (r_entity_matches(&ev->actor, o->actors[i]) || (ev->has_target && r_entity_matches(&ev->target, o->actors[i])))
            return true;
    return false;
}

/* Time of day from a TIMEX3 value "2022-02-10T14:05", as a fraction of a
 * day; -1 when it has none. */
static double time_of_day(const char *v) {
    const char *t = strchr(v, 'T');
    int h, m = 0;
    if (!t || sscanf(t + 1, "%2d:%2d", &h, &m) < 1 || h < 0 || h > 23 || m < 0 || m > 59) return -1;
    return (h * 60 + m) / 1440.0;
}

static size_t distinct_articles(const dl_event *ev) {
    size_t n = 0;
    for (size_t i = 0; i < ev->n_mentions; i++) {
        const char *a = ev->mentions[i].article;
        if (!a) continue;
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++) seen = ev->mentions[j].article && strcmp(ev->mentions[j].article, a) == 0;
        n += !seen;
    }
    return n;
}

static int cmp_rev(const void *a, const void *b) {
    const rev *x = a, *y = b;
    if (x->day != y->day) return x->day < y->day ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static dl_status prepare(rctx *c, const dl_event *events, size_t n) {
    const dl_render_options *o = c->o;
    c->ev = calloc(n ? n : 1, sizeof *c->ev);
    if (!c->ev) return dl_error_set(c->err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const dl_event *ev = &events[i];
        dl_day s = ev->date.when.start, e = ev->date.when.end;
        if (s == DL_DAY_NONE) {
            c->m->n_undated++;
            continue;
        }
        if (e == DL_DAY_NONE || e < s) e = s;
        if ((o->from != DL_DAY_NONE && e < o->from) || (o->to != DL_DAY_NONE && s > o->to) || !wanted(o, ev)) {
            c->m->n_filtered++;
            continue;
        }
        rev *r = &c->ev[c->n++];
        r->ev = ev;
        r->index = i; /* input order for now: the sort key among equal days */
        r->day = s;
        r->t0 = s;
        r->t1 = (double)e + 1;
        double tod = ev->date.when.granularity == DL_GRAN_TIME ? time_of_day(ev->date.when.value) : -1;
        r->t = tod >= 0 ? s + tod : (r->t0 + r->t1) / 2;
        /* keep what is drawn inside the chosen dates */
        if (o->from != DL_DAY_NONE && r->t0 < o->from) r->t0 = o->from;
        if (o->to != DL_DAY_NONE && r->t1 > o->to + 1.0) r->t1 = o->to + 1.0;
        if (r->t < r->t0 || r->t > r->t1) r->t = (r->t0 + r->t1) / 2;
        r->quad = ev->action.quadclass >= 1 && ev->action.quadclass <= 4 ? ev->action.quadclass : 0;
        r->sources = distinct_articles(ev);
        short_action(&ev->action, r->action, sizeof r->action);
        r->lane = r->target_lane = -1;
    }
    qsort(c->ev, c->n, sizeof *c->ev, cmp_rev);
    for (size_t i = 0; i < c->n; i++) c->ev[i].index = i;
    if (c->n) {
        c->m->first = c->ev[0].day;
        c->m->last = c->ev[0].day;
        for (size_t i = 0; i < c->n; i++) {
            dl_day last = c->ev[i].ev->date.when.end;
            if (last == DL_DAY_NONE || last < c->ev[i].day) last = c->ev[i].day;
            if (last > c->m->last) c->m->last = last;
        }
    }
    /* distinct articles among all the mentions */
    size_t nm = 0;
    for (size_t i = 0; i < c->n; i++) nm += c->ev[i].ev->n_mentions;
    const char **ids = malloc((nm ? nm : 1) * sizeof *ids);
    if (!ids) return dl_error_set(c->err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++)
        for (size_t j = 0; j < c->ev[i].ev->n_mentions; j++)
            if (c->ev[i].ev->mentions[j].article) ids[k++] = c->ev[i].ev->mentions[j].article;
    qsort(ids, k, sizeof *ids, cmp_str);
    for (size_t i = 0; i < k; i++) c->m->n_articles += i == 0 || strcmp(ids[i], ids[i - 1]) != 0;
    free(ids);
    return DL_OK;
}

/* ---- Header and footer ----------------------------------------------------------- */

/* "Joe Biden, Vladimir Putin, Olaf Scholz and others". */
static char *default_title(rctx *c) {
    const char **keys = malloc((c->n ? c->n : 1) * sizeof *keys);
    if (!keys) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++) {
        const dl_entity *a = &c->ev[i].ev->actor;
        if (a->name || a->country) keys[k++] = a->name ? a->name : a->country;
    }
    size_t nd;
    count_item *ci = count_strings(keys, k, &nd);
    free(keys);
    if (!ci) return NULL;
    dl_buf b = {0};
    dl_buf_puts(&b, "Diplomatic timeline");
    for (size_t i = 0; i < nd && i < 3; i++) {
        dl_buf_puts(&b, i == 0 ? ": " : i + 1 == nd ? " and " : ", ");
        dl_buf_puts(&b, ci[i].key);
    }
    if (nd > 3) dl_buf_puts(&b, " and others");
    free(ci);
    if (b.failed) {
        dl_buf_free(&b);
        return NULL;
    }
    char *t = rt_clean(b.data);
    dl_buf_free(&b);
    return t;
}

static const char *const month_full[12] = {"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};

/* "10 January – 24 February 2022", "10–24 February 2022", "10 February 2022". */
static void range_text(dl_day a, dl_day b, char *buf, size_t size) {
    int y1, m1, d1, y2, m2, d2;
    dl_day_to_ymd(a, &y1, &m1, &d1);
    dl_day_to_ymd(b, &y2, &m2, &d2);
    if (a == b) snprintf(buf, size, "%d %s %d", d1, month_full[m1 - 1], y1);
    else if (y1 == y2 && m1 == m2) snprintf(buf, size, "%d–%d %s %d", d1, d2, month_full[m1 - 1], y1);
    else if (y1 == y2) snprintf(buf, size, "%d %s – %d %s %d", d1, month_full[m1 - 1], d2, month_full[m2 - 1], y1);
    else snprintf(buf, size, "%d %s %d – %d %s %d", d1, month_full[m1 - 1], y1, d2, month_full[m2 - 1], y2);
}

static const char *const quad_names[5] = {"Unknown", "Verbal cooperation", "Material cooperation", "Verbal conflict",
                                          "Material conflict"};

#define SWATCH 14.0
/* the marker-size key: markers for 1, 3 and 10 sources, 2 px apart */
#define SIZE_KEY_W (2 * (r_marker_radius(1) + r_marker_radius(3) + r_marker_radius(10)) + 4)

double r_header(rctx *c) {
    dl_render_model *m = c->m;
    double cw = m->width - 2 * R_MARGIN, y = R_MARGIN;
    char *title = c->o->title ? rt_clean(c->o->title) : default_title(c);
    if (!title) {
        c->nomem = true;
        return y;
    }
    m->title = title;
    long li = rm_label_take(c, DL_TEXT_TITLE, rt_fit(DL_TEXT_TITLE, title, cw, 2, NULL), R_MARGIN, y, DL_ALIGN_LEFT, -1);
    if (li < 0) return y;
    y += m->labels[li].box.h + 4;

    char range[160], sub[256];
    range_text(m->first, m->last, range, sizeof range);
    snprintf(sub, sizeof sub, "%s · %zu event%s", range, c->n, c->n == 1 ? "" : "s");
    li = rm_label(c, DL_TEXT_SUBTITLE, sub, R_MARGIN, y, DL_ALIGN_LEFT, -1);
    if (li < 0) return y;
    double sub_w = m->labels[li].box.w, row_h = m->labels[li].box.h;

    /* Legend: the four quad classes and the marker-size key, on the
     * subtitle's row at the right when they fit, else on rows below. */
    const char *texts[5] = {quad_names[1], quad_names[2], quad_names[3], quad_names[4], "1, 3, 10+ sources"};
    double widths[5], total = 0;
    for (int i = 0; i < 5; i++) {
        widths[i] = (i == 4 ? SIZE_KEY_W : SWATCH) + 5 + rt_width(DL_TEXT_LEGEND, texts[i]);
        total += widths[i] + (i ? 16 : 0);
    }
    double x, ly;
    if (sub_w + 32 + total <= cw) {
        x = R_MARGIN + cw - total;
        ly = y;
    } else {
        x = R_MARGIN;
        ly = y + row_h + 6;
    }
    double lh = fmax(rt_line_height(DL_TEXT_LEGEND), SWATCH), bottom = y + row_h;
    for (int i = 0; i < 5; i++) {
        if (x > R_MARGIN && x + widths[i] > R_MARGIN + cw) {
            x = R_MARGIN;
            ly += lh + 4;
        }
        dl_render_swatch *s = rm_swatch(c);
        if (!s) return y;
        double sw = i == 4 ? SIZE_KEY_W : SWATCH;
        s->box = (dl_rect){x, ly + (lh - SWATCH) / 2, sw, SWATCH};
        s->quadclass = i == 4 ? 0 : i + 1;
        double th = rt_line_height(DL_TEXT_LEGEND);
        rm_label(c, DL_TEXT_LEGEND, texts[i], x + sw + 5, ly + (lh - th) / 2, DL_ALIGN_LEFT, -1);
        x += widths[i] + 16;
        bottom = fmax(bottom, ly + lh);
    }
    return bottom + 14;
}

static char *footer_text(rctx *c) {
    dl_render_model *m = c->m;
    dl_buf b = {0};
    dl_buf_printf(&b, "%zu event%s from %zu article%s", m->n_events, m->n_events == 1 ? "" : "s", m->n_articles,
                  m->n_articles == 1 ? "" : "s");
    if (m->n_clusters)
        dl_buf_printf(&b, " · %zu event%s grouped into %zu numbered cluster%s", m->n_clustered,
                      m->n_clustered == 1 ? "" : "s", m->n_clusters, m->n_clusters == 1 ? "" : "s");
    if (m->n_hidden) dl_buf_printf(&b, " · %zu not shown for lack of room", m->n_hidden);
    if (m->n_filtered) dl_buf_printf(&b, " · %zu outside the chosen dates or actors", m->n_filtered);
    if (m->n_undated) dl_buf_printf(&b, " · %zu undated left out", m->n_undated);
    dl_buf_puts(&b, " · marker size: number of sources");
    return b.failed ? (dl_buf_free(&b), NULL) : dl_buf_take(&b);
}

double r_footer_height(rctx *c) {
    (void)c;
    return 10 + 2 * rt_line_height(DL_TEXT_FOOTER);
}

double r_footer(rctx *c, double y) {
    dl_render_model *m = c->m;
    double cw = m->width - 2 * R_MARGIN;
    const char *brand = "dipline";
    double bw = rt_width(DL_TEXT_FOOTER, brand);
    char *t = footer_text(c);
    if (!t) {
        c->nomem = true;
        return 0;
    }
    y += 10;
    long li = rm_label_take(c, DL_TEXT_FOOTER, rt_fit(DL_TEXT_FOOTER, t, cw - bw - 24, 2, NULL), R_MARGIN, y,
                            DL_ALIGN_LEFT, -1);
    free(t);
    rm_label(c, DL_TEXT_FOOTER, brand, R_MARGIN + cw, y, DL_ALIGN_RIGHT, -1);
    return li < 0 ? 0 : 10 + m->labels[li].box.h;
}

/* ---- The entry point ------------------------------------------------------------- */

static char *pdf_date(const dl_render_options *o, dl_day last) {
    char buf[64];
    if (o->pdf_date) return dl_strdup(o->pdf_date);
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long long t = strtoll(sde, &end, 10);
        if (!*end && t >= 0) {
            int y, mo, d;
            dl_day_to_ymd((dl_day)(t / 86400), &y, &mo, &d);
            long s = (long)(t % 86400);
            snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02ld:%02ld:%02ldZ", y, mo, d, s / 3600, s / 60 % 60, s % 60);
            return dl_strdup(buf);
        }
    }
    int y, mo, d;
    dl_day_to_ymd(last, &y, &mo, &d);
    snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00Z", y, mo, d);
    return dl_strdup(buf);
}

dl_status dl_render_layout(const dl_event *events, size_t n, const dl_render_options *opts, dl_render_model **out,
                           dl_error *err) {
    *out = NULL;
    dl_render_options o;
    if (opts) o = *opts;
    else dl_render_options_init(&o);
    if (o.width == 0) o.width = 1200;
    if (o.max_lanes == 0) o.max_lanes = 10;
    if (!(o.width >= 320 && o.width <= 20000))
        return dl_error_set(err, DL_ERR_USAGE, NULL, -1, -1, "width %g is outside 320-20000 px", o.width);
    if (o.height != 0 && !(o.height >= 160 && o.height <= 30000))
        return dl_error_set(err, DL_ERR_USAGE, NULL, -1, -1, "height %g is outside 160-30000 px", o.height);
    if (o.from != DL_DAY_NONE && o.to != DL_DAY_NONE && o.to < o.from)
        return dl_error_set(err, DL_ERR_USAGE, NULL, -1, -1, "the end date is before the start date");

    dl_render_model *m = calloc(1, sizeof *m);
    if (!m) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    m->width = o.width;
    m->theme = o.theme;
    m->axis.minor = m->axis.major = DL_UNIT_NONE;
    rctx c = {.o = &o, .m = m, .err = err};

    rt_lock();
    dl_status st = rt_init(err);
    if (st == DL_OK) st = prepare(&c, events, n);
    if (st == DL_OK && c.n == 0) {
        if (n == 0) st = dl_error_set(err, DL_ERR_INPUT, NULL, -1, -1, "the timeline has no events");
        else if (m->n_filtered)
            st = dl_error_set(err, DL_ERR_INPUT, NULL, -1, -1,
                              "none of the %zu events is inside the chosen dates or actors", n);
        else st = dl_error_set(err, DL_ERR_INPUT, NULL, -1, -1, "none of the %zu events has a usable date", n);
    }
    if (st == DL_OK) {
        m->n_events = c.n;
        m->layout = o.layout;
        if (m->layout == DL_LAYOUT_AUTO)
            m->layout = c.n <= 24 || (m->last == m->first && c.n <= 60) ? DL_LAYOUT_LIST : DL_LAYOUT_LANES;
        double y = r_header(&c);
        if (!c.nomem) st = m->layout == DL_LAYOUT_LIST ? r_layout_list(&c, y) : r_layout_lanes(&c, y);
    }
    rt_unlock();
    if (st == DL_OK && !c.nomem) {
        m->pdf_date = pdf_date(&o, m->last);
        if (!m->pdf_date) c.nomem = true;
    }
    free(c.ev);
    if (st == DL_OK && c.nomem) st = dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    if (st != DL_OK) {
        dl_render_model_free(m);
        return st;
    }
    *out = m;
    return DL_OK;
}

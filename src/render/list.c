/* list.c - the list layout: a vertical chronology.  A date column, a spine
 * with one marker per event, and a card per event: actor → action → target,
 * a short quote, the CAMEO code and the number of sources.  Long empty
 * stretches are marked ("4 months later").  A timeline too long for cards
 * keeps the first events of each busy day (or week, month ...) and sums up
 * the rest in one card. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "render_private.h"

#define PAD 10.0
#define CARD_GAP 8.0
#define LINE_GAP 3.0
#define MAX_CARDS 120
#define KEEP 2 /* events kept before a summary card */

typedef struct entry {
    size_t first, count;
    bool summary;
} entry;

static const dl_time_unit level_unit[] = {DL_UNIT_NONE, DL_UNIT_DAY, DL_UNIT_WEEK, DL_UNIT_MONTH,
                                          DL_UNIT_QUARTER, DL_UNIT_YEAR, DL_UNIT_YEAR};
#define N_LEVELS 7
static const char *const level_word[] = {"", "that day", "that week", "that month", "that quarter", "that year", ""};

static size_t make_entries(rctx *c, int level, entry *out) {
    size_t k = 0;
    for (size_t i = 0; i < c->n;) {
        size_t j = i + 1;
        if (level > 0) {
            double p = r_unit_floor(level_unit[level], c->ev[i].day);
            while (j < c->n && r_unit_floor(level_unit[level], c->ev[j].day) == p) j++;
        }
        size_t n = j - i;
        if (level == N_LEVELS - 1 && n > 1) {
            out[k++] = (entry){i, n, true};
        } else if (n <= KEEP + 1) {
            for (size_t e = i; e < j; e++) out[k++] = (entry){e, 1, false};
        } else {
            for (size_t e = i; e < i + KEEP; e++) out[k++] = (entry){e, 1, false};
            out[k++] = (entry){i + KEEP, n - KEEP, true};
        }
        i = j;
    }
    return k;
}

static void gap_words(long days, char *buf, size_t size) {
    if (days < 14) snprintf(buf, size, "%ld days later", days);
    else if (days < 61) snprintf(buf, size, "%ld weeks later", (days + 3) / 7);
    else if (days < 730) snprintf(buf, size, "%ld months later", lround(days / 30.44));
    else snprintf(buf, size, "%ld years later", lround(days / 365.25));
}

static int cmp_long(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

/* The texts of a card, fitted to the card's inner width. */
typedef struct card_text {
    char *t[3];
    dl_text_kind k[3];
    int n;
    double h;
    size_t cut;          /* texts shortened with "…" */
} card_text;

static void free_text(card_text *ct) {
    for (int i = 0; i < ct->n; i++) free(ct->t[i]);
    ct->n = 0;
}

static bool add_text(card_text *ct, dl_text_kind kind, const char *raw, double w, int lines) {
    char *clean = rt_clean(raw);
    if (!clean) return false;
    bool cut;
    char *t = rt_fit(kind, clean, w, lines, &cut);
    free(clean);
    if (!t) return false;
    ct->cut += cut;
    double h;
    rt_size(kind, t, NULL, &h);
    ct->h += (ct->n ? LINE_GAP : 0) + h;
    ct->k[ct->n] = kind;
    ct->t[ct->n++] = t;
    return true;
}

static bool card_texts(rctx *c, const entry *e, int level, double w, card_text *ct) {
    memset(ct, 0, sizeof *ct);
    char buf[1024];
    rev *r = &c->ev[e->first];
    if (e->summary) {
        int y, mo, d;
        dl_day_to_ymd(r->day, &y, &mo, &d);
        if (level == N_LEVELS - 1) snprintf(buf, sizeof buf, "%zu events in %d", e->count, y);
        else snprintf(buf, sizeof buf, "+%zu more event%s %s", e->count, e->count == 1 ? "" : "s", level_word[level]);
        rev **mem = malloc(e->count * sizeof *mem);
        if (!mem) return false;
        for (size_t i = 0; i < e->count; i++) mem[i] = &c->ev[e->first + i];
        char *sum = r_action_summary(mem, e->count, 4);
        free(mem);
        bool ok = sum && add_text(ct, DL_TEXT_HEADLINE, buf, w, 1) && add_text(ct, DL_TEXT_META, sum, w, 2);
        free(sum);
        return ok;
    }
    const dl_event *ev = r->ev;
    char actor[200], target[200];
    r_entity_name(&ev->actor, true, actor, sizeof actor);
    if (ev->has_target && (ev->target.name || ev->target.country)) {
        r_entity_name(&ev->target, true, target, sizeof target);
        snprintf(buf, sizeof buf, "%s → %s → %s", actor, r->action, target);
    } else snprintf(buf, sizeof buf, "%s → %s", actor, r->action);
    if (!add_text(ct, DL_TEXT_HEADLINE, buf, w, 2)) return false;
    if (ev->quote && ev->quote[0]) {
        char *q = malloc(strlen(ev->quote) + 8);
        if (!q) return false;
        sprintf(q, "“%s”", ev->quote);
        bool ok = add_text(ct, DL_TEXT_QUOTE, q, w, 2);
        free(q);
        if (!ok) return false;
    }
    int n = snprintf(buf, sizeof buf, "CAMEO %s · Goldstein %+.1f · %zu source%s", ev->action.code,
                     ev->action.goldstein, r->sources, r->sources == 1 ? "" : "s");
    /* inferred: the publication date, or the story's day ("basis" the
     * earlier expression it came from) */
    if (ev->date.inferred && n < (int)sizeof buf)
        n += snprintf(buf + n, sizeof buf - n,
                      dl_event_date_by_publication(&ev->date) ? " · dated by publication" : " · dated from the story");
    if (ev->negated && n < (int)sizeof buf) n += snprintf(buf + n, sizeof buf - n, " · negated");
    if (ev->hypothetical && n < (int)sizeof buf) snprintf(buf + n, sizeof buf - n, " · hypothetical");
    return add_text(ct, DL_TEXT_META, buf, w, 1);
}

dl_status r_layout_list(rctx *c, double y_top) {
    dl_render_model *m = c->m;
    const dl_render_options *o = c->o;
    entry *ent = malloc(c->n * 2 * sizeof *ent);
    if (!ent) {
        c->nomem = true;
        return DL_OK;
    }
    /* The least folding that leaves few enough cards (a fixed height cuts
     * the list where it ends instead). */
    int level = 0;
    size_t ne = make_entries(c, 0, ent);
    while (o->height == 0 && ne > MAX_CARDS && level < N_LEVELS - 1) ne = make_entries(c, ++level, ent);

    /* Columns: dates, spine, cards. */
    char (*dates)[48] = calloc(ne, sizeof *dates);
    if (!dates) {
        free(ent);
        c->nomem = true;
        return DL_OK;
    }
    double date_w = 0;
    for (size_t i = 0; i < ne; i++) {
        rev *r = &c->ev[ent[i].first];
        if (ent[i].summary && level == N_LEVELS - 1) {
            int y, mo, d;
            dl_day_to_ymd(r->day, &y, &mo, &d);
            snprintf(dates[i], sizeof dates[i], "%d", y);
        } else if (!ent[i].summary) r_date_text(r, dates[i], sizeof dates[i]);
        if (dates[i][0] && (i == 0 || strcmp(dates[i], dates[i - 1]) != 0))
            date_w = fmax(date_w, rt_width(DL_TEXT_DATE, dates[i]));
    }
    date_w = fmin(date_w, 160);
    double spine_x = R_MARGIN + date_w + 18, card_x = spine_x + 18, card_w = m->width - R_MARGIN - card_x;
    double inner = card_w - 2 * PAD;
    if (inner < 120) {
        free(dates);
        free(ent);
        return dl_error_set(c->err, DL_ERR_USAGE, NULL, -1, -1, "width %g is too narrow for the list layout", m->width);
    }
    /* A long empty stretch gets a note: longer than three weeks and than
     * four times the usual step between events. */
    long *steps = malloc((ne ? ne : 1) * sizeof *steps);
    size_t nsteps = 0;
    if (!steps) {
        free(dates);
        free(ent);
        c->nomem = true;
        return DL_OK;
    }
    for (size_t i = 1; i < ne; i++) steps[nsteps++] = c->ev[ent[i].first].day - c->ev[ent[i - 1].first].day;
    qsort(steps, nsteps, sizeof *steps, cmp_long);
    long median = nsteps ? steps[nsteps / 2] : 0, gap_min = median * 4 > 21 ? median * 4 : 21;
    free(steps);

    double note_h = rt_line_height(DL_TEXT_NOTE), head_h = rt_line_height(DL_TEXT_HEADLINE);
    double foot_h = r_footer_height(c);
    double limit = o->height > 0 ? o->height - R_MARGIN - foot_h - note_h - 8 : 1e18;
    double y = y_top;
    const char *prev_date = "";
    m->spine_x = spine_x;
    m->spine_y0 = m->spine_y1 = y_top;
    size_t shown = 0;
    for (size_t i = 0; i < ne && !c->nomem; i++) {
        const entry *e = &ent[i];
        rev *r = &c->ev[e->first];
        double yy = y;
        long gap = 0;
        if (i > 0) {
            const rev *p = &c->ev[ent[i - 1].first + ent[i - 1].count - 1];
            dl_day pend = p->ev->date.when.end != DL_DAY_NONE && p->ev->date.when.end > p->day ? p->ev->date.when.end : p->day;
            gap = r->day - pend;
            if (gap >= gap_min) yy += note_h + 12;
        }
        card_text ct;
        if (!card_texts(c, e, level, inner, &ct)) {
            free_text(&ct);
            c->nomem = true;
            break;
        }
        double card_h = ct.h + 2 * PAD;
        if (yy + card_h > limit && shown > 0) {
            free_text(&ct);
            break;
        }
        if (yy > y) {
            char words[64];
            gap_words(gap, words, sizeof words);
            char note[96];
            snprintf(note, sizeof note, "⋯ %s", words);
            rm_label(c, DL_TEXT_NOTE, note, card_x, y + 6, DL_ALIGN_LEFT, -1);
        }
        /* the marker on the spine, level with the headline's first line */
        double my = yy + PAD + head_h / 2;
        dl_render_marker *mk = rm_marker(c);
        if (!mk) {
            free_text(&ct);
            break;
        }
        long mi = (long)m->n_markers - 1;
        if (e->summary) {
            char num[32];
            snprintf(num, sizeof num, "%zu", e->count);
            double hw = fmax(rt_width(RT_BADGE, num) / 2 + 5, 8);
            rev **mem = malloc(e->count * sizeof *mem);
            int q = 0;
            if (mem) {
                for (size_t k = 0; k < e->count; k++) mem[k] = &c->ev[e->first + k];
                q = r_majority_quad(mem, e->count);
                free(mem);
            }
            *mk = (dl_render_marker){.x = spine_x, .y = my, .r = 8, .box = {spine_x - hw, my - 8, 2 * hw, 16},
                                     .span_x0 = spine_x, .span_x1 = spine_x, .quadclass = q, .sources = e->count,
                                     .count = e->count, .lane = -1, .event = r->index};
            m->n_clusters++;
            m->n_clustered += e->count;
        } else {
            double rr = r_marker_radius(r->sources);
            *mk = (dl_render_marker){.x = spine_x, .y = my, .r = rr, .box = {spine_x - rr, my - rr, 2 * rr, 2 * rr},
                                     .span_x0 = spine_x, .span_x1 = spine_x, .quadclass = r->quad,
                                     .sources = r->sources, .count = 1, .lane = -1, .event = r->index};
        }
        if (dates[i][0] && strcmp(dates[i], prev_date) != 0) {
            double dh = rt_line_height(DL_TEXT_DATE);
            rm_label(c, DL_TEXT_DATE, dates[i], spine_x - 14, my - dh / 2, DL_ALIGN_RIGHT, mi);
            prev_date = dates[i];
        }
        dl_render_card *cd = rm_card(c);
        if (!cd) {
            free_text(&ct);
            break;
        }
        cd->box = (dl_rect){card_x, yy, card_w, card_h};
        cd->marker = mi;
        cd->summary = e->summary;
        m->n_short += ct.cut;
        double ty = yy + PAD;
        for (int k = 0; k < ct.n; k++) {
            long li = rm_label_take(c, ct.k[k], ct.t[k], card_x + PAD, ty, DL_ALIGN_LEFT, mi);
            ct.t[k] = NULL;
            if (li < 0) break;
            ty += m->labels[li].box.h + LINE_GAP;
        }
        if (shown == 0) m->spine_y0 = my;
        m->spine_y1 = my;
        shown += e->count;
        y = yy + card_h + CARD_GAP;
    }
    free(dates);
    free(ent);
    if (shown < c->n) {
        m->n_hidden = c->n - shown;
        char note[160];
        snprintf(note, sizeof note, "+%zu more event%s not shown: use a taller --height, or --from/--to", m->n_hidden,
                 m->n_hidden == 1 ? "" : "s");
        rm_label(c, DL_TEXT_NOTE, note, card_x, y, DL_ALIGN_LEFT, -1);
        y += note_h + 8;
    }
    m->plot = (dl_rect){card_x, y_top, card_w, y - y_top};
    double fy = o->height > 0 ? fmax(y, o->height - R_MARGIN - foot_h) : y;
    double fh = r_footer(c, fy);
    m->height = o->height > 0 ? o->height : ceil(fy + fh + R_MARGIN);
    return DL_OK;
}

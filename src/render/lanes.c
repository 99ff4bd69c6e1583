/* lanes.c - the lanes layout: one horizontal lane per actor (or country),
 * events as markers in their actor's lane at their date, a line down or up
 * to the target's lane, like a sequence diagram laid on a time axis.
 *
 * Each marker and its label form one box.  Boxes are stacked in rows
 * ("tiers") within a lane, first fit from left to right, so no two labels
 * and no label and marker meet; events of one day keep their order, top to
 * bottom.  When a lane needs more rows than it may have, its dense stretches
 * are folded into numbered clusters - first the days with several events,
 * then weeks, months, quarters, years - and at the last resort into fixed
 * pixel bins without labels. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "render_private.h"

#define TIER_H 20.0    /* height of a row of markers */
#define LANE_PAD 6.0   /* above the first and below the last row */
#define BOX_GAP 6.0    /* between two boxes in a row */
#define LABEL_GAP 4.0  /* between a marker and its label */
#define AUTO_TIERS 6   /* rows a lane may have when the height is automatic */
#define BIN_PX 56.0    /* the last-resort clusters */
#define N_LEVELS 7     /* events, days, weeks, months, quarters, years, bins */
#define SHORT_LABEL 130.0 /* labels shortened to this before folding further */
#define CLUSTER_LABEL 210.0 /* a cluster's label at most */

static const dl_time_unit level_unit[N_LEVELS] = {DL_UNIT_NONE, DL_UNIT_DAY,  DL_UNIT_WEEK, DL_UNIT_MONTH,
                                                  DL_UNIT_QUARTER, DL_UNIT_YEAR, DL_UNIT_NONE};

/* One box in a lane: an event or a cluster. */
typedef struct item {
    size_t first, count;   /* members: lane->members[first .. first+count) */
    double x, hw;          /* marker centre and half width */
    double sx0, sx1;       /* time span drawn behind the marker */
    double left, right;    /* the box */
    char *label;           /* owned, NULL: none */
    double lw;
    int tier;
    int quad;
    bool cluster;
    bool left_label;       /* label drawn left of the marker (near the right edge) */
    bool cut;              /* label shortened with "…" */
} item;

typedef struct lane {
    const char *key;       /* borrowed from the events (NULL: other actors) */
    rev **members;         /* events whose actor is in this lane, time order */
    size_t n, cap;
    size_t count;          /* participations (as actor or target) */
    item *items;
    size_t n_items;
    int tiers;
    int level;
    bool one_actor;        /* every member has the same actor name */
} lane;

typedef struct lanes {
    rctx *c;
    dl_lane_key mode;
    lane *l;
    size_t n;
    long other;            /* index of the other-actors lane, -1 if none */
    char **names, **notes; /* per lane: its name and the line under it */
    char **labels;         /* per event (time order): its label text, lazily */
    double *label_w;
    bool *label_cut;
    rscale scale;
    double max_label_w;    /* an event's label at most */
    double label_cap;      /* labels at most, in this attempt */
} lanes;

/* ---- Which lane an entity goes to ------------------------------------------------ */

static const char *entity_key(const dl_entity *e, dl_lane_key mode) {
    if (mode == DL_LANES_COUNTRY) return e->country ? e->country : e->name;
    return e->name ? e->name : e->country;
}

static long find_lane(const lanes *L, const dl_entity *e) {
    if (L->c->o->n_actors) {
        for (size_t i = 0; i < L->n; i++)
            if ((long)i != L->other && r_entity_matches(e, L->l[i].key)) return (long)i;
        return -1;
    }
    const char *k = entity_key(e, L->mode);
    if (!k) return -1;
    for (size_t i = 0; i < L->n; i++)
        if (L->l[i].key && strcmp(L->l[i].key, k) == 0) return (long)i;
    return -1;
}

typedef struct kc {
    const char *key;
    size_t n, first;       /* score (twice the acts, plus the times targeted), first event */
    size_t acting;
} kc;

static int cmp_kc_key(const void *a, const void *b) {
    const kc *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->first < y->first ? -1 : x->first > y->first);
}
static int cmp_kc_count(const void *a, const void *b) {
    const kc *x = a, *y = b;
    if (x->n != y->n) return x->n < y->n ? 1 : -1;
    return x->first < y->first ? -1 : x->first > y->first;
}
static int cmp_kc_first(const void *a, const void *b) {
    const kc *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* Participations (actor or target) per key, the most active first. */
static kc *count_keys(rctx *c, dl_lane_key mode, size_t *n_out, size_t *total) {
    kc *k = malloc((2 * c->n + 1) * sizeof *k);
    if (!k) return NULL;
    size_t n = 0;
    for (size_t i = 0; i < c->n; i++) {
        const dl_event *ev = c->ev[i].ev;
        const char *a = entity_key(&ev->actor, mode);
        const char *t = ev->has_target ? entity_key(&ev->target, mode) : NULL;
        /* first: the actor of an event comes before its target */
        if (a) k[n++] = (kc){a, 2, 2 * i, 1};
        if (t && (!a || strcmp(a, t) != 0)) k[n++] = (kc){t, 1, 2 * i + 1, 0};
    }
    *total = 0;
    for (size_t i = 0; i < n; i++) *total += k[i].n;
    qsort(k, n, sizeof *k, cmp_kc_key);
    size_t d = 0;
    for (size_t i = 0; i < n; i++) {
        if (d && strcmp(k[d - 1].key, k[i].key) == 0) {
            k[d - 1].n += k[i].n;
            k[d - 1].acting += k[i].acting;
        } else k[d++] = k[i];
    }
    qsort(k, d, sizeof *k, cmp_kc_count);
    *n_out = d;
    return k;
}

static double coverage(const kc *k, size_t n, size_t total, size_t max) {
    size_t s = 0;
    for (size_t i = 0; i < n && i < max; i++) s += k[i].n;
    return total ? (double)s / (double)total : 1;
}

static dl_status choose_lanes(lanes *L) {
    rctx *c = L->c;
    const dl_render_options *o = c->o;
    size_t max = o->max_lanes;
    kc *k = NULL;
    size_t nk = 0, total = 0;
    if (o->n_actors) {
        L->mode = o->lanes ? o->lanes : DL_LANES_ACTOR;
        k = calloc(o->n_actors + 1, sizeof *k);
        if (!k) return DL_ERR_NOMEM;
        for (size_t i = 0; i < o->n_actors; i++) k[nk++] = (kc){o->actors[i], 0, i, 0};
    } else {
        L->mode = o->lanes;
        if (L->mode == DL_LANES_AUTO) {
            size_t na, ta, nc, tc;
            kc *ka = count_keys(c, DL_LANES_ACTOR, &na, &ta);
            kc *kk = count_keys(c, DL_LANES_COUNTRY, &nc, &tc);
            if (!ka || !kk) {
                free(ka);
                free(kk);
                return DL_ERR_NOMEM;
            }
            double ca = coverage(ka, na, ta, max), cc = coverage(kk, nc, tc, max);
            L->mode = ca >= 0.75 || ca >= cc ? DL_LANES_ACTOR : DL_LANES_COUNTRY;
            free(ka);
            free(kk);
        }
        k = count_keys(c, L->mode, &nk, &total);
        if (!k) return DL_ERR_NOMEM;
        /* Every actor gets a lane when they all fit, and the lanes left go to
         * the most frequent targets; else the most active take them all. */
        size_t n_act = 0;
        for (size_t i = 0; i < nk; i++) n_act += k[i].acting > 0;
        if (n_act <= max && nk > max) {
            size_t w = 0, targets = 0;
            for (size_t i = 0; i < nk; i++)
                if (k[i].acting > 0 || targets++ < max - n_act) k[w++] = k[i];
            nk = w;
        }
        if (nk > max) nk = max;
        qsort(k, nk, sizeof *k, cmp_kc_first); /* lanes in order of first appearance */
    }
    L->l = calloc(nk + 1, sizeof *L->l);
    if (!L->l) {
        free(k);
        return DL_ERR_NOMEM;
    }
    for (size_t i = 0; i < nk; i++) L->l[i] = (lane){.key = k[i].key};
    L->n = nk;
    L->other = -1;
    free(k);
    /* Which lane each event goes to; the rest to "other actors". */
    for (size_t i = 0; i < c->n; i++) {
        rev *r = &c->ev[i];
        r->lane = find_lane(L, &r->ev->actor);
        if (r->lane < 0) {
            if (L->other < 0) {
                L->other = (long)L->n;
                L->l[L->n++] = (lane){.key = NULL};
            }
            r->lane = L->other;
        }
    }
    for (size_t i = 0; i < c->n; i++) {
        rev *r = &c->ev[i];
        r->target_lane = r->ev->has_target ? find_lane(L, &r->ev->target) : -1;
        if (r->target_lane < 0 && r->ev->has_target && (r->ev->target.name || r->ev->target.country))
            r->target_lane = L->other;
        lane *ln = &L->l[r->lane];
        if (ln->n == ln->cap) {
            size_t nc = ln->cap ? ln->cap * 2 : 16;
            rev **p = realloc(ln->members, nc * sizeof *p);
            if (!p) return DL_ERR_NOMEM;
            ln->members = p;
            ln->cap = nc;
        }
        ln->members[ln->n++] = r;
        ln->count++;
        if (r->target_lane >= 0 && r->target_lane != r->lane) L->l[r->target_lane].count++;
    }
    for (size_t i = 0; i < L->n; i++) {
        lane *ln = &L->l[i];
        ln->one_actor = ln->n > 0 && ln->key != NULL;
        const char *first = ln->n ? ln->members[0]->ev->actor.name : NULL;
        for (size_t j = 0; j < ln->n && ln->one_actor; j++) {
            const char *nm = ln->members[j]->ev->actor.name;
            ln->one_actor = first && nm && strcmp(nm, first) == 0;
        }
    }
    /* With --actors, a lane named as the user typed it shows the name as
     * the events spell it ("sergey lavrov" -> "Sergey Lavrov"). */
    for (size_t i = 0; i < L->n && c->o->n_actors; i++)
        for (size_t j = 0; j < c->n && (long)i != L->other; j++) {
            const dl_event *ev = c->ev[j].ev;
            const char *nm = ev->actor.name && dl_strcasecmp(ev->actor.name, L->l[i].key) == 0 ? ev->actor.name
                             : ev->has_target && ev->target.name && dl_strcasecmp(ev->target.name, L->l[i].key) == 0
                                 ? ev->target.name
                                 : NULL;
            if (nm) {
                L->l[i].key = nm;
                break;
            }
        }
    /* With --actors, a named actor that takes no part gets no lane. */
    size_t w = 0;
    for (size_t i = 0; i < L->n; i++) {
        if (L->l[i].count == 0) {
            free(L->l[i].members);
            continue;
        }
        L->l[w] = L->l[i];
        if (L->other == (long)i) L->other = (long)w;
        for (size_t j = 0; j < L->l[w].n; j++) L->l[w].members[j]->lane = (long)w;
        w++;
    }
    if (w != L->n) {
        /* re-resolve targets against the renumbered lanes */
        L->n = w;
        for (size_t i = 0; i < c->n; i++) {
            rev *r = &c->ev[i];
            r->target_lane = r->ev->has_target ? find_lane(L, &r->ev->target) : -1;
            if (r->target_lane < 0 && r->ev->has_target && (r->ev->target.name || r->ev->target.country))
                r->target_lane = L->other;
        }
    }
    return DL_OK;
}

/* ---- Labels ------------------------------------------------------------------------ */

/* "Accuse → Liz Truss" in an actor's lane; the actor first where the lane
 * does not say who acted. */
static const char *event_label(lanes *L, rev *r) {
    size_t i = r->index;
    if (L->labels[i]) return L->labels[i];
    const dl_event *ev = r->ev;
    char actor[160] = "", target[160] = "", text[512];
    bool lane_names_actor = L->mode == DL_LANES_ACTOR && r->lane != L->other && !L->c->o->n_actors;
    const lane *ln = &L->l[r->lane];
    /* in a country's lane, the actor unless the lane has only one (its
     * note names it) or the actor is the country itself */
    if (!lane_names_actor && (ev->actor.name || (r->lane == L->other && ev->actor.country)) && !ln->one_actor &&
        !(ln->key && ev->actor.name && strcmp(ln->key, ev->actor.name) == 0))
        r_entity_name(&ev->actor, false, actor, sizeof actor);
    if (ev->has_target && (ev->target.name || ev->target.country)) r_entity_name(&ev->target, false, target, sizeof target);
    snprintf(text, sizeof text, "%s%s%s%s%s", actor, actor[0] ? ": " : "", r->action, target[0] ? " → " : "", target);
    char *clean = rt_clean(text);
    if (!clean) return NULL;
    L->labels[i] = rt_fit(DL_TEXT_EVENT, clean, L->max_label_w, 1, &L->label_cut[i]);
    free(clean);
    if (!L->labels[i]) return NULL;
    L->label_w[i] = rt_width(DL_TEXT_EVENT, L->labels[i]);
    return L->labels[i];
}

/* ---- Items at a level of folding, and their rows --------------------------------- */

static void free_items(lane *ln) {
    for (size_t i = 0; i < ln->n_items; i++) free(ln->items[i].label);
    free(ln->items);
    ln->items = NULL;
    ln->n_items = 0;
}

static double period_of(const lanes *L, int level, const rev *r) {
    /* by first day, the order the members are in, so a bin is one run */
    if (level == N_LEVELS - 1) return floor((rscale_x(&L->scale, r->t0) - L->scale.x0[0]) / BIN_PX);
    return r_unit_floor(level_unit[level], r->day);
}

/* Labels go right of their marker, or left of it when they would run past
 * the plot's right edge; shortened to the wider side when neither holds. */
static bool side_label(lanes *L, item *it) {
    double x0 = L->scale.x0[0], x1 = L->scale.x1[L->scale.n - 1];
    double right = x1 - (it->x + it->hw + LABEL_GAP), left = it->x - it->hw - LABEL_GAP - x0;
    it->left_label = false;
    if (it->lw <= right) return true;
    if (it->lw <= left) {
        it->left_label = true;
        return true;
    }
    it->left_label = left > right;
    bool cut;
    char *t = rt_fit(it->cluster ? DL_TEXT_CLUSTER : DL_TEXT_EVENT, it->label, fmax(left, right), 1, &cut);
    if (!t) return false;
    it->cut |= cut;
    free(it->label);
    it->label = t;
    it->lw = rt_width(it->cluster ? DL_TEXT_CLUSTER : DL_TEXT_EVENT, t);
    return true;
}

static bool make_items(lanes *L, lane *ln, int level) {
    free_items(ln);
    ln->items = calloc(ln->n ? ln->n : 1, sizeof *ln->items);
    if (!ln->items) return false;
    for (size_t i = 0; i < ln->n;) {
        size_t j = i + 1;
        if (level > 0) {
            double p = period_of(L, level, ln->members[i]);
            while (j < ln->n && period_of(L, level, ln->members[j]) == p) j++;
        }
        item *it = &ln->items[ln->n_items++];
        it->first = i;
        it->count = j - i;
        it->cluster = j - i > 1;
        rev **mem = ln->members + i;
        if (!it->cluster) {
            rev *r = mem[0];
            it->x = rscale_x(&L->scale, r->t);
            it->hw = r_marker_radius(r->sources);
            it->quad = r->quad;
            it->sx0 = rscale_x(&L->scale, r->t0);
            it->sx1 = rscale_x(&L->scale, r->t1);
            if (r->t1 - r->t0 <= 1 || it->sx1 - it->sx0 <= 2 * it->hw) it->sx0 = it->sx1 = it->x;
            if (level == N_LEVELS - 1) {
                /* the last resort: no labels, every marker inside its bin */
                double b0 = L->scale.x0[0] + period_of(L, level, r) * BIN_PX;
                it->x = fmin(fmax(it->x, b0 + it->hw + 1), b0 + BIN_PX - BOX_GAP - it->hw - 1);
                it->sx0 = it->sx1 = it->x;
                it->left = it->x - it->hw;
                it->right = it->x + it->hw;
                i = j;
                continue;
            }
            const char *lab = event_label(L, r);
            if (!lab) return false;
            it->cut = L->label_cut[r->index];
            if (L->label_w[r->index] <= L->label_cap) {
                it->label = dl_strdup(lab);
                it->lw = L->label_w[r->index];
            } else {
                it->cut = true;
                it->label = rt_fit(DL_TEXT_EVENT, lab, L->label_cap, 1, NULL);
                it->lw = it->label ? rt_width(DL_TEXT_EVENT, it->label) : 0;
            }
            if (!it->label) return false;
        } else {
            /* the pill sits at the median member; a line shows their extent */
            it->x = rscale_x(&L->scale, mem[it->count / 2]->t);
            it->sx0 = rscale_x(&L->scale, mem[0]->t);
            it->sx1 = rscale_x(&L->scale, mem[it->count - 1]->t);
            char num[32];
            snprintf(num, sizeof num, "%zu", it->count);
            it->hw = fmax(rt_width(RT_BADGE, num) / 2 + 5, 8);
            it->quad = r_majority_quad(mem, it->count);
            if (level < N_LEVELS - 1) {
                char *s = r_action_summary(mem, it->count, 2);
                if (!s) return false;
                it->label = rt_fit(DL_TEXT_CLUSTER, s, fmin(L->label_cap, CLUSTER_LABEL), 1, &it->cut);
                free(s);
                if (!it->label) return false;
                it->lw = rt_width(DL_TEXT_CLUSTER, it->label);
            } else {
                /* the bins are BIN_PX wide: keep the pill inside its own */
                double b0 = L->scale.x0[0] + period_of(L, level, mem[0]) * BIN_PX;
                it->x = fmin(fmax(it->x, b0 + it->hw + 1), b0 + BIN_PX - BOX_GAP - it->hw - 1);
                it->sx0 = it->sx1 = it->x;
            }
        }
        if (it->label && !side_label(L, it)) return false;
        double lx0 = it->x - it->hw, lx1 = it->x + it->hw;
        if (it->label && it->left_label) lx0 -= LABEL_GAP + it->lw;
        else if (it->label) lx1 += LABEL_GAP + it->lw;
        it->left = fmin(lx0, it->sx0);
        it->right = fmax(lx1, it->sx1);
        i = j;
    }
    return true;
}

/* Items in time order (ties: order of the events), whatever their extents. */
static int cmp_x(const void *a, const void *b) {
    const item *x = a, *y = b;
    if (x->x != y->x) return x->x < y->x ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

/* First fit into at most max_tiers rows, in time order: an item goes into
 * the first row whose boxes all end (with a gap) before it starts.  False
 * when something does not fit. */
static bool place(lane *ln, int max_tiers) {
    qsort(ln->items, ln->n_items, sizeof *ln->items, cmp_x);
    double end[64];
    int cap = max_tiers < 64 ? max_tiers : 64;
    for (int t = 0; t < cap; t++) end[t] = -1e18;
    ln->tiers = 1;
    const item *prev = NULL;
    for (size_t i = 0; i < ln->n_items; i++) {
        item *it = &ln->items[i];
        int t = 0;
        /* an event on the same day and lane as the one before goes below it */
        if (prev && !it->cluster && !prev->cluster && ln->members[it->first]->day == ln->members[prev->first]->day)
            t = prev->tier + 1;
        while (t < cap && end[t] + BOX_GAP > it->left) t++;
        if (t >= cap) return false;
        it->tier = t;
        end[t] = fmax(end[t], it->right); /* a row's boxes all end before end[t] */
        if (t + 1 > ln->tiers) ln->tiers = t + 1;
        prev = it;
    }
    return true;
}

/* The least folding that fits: at each level, labels at full length, then
 * shortened, before folding further. */
static bool fit_lane(lanes *L, lane *ln, int max_tiers) {
    for (int attempt = 0; attempt < 2 * N_LEVELS - 1; attempt++) {
        int level = (attempt + 1) / 2;
        L->label_cap = attempt % 2 == 0 || level == N_LEVELS - 1 ? L->max_label_w : SHORT_LABEL;
        if (!make_items(L, ln, level)) return false;
        ln->level = level;
        if (place(ln, max_tiers)) return true;
    }
    return false; /* not reached: the bins hold one unlabelled box each, in one row */
}

/* ---- Lane names -------------------------------------------------------------------- */

static char *lane_note(lanes *L, const lane *ln) {
    char buf[256];
    size_t n = ln->n;
    if (!ln->key) {
        snprintf(buf, sizeof buf, "%zu event%s", n, n == 1 ? "" : "s");
    } else if (L->mode == DL_LANES_COUNTRY) {
        /* the two most active named actors of the country */
        const char *a = NULL, *b = NULL;
        size_t ca = 0, cb = 0;
        for (size_t i = 0; i < ln->n; i++) {
            const char *nm = ln->members[i]->ev->actor.name;
            if (!nm || (a && strcmp(nm, a) == 0) || (b && strcmp(nm, b) == 0)) continue;
            size_t cnt = 0;
            for (size_t j = i; j < ln->n; j++) cnt += ln->members[j]->ev->actor.name && strcmp(ln->members[j]->ev->actor.name, nm) == 0;
            if (cnt > ca) {
                b = a;
                cb = ca;
                a = nm;
                ca = cnt;
            } else if (cnt > cb) {
                b = nm;
                cb = cnt;
            }
        }
        if (a && b) snprintf(buf, sizeof buf, "%s, %s", a, b);
        else if (a) snprintf(buf, sizeof buf, "%s", a);
        else snprintf(buf, sizeof buf, "%zu event%s", n, n == 1 ? "" : "s");
    } else {
        const char *country = NULL;
        for (size_t i = 0; i < ln->n && !country; i++) country = ln->members[i]->ev->actor.country;
        if (country && strcmp(country, ln->key) != 0)
            snprintf(buf, sizeof buf, "%s · %zu event%s", country, n, n == 1 ? "" : "s");
        else snprintf(buf, sizeof buf, "%zu event%s", n, n == 1 ? "" : "s");
    }
    if (n == 0) snprintf(buf, sizeof buf, "target of %zu event%s", ln->count, ln->count == 1 ? "" : "s");
    return rt_clean(buf);
}

/* ---- The layout ------------------------------------------------------------------ */

static int cmp_span(const void *a, const void *b) {
    const rspan *x = a, *y = b;
    return x->t0 < y->t0 ? -1 : x->t0 > y->t0;
}

static void free_lanes(lanes *L) {
    for (size_t i = 0; i < L->n; i++) {
        free_items(&L->l[i]);
        free(L->l[i].members);
        if (L->names) free(L->names[i]);
        if (L->notes) free(L->notes[i]);
    }
    free(L->names);
    free(L->notes);
    free(L->l);
    if (L->labels)
        for (size_t i = 0; i < L->c->n; i++) free(L->labels[i]);
    free(L->labels);
    free(L->label_w);
    free(L->label_cut);
}

/* The names column: each lane's name and note, fitted to at most a fifth
 * of the width; returns the column's width, -1 when out of memory. */
static double name_column(lanes *L) {
    double col_max = fmin(fmax(0.2 * L->c->m->width, 90), 240), col_w = 0;
    L->names = calloc(L->n, sizeof *L->names);
    L->notes = calloc(L->n, sizeof *L->notes);
    if (!L->names || !L->notes) return -1;
    for (size_t i = 0; i < L->n; i++) {
        char *clean = rt_clean(L->l[i].key ? L->l[i].key : "Other actors");
        char *note = clean ? lane_note(L, &L->l[i]) : NULL;
        L->names[i] = clean ? rt_fit(DL_TEXT_LANE, clean, col_max, 1, NULL) : NULL;
        L->notes[i] = note ? rt_fit(DL_TEXT_LANE_NOTE, note, col_max, 1, NULL) : NULL;
        free(clean);
        free(note);
        if (!L->names[i] || !L->notes[i]) return -1;
        col_w = fmax(col_w, fmax(rt_width(DL_TEXT_LANE, L->names[i]), rt_width(DL_TEXT_LANE_NOTE, L->notes[i])));
    }
    return col_w;
}

/* The time scale over the events (or the chosen dates) onto [x0, x1].
 * Dates known to the day set the axis.  A date known only to the week or
 * month ("in January") is marked in the middle of its overlap with them
 * when it covers at least half of their range, else in its own middle,
 * which then counts as one day: it neither stretches the axis over its
 * whole period nor keeps an empty stretch from being squeezed; its bar may
 * run across. */
static bool time_scale(lanes *L, double x0, double x1) {
    rctx *c = L->c;
    rspan *sp = malloc(c->n * sizeof *sp);
    if (!sp) return false;
    double plo = 1e18, phi = -1e18, lo = 1e18, hi = -1e18;
    for (size_t i = 0; i < c->n; i++)
        if (c->ev[i].t1 - c->ev[i].t0 <= 1) {
            plo = fmin(plo, c->ev[i].t0);
            phi = fmax(phi, c->ev[i].t1);
        }
    for (size_t i = 0; i < c->n; i++) {
        rev *r = &c->ev[i];
        if (r->t1 - r->t0 > 1) {
            double a = fmax(r->t0, plo), b = fmin(r->t1, phi);
            if (plo < phi && b - a >= (phi - plo) / 2) r->t = (a + b) / 2;
            sp[i] = (rspan){floor(r->t), floor(r->t) + 1};
        } else sp[i] = (rspan){r->t0, r->t1};
        lo = fmin(lo, sp[i].t0);
        hi = fmax(hi, sp[i].t1);
    }
    qsort(sp, c->n, sizeof *sp, cmp_span);
    /* room for the markers at both ends */
    double pad = 14 / ((x1 - x0) / fmax(hi - lo, 1));
    lo = c->o->from != DL_DAY_NONE ? c->o->from : lo - pad;
    hi = c->o->to != DL_DAY_NONE ? c->o->to + 1.0 : hi + pad;
    bool ok = rscale_build(&L->scale, sp, c->n, lo, hi, x0, x1, true);
    free(sp);
    return ok;
}

/* A lane's markers, labels and connectors (the lanes are placed). */
static void emit_lane(lanes *L, size_t li, double fixed_lane_h) {
    rctx *c = L->c;
    dl_render_model *m = c->m;
    lane *ln = &L->l[li];
    const dl_rect band = m->lanes[li].box;
    double label_h = rt_line_height(DL_TEXT_EVENT);
    for (size_t k = 0; k < ln->n_items && !c->nomem; k++) {
        item *it = &ln->items[k];
        rev **mem = ln->members + it->first;
        double cy = band.y + LANE_PAD + TIER_H * (it->tier + 0.5);
        if (fixed_lane_h > 0) cy += (band.h - 2 * LANE_PAD - ln->tiers * TIER_H) / 2;
        dl_render_marker *mk = rm_marker(c);
        if (!mk) return;
        double hh = it->cluster ? 8 : it->hw;
        *mk = (dl_render_marker){
            .x = it->x, .y = cy, .r = hh,
            .box = {it->x - it->hw, cy - hh, 2 * it->hw, 2 * hh},
            .span_x0 = it->sx0, .span_x1 = it->sx1,
            .quadclass = it->quad,
            .sources = it->cluster ? it->count : mem[0]->sources,
            .count = it->count, .lane = (long)li, .tier = it->tier, .event = mem[0]->index,
        };
        long mi = (long)m->n_markers - 1;
        if (it->cluster) {
            m->n_clusters++;
            m->n_clustered += it->count;
        }
        if (it->label) {
            double lx = it->left_label ? it->x - it->hw - LABEL_GAP - it->lw : it->x + it->hw + LABEL_GAP;
            rm_label_take(c, it->cluster ? DL_TEXT_CLUSTER : DL_TEXT_EVENT, it->label, lx, cy - label_h / 2,
                          DL_ALIGN_LEFT, mi);
            it->label = NULL;
            m->n_short += it->cut;
        }
        /* a line from an event to its target's lane (a cluster's targets
         * are many: its label names its actions instead) */
        long tl = mem[0]->target_lane;
        if (!it->cluster && tl >= 0 && tl != (long)li) {
            const dl_rect *tb = &m->lanes[tl].box;
            dl_render_connector *cn = rm_connector(c);
            if (!cn) return;
            bool down = tl > (long)li;
            *cn = (dl_render_connector){.x = it->x, .y0 = down ? cy + hh : cy - hh,
                                        .y1 = down ? tb->y + LANE_PAD : tb->y + tb->h - LANE_PAD,
                                        .quadclass = mem[0]->quad, .from_lane = (long)li, .to_lane = tl};
        }
    }
}

dl_status r_layout_lanes(rctx *c, double y_top) {
    dl_render_model *m = c->m;
    const dl_render_options *o = c->o;
    lanes L = {.c = c};
    dl_status st = DL_OK;
    bool ok = choose_lanes(&L) == DL_OK;
    L.labels = calloc(c->n, sizeof *L.labels);
    L.label_w = calloc(c->n, sizeof *L.label_w);
    L.label_cut = calloc(c->n, sizeof *L.label_cut);
    double col_w = ok && L.labels && L.label_w && L.label_cut ? name_column(&L) : -1;
    if (col_w < 0) goto nomem;
    m->lane_key = L.mode;
    double x0 = R_MARGIN + 8 + col_w + 16, x1 = m->width - R_MARGIN;
    if (x1 - x0 < 120) {
        st = dl_error_set(c->err, DL_ERR_USAGE, NULL, -1, -1, "width %g leaves no room for the time axis", m->width);
        goto done;
    }
    L.max_label_w = fmin(fmax((x1 - x0) * 0.3, 120), 320);
    if (!time_scale(&L, x0, x1)) goto nomem;

    /* Rows per lane: as many as needed up to AUTO_TIERS, or what a fixed
     * height leaves to each lane. */
    double name_h = rt_line_height(DL_TEXT_LANE), note_h = rt_line_height(DL_TEXT_LANE_NOTE);
    double axis_h = r_axis_height(), foot_h = r_footer_height(c);
    int max_tiers = AUTO_TIERS;
    double fixed_lane_h = 0;
    if (o->height > 0) {
        fixed_lane_h = (o->height - y_top - axis_h - foot_h - R_MARGIN) / (double)L.n;
        max_tiers = (int)floor((fixed_lane_h - 2 * LANE_PAD) / TIER_H);
        if (max_tiers < 1 || fixed_lane_h < name_h + note_h + 2) {
            double need = y_top + axis_h + foot_h + R_MARGIN + L.n * fmax(TIER_H + 2 * LANE_PAD, name_h + note_h + 4);
            st = dl_error_set(c->err, DL_ERR_USAGE, NULL, -1, -1,
                              "height %g is too small for %zu lanes (at least %.0f px needed)", o->height, L.n, need);
            goto done;
        }
    }
    for (size_t i = 0; i < L.n; i++)
        if (!fit_lane(&L, &L.l[i], max_tiers)) goto nomem;

    /* Lanes top to bottom, then what is in them. */
    double y = y_top;
    for (size_t i = 0; i < L.n; i++) {
        lane *ln = &L.l[i];
        dl_render_lane *dl = rm_lane(c);
        if (!dl) goto nomem;
        double h = fixed_lane_h > 0 ? fixed_lane_h
                                    : fmax(2 * LANE_PAD + ln->tiers * TIER_H, name_h + note_h + 2 * LANE_PAD + 2);
        *dl = (dl_render_lane){.key = dl_strdup(ln->key ? ln->key : ""), .box = {R_MARGIN, y, m->width - 2 * R_MARGIN, h},
                               .n_events = ln->n, .tiers = ln->tiers, .other = (long)i == L.other};
        if (!dl->key) goto nomem;
        rm_label_take(c, DL_TEXT_LANE, L.names[i], R_MARGIN + 8, y + LANE_PAD, DL_ALIGN_LEFT, -1);
        rm_label_take(c, DL_TEXT_LANE_NOTE, L.notes[i], R_MARGIN + 8, y + LANE_PAD + name_h + 1, DL_ALIGN_LEFT, -1);
        L.names[i] = L.notes[i] = NULL;
        y += h;
    }
    m->plot = (dl_rect){x0, y_top, x1 - x0, y - y_top};
    for (size_t i = 0; i < L.n; i++) emit_lane(&L, i, fixed_lane_h);

    double fy = y + r_axis(c, &L.scale, y) + 6;
    if (o->height > 0) fy = fmax(fy, o->height - R_MARGIN - foot_h);
    double fh = r_footer(c, fy);
    m->height = o->height > 0 ? o->height : ceil(fy + fh + R_MARGIN);
    goto done;
nomem:
    c->nomem = true;
done:
    free_lanes(&L);
    return st;
}

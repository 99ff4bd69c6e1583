/* output.c - the merged events: their mentions in order, the merged
 * event's fields, the timeline order, the filters, and the events as
 * dl_event views (strings borrowed from the pool) for writing or copying. */
#include "../common/util.h"
#include "timeline_private.h"

/* Mentions: by place, then by coding. */
static int cmp_atom(const dl_timeline *tl, uint32_t ia, uint32_t ib) {
    const atom *a = &tl->atoms[ia], *b = &tl->atoms[ib];
    int c;
    if ((c = cmp_id(tl, a->article, b->article)) || (c = cmp_num(a->sentence, b->sentence)) ||
        (c = cmp_num(a->start, b->start)) || (c = cmp_num(a->end, b->end)) || (c = cmp_id(tl, a->text, b->text)) ||
        (c = dl_merge_cmp_sig(tl, a->sig, b->sig)))
        return c;
    return cmp_id(tl, a->id, b->id);
}

/* The timeline: by date, precision, first mention.  The keys of each event
 * side by side, so that sorting a large timeline reads one small array
 * instead of four scattered ones for every comparison. */
struct cluster_key {
    int32_t start;
    uint8_t none, gran; /* no start date; gran_rank() */
    uint32_t atom, lead;
    uint32_t art;       /* the first mention's article rank (0: none), */
    long sentence, at, end; /* its sentence and offsets: what cmp_atom compares first */
};

static int cmp_cluster_key(const dl_timeline *tl, uint32_t ia, uint32_t ib) {
    const struct cluster_key *a = &tl->ckeys[ia], *b = &tl->ckeys[ib];
    int c;
    if ((c = a->none - b->none) || (c = cmp_num(a->start, b->start)) || (c = a->gran - b->gran))
        return c;
    if (a->art && b->art && a->art != b->art) return a->art < b->art ? -1 : 1;
    if (a->art && b->art &&
        ((c = cmp_num(a->sentence, b->sentence)) || (c = cmp_num(a->at, b->at)) || (c = cmp_num(a->end, b->end))))
        return c;
    if ((c = cmp_atom(tl, a->atom, b->atom))) return c;
    return dl_merge_cmp_sig(tl, a->lead, b->lead);
}

/* The timeline order (cmp_cluster_key). */
static bool order_clusters(dl_timeline *tl) {
    tl->ckeys = malloc(((size_t)tl->n_cl + 1) * sizeof *tl->ckeys);
    if (!tl->ckeys) return false;
    for (uint32_t c = 0; c < tl->n_cl; c++) {
        const sig *s = &tl->sigs[tl->cl[c].lead];
        const atom *a = &tl->atoms[tl->members[tl->cl[c].off]];
        tl->ckeys[c] = (struct cluster_key){.start = s->start, .none = s->start == DL_DAY_NONE,
                                            .gran = (uint8_t)gran_rank(s->gran), .atom = tl->members[tl->cl[c].off],
                                            .lead = tl->cl[c].lead, .art = a->article ? tl->rank[a->article] : 0,
                                            .sentence = a->sentence, .at = a->start, .end = a->end};
    }
    bool ok = dl_merge_sort_idx(tl, tl->order, tl->n_cl, cmp_cluster_key);
    free(tl->ckeys);
    tl->ckeys = NULL;
    return ok;
}

/* ---- the merged event ------------------------------------------------------ */

static int code_specificity(const char *code) {
    size_t n = strlen(code);
    return n <= 2 ? 0 : n == 3 ? (code[2] == '0' ? 1 : 2) : 3;
}

static int ent_specificity(const ent *e, bool person) {
    return person ? 3 : e->name ? 2 : e->country ? 1 : 0;
}

/* A small tally of distinct values (an event's codes or entities). */
typedef struct tally {
    uint32_t first_atom; /* first mention with this value */
    uint32_t count;
    uint32_t sig;
    uint8_t k;           /* which side of sig (entities) */
} tally;

static bool summarise(dl_timeline *tl, cluster *c, tally **buf, uint32_t *cap) {
    const uint32_t *mem = &tl->members[c->off];
    /* Code: the most specific, then the most mentioned, then the lowest. */
    uint32_t nt = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        const sig *s = &tl->sigs[tl->atoms[mem[i]].sig];
        uint32_t t = 0;
        while (t < nt && strcmp(tl->sigs[(*buf)[t].sig].code, s->code) != 0) t++;
        if (t == nt) {
            if (!grow((void **)buf, cap, (size_t)nt + 1, sizeof **buf)) return false;
            (*buf)[nt++] = (tally){i, 0, tl->atoms[mem[i]].sig, 0};
        }
        (*buf)[t].count++;
    }
    uint32_t bt = 0;
    for (uint32_t t = 1; t < nt; t++) {
        const char *a = tl->sigs[(*buf)[t].sig].code, *b = tl->sigs[(*buf)[bt].sig].code;
        int d = code_specificity(a) - code_specificity(b);
        if (!d) d = (int)((*buf)[t].count > (*buf)[bt].count) - (int)((*buf)[t].count < (*buf)[bt].count);
        if (!d) d = strcmp(b, a);
        if (d > 0) bt = t;
    }
    /* Its words from the first mention with that code that says it
     * happened (not planned or hypothetical), else the first with it. */
    const sig *cs = &tl->sigs[(*buf)[bt].sig];
    for (uint32_t i = 0; i < c->n && cs->hypothetical; i++) {
        const sig *s = &tl->sigs[tl->atoms[mem[i]].sig];
        if (!s->hypothetical && strcmp(s->code, cs->code) == 0) cs = s;
    }
    memcpy(c->code, cs->code, sizeof c->code);
    c->action_text = cs->action_text;
    c->quadclass = cs->quadclass;
    c->goldstein = cs->goldstein;
    /* Actor and target: the most specific (person, named body, country),
     * then with a sector, then the most mentioned, then by name. */
    for (int side = 0; side < 2; side++) {
        nt = 0;
        for (uint32_t i = 0; i < c->n; i++) {
            uint32_t si = tl->atoms[mem[i]].sig;
            const sig *s = &tl->sigs[si];
            uint8_t k = (uint8_t)(side ^ s->swapped);
            const ent *e = &s->side[k];
            uint32_t t = 0;
            for (; t < nt; t++) {
                const ent *f = &tl->sigs[(*buf)[t].sig].side[(*buf)[t].k];
                if (f->name == e->name && f->country == e->country && f->sector == e->sector && f->code == e->code)
                    break;
            }
            if (t == nt) {
                if (!grow((void **)buf, cap, (size_t)nt + 1, sizeof **buf)) return false;
                (*buf)[nt++] = (tally){i, 0, si, k};
            }
            (*buf)[t].count++;
        }
        bt = 0;
        for (uint32_t t = 1; t < nt; t++) {
            const tally *x = &(*buf)[t], *y = &(*buf)[bt];
            const ent *a = &tl->sigs[x->sig].side[x->k], *b = &tl->sigs[y->sig].side[y->k];
            int d = ent_specificity(a, tl->sigs[x->sig].person[x->k]) - ent_specificity(b, tl->sigs[y->sig].person[y->k]);
            if (!d) d = (a->sector != 0) - (b->sector != 0);
            if (!d) d = (int)(x->count > y->count) - (int)(x->count < y->count);
            if (!d) d = -dl_merge_cmp_ent(tl, a, b);
            if (d > 0) bt = t;
        }
        c->out[side] = tl->sigs[(*buf)[bt].sig].side[(*buf)[bt].k];
    }
    /* The rest: the first mention's id and quote; hypothetical only when
     * every mention says so; confidence over distinct articles. */
    c->id = tl->atoms[mem[0]].id;
    c->quote = 0;
    c->hypothetical = 1;
    double keep = 1.0, best = 0, art_max = 0;
    c->n_articles = 0;
    for (uint32_t i = 0; i < c->n; i++) {
        const atom *a = &tl->atoms[mem[i]];
        const sig *s = &tl->sigs[a->sig];
        if (!c->quote) c->quote = s->quote;
        if (!s->hypothetical) c->hypothetical = 0;
        if (i == 0 || a->article != tl->atoms[mem[i - 1]].article) {
            if (i) keep *= 1.0 - art_max;
            c->n_articles++;
            art_max = s->confidence;
        } else if (s->confidence > art_max) {
            art_max = s->confidence;
        }
        if (s->confidence > best) best = s->confidence;
    }
    keep *= 1.0 - art_max;
    if (c->n_articles == 1) c->confidence = art_max;
    else {
        c->confidence = 1.0 - keep;
        if (c->confidence > 0.99) c->confidence = best > 0.99 ? best : 0.99;
    }
    return true;
}

/* ---- filters --------------------------------------------------------------- */

static bool has_ci(const char *hay, const char *needle) {
    if (!hay) return false;
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (dl_strncasecmp(hay, needle, n) == 0) return true;
    return false;
}

static bool passes(const dl_timeline *tl, const cluster *c) {
    const dl_merge_options *o = &tl->opt;
    const sig *lead = &tl->sigs[c->lead];
    if (o->from != DL_DAY_NONE && (lead->start == DL_DAY_NONE || lead->start < o->from)) return false;
    if (o->to != DL_DAY_NONE && (lead->start == DL_DAY_NONE || lead->start > o->to)) return false;
    if (o->min_sources > 1 && c->n_articles < o->min_sources) return false;
    bool ok = !o->n_actors;
    for (size_t i = 0; i < o->n_actors && !ok; i++)
        ok = has_ci(S(tl, c->out[0].name), o->actors[i]) || (c->has_target && has_ci(S(tl, c->out[1].name), o->actors[i]));
    if (!ok) return false;
    ok = !o->n_countries;
    for (size_t i = 0; i < o->n_countries && !ok; i++) {
        const char *a = S(tl, c->out[0].country), *t = c->has_target ? S(tl, c->out[1].country) : NULL;
        ok = (a && strcmp(a, o->countries[i]) == 0) || (t && strcmp(t, o->countries[i]) == 0);
    }
    if (!ok) return false;
    ok = !o->n_roots;
    for (size_t i = 0; i < o->n_roots && !ok; i++) ok = strncmp(c->code, o->roots[i], 2) == 0 && strlen(o->roots[i]) == 2;
    return ok;
}

/* ---- arranging ---------------------------------------------------------------- */

static int cmp_pair(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* Pieces: distinct (input event, output event) pairs. */
static bool count_pieces(dl_timeline *tl, size_t *pieces) {
    size_t n = tl->n_atoms + tl->n_dups;
    uint64_t *p = malloc((n ? n : 1) * sizeof *p);
    if (!p) return false;
    for (uint32_t i = 0; i < tl->n_atoms; i++)
        p[i] = (uint64_t)tl->atoms[i].ev << 32 | tl->sigs[tl->atoms[i].sig].cluster;
    for (size_t i = 0; i < tl->n_dups; i++)
        p[tl->n_atoms + i] = (uint64_t)tl->dups[i].ev << 32 | tl->sigs[tl->atoms[tl->dups[i].atom].sig].cluster;
    qsort(p, n, sizeof *p, cmp_pair);
    *pieces = 0;
    for (size_t i = 0; i < n; i++) *pieces += i == 0 || p[i] != p[i - 1];
    free(p);
    return true;
}

bool dl_merge_arrange(dl_timeline *tl, size_t *pieces) {
    /* Mentions of each event, in order. */
    tl->members = malloc(((size_t)tl->n_atoms + 1) * sizeof *tl->members);
    if (!tl->members) return false;
    for (uint32_t c = 0; c < tl->n_cl; c++) tl->cl[c].n = 0;
    for (uint32_t i = 0; i < tl->n_atoms; i++) tl->cl[tl->sigs[tl->atoms[i].sig].cluster].n++;
    uint32_t off = 0;
    for (uint32_t c = 0; c < tl->n_cl; c++) {
        tl->cl[c].off = off;
        off += tl->cl[c].n;
        tl->cl[c].n = 0;
    }
    for (uint32_t i = 0; i < tl->n_atoms; i++) {
        cluster *c = &tl->cl[tl->sigs[tl->atoms[i].sig].cluster];
        tl->members[c->off + c->n++] = i;
    }
    bool ok = true;
    tally *buf = NULL;
    uint32_t cap = 0;
    for (uint32_t c = 0; ok && c < tl->n_cl; c++)
        ok = dl_merge_sort_idx(tl, tl->members + tl->cl[c].off, tl->cl[c].n, cmp_atom) &&
             summarise(tl, &tl->cl[c], &buf, &cap);
    free(buf);
    if (!ok || !count_pieces(tl, pieces)) return false;

    /* Order and filter. */
    tl->order = malloc(((size_t)tl->n_cl + 1) * sizeof *tl->order);
    if (!tl->order) return false;
    for (uint32_t c = 0; c < tl->n_cl; c++) tl->order[c] = c;
    if (!order_clusters(tl)) return false;
    tl->n_order = 0;
    tl->stats.out_mentions = 0;
    for (uint32_t i = 0; i < tl->n_cl; i++) {
        const cluster *c = &tl->cl[tl->order[i]];
        if (!passes(tl, c)) continue;
        tl->order[tl->n_order++] = tl->order[i];
        tl->stats.out_mentions += c->n;
    }
    return true;
}

/* ---- views ------------------------------------------------------------------- */

static dl_entity ent_view(const dl_timeline *tl, const ent *e) {
    return (dl_entity){(char *)S(tl, e->text), (char *)S(tl, e->name), (char *)S(tl, e->country),
                       (char *)S(tl, e->sector), (char *)S(tl, e->code)};
}

static void action_view(dl_action *a, const char *code, const char *text, int quadclass, double goldstein) {
    memset(a, 0, sizeof *a);
    dl_strlcpy(a->code, code, sizeof a->code);
    dl_strlcpy(a->root, code, sizeof a->root); /* "%.2s" */
    const dl_cameo_code *cc = code[0] ? dl_cameo_lookup(code) : NULL;
    a->label = cc ? cc->label : NULL;
    a->text = (char *)text;
    a->quadclass = quadclass;
    a->goldstein = goldstein;
}

static void date_view(const dl_timeline *tl, dl_event_date *d, const sig *s) {
    memset(d, 0, sizeof *d);
    const char *v = S(tl, s->value);
    dl_strlcpy(d->when.value, v ? v : "", sizeof d->when.value);
    d->when.start = s->start;
    d->when.end = s->end;
    d->when.granularity = (dl_granularity)s->gran;
    d->basis = (char *)S(tl, s->basis);
    d->inferred = s->inferred;
}

/* A signature as an event (borrowed strings, no mentions). */
static void sig_view(const dl_timeline *tl, dl_event *ev, const sig *s, uint32_t id) {
    memset(ev, 0, sizeof *ev);
    ev->id = (char *)S(tl, id);
    date_view(tl, &ev->date, s);
    ev->actor = ent_view(tl, &s->side[0]);
    ev->has_target = s->has_target;
    if (s->has_target) ev->target = ent_view(tl, &s->side[1]);
    action_view(&ev->action, s->code, S(tl, s->action_text), s->quadclass, s->goldstein);
    ev->quote = (char *)S(tl, s->quote);
    ev->negated = s->negated;
    ev->hypothetical = s->hypothetical;
    ev->confidence = s->confidence;
}

/* Does the atom's own coding say exactly what its merged event says? */
static bool same_coding(const dl_timeline *tl, const cluster *c, const atom *a) {
    const sig *s = &tl->sigs[a->sig], *l = &tl->sigs[c->lead];
    return a->id == c->id && s->value == l->value && s->start == l->start && s->end == l->end &&
           s->gran == l->gran && s->basis == l->basis && s->inferred == l->inferred &&
           ent_eq(&s->side[0], &c->out[0]) && s->has_target == c->has_target &&
           (!s->has_target || ent_eq(&s->side[1], &c->out[1])) && strcmp(s->code, c->code) == 0 &&
           s->action_text == c->action_text && s->quadclass == c->quadclass &&
           dbits(s->goldstein) == dbits(c->goldstein) && s->quote == c->quote && s->negated == l->negated &&
           s->hypothetical == c->hypothetical && dbits(s->confidence) == dbits(c->confidence);
}

/* The merged event i as a borrowed view; ms and coded have room for its
 * mentions. */
static void event_view(const dl_timeline *tl, const cluster *c, dl_event *ev, dl_mention *ms, dl_event *coded) {
    const sig *l = &tl->sigs[c->lead];
    memset(ev, 0, sizeof *ev);
    ev->id = (char *)S(tl, c->id);
    date_view(tl, &ev->date, l);
    ev->actor = ent_view(tl, &c->out[0]);
    ev->has_target = c->has_target;
    if (c->has_target) ev->target = ent_view(tl, &c->out[1]);
    action_view(&ev->action, c->code, S(tl, c->action_text), c->quadclass, c->goldstein);
    ev->quote = (char *)S(tl, c->quote);
    ev->negated = l->negated;
    ev->hypothetical = c->hypothetical;
    ev->confidence = c->confidence;
    ev->mentions = ms;
    ev->n_mentions = ev->cap_mentions = c->n;
    for (uint32_t i = 0; i < c->n; i++) {
        const atom *a = &tl->atoms[tl->members[c->off + i]];
        ms[i] = (dl_mention){(char *)S(tl, a->article), a->sentence, a->start, a->end, (char *)S(tl, a->text), NULL};
        if (!same_coding(tl, c, a)) {
            sig_view(tl, &coded[i], &tl->sigs[a->sig], a->id);
            ms[i].coded = &coded[i];
        }
    }
}

dl_status dl_timeline_event(const dl_timeline *tl, size_t i, dl_event *out) {
    memset(out, 0, sizeof *out);
    if (!tl->finished || i >= tl->n_order) return DL_ERR_USAGE;
    const cluster *c = &tl->cl[tl->order[i]];
    dl_mention *ms = malloc(((size_t)c->n + 1) * sizeof *ms);
    dl_event *coded = malloc(((size_t)c->n + 1) * sizeof *coded);
    dl_status st = DL_ERR_NOMEM;
    if (ms && coded) {
        dl_event view;
        event_view(tl, c, &view, ms, coded);
        st = dl_event_copy(out, &view);
    }
    free(ms);
    free(coded);
    return st;
}

/* Scratch room for event views, one per writer slot (made when first used). */
typedef struct view_room {
    const dl_timeline *tl;
    uint32_t most; /* mentions of the largest event */
    struct {
        dl_mention *ms;
        dl_event *coded;
    } slot[64];
} view_room;

static bool view_at(void *ctx, size_t i, unsigned slot, dl_event *ev) {
    view_room *v = ctx;
    if (!v->slot[slot].ms) {
        v->slot[slot].ms = malloc((size_t)v->most * sizeof *v->slot[slot].ms);
        v->slot[slot].coded = malloc((size_t)v->most * sizeof *v->slot[slot].coded);
        if (!v->slot[slot].ms || !v->slot[slot].coded) {
            free(v->slot[slot].ms);
            free(v->slot[slot].coded);
            v->slot[slot].ms = NULL;
            return false;
        }
    }
    event_view(v->tl, &v->tl->cl[v->tl->order[i]], ev, v->slot[slot].ms, v->slot[slot].coded);
    return true;
}

dl_status dl_timeline_write(const dl_timeline *tl, dl_log_writer *w, dl_error *err) {
    if (!tl->finished) return dl_error_set(err, DL_ERR_USAGE, NULL, -1, -1, "timeline not finished");
    view_room *v = calloc(1, sizeof *v);
    if (!v) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    v->tl = tl;
    v->most = 1;
    for (uint32_t i = 0; i < tl->n_order; i++)
        if (tl->cl[tl->order[i]].n > v->most) v->most = tl->cl[tl->order[i]].n;
    dl_status st = DL_OK;
    /* articles first: streaming exports (CSV publisher column) look them up */
    for (size_t i = 0; st == DL_OK && i < tl->n_arts; i++) st = dl_log_writer_article(w, &tl->arts[i], err);
    if (st == DL_OK) st = dl_log_writer_events(w, tl->n_order, view_at, v, err);
    for (size_t k = 0; k < sizeof v->slot / sizeof *v->slot; k++) {
        free(v->slot[k].ms);
        free(v->slot[k].coded);
    }
    free(v);
    return st;
}

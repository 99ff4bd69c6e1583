/* fold.c - which mentions report the same happening (see timeline.c for
 * the design and dipline/merge.h for the rules).
 *
 * Signatures are sorted into buckets that can hold the same happening (CAMEO
 * root, negation, unordered pair of countries) and, within a bucket, from the
 * most precise to the vaguest.  Taken in that order, each joins the best
 * compatible event already made or starts one; the event's first signature
 * is its anchor, which every later one must fit.  Candidates come from
 * per-bucket indexes (anchor day -> events, article -> events): no pairwise
 * scan. */
#include <limits.h>

#include "timeline_private.h"

/* Anchors longer than this are not indexed by day but scanned. */
#define MAX_INDEXED_DAYS 62

/* A per-bucket multimap key -> events (anchor days, articles), emptied
 * between buckets by bumping a generation instead of clearing. */
typedef struct mslot {
    uint32_t key, gen, head;
} mslot;
typedef struct mnode {
    uint32_t cluster, next;
} mnode;
typedef struct multimap {
    mslot *slots;
    uint32_t mask, used, gen;
    mnode *nodes;
    uint32_t n_nodes, cap_nodes;
} multimap;

/* Buckets: signatures that may code the same happening (same root, same
 * negation, same unordered pair of countries). */
static int cmp_bucket(const dl_timeline *tl, uint32_t ia, uint32_t ib) {
    const sig *a = &tl->sigs[ia], *b = &tl->sigs[ib];
    int c = a->code[0] - b->code[0];
    if (c || (c = a->code[1] - b->code[1]) || (c = a->negated - b->negated)) return c;
    if (a->lo != b->lo) return a->lo < b->lo ? -1 : 1;
    if (a->hi != b->hi) return a->hi < b->hi ? -1 : 1;
    return 0;
}

static int cmp_str_ids(const dl_timeline *tl, uint32_t a, uint32_t b) { return cmp_id(tl, a, b); }

/* Rank the countries by their strings, so buckets compare as numbers. */
static bool rank_countries(dl_timeline *tl) {
    uint32_t n = dl_pool_count(tl->pool);
    uint32_t *rank = calloc(n, sizeof *rank), *ids = NULL, n_ids = 0, cap = 0;
    if (!rank) return false;
    for (uint32_t i = 0; i < tl->n_sigs; i++)
        for (int k = 0; k < 2; k++) {
            uint32_t c = tl->sigs[i].side[k].country;
            if (!c || rank[c]) continue;
            rank[c] = 1;
            if (!grow((void **)&ids, &cap, (size_t)n_ids + 1, sizeof *ids) ) {
                free(rank);
                free(ids);
                return false;
            }
            ids[n_ids++] = c;
        }
    bool ok = dl_merge_sort_idx(tl, ids, n_ids, cmp_str_ids);
    for (uint32_t i = 0; i < n_ids; i++) rank[ids[i]] = i + 1;
    for (uint32_t i = 0; i < tl->n_sigs; i++) {
        sig *s = &tl->sigs[i];
        uint32_t a = rank[s->side[0].country], b = rank[s->side[1].country];
        s->lo = a < b ? a : b;
        s->hi = a < b ? b : a;
    }
    free(rank);
    free(ids);
    return ok;
}

static int specificity(const sig *s) {
    return 2 * (s->person[0] + s->person[1]) + (s->side[0].name != 0) + (s->side[1].name != 0);
}

/* The rank order: by bucket (cmp_bucket); within a bucket, precise before
 * vague (date class, granularity, shorter span), then by date, then the more
 * specific (people, names) first, then by content (dl_merge_cmp_sig).  All
 * but the content are packed, in that order, into words that compare as
 * unsigned integers: sorting these records reads one array in order instead
 * of two signatures per comparison. */
typedef struct rank_key {
    uint64_t k[3];
    uint32_t spec, sig;
} rank_key;

static uint64_t char_key(char c) { return (uint8_t)c ^ (CHAR_MIN < 0 ? 0x80 : 0); } /* the order of c - d */

static rank_key rank_key_of(const sig *s, uint32_t si) {
    rank_key r;
    r.k[0] = char_key(s->code[0]) << 56 | char_key(s->code[1]) << 48 | (uint64_t)s->negated << 40 | s->lo;
    r.k[1] = (uint64_t)s->hi << 32 | (uint64_t)date_class(s) << 24 | (uint64_t)gran_rank(s->gran) << 16;
    r.k[2] = (uint64_t)(uint32_t)((int64_t)s->end - s->start) << 32 | ((uint32_t)s->start ^ 0x80000000u);
    r.spec = (uint32_t)(255 - specificity(s));
    r.sig = si;
    return r;
}

static int cmp_rank_key(const dl_timeline *tl, rank_key a, rank_key b) {
    for (int i = 0; i < 3; i++)
        if (a.k[i] != b.k[i]) return a.k[i] < b.k[i] ? -1 : 1;
    if (a.spec != b.spec) return a.spec < b.spec ? -1 : 1;
    return dl_merge_cmp_sig(tl, a.sig, b.sig);
}

typedef int (*rank_key_cmp)(const dl_timeline *tl, rank_key a, rank_key b);
DL_MERGE_SORT(sort_rank_keys, rank_key, rank_key_cmp)

/* The signatures in rank order (cmp_rank) into ord. */
static bool sort_by_rank(const dl_timeline *tl, uint32_t *ord) {
    size_t n = tl->n_sigs;
    rank_key *a = malloc((n + 1) * sizeof *a), *tmp = malloc((n + 1) * sizeof *tmp);
    bool ok = a && tmp;
    for (size_t i = 0; ok && i < n; i++) a[i] = rank_key_of(&tl->sigs[i], (uint32_t)i);
    if (ok) {
        const rank_key *sorted = sort_rank_keys(tl, cmp_rank_key, a, tmp, n);
        for (size_t i = 0; i < n; i++) ord[i] = sorted[i].sig;
    }
    free(a);
    free(tmp);
    return ok;
}

typedef struct folder {
    multimap days;      /* anchor day -> events */
    multimap articles;  /* article -> precisely dated events it reports */
    uint32_t *longs, n_longs, cap_longs; /* long or undated anchors */
    uint32_t *cand, n_cand, cap_cand;
    const uint32_t *sig_off, *sig_arts; /* the articles of each signature */
} folder;

static void mm_reset(multimap *m) {
    m->gen++;
    m->used = m->n_nodes = 0;
}

static void mm_free(multimap *m) {
    free(m->slots);
    free(m->nodes);
}

static uint32_t mm_slot(const multimap *m, uint32_t key) {
    uint32_t j = key * 2654435761u & m->mask;
    while (m->slots[j].gen == m->gen && m->slots[j].key != key) j = (j + 1) & m->mask;
    return j;
}

static bool mm_add(multimap *m, uint32_t key, uint32_t cl) {
    if ((m->used + 1) * 2 > m->mask) {
        multimap big = *m;
        big.mask = m->mask ? m->mask * 2 + 1 : 1023;
        big.slots = calloc((size_t)big.mask + 1, sizeof *big.slots);
        if (!big.slots) return false;
        for (uint32_t i = 0; m->slots && i <= m->mask; i++)
            if (m->slots[i].gen == m->gen) big.slots[mm_slot(&big, m->slots[i].key)] = m->slots[i];
        free(m->slots);
        m->slots = big.slots;
        m->mask = big.mask;
    }
    if (!grow((void **)&m->nodes, &m->cap_nodes, (size_t)m->n_nodes + 1, sizeof *m->nodes)) return false;
    uint32_t j = mm_slot(m, key);
    if (m->slots[j].gen != m->gen) {
        m->slots[j] = (mslot){key, m->gen, UINT32_MAX};
        m->used++;
    }
    m->nodes[m->n_nodes] = (mnode){cl, m->slots[j].head};
    m->slots[j].head = m->n_nodes++;
    return true;
}

/* The first node of key's list, UINT32_MAX when none. */
static uint32_t mm_head(const multimap *m, uint32_t key) {
    if (!m->slots) return UINT32_MAX;
    uint32_t j = mm_slot(m, key);
    return m->slots[j].gen == m->gen ? m->slots[j].head : UINT32_MAX;
}

/* Index event ci under the articles of signature si. */
static bool add_articles(folder *f, uint32_t si, uint32_t ci) {
    for (uint32_t k = f->sig_off[si]; k < f->sig_off[si + 1]; k++)
        if (!mm_add(&f->articles, f->sig_arts[k], ci)) return false;
    return true;
}

static bool cand_add(dl_timeline *tl, folder *f, uint32_t c, uint32_t stamp) {
    if (tl->cl[c].stamp == stamp) return true;
    tl->cl[c].stamp = stamp;
    if (!grow((void **)&f->cand, &f->cap_cand, (size_t)f->n_cand + 1, sizeof *f->cand)) return false;
    f->cand[f->n_cand++] = c;
    return true;
}

/* May entity e (a person or not) be the side an event's profile p describes?
 * Strict: only the same name (or both only a country) will do, for events
 * known only by publication dates, where the coding is all the evidence. */
static bool side_ok(const ent *e, bool person, const prof *p, bool strict) {
    if (!e->country || !p->country)
        return !e->country && !p->country ? e->name == p->name : e->name && e->name == p->name;
    if (e->country != p->country) return false;
    if (e->sector && p->sector && e->sector != p->sector) return false;
    if (strict) return e->name == p->name;
    return !(person && p->person && e->name != p->person);
}

static bool overlaps(dl_day a0, dl_day a1, dl_day b0, dl_day b1) { return a0 <= b1 && b0 <= a1; }

/* Can signature s join event c?  -1 no; 0 as is; 1 with actor and target
 * exchanged (symmetric actions).  same_article: c has a mention in an
 * article of s (s publication-dated, c precisely dated). */
static int joinable(const dl_timeline *tl, const sig *s, const cluster *c, bool same_article) {
    int sc = date_class(s);
    if (sc == 2 || c->a_class == 2) {
        if (sc != c->a_class) return -1;
    } else if (sc == 0) {
        if (c->a_class != 0 || !overlaps(s->start, s->end, c->a_start, c->a_end)) return -1;
    } else if (same_article && c->a_class == 0) {
        /* undated in an article that dates this event elsewhere: any day */
    } else {
        int w = tl->opt.window_days;
        if (c->a_class == 1 && w > 1) w = 1; /* two publication dates: a day apart at most */
        if (!overlaps(s->start - w, s->end, c->a_start, c->a_end)) return -1;
    }
    if ((s->excl_l & c->excl_r) || (s->excl_r & c->excl_l) || s->has_target != c->has_target) return -1;
    bool strict = c->a_class == 1;
    if (side_ok(&s->side[0], s->person[0], &c->side[0], strict) &&
        side_ok(&s->side[1], s->person[1], &c->side[1], strict))
        return 0;
    if (s->symmetric && c->symmetric && side_ok(&s->side[0], s->person[0], &c->side[1], strict) &&
        side_ok(&s->side[1], s->person[1], &c->side[0], strict))
        return 1;
    return -1;
}

/* How well s fits c (higher is better), compared field by field: the
 * same code, the people named, a precise anchor, a fine one, a near one,
 * other names (countries, bodies), then the bigger event. */
typedef struct fit {
    int persons, code, precise, gran, names;
    long dist;
    uint32_t atoms;
} fit;

static fit fit_of(const dl_timeline *tl, const sig *s, const cluster *c, int o) {
    fit f = {0};
    for (int k = 0; k < 2; k++) {
        const ent *e = &s->side[k ^ o];
        f.persons += e->name && e->name == c->side[k].person;
        f.names += e->name && e->name == c->side[k].name;
    }
    f.code = strcmp(s->code, tl->sigs[c->lead].code) == 0;
    f.precise = c->a_class == 0;
    f.gran = -gran_rank(c->a_gran);
    f.dist = s->start == DL_DAY_NONE ? 0 : -labs((long)s->start - (long)c->a_start);
    f.atoms = c->n_atoms;
    return f;
}

static int cmp_fit(const fit *a, const fit *b) {
    const int x[] = {a->code, a->persons, a->precise, a->gran}, y[] = {b->code, b->persons, b->precise, b->gran};
    for (size_t i = 0; i < sizeof x / sizeof *x; i++)
        if (x[i] != y[i]) return x[i] - y[i];
    if (a->dist != b->dist) return a->dist < b->dist ? -1 : 1;
    if (a->names != b->names) return a->names - b->names;
    return (a->atoms > b->atoms) - (a->atoms < b->atoms);
}

static bool new_cluster(dl_timeline *tl, folder *f, uint32_t si) {
    if (!grow((void **)&tl->cl, &tl->cap_cl, (size_t)tl->n_cl + 1, sizeof *tl->cl)) return false;
    sig *s = &tl->sigs[si];
    uint32_t ci = tl->n_cl++;
    cluster *c = &tl->cl[ci];
    memset(c, 0, sizeof *c);
    c->lead = si;
    c->a_start = s->start;
    c->a_end = s->end;
    c->a_class = (uint8_t)date_class(s);
    c->a_gran = s->gran;
    c->symmetric = s->symmetric;
    c->has_target = s->has_target;
    for (int k = 0; k < 2; k++) {
        const ent *e = &s->side[k];
        c->side[k] = (prof){e->country, e->sector, e->name, s->person[k] ? e->name : 0};
    }
    c->excl_l = s->excl_l;
    c->excl_r = s->excl_r;
    c->n_atoms = s->n_atoms;
    s->cluster = ci;
    s->swapped = 0;
    if (c->a_class == 2 || (long)c->a_end - (long)c->a_start >= MAX_INDEXED_DAYS) {
        if (!grow((void **)&f->longs, &f->cap_longs, (size_t)f->n_longs + 1, sizeof *f->longs)) return false;
        f->longs[f->n_longs++] = ci;
        return true;
    }
    for (dl_day d = c->a_start; d <= c->a_end; d++)
        if (!mm_add(&f->days, (uint32_t)d, ci)) return false;
    return c->a_class != 0 || add_articles(f, si, ci);
}

static bool join(dl_timeline *tl, folder *f, uint32_t si, uint32_t ci, int o) {
    sig *s = &tl->sigs[si];
    cluster *c = &tl->cl[ci];
    for (int k = 0; k < 2; k++) {
        const ent *e = &s->side[k ^ o];
        prof *p = &c->side[k];
        if (!p->sector) p->sector = e->sector;
        if (!p->person && s->person[k ^ o]) p->person = e->name;
    }
    c->excl_l |= s->excl_l;
    c->excl_r |= s->excl_r;
    c->n_atoms += s->n_atoms;
    s->cluster = ci;
    s->swapped = (uint8_t)o;
    return c->a_class != 0 || add_articles(f, si, ci);
}

/* Fold the signatures of one bucket, ord[0..n), taken in rank order. */
static bool fold_bucket(dl_timeline *tl, folder *f, const uint32_t *ord, size_t n) {
    mm_reset(&f->days);
    mm_reset(&f->articles);
    f->n_longs = 0;
    uint32_t first = tl->n_cl;
    int w = tl->opt.window_days;
    for (size_t i = 0; i < n; i++) {
        uint32_t si = ord[i];
        const sig *s = &tl->sigs[si];
        uint32_t stamp = (uint32_t)(si + 1);
        f->n_cand = 0;
        bool ok = true;
        if (date_class(s) != 2) {
            dl_day q0 = s->start - (date_class(s) == 1 ? w : 0), q1 = s->end;
            if ((long)q1 - (long)q0 > 400) {
                for (uint32_t c = first; c < tl->n_cl && ok; c++) ok = cand_add(tl, f, c, stamp);
            } else {
                for (dl_day d = q0; d <= q1 && ok; d++)
                    for (uint32_t k = mm_head(&f->days, (uint32_t)d); k != UINT32_MAX && ok; k = f->days.nodes[k].next)
                        ok = cand_add(tl, f, f->days.nodes[k].cluster, stamp);
            }
        }
        for (uint32_t k = 0; k < f->n_longs && ok; k++) ok = cand_add(tl, f, f->longs[k], stamp);
        if (date_class(s) == 1) /* events its own articles date precisely */
            for (uint32_t a = f->sig_off[si]; a < f->sig_off[si + 1] && ok; a++)
                for (uint32_t k = mm_head(&f->articles, f->sig_arts[a]); k != UINT32_MAX && ok;
                     k = f->articles.nodes[k].next) {
                    uint32_t ci = f->articles.nodes[k].cluster;
                    ok = cand_add(tl, f, ci, stamp);
                    tl->cl[ci].art_stamp = stamp;
                }
        if (!ok) return false;
        uint32_t best = UINT32_MAX;
        int best_o = 0;
        fit best_fit = {0};
        for (uint32_t k = 0; k < f->n_cand; k++) {
            uint32_t ci = f->cand[k];
            int o = joinable(tl, s, &tl->cl[ci], tl->cl[ci].art_stamp == stamp);
            if (o < 0) continue;
            fit ft = fit_of(tl, s, &tl->cl[ci], o);
            int c = best == UINT32_MAX ? 1 : cmp_fit(&ft, &best_fit);
            if (c > 0 || (c == 0 && ci < best)) {
                best = ci;
                best_o = o;
                best_fit = ft;
            }
        }
        if (best != UINT32_MAX ? !join(tl, f, si, best, best_o) : !new_cluster(tl, f, si)) return false;
    }
    return true;
}

/* Each signature's atom count and articles (f->sig_off, f->sig_arts; an
 * article may repeat). */
static bool sig_articles(dl_timeline *tl, folder *f) {
    uint32_t *off = calloc((size_t)tl->n_sigs + 1, sizeof *off);
    uint32_t *arts = malloc(((size_t)tl->n_atoms + 1) * sizeof *arts);
    uint32_t *seen = calloc(dl_pool_count(tl->pool), sizeof *seen); /* article -> sig + 1 */
    uint32_t *next = malloc(((size_t)tl->n_sigs + 1) * sizeof *next);
    bool ok = off && arts && seen && next;
    if (ok) {
        for (uint32_t i = 0; i < tl->n_sigs; i++) tl->sigs[i].n_atoms = 0;
        for (uint32_t i = 0; i < tl->n_atoms; i++) tl->sigs[tl->atoms[i].sig].n_atoms++;
        for (uint32_t i = 0; i < tl->n_sigs; i++) off[i + 1] = off[i] + tl->sigs[i].n_atoms;
        memcpy(next, off, tl->n_sigs * sizeof *next);
        for (uint32_t i = 0; i < tl->n_atoms; i++) {
            const atom *a = &tl->atoms[i];
            if (seen[a->article] == a->sig + 1) continue;
            seen[a->article] = a->sig + 1;
            arts[next[a->sig]++] = a->article;
        }
        /* Close the gaps left by repeated articles. */
        uint32_t w = 0;
        for (uint32_t i = 0; i < tl->n_sigs; i++) {
            uint32_t r = off[i], end = next[i];
            off[i] = w;
            while (r < end) arts[w++] = arts[r++];
        }
        off[tl->n_sigs] = w;
    }
    free(seen);
    free(next);
    if (!ok) {
        free(off);
        free(arts);
        return false;
    }
    f->sig_off = off;
    f->sig_arts = arts;
    return true;
}

/* Fold every bucket: sets each signature's event (cluster) and orientation. */
bool dl_merge_fold(dl_timeline *tl) {
    folder f = {0};
    uint32_t *ord = malloc(((size_t)tl->n_sigs + 1) * sizeof *ord);
    bool ok = ord && sig_articles(tl, &f);
    ok = ok && rank_countries(tl) && sort_by_rank(tl, ord);
    for (uint32_t b = 0; ok && b < tl->n_sigs;) {
        uint32_t e = b + 1;
        while (e < tl->n_sigs && cmp_bucket(tl, ord[b], ord[e]) == 0) e++;
        ok = fold_bucket(tl, &f, ord + b, e - b);
        b = e;
    }
    free(ord);
    mm_free(&f.days);
    mm_free(&f.articles);
    free((void *)f.sig_off);
    free((void *)f.sig_arts);
    free(f.longs);
    free(f.cand);
    return ok;
}

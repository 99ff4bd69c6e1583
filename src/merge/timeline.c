/* timeline.c - many event logs -> one ordered, deduplicated timeline.
 *
 * How it works (see dipline/merge.h for the rules themselves):
 *
 *  1. Adding.  Every input mention becomes an "atom": where it is (article,
 *     sentence, offsets, sentence text) plus a "signature", the way that
 *     mention's extraction coded the event (date, actor, action, target, ...).
 *     Strings are interned; identical signatures are stored once, so memory
 *     grows with distinct codings, not with mentions, and no input event is
 *     kept.  An atom seen twice is kept once.
 *
 *  2. Folding (finish).  Signatures are sorted into buckets that can hold the
 *     same happening (CAMEO root, negation, unordered pair of countries) and,
 *     within a bucket, from the most precise to the vaguest (precise dates
 *     before publication dates, days before weeks before months, people
 *     before countries).  Taken in that order, each signature joins the best
 *     compatible event already made, or starts a new one.  An event's first
 *     signature is its anchor: every later one must overlap the anchor's date
 *     and agree with the people it names, so vague mentions attach to a
 *     precise event but never chain two precise ones together.  Candidates
 *     come from a per-bucket index of anchor days: no pairwise scan.
 *
 *  3. Output.  Mentions are sorted (article, sentence, offset), the merged
 *     event takes the anchor's date, the most specific code and actors, and
 *     events are ordered by date, precision and first mention.
 *
 * Every decision depends only on the strings and numbers of the atoms
 * (intern ids are used for equality, never for order), so the result is a
 * function of the set of atoms.  The output keeps each atom's signature
 * (dl_mention.coded), so re-reading a timeline gives back the same atoms:
 * merging is order-independent and associative. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "dipline/merge.h"
#include "merge_private.h"

/* Anchors longer than this are not indexed by day but scanned. */
#define MAX_INDEXED_DAYS 62

typedef struct ent {
    uint32_t text, name, country, sector, code;
} ent;

/* One way of coding an event (all of an event but its id and mentions). */
typedef struct sig {
    ent side[2]; /* actor, target */
    uint32_t action_text, quote, value, basis;
    uint32_t art; /* publication-dated: the article whose date it is; else 0 */
    char code[8];
    int quadclass;
    double goldstein, confidence;
    dl_day start, end;
    uint8_t gran, inferred, has_target, negated, hypothetical;
    /* derived when first stored */
    uint8_t person[2], symmetric;
    uint32_t excl_l, excl_r, hash;
    /* during finish */
    uint32_t n_atoms, cluster;
    uint32_t lo, hi; /* the ranks of its two countries, lower first (bucket) */
    uint8_t swapped; /* joined its event with actor and target exchanged */
} sig;

/* One input mention. */
typedef struct atom {
    uint32_t article, text, id, sig, ev, hash;
    long sentence, start, end;
} atom;

/* What an event already says about one side (actor or target). */
typedef struct prof {
    uint32_t country, sector, name, person;
} prof;

typedef struct cluster {
    uint32_t lead; /* anchor signature */
    dl_day a_start, a_end;
    uint8_t a_class, a_gran, symmetric, has_target;
    prof side[2];
    uint32_t excl_l, excl_r;
    uint32_t n_atoms, stamp, art_stamp;
    uint32_t off, n; /* its atoms: members[off .. off + n) */
    /* the merged event */
    ent out[2];
    char code[8];
    uint32_t action_text, quote, id, n_articles;
    int quadclass;
    double goldstein, confidence;
    uint8_t hypothetical;
} cluster;

typedef struct dup {
    uint32_t ev, atom;
} dup;

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

struct dl_timeline {
    dl_merge_options opt;
    char **filter_strs; /* owned copies of the filter strings */
    dl_merge_rules *rules;
    dl_pool *pool;
    sig *sigs;
    uint32_t n_sigs, cap_sigs, *sig_table, sig_mask;
    atom *atoms;
    uint32_t n_atoms, cap_atoms, *atom_table, atom_mask;
    dup *dups;
    size_t n_dups, cap_dups;
    dl_article_info *arts;
    size_t n_arts, cap_arts;
    bool finished;
    cluster *cl;
    uint32_t n_cl, cap_cl;
    uint32_t *members; /* atom indices grouped by event */
    uint32_t *order;   /* events in timeline order, after filters */
    uint32_t n_order;
    dl_merge_stats stats;
};

/* ---- small helpers --------------------------------------------------------- */

static bool grow(void **p, uint32_t *cap, size_t need, size_t size) {
    if (need <= *cap) return true;
    size_t c = *cap ? (size_t)*cap * 2 : 64;
    while (c < need) c *= 2;
    if (c > UINT32_MAX) c = UINT32_MAX;
    if (c < need) return false;
    void *q = realloc(*p, c * size);
    if (!q) return false;
    *p = q;
    *cap = (uint32_t)c;
    return true;
}

static bool grow_sz(void **p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return true;
    size_t c = *cap ? *cap * 2 : 64;
    while (c < need) c *= 2;
    void *q = realloc(*p, c * size);
    if (!q) return false;
    *p = q;
    *cap = c;
    return true;
}

static const char *S(const dl_timeline *tl, uint32_t id) { return dl_pool_str(tl->pool, id); }

/* Order of interned strings: NULL first, then by bytes. */
static int cmp_id(const dl_timeline *tl, uint32_t a, uint32_t b) {
    if (a == b) return 0;
    if (!a) return -1;
    if (!b) return 1;
    return strcmp(S(tl, a), S(tl, b));
}

static int cmp_num(double a, double b) { return a < b ? -1 : a > b; }

static uint32_t mix(uint32_t h, uint64_t v) {
    uint64_t x = (h ^ v) * 0x9e3779b97f4a7c15ull;
    return (uint32_t)(x ^ (x >> 32));
}

static uint64_t dbits(double d) {
    if (d == 0) d = 0; /* -0.0 == 0.0 */
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

/* A stable merge sort of indices with a context (qsort has none). */
typedef int (*idx_cmp)(const dl_timeline *tl, uint32_t a, uint32_t b);

static bool sort_idx(const dl_timeline *tl, uint32_t *a, size_t n, idx_cmp cmp) {
    if (n < 2) return true;
    uint32_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp) return false;
    for (size_t w = 1; w < n; w *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * w) {
            size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) tmp[k++] = cmp(tl, a[j], a[i]) < 0 ? a[j++] : a[i++];
            while (i < mid) tmp[k++] = a[i++];
            while (j < hi) tmp[k++] = a[j++];
        }
        memcpy(a, tmp, n * sizeof *a);
    }
    free(tmp);
    return true;
}

/* ---- options ------------------------------------------------------------- */

void dl_merge_options_init(dl_merge_options *o) {
    memset(o, 0, sizeof *o);
    o->window_days = 2;
    o->from = o->to = DL_DAY_NONE;
}

static bool copy_list(dl_timeline *tl, const char *const *src, size_t n, const char *const **dst, size_t *k) {
    if (!n) {
        *dst = NULL;
        return true;
    }
    const char **l = (const char **)&tl->filter_strs[*k];
    for (size_t i = 0; i < n; i++) {
        tl->filter_strs[*k] = dl_strdup(src[i] ? src[i] : "");
        if (!tl->filter_strs[(*k)++]) return false;
    }
    *dst = l;
    return true;
}

dl_status dl_timeline_new(const dl_merge_options *opts, dl_timeline **out, dl_error *err) {
    *out = NULL;
    dl_timeline *tl = calloc(1, sizeof *tl);
    if (!tl) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    if (opts) tl->opt = *opts;
    else dl_merge_options_init(&tl->opt);
    if (tl->opt.window_days < 0) tl->opt.window_days = 0;
    size_t nf = tl->opt.n_actors + tl->opt.n_countries + tl->opt.n_roots, k = 0;
    tl->filter_strs = calloc(nf + 1, sizeof *tl->filter_strs);
    tl->pool = dl_pool_new();
    bool ok = tl->filter_strs && tl->pool &&
              copy_list(tl, tl->opt.actors, tl->opt.n_actors, &tl->opt.actors, &k) &&
              copy_list(tl, tl->opt.countries, tl->opt.n_countries, &tl->opt.countries, &k) &&
              copy_list(tl, tl->opt.roots, tl->opt.n_roots, &tl->opt.roots, &k);
    tl->opt.rules_path = NULL;
    if (!ok) {
        dl_timeline_free(tl);
        return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    }
    dl_status st = dl_merge_rules_load(opts ? opts->rules_path : NULL, &tl->rules, err);
    if (st != DL_OK) {
        dl_timeline_free(tl);
        return st;
    }
    *out = tl;
    return DL_OK;
}

void dl_timeline_free(dl_timeline *tl) {
    if (!tl) return;
    if (tl->filter_strs)
        for (size_t i = 0; tl->filter_strs[i]; i++) free(tl->filter_strs[i]);
    free(tl->filter_strs);
    dl_merge_rules_free(tl->rules);
    dl_pool_free(tl->pool);
    free(tl->sigs);
    free(tl->sig_table);
    free(tl->atoms);
    free(tl->atom_table);
    free(tl->dups);
    for (size_t i = 0; i < tl->n_arts; i++) dl_article_info_clear(&tl->arts[i]);
    free(tl->arts);
    free(tl->cl);
    free(tl->members);
    free(tl->order);
    free(tl);
}

/* ---- adding ---------------------------------------------------------------- */

static uint32_t sig_hash(const sig *s) {
    uint32_t h = 0x12345;
    for (int k = 0; k < 2; k++) {
        const ent *e = &s->side[k];
        h = mix(h, ((uint64_t)e->text << 32) | e->name);
        h = mix(h, ((uint64_t)e->country << 32) | e->sector);
        h = mix(h, e->code);
    }
    h = mix(h, ((uint64_t)s->action_text << 32) | s->quote);
    h = mix(h, ((uint64_t)s->value << 32) | s->basis);
    h = mix(h, s->art);
    uint64_t code;
    memcpy(&code, s->code, 8);
    h = mix(h, code);
    h = mix(h, ((uint64_t)(uint32_t)s->start << 32) | (uint32_t)s->end);
    h = mix(h, (uint64_t)s->gran | (uint64_t)s->inferred << 8 | (uint64_t)s->has_target << 16 |
                   (uint64_t)s->negated << 24 | (uint64_t)s->hypothetical << 32);
    h = mix(h, (uint64_t)(uint32_t)s->quadclass);
    h = mix(h, dbits(s->goldstein));
    return mix(h, dbits(s->confidence));
}

static bool ent_eq(const ent *a, const ent *b) {
    return a->text == b->text && a->name == b->name && a->country == b->country && a->sector == b->sector &&
           a->code == b->code;
}

static bool sig_eq(const sig *a, const sig *b) {
    return ent_eq(&a->side[0], &b->side[0]) && ent_eq(&a->side[1], &b->side[1]) &&
           a->action_text == b->action_text && a->quote == b->quote && a->value == b->value &&
           a->basis == b->basis && a->art == b->art && strcmp(a->code, b->code) == 0 && a->quadclass == b->quadclass &&
           dbits(a->goldstein) == dbits(b->goldstein) && dbits(a->confidence) == dbits(b->confidence) &&
           a->start == b->start && a->end == b->end && a->gran == b->gran && a->inferred == b->inferred &&
           a->has_target == b->has_target && a->negated == b->negated && a->hypothetical == b->hypothetical;
}

static bool rehash(uint32_t **table, uint32_t *mask, uint32_t n, const void *items, size_t size, size_t hash_off) {
    uint32_t m = *mask ? *mask * 2 + 1 : 1023;
    while ((size_t)n * 2 > m) m = m * 2 + 1;
    uint32_t *t = malloc(((size_t)m + 1) * sizeof *t);
    if (!t) return false;
    memset(t, 0xff, ((size_t)m + 1) * sizeof *t);
    for (uint32_t i = 0; i < n; i++) {
        uint32_t h;
        memcpy(&h, (const char *)items + i * size + hash_off, sizeof h);
        uint32_t j = h & m;
        while (t[j] != UINT32_MAX) j = (j + 1) & m;
        t[j] = i;
    }
    free(*table);
    *table = t;
    *mask = m;
    return true;
}

static bool intern_ent(dl_timeline *tl, ent *e, const dl_entity *src, bool *ok) {
    e->text = dl_pool_intern(tl->pool, src->text, ok);
    e->name = dl_pool_intern(tl->pool, src->name, ok);
    e->country = dl_pool_intern(tl->pool, src->country, ok);
    e->sector = dl_pool_intern(tl->pool, src->sector, ok);
    e->code = dl_pool_intern(tl->pool, src->code, ok);
    return *ok;
}

/* Store the signature of coding c by a mention of article art (or find
 * it); UINT32_MAX when out of memory. */
static uint32_t add_sig(dl_timeline *tl, const dl_event *c, uint32_t art) {
    sig s;
    memset(&s, 0, sizeof s);
    bool ok = true;
    /* A publication date is the article's: codings of two articles differ. */
    if (c->date.inferred) s.art = art;
    intern_ent(tl, &s.side[0], &c->actor, &ok);
    s.has_target = c->has_target;
    if (c->has_target) intern_ent(tl, &s.side[1], &c->target, &ok);
    s.action_text = dl_pool_intern(tl->pool, c->action.text, &ok);
    s.quote = dl_pool_intern(tl->pool, c->quote, &ok);
    s.value = c->date.when.value[0] ? dl_pool_intern(tl->pool, c->date.when.value, &ok) : 0;
    s.basis = dl_pool_intern(tl->pool, c->date.basis, &ok);
    if (!ok) return UINT32_MAX;
    snprintf(s.code, sizeof s.code, "%s", c->action.code);
    s.quadclass = c->action.quadclass;
    s.goldstein = c->action.goldstein;
    s.confidence = c->confidence;
    s.start = c->date.when.start;
    s.end = c->date.when.end == DL_DAY_NONE ? s.start : c->date.when.end;
    if (s.start == DL_DAY_NONE) s.end = DL_DAY_NONE;
    if (s.end < s.start) s.end = s.start;
    s.gran = (uint8_t)c->date.when.granularity;
    s.inferred = c->date.inferred;
    s.negated = c->negated;
    s.hypothetical = c->hypothetical;
    s.hash = sig_hash(&s);
    if (tl->sig_table) {
        for (uint32_t j = s.hash & tl->sig_mask, i; (i = tl->sig_table[j]) != UINT32_MAX; j = (j + 1) & tl->sig_mask)
            if (tl->sigs[i].hash == s.hash && sig_eq(&tl->sigs[i], &s)) return i;
    }
    if (tl->n_sigs == UINT32_MAX - 1 || !grow((void **)&tl->sigs, &tl->cap_sigs, (size_t)tl->n_sigs + 1, sizeof s))
        return UINT32_MAX;
    for (int k = 0; k < 2; k++) s.person[k] = dl_merge_rules_is_person(tl->rules, S(tl, s.side[k].name));
    s.symmetric = dl_merge_rules_symmetric(tl->rules, s.code);
    dl_merge_rules_exclusive_mask(tl->rules, s.code, &s.excl_l, &s.excl_r);
    uint32_t id = tl->n_sigs++;
    tl->sigs[id] = s;
    if (!tl->sig_table || (size_t)tl->n_sigs * 2 > tl->sig_mask) {
        if (!rehash(&tl->sig_table, &tl->sig_mask, tl->n_sigs, tl->sigs, sizeof(sig), offsetof(sig, hash)))
            return UINT32_MAX;
    } else {
        uint32_t j = s.hash & tl->sig_mask;
        while (tl->sig_table[j] != UINT32_MAX) j = (j + 1) & tl->sig_mask;
        tl->sig_table[j] = id;
    }
    return id;
}

static int cmp_sig_full(const dl_timeline *tl, uint32_t a, uint32_t b);

static dl_status nomem(dl_error *err) { return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory"); }

dl_status dl_timeline_add(dl_timeline *tl, const dl_event *ev, dl_error *err) {
    if (tl->finished)
        return dl_error_set(err, DL_ERR_USAGE, NULL, -1, -1, "events added to a finished timeline");
    if (tl->stats.in_events >= UINT32_MAX - 1)
        return dl_error_set(err, DL_ERR_LIMIT, NULL, -1, -1, "more than 4 billion events");
    uint32_t evi = (uint32_t)tl->stats.in_events++;
    size_t nm = ev->n_mentions ? ev->n_mentions : 1;
    for (size_t i = 0; i < nm; i++) {
        const dl_mention *m = ev->n_mentions ? &ev->mentions[i] : NULL;
        const dl_event *c = m && m->coded ? m->coded : ev;
        atom a = {0};
        bool ok = true;
        a.article = dl_pool_intern(tl->pool, m && m->article ? m->article : "", &ok);
        a.sig = ok ? add_sig(tl, c, a.article) : UINT32_MAX;
        a.text = dl_pool_intern(tl->pool, m && m->text ? m->text : "", &ok);
        a.id = dl_pool_intern(tl->pool, c->id, &ok);
        if (!ok || a.sig == UINT32_MAX) return nomem(err);
        a.ev = evi;
        if (m) {
            a.sentence = m->sentence;
            a.start = m->start;
            a.end = m->end;
        }
        a.hash = mix(mix(mix(a.sig, ((uint64_t)a.article << 32) | a.text), (uint64_t)a.sentence),
                     ((uint64_t)(uint32_t)a.start << 32) | (uint32_t)a.end);
        tl->stats.in_mentions++;
        /* The same mention coded the same way: keep one (the smaller id). */
        uint32_t found = UINT32_MAX;
        if (tl->atom_table)
            for (uint32_t j = a.hash & tl->atom_mask, k; (k = tl->atom_table[j]) != UINT32_MAX;
                 j = (j + 1) & tl->atom_mask) {
                const atom *b = &tl->atoms[k];
                if (b->hash == a.hash && b->sig == a.sig && b->article == a.article && b->text == a.text &&
                    b->sentence == a.sentence && b->start == a.start && b->end == a.end) {
                    found = k;
                    break;
                }
            }
        if (found != UINT32_MAX) {
            if (cmp_id(tl, a.id, tl->atoms[found].id) < 0) tl->atoms[found].id = a.id;
            if (!grow_sz((void **)&tl->dups, &tl->cap_dups, tl->n_dups + 1, sizeof(dup))) return nomem(err);
            tl->dups[tl->n_dups++] = (dup){evi, found};
            tl->stats.duplicates++;
            continue;
        }
        if (tl->n_atoms == UINT32_MAX - 1 ||
            !grow((void **)&tl->atoms, &tl->cap_atoms, (size_t)tl->n_atoms + 1, sizeof a))
            return nomem(err);
        uint32_t id = tl->n_atoms++;
        tl->atoms[id] = a;
        if (!tl->atom_table || (size_t)tl->n_atoms * 2 > tl->atom_mask) {
            if (!rehash(&tl->atom_table, &tl->atom_mask, tl->n_atoms, tl->atoms, sizeof(atom), offsetof(atom, hash)))
                return nomem(err);
        } else {
            uint32_t j = a.hash & tl->atom_mask;
            while (tl->atom_table[j] != UINT32_MAX) j = (j + 1) & tl->atom_mask;
            tl->atom_table[j] = id;
        }
    }
    return DL_OK;
}

dl_status dl_timeline_add_article(dl_timeline *tl, const dl_article_info *a, dl_error *err) {
    if (!a->id) return DL_OK;
    if (!grow_sz((void **)&tl->arts, &tl->cap_arts, tl->n_arts + 1, sizeof *tl->arts)) return nomem(err);
    dl_article_info *d = &tl->arts[tl->n_arts];
    memset(d, 0, sizeof *d);
    d->id = dl_strdup(a->id);
    d->title = a->title ? dl_strdup(a->title) : NULL;
    d->source = a->source ? dl_strdup(a->source) : NULL;
    d->url = a->url ? dl_strdup(a->url) : NULL;
    d->published = a->published ? dl_strdup(a->published) : NULL;
    if (!d->id || (a->title && !d->title) || (a->source && !d->source) || (a->url && !d->url) ||
        (a->published && !d->published)) {
        dl_article_info_clear(d);
        return nomem(err);
    }
    tl->n_arts++;
    return DL_OK;
}

dl_status dl_timeline_add_log(dl_timeline *tl, dl_log_reader *r, dl_error *err) {
    for (;;) {
        dl_event ev;
        bool got;
        dl_status st = dl_log_reader_next(r, &ev, &got, err);
        if (st != DL_OK) return st;
        if (!got) break;
        st = dl_timeline_add(tl, &ev, err);
        dl_event_clear(&ev);
        if (st != DL_OK) return st;
    }
    for (size_t i = 0; i < dl_log_reader_n_articles(r); i++) {
        dl_status st = dl_timeline_add_article(tl, dl_log_reader_article(r, i), err);
        if (st != DL_OK) return st;
    }
    return DL_OK;
}

/* ---- canonical orders -------------------------------------------------------- */

static int cmp_ent(const dl_timeline *tl, const ent *a, const ent *b) {
    int c;
    if ((c = cmp_id(tl, a->name, b->name)) || (c = cmp_id(tl, a->country, b->country)) ||
        (c = cmp_id(tl, a->sector, b->sector)) || (c = cmp_id(tl, a->code, b->code)))
        return c;
    return cmp_id(tl, a->text, b->text);
}

/* A total order on distinct signatures, by content. */
static int cmp_sig_full(const dl_timeline *tl, uint32_t ia, uint32_t ib) {
    if (ia == ib) return 0;
    const sig *a = &tl->sigs[ia], *b = &tl->sigs[ib];
    int c;
    if ((c = strcmp(a->code, b->code)) || (c = cmp_id(tl, a->value, b->value)) || (c = cmp_num(a->start, b->start)) ||
        (c = cmp_num(a->end, b->end)) || (c = a->gran - b->gran) || (c = a->inferred - b->inferred) ||
        (c = cmp_id(tl, a->basis, b->basis)) || (c = cmp_id(tl, a->art, b->art)) ||
        (c = cmp_ent(tl, &a->side[0], &b->side[0])) ||
        (c = a->has_target - b->has_target) || (c = cmp_ent(tl, &a->side[1], &b->side[1])) ||
        (c = cmp_id(tl, a->action_text, b->action_text)) || (c = cmp_id(tl, a->quote, b->quote)) ||
        (c = a->negated - b->negated) || (c = a->hypothetical - b->hypothetical) ||
        (c = cmp_num(a->confidence, b->confidence)) || (c = a->quadclass - b->quadclass) ||
        (c = cmp_num(a->goldstein, b->goldstein)))
        return c;
    return 0;
}

static int date_class(const sig *s) { return s->start == DL_DAY_NONE ? 2 : s->inferred ? 1 : 0; }
static int gran_rank(int g) { return g == DL_GRAN_NONE ? 99 : g; }

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
    bool ok = sort_idx(tl, ids, n_ids, cmp_str_ids);
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

/* Within a bucket: precise before vague, then by date, then by content. */
static int cmp_rank(const dl_timeline *tl, uint32_t ia, uint32_t ib) {
    int c = cmp_bucket(tl, ia, ib);
    if (c) return c;
    const sig *a = &tl->sigs[ia], *b = &tl->sigs[ib];
    if ((c = date_class(a) - date_class(b)) || (c = gran_rank(a->gran) - gran_rank(b->gran)) ||
        (c = cmp_num((double)a->end - a->start, (double)b->end - b->start)) || (c = cmp_num(a->start, b->start)) ||
        (c = specificity(b) - specificity(a)))
        return c;
    return cmp_sig_full(tl, ia, ib);
}

/* Mentions: by place, then by coding. */
static int cmp_atom(const dl_timeline *tl, uint32_t ia, uint32_t ib) {
    const atom *a = &tl->atoms[ia], *b = &tl->atoms[ib];
    int c;
    if ((c = cmp_id(tl, a->article, b->article)) || (c = cmp_num(a->sentence, b->sentence)) ||
        (c = cmp_num(a->start, b->start)) || (c = cmp_num(a->end, b->end)) || (c = cmp_id(tl, a->text, b->text)) ||
        (c = cmp_sig_full(tl, a->sig, b->sig)))
        return c;
    return cmp_id(tl, a->id, b->id);
}

/* The timeline: by date, precision, first mention. */
static int cmp_cluster(const dl_timeline *tl, uint32_t ia, uint32_t ib) {
    const cluster *a = &tl->cl[ia], *b = &tl->cl[ib];
    const sig *la = &tl->sigs[a->lead], *lb = &tl->sigs[b->lead];
    int c;
    if ((c = (la->start == DL_DAY_NONE) - (lb->start == DL_DAY_NONE)) || (c = cmp_num(la->start, lb->start)) ||
        (c = gran_rank(la->gran) - gran_rank(lb->gran)) ||
        (c = cmp_atom(tl, tl->members[a->off], tl->members[b->off])))
        return c;
    return cmp_sig_full(tl, a->lead, b->lead);
}

/* ---- folding ----------------------------------------------------------------- */

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
    const sig *cs = &tl->sigs[(*buf)[bt].sig]; /* first mention with the chosen code */
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
            if (!d) d = -cmp_ent(tl, a, b);
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

/* ---- finish -------------------------------------------------------------------- */

static int cmp_article(const void *a, const void *b) {
    const dl_article_info *x = a, *y = b;
    int c = strcmp(x->id, y->id);
    if (c) return c;
    /* Same id from several logs: the fullest record first, then by content. */
    const char *fx[4] = {x->published, x->title, x->source, x->url}, *fy[4] = {y->published, y->title, y->source, y->url};
    int nx = 0, ny = 0;
    for (int i = 0; i < 4; i++) nx += fx[i] != NULL, ny += fy[i] != NULL;
    if (nx != ny) return ny - nx;
    for (int i = 0; i < 4; i++) {
        if (!fx[i] || !fy[i]) continue;
        if ((c = strcmp(fx[i], fy[i]))) return c;
    }
    return 0;
}

static int cmp_pair(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
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

dl_status dl_timeline_finish(dl_timeline *tl, dl_error *err) {
    if (tl->finished) return dl_error_set(err, DL_ERR_USAGE, NULL, -1, -1, "timeline finished twice");
    tl->finished = true;
    /* Articles: sorted by id, one record per id. */
    if (tl->n_arts) qsort(tl->arts, tl->n_arts, sizeof *tl->arts, cmp_article);
    size_t na = 0;
    for (size_t i = 0; i < tl->n_arts; i++) {
        if (na && strcmp(tl->arts[na - 1].id, tl->arts[i].id) == 0) dl_article_info_clear(&tl->arts[i]);
        else tl->arts[na++] = tl->arts[i];
    }
    tl->n_arts = na;
    free(tl->sig_table);
    free(tl->atom_table);
    tl->sig_table = tl->atom_table = NULL;

    /* Fold, bucket by bucket. */
    folder f = {0};
    uint32_t *ord = malloc(((size_t)tl->n_sigs + 1) * sizeof *ord);
    bool ok = ord && sig_articles(tl, &f);
    for (uint32_t i = 0; ok && i < tl->n_sigs; i++) ord[i] = i;
    ok = ok && rank_countries(tl) && sort_idx(tl, ord, tl->n_sigs, cmp_rank);
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
    if (!ok) return nomem(err);

    /* Mentions of each event, in order. */
    tl->members = malloc(((size_t)tl->n_atoms + 1) * sizeof *tl->members);
    if (!tl->members) return nomem(err);
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
    tally *buf = NULL;
    uint32_t cap = 0;
    for (uint32_t c = 0; ok && c < tl->n_cl; c++) {
        ok = sort_idx(tl, tl->members + tl->cl[c].off, tl->cl[c].n, cmp_atom) && summarise(tl, &tl->cl[c], &buf, &cap);
    }
    free(buf);
    size_t pieces = 0;
    if (!ok || !count_pieces(tl, &pieces)) return nomem(err);

    /* Order and filter. */
    tl->order = malloc(((size_t)tl->n_cl + 1) * sizeof *tl->order);
    if (!tl->order) return nomem(err);
    for (uint32_t c = 0; c < tl->n_cl; c++) tl->order[c] = c;
    if (!sort_idx(tl, tl->order, tl->n_cl, cmp_cluster)) return nomem(err);
    tl->n_order = 0;
    dl_merge_stats *st = &tl->stats;
    st->out_mentions = 0;
    for (uint32_t i = 0; i < tl->n_cl; i++) {
        const cluster *c = &tl->cl[tl->order[i]];
        if (!passes(tl, c)) continue;
        tl->order[tl->n_order++] = tl->order[i];
        st->out_mentions += c->n;
    }
    st->merged = tl->n_cl;
    st->out_events = tl->n_order;
    st->filtered = st->merged - st->out_events;
    st->folded = pieces - st->merged;
    st->split = pieces - st->in_events;
    return DL_OK;
}

/* ---- output -------------------------------------------------------------------- */

size_t dl_timeline_count(const dl_timeline *tl) { return tl->finished ? tl->n_order : 0; }
size_t dl_timeline_n_articles(const dl_timeline *tl) { return tl->n_arts; }
const dl_article_info *dl_timeline_article(const dl_timeline *tl, size_t i) {
    return i < tl->n_arts ? &tl->arts[i] : NULL;
}
void dl_timeline_stats(const dl_timeline *tl, dl_merge_stats *out) { *out = tl->stats; }

char *dl_merge_stats_json(const dl_merge_stats *s) {
    dl_buf b = {0};
    dl_buf_printf(&b,
                  "{\"in\": %zu, \"out\": %zu, \"folded\": %zu, \"merged\": %zu, \"filtered\": %zu, "
                  "\"split\": %zu, \"mentions_in\": %zu, \"mentions_out\": %zu, \"duplicates\": %zu}",
                  s->in_events, s->out_events, s->folded, s->merged, s->filtered, s->split, s->in_mentions,
                  s->out_mentions, s->duplicates);
    return dl_buf_take(&b);
}

static dl_entity ent_view(const dl_timeline *tl, const ent *e) {
    return (dl_entity){(char *)S(tl, e->text), (char *)S(tl, e->name), (char *)S(tl, e->country),
                       (char *)S(tl, e->sector), (char *)S(tl, e->code)};
}

static void action_view(dl_action *a, const char *code, const char *text, int quadclass, double goldstein) {
    memset(a, 0, sizeof *a);
    snprintf(a->code, sizeof a->code, "%s", code);
    snprintf(a->root, sizeof a->root, "%.2s", code);
    const dl_cameo_code *cc = code[0] ? dl_cameo_lookup(code) : NULL;
    a->label = cc ? cc->label : NULL;
    a->text = (char *)text;
    a->quadclass = quadclass;
    a->goldstein = goldstein;
}

static void date_view(const dl_timeline *tl, dl_event_date *d, const sig *s) {
    memset(d, 0, sizeof *d);
    const char *v = S(tl, s->value);
    snprintf(d->when.value, sizeof d->when.value, "%s", v ? v : "");
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

dl_status dl_timeline_write(const dl_timeline *tl, dl_log_writer *w, dl_error *err) {
    if (!tl->finished) return dl_error_set(err, DL_ERR_USAGE, NULL, -1, -1, "timeline not finished");
    uint32_t most = 1;
    for (uint32_t i = 0; i < tl->n_order; i++)
        if (tl->cl[tl->order[i]].n > most) most = tl->cl[tl->order[i]].n;
    dl_mention *ms = malloc((size_t)most * sizeof *ms);
    dl_event *coded = malloc((size_t)most * sizeof *coded);
    dl_status st = ms && coded ? DL_OK : nomem(err);
    for (uint32_t i = 0; st == DL_OK && i < tl->n_order; i++) {
        dl_event view;
        event_view(tl, &tl->cl[tl->order[i]], &view, ms, coded);
        st = dl_log_writer_event(w, &view, err);
    }
    free(ms);
    free(coded);
    for (size_t i = 0; st == DL_OK && i < tl->n_arts; i++) st = dl_log_writer_article(w, &tl->arts[i], err);
    return st;
}

/* timeline.c - many event logs -> one ordered, deduplicated timeline.
 *
 * How it works (see dipline/merge.h for the rules themselves):
 *
 *  1. Adding (this file).  Every input mention becomes an "atom": where it is (article,
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
 *     come from per-bucket indexes of anchor days and articles: no pairwise
 *     scan.  (fold.c)
 *
 *  3. Output.  Mentions are sorted (article, sentence, offset), the merged
 *     event takes the anchor's date, the most specific code and actors, and
 *     events are ordered by date, precision and first mention.  (output.c)
 *
 * Every decision depends only on the strings and numbers of the atoms
 * (intern ids are used for equality, never for order), so the result is a
 * function of the set of atoms.  The output keeps each atom's signature
 * (dl_mention.coded), so re-reading a timeline gives back the same atoms:
 * merging is order-independent and associative. */
#include <stddef.h>

#include "../common/util.h"
#include "timeline_private.h"

/* ---- helpers ------------------------------------------------------------------ */

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

static uint32_t mix(uint32_t h, uint64_t v) {
    uint64_t x = (h ^ v) * 0x9e3779b97f4a7c15ull;
    return (uint32_t)(x ^ (x >> 32));
}

DL_MERGE_SORT(sort_u32, uint32_t, dl_merge_idx_cmp)

bool dl_merge_sort_idx(const dl_timeline *tl, uint32_t *a, size_t n, dl_merge_idx_cmp cmp) {
    if (n < 2) return true;
    uint32_t *tmp = malloc(n * sizeof *tmp);
    if (!tmp) return false;
    const uint32_t *sorted = sort_u32(tl, cmp, a, tmp, n);
    if (sorted != a) memcpy(a, sorted, n * sizeof *a);
    free(tmp);
    return true;
}

int dl_merge_cmp_ent(const dl_timeline *tl, const ent *a, const ent *b) {
    int c;
    if ((c = cmp_id(tl, a->name, b->name)) || (c = cmp_id(tl, a->country, b->country)) ||
        (c = cmp_id(tl, a->sector, b->sector)) || (c = cmp_id(tl, a->code, b->code)))
        return c;
    return cmp_id(tl, a->text, b->text);
}

/* A total order on distinct signatures, by content. */
int dl_merge_cmp_sig(const dl_timeline *tl, uint32_t ia, uint32_t ib) {
    if (ia == ib) return 0;
    const sig *a = &tl->sigs[ia], *b = &tl->sigs[ib];
    int c;
    if ((c = strcmp(a->code, b->code)) || (c = cmp_id(tl, a->value, b->value)) || (c = cmp_num(a->start, b->start)) ||
        (c = cmp_num(a->end, b->end)) || (c = a->gran - b->gran) || (c = a->inferred - b->inferred) ||
        (c = cmp_id(tl, a->basis, b->basis)) || (c = cmp_id(tl, a->art, b->art)) ||
        (c = dl_merge_cmp_ent(tl, &a->side[0], &b->side[0])) ||
        (c = a->has_target - b->has_target) || (c = dl_merge_cmp_ent(tl, &a->side[1], &b->side[1])) ||
        (c = cmp_id(tl, a->action_text, b->action_text)) || (c = cmp_id(tl, a->quote, b->quote)) ||
        (c = a->negated - b->negated) || (c = a->hypothetical - b->hypothetical) ||
        (c = cmp_num(a->confidence, b->confidence)) || (c = a->quadclass - b->quadclass) ||
        (c = cmp_num(a->goldstein, b->goldstein)))
        return c;
    return 0;
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
    free(tl->rank);
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


static bool sig_eq(const sig *a, const sig *b) {
    return ent_eq(&a->side[0], &b->side[0]) && ent_eq(&a->side[1], &b->side[1]) &&
           a->action_text == b->action_text && a->quote == b->quote && a->value == b->value &&
           a->basis == b->basis && a->art == b->art && strcmp(a->code, b->code) == 0 && a->quadclass == b->quadclass &&
           dbits(a->goldstein) == dbits(b->goldstein) && dbits(a->confidence) == dbits(b->confidence) &&
           a->start == b->start && a->end == b->end && a->gran == b->gran && a->inferred == b->inferred &&
           a->has_target == b->has_target && a->negated == b->negated && a->hypothetical == b->hypothetical;
}

/* The signature and atom tables: open addressing, slots hash << 32 | (index
 * + 1), 0 empty.  With the hash in the slot, a probe that meets another
 * item reads no item (a cache miss each on a large table). */
static inline uint64_t slot_of(uint32_t hash, uint32_t i) { return (uint64_t)hash << 32 | (i + 1); }

static bool rehash(uint64_t **table, uint32_t *mask, uint32_t n, const void *items, size_t size, size_t hash_off) {
    uint32_t m = *mask ? *mask * 2 + 1 : 1023;
    while ((size_t)n * 2 > m) m = m * 2 + 1;
    uint64_t *t = calloc((size_t)m + 1, sizeof *t);
    if (!t) return false;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t h;
        memcpy(&h, (const char *)items + i * size + hash_off, sizeof h);
        uint32_t j = h & m;
        while (t[j]) j = (j + 1) & m;
        t[j] = slot_of(h, i);
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

/* The signature of coding c by a mention of article art, its strings
 * interned and its hash made; false when out of memory. */
static bool build_sig(dl_timeline *tl, const dl_event *c, uint32_t art, sig *out) {
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
    if (!ok) return false;
    dl_strlcpy(s.code, c->action.code, sizeof s.code);
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
    *out = s;
    return true;
}

/* The id of signature s (stored when new); UINT32_MAX when out of memory. */
static uint32_t resolve_sig(dl_timeline *tl, sig s) {
    if (tl->sig_table) {
        for (uint32_t j = s.hash & tl->sig_mask; tl->sig_table[j]; j = (j + 1) & tl->sig_mask) {
            uint64_t slot = tl->sig_table[j];
            uint32_t i = (uint32_t)slot - 1;
            if ((uint32_t)(slot >> 32) == s.hash && sig_eq(&tl->sigs[i], &s)) return i;
        }
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
        while (tl->sig_table[j]) j = (j + 1) & tl->sig_mask;
        tl->sig_table[j] = slot_of(s.hash, id);
    }
    return id;
}

static dl_status nomem(dl_error *err) { return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory"); }

/* ---- the adding pipeline ----------------------------------------------------
 * Finding a mention's signature and the mention itself in their tables is a
 * cache miss each on a large timeline.  So a mention goes through three
 * steps, a few mentions apart: built (strings interned, signature hashed,
 * its slot fetched), resolved (signature found or stored, atom hashed, its
 * slot fetched), stored (atom found or stored).  Each step takes the
 * mentions in arrival order, so ids are given exactly as one mention at a
 * time would; dl_timeline_add() and dl_timeline_add_log() drain the
 * pipeline before they return. */

static inline void prefetch_slot(const uint64_t *table, uint32_t mask, uint32_t hash) {
    if (table) __builtin_prefetch(&table[hash & mask]);
}

/* Find or store the oldest resolved mention. */
static dl_status store_oldest(dl_timeline *tl, dl_error *err) {
    atom a = tl->pipe[tl->pipe_head].a;
    tl->pipe_head = (tl->pipe_head + 1) % PIPE_LEN;
    tl->pipe_n--;
    tl->pipe_resolved--;
    tl->stats.in_mentions++;
    /* The same mention coded the same way: keep one (the smaller id). */
    uint32_t found = UINT32_MAX;
    if (tl->atom_table)
        for (uint32_t j = a.hash & tl->atom_mask; tl->atom_table[j]; j = (j + 1) & tl->atom_mask) {
            uint64_t slot = tl->atom_table[j];
            uint32_t k = (uint32_t)slot - 1;
            if ((uint32_t)(slot >> 32) != a.hash) continue;
            const atom *b = &tl->atoms[k];
            if (b->sig == a.sig && b->article == a.article && b->text == a.text && b->sentence == a.sentence &&
                b->start == a.start && b->end == a.end) {
                found = k;
                break;
            }
        }
    if (found != UINT32_MAX) {
        if (cmp_id(tl, a.id, tl->atoms[found].id) < 0) tl->atoms[found].id = a.id;
        if (!grow_sz((void **)&tl->dups, &tl->cap_dups, tl->n_dups + 1, sizeof(dup))) return nomem(err);
        tl->dups[tl->n_dups++] = (dup){a.ev, found};
        tl->stats.duplicates++;
        return DL_OK;
    }
    if (tl->n_atoms == UINT32_MAX - 1 || !grow((void **)&tl->atoms, &tl->cap_atoms, (size_t)tl->n_atoms + 1, sizeof a))
        return nomem(err);
    uint32_t id = tl->n_atoms++;
    tl->atoms[id] = a;
    if (!tl->atom_table || (size_t)tl->n_atoms * 2 > tl->atom_mask) {
        if (!rehash(&tl->atom_table, &tl->atom_mask, tl->n_atoms, tl->atoms, sizeof(atom), offsetof(atom, hash)))
            return nomem(err);
    } else {
        uint32_t j = a.hash & tl->atom_mask;
        while (tl->atom_table[j]) j = (j + 1) & tl->atom_mask;
        tl->atom_table[j] = slot_of(a.hash, id);
    }
    return DL_OK;
}

/* Resolve the oldest built mention's signature. */
static dl_status resolve_next(dl_timeline *tl, dl_error *err) {
    pending *p = &tl->pipe[(tl->pipe_head + tl->pipe_resolved) % PIPE_LEN];
    atom *a = &p->a;
    if ((a->sig = resolve_sig(tl, p->s)) == UINT32_MAX) return nomem(err);
    a->hash = mix(mix(mix(a->sig, ((uint64_t)a->article << 32) | a->text), (uint64_t)a->sentence),
                  ((uint64_t)(uint32_t)a->start << 32) | (uint32_t)a->end);
    prefetch_slot(tl->atom_table, tl->atom_mask, a->hash);
    tl->pipe_resolved++;
    return DL_OK;
}

static dl_status drain(dl_timeline *tl, dl_error *err) {
    dl_status st = DL_OK;
    while (st == DL_OK && tl->pipe_resolved < tl->pipe_n) st = resolve_next(tl, err);
    while (st == DL_OK && tl->pipe_n) st = store_oldest(tl, err);
    return st;
}

/* Build the mentions of ev and move the pipeline on. */
static dl_status add_event(dl_timeline *tl, const dl_event *ev, dl_error *err) {
    if (tl->finished)
        return dl_error_set(err, DL_ERR_USAGE, NULL, -1, -1, "events added to a finished timeline");
    if (tl->stats.in_events >= UINT32_MAX - 1)
        return dl_error_set(err, DL_ERR_LIMIT, NULL, -1, -1, "more than 4 billion events");
    uint32_t evi = (uint32_t)tl->stats.in_events++;
    size_t nm = ev->n_mentions ? ev->n_mentions : 1;
    for (size_t i = 0; i < nm; i++) {
        dl_status st = DL_OK;
        if (tl->pipe_n - tl->pipe_resolved == PIPE_AHEAD) st = resolve_next(tl, err);
        if (st == DL_OK && tl->pipe_resolved > PIPE_AHEAD) st = store_oldest(tl, err);
        if (st != DL_OK) return st;
        const dl_mention *m = ev->n_mentions ? &ev->mentions[i] : NULL;
        const dl_event *c = m && m->coded ? m->coded : ev;
        pending *p = &tl->pipe[(tl->pipe_head + tl->pipe_n) % PIPE_LEN];
        atom *a = &p->a;
        memset(a, 0, sizeof *a);
        bool ok = true;
        /* The mention's strings are new to the pool more often than not:
         * fetch their slots while the signature is being made. */
        const char *art = m && m->article ? m->article : "", *text = m && m->text ? m->text : "";
        size_t n_art = strlen(art), n_text = strlen(text), n_id = c->id ? strlen(c->id) : 0;
        uint32_t h_art = dl_pool_hash(art, n_art), h_text = dl_pool_hash(text, n_text),
                 h_id = c->id ? dl_pool_hash(c->id, n_id) : 0;
        dl_pool_prefetch(tl->pool, h_art);
        dl_pool_prefetch(tl->pool, h_text);
        dl_pool_prefetch(tl->pool, h_id);
        a->article = dl_pool_intern_hashed(tl->pool, art, n_art, h_art, &ok);
        ok = ok && build_sig(tl, c, a->article, &p->s);
        a->text = dl_pool_intern_hashed(tl->pool, text, n_text, h_text, &ok);
        a->id = c->id ? dl_pool_intern_hashed(tl->pool, c->id, n_id, h_id, &ok) : 0;
        if (!ok) return nomem(err);
        a->ev = evi;
        if (m) {
            a->sentence = m->sentence;
            a->start = m->start;
            a->end = m->end;
        }
        prefetch_slot(tl->sig_table, tl->sig_mask, p->s.hash);
        tl->pipe_n++;
    }
    return DL_OK;
}

dl_status dl_timeline_add(dl_timeline *tl, const dl_event *ev, dl_error *err) {
    dl_status st = add_event(tl, ev, err);
    if (st == DL_OK) return drain(tl, err);
    drain(tl, NULL); /* keep the first error */
    return st;
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
    dl_status st;
    for (;;) {
        const dl_event *ev;
        bool got;
        if ((st = dl_log_reader_next_view(r, &ev, &got, err)) != DL_OK || !got) break;
        if ((st = add_event(tl, ev, err)) != DL_OK) break;
    }
    if (st == DL_OK) st = drain(tl, err);
    else drain(tl, NULL); /* keep the first error */
    if (st != DL_OK) return st;
    for (size_t i = 0; i < dl_log_reader_n_articles(r); i++) {
        dl_status st = dl_timeline_add_article(tl, dl_log_reader_article(r, i), err);
        if (st != DL_OK) return st;
    }
    return DL_OK;
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


/* A string by its first 8 bytes (as a big-endian number: the order of
 * strcmp), then whole. */
typedef struct str_key {
    uint64_t prefix;
    uint32_t id;
} str_key;

static int cmp_str_key(const dl_timeline *tl, str_key a, str_key b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix ? -1 : 1;
    return strcmp(S(tl, a.id), S(tl, b.id));
}

typedef int (*str_key_cmp)(const dl_timeline *tl, str_key a, str_key b);
DL_MERGE_SORT(sort_str_keys, str_key, str_key_cmp)

/* Sort the ids in v by their strings. */
static bool sort_strings(const dl_timeline *tl, uint32_t *v, size_t n) {
    str_key *a = malloc((n + 1) * sizeof *a), *tmp = malloc((n + 1) * sizeof *tmp);
    bool ok = a && tmp;
    for (size_t i = 0; ok && i < n; i++) {
        const unsigned char *s = (const unsigned char *)S(tl, v[i]);
        uint64_t p = 0;
        for (int k = 0; k < 8; k++) p = p << 8 | (*s ? *s++ : 0);
        a[i] = (str_key){p, v[i]};
    }
    if (ok) {
        const str_key *sorted = sort_str_keys(tl, cmp_str_key, a, tmp, n);
        for (size_t i = 0; i < n; i++) v[i] = sorted[i].id;
    }
    free(a);
    free(tmp);
    return ok;
}

typedef struct id_set {
    uint32_t *rank; /* 1 once id is in v */
    uint32_t *v, n, cap;
} id_set;

static bool mark(id_set *m, uint32_t id) {
    if (!id || m->rank[id]) return true;
    if (!grow((void **)&m->v, &m->cap, (size_t)m->n + 1, sizeof *m->v)) return false;
    m->rank[id] = 1;
    m->v[m->n++] = id;
    return true;
}

static bool mark_ent(id_set *m, const ent *e) {
    return mark(m, e->text) && mark(m, e->name) && mark(m, e->country) && mark(m, e->sector) && mark(m, e->code);
}

/* Rank the strings of the signatures and the articles (tl->rank). */
static bool rank_strings(dl_timeline *tl) {
    id_set m = {calloc(dl_pool_count(tl->pool), sizeof *m.rank), NULL, 0, 0};
    bool ok = m.rank != NULL;
    for (uint32_t i = 0; ok && i < tl->n_sigs; i++) {
        const sig *s = &tl->sigs[i];
        ok = mark_ent(&m, &s->side[0]) && mark_ent(&m, &s->side[1]) && mark(&m, s->action_text) &&
             mark(&m, s->quote) && mark(&m, s->value) && mark(&m, s->basis) && mark(&m, s->art);
    }
    for (uint32_t i = 0; ok && i < tl->n_atoms; i++) ok = mark(&m, tl->atoms[i].article);
    ok = ok && sort_strings(tl, m.v, m.n);
    for (uint32_t i = 0; ok && i < m.n; i++) m.rank[m.v[i]] = i + 1;
    free(m.v);
    if (!ok) free(m.rank);
    else tl->rank = m.rank;
    return ok;
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

    size_t pieces = 0;
    if (!rank_strings(tl) || !dl_merge_fold(tl) || !dl_merge_arrange(tl, &pieces)) return nomem(err);
    dl_merge_stats *st = &tl->stats;
    st->merged = tl->n_cl;
    st->out_events = tl->n_order;
    st->filtered = st->merged - st->out_events;
    st->folded = pieces - st->merged;
    st->split = pieces - st->in_events;
    return DL_OK;
}

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


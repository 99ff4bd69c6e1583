/* timeline_private.h - what the timeline's files share (timeline.c:
 * adding and finishing; fold.c: deciding which mentions are one event;
 * output.c: the merged events, their order, filters and output).
 *
 * Strings are interned in tl->pool and named by uint32 ids (0 = NULL).  Ids
 * follow arrival order, so they are compared for equality only; every order
 * compares the strings (cmp_id), which keeps the result independent of the
 * input order.  At finish, the strings that the sorts compare most (those of
 * signatures, and articles) are ranked in byte order once (tl->rank), so
 * that cmp_id compares two numbers instead of two strings. */
#ifndef DL_TIMELINE_PRIVATE_H
#define DL_TIMELINE_PRIVATE_H

#include <stdlib.h>
#include <string.h>

#include "dipline/merge.h"
#include "merge_private.h"

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

/* A mention on its way in (timeline.c, "the adding pipeline"). */
typedef struct pending {
    sig s;
    atom a;
} pending;
#define PIPE_AHEAD 4                  /* mentions between two steps */
#define PIPE_LEN (2 * PIPE_AHEAD + 1)

struct dl_timeline {
    dl_merge_options opt;
    char **filter_strs; /* owned copies of the filter strings */
    dl_merge_rules *rules;
    dl_pool *pool;
    sig *sigs;
    uint32_t n_sigs, cap_sigs, sig_mask;
    uint64_t *sig_table; /* while adding (timeline.c) */
    atom *atoms;
    uint32_t n_atoms, cap_atoms, atom_mask;
    uint64_t *atom_table;
    dup *dups;
    size_t n_dups, cap_dups;
    pending pipe[PIPE_LEN];           /* the adding pipeline: a ring */
    uint32_t pipe_head, pipe_n, pipe_resolved; /* the first pipe_resolved have their signature */
    dl_article_info *arts;
    size_t n_arts, cap_arts;
    bool finished;
    cluster *cl;
    uint32_t n_cl, cap_cl;
    uint32_t *members; /* atom indices grouped by event */
    uint32_t *order;   /* events in timeline order, after filters */
    uint32_t n_order;
    struct cluster_key *ckeys; /* while ordering (output.c) */
    uint32_t *rank;    /* string id -> rank in byte order (0: not ranked); from finish */
    dl_merge_stats stats;
};

/* ---- small helpers ---------------------------------------------------------- */

/* Grow *p (capacity *cap, items of `size`) to hold `need` items. */
static inline bool grow(void **p, uint32_t *cap, size_t need, size_t size) {
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

static inline const char *S(const dl_timeline *tl, uint32_t id) { return dl_pool_str(tl->pool, id); }

/* Order of interned strings: NULL first, then by bytes (by rank when both
 * have one: the same order). */
static inline int cmp_id(const dl_timeline *tl, uint32_t a, uint32_t b) {
    if (a == b) return 0;
    if (!a) return -1;
    if (!b) return 1;
    if (tl->rank && tl->rank[a] && tl->rank[b]) return tl->rank[a] < tl->rank[b] ? -1 : 1;
    return strcmp(S(tl, a), S(tl, b));
}

static inline int cmp_num(double a, double b) { return a < b ? -1 : a > b; }

/* The bits of a double, with -0.0 == 0.0. */
static inline uint64_t dbits(double d) {
    if (d == 0) d = 0;
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static inline bool ent_eq(const ent *a, const ent *b) {
    return a->text == b->text && a->name == b->name && a->country == b->country && a->sector == b->sector &&
           a->code == b->code;
}

/* 0 precisely dated, 1 publication-dated, 2 undated. */
static inline int date_class(const sig *s) { return s->start == DL_DAY_NONE ? 2 : s->inferred ? 1 : 0; }
/* Finer granularities first, "none" last. */
static inline int gran_rank(int g) { return g == DL_GRAN_NONE ? 99 : g; }

/* DL_MERGE_SORT(name, T, CMP) defines
 *     static T *name(const dl_timeline *tl, CMP cmp, T *a, T *tmp, size_t n)
 * a stable bottom-up merge sort of a[0..n) by cmp(tl, x, y) (CMP a function
 * pointer type; elements passed by value; qsort's sign convention), using tmp
 * (n elements) as scratch.  It returns whichever of a and tmp holds the
 * sorted elements.  A macro, not a qsort-style function, so that each sort
 * copies its own element type and, where cmp is a known function, the
 * compiler inlines the comparison (the merge sorts a million records). */
#define DL_MERGE_SORT(name, T, CMP)                                                                      \
    static T *name(const dl_timeline *tl, CMP cmp, T *a, T *tmp, size_t n) {                             \
        for (size_t w = 1; w < n; w *= 2) {                                                              \
            for (size_t lo = 0; lo < n; lo += 2 * w) {                                                   \
                size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;              \
                size_t i = lo, j = mid, k = lo;                                                          \
                while (i < mid && j < hi) tmp[k++] = cmp(tl, a[j], a[i]) < 0 ? a[j++] : a[i++];          \
                while (i < mid) tmp[k++] = a[i++];                                                       \
                while (j < hi) tmp[k++] = a[j++];                                                        \
            }                                                                                            \
            T *t = a;                                                                                    \
            a = tmp;                                                                                     \
            tmp = t;                                                                                     \
        }                                                                                                \
        return a;                                                                                        \
    }

/* A stable merge sort of indices under cmp (qsort has no context). */
typedef int (*dl_merge_idx_cmp)(const dl_timeline *tl, uint32_t a, uint32_t b);
bool dl_merge_sort_idx(const dl_timeline *tl, uint32_t *a, size_t n, dl_merge_idx_cmp cmp);
/* Total orders by content: entities, signatures. */
int dl_merge_cmp_ent(const dl_timeline *tl, const ent *a, const ent *b);
int dl_merge_cmp_sig(const dl_timeline *tl, uint32_t a, uint32_t b);

/* fold.c: set every signature's cluster (and swapped), making tl->cl. */
bool dl_merge_fold(dl_timeline *tl);
/* output.c: group the atoms by event (tl->members, in mention order),
 * make each merged event, order the events and apply the filters
 * (tl->order); *pieces counts distinct (input event, event) pairs. */
bool dl_merge_arrange(dl_timeline *tl, size_t *pieces);

#endif

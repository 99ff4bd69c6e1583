/* pool.c - a string pool: each distinct string stored once, named by a
 * uint32 id.  Strings live in large blocks that never move; an
 * open-addressing hash table (linear probing, kept under half full) maps
 * contents to ids.  A slot holds the string's hash beside its id, so that a
 * probe reads one slot, not also a hash array, and only a slot with the same
 * hash leads to the string itself: on a large pool each of these reads is a
 * cache miss. */
#include <stdlib.h>
#include <string.h>

#include "merge_private.h"

#define BLOCK ((size_t)1 << 20)

struct dl_pool {
    char **strs;     /* id -> string; strs[0] unused (NULL) */
    uint32_t n, cap; /* ids in use (including 0), capacity of strs */
    uint64_t *table; /* slots: hash << 32 | id, 0 = empty */
    uint32_t mask;
    char **blocks;
    size_t n_blocks;
    char *cur;       /* free space in the current block */
    size_t left;
    size_t bytes;
};

uint32_t dl_pool_hash(const char *s, size_t n) {
    /* FNV-1a over 8-byte words, then a final mix. */
    uint64_t h = 0xcbf29ce484222325ull ^ n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0x100000001b3ull;
        h ^= h >> 29;
    }
    for (; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return (uint32_t)h;
}

dl_pool *dl_pool_new(void) {
    dl_pool *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->cap = 1024;
    p->strs = calloc(p->cap, sizeof *p->strs);
    p->mask = 2047;
    p->table = calloc((size_t)p->mask + 1, sizeof *p->table);
    if (!p->strs || !p->table) {
        dl_pool_free(p);
        return NULL;
    }
    p->n = 1;
    return p;
}

void dl_pool_free(dl_pool *p) {
    if (!p) return;
    for (size_t i = 0; i < p->n_blocks; i++) free(p->blocks[i]);
    free(p->blocks);
    free(p->strs);
    free(p->table);
    free(p);
}

static char *store(dl_pool *p, const char *s, size_t n) {
    if (n + 1 > p->left) {
        size_t size = n + 1 > BLOCK / 4 ? n + 1 : BLOCK;
        char **b = realloc(p->blocks, (p->n_blocks + 1) * sizeof *b);
        if (!b) return NULL;
        p->blocks = b;
        char *blk = malloc(size);
        if (!blk) return NULL;
        p->blocks[p->n_blocks++] = blk;
        p->bytes += size;
        if (size != BLOCK) { /* a big string gets a block of its own */
            memcpy(blk, s, n);
            blk[n] = 0;
            return blk;
        }
        p->cur = blk;
        p->left = size;
    }
    char *d = p->cur;
    memcpy(d, s, n);
    d[n] = 0;
    p->cur += n + 1;
    p->left -= n + 1;
    return d;
}

static bool grow_table(dl_pool *p) {
    uint32_t mask = p->mask * 2 + 1;
    uint64_t *t = calloc((size_t)mask + 1, sizeof *t);
    if (!t) return false;
    for (uint32_t j = 0; j <= p->mask; j++) {
        uint64_t slot = p->table[j];
        if (!slot) continue;
        uint32_t i = (uint32_t)(slot >> 32) & mask;
        while (t[i]) i = (i + 1) & mask;
        t[i] = slot;
    }
    free(p->table);
    p->table = t;
    p->mask = mask;
    return true;
}

void dl_pool_prefetch(const dl_pool *p, uint32_t h) { __builtin_prefetch(&p->table[h & p->mask]); }

uint32_t dl_pool_intern_hashed(dl_pool *p, const char *s, size_t n, uint32_t h, bool *ok) {
    uint32_t i = h & p->mask;
    for (uint64_t slot; (slot = p->table[i]) != 0; i = (i + 1) & p->mask) {
        uint32_t id = (uint32_t)slot;
        if ((uint32_t)(slot >> 32) == h && strncmp(p->strs[id], s, n) == 0 && p->strs[id][n] == 0) return id;
    }
    if (p->n == UINT32_MAX) {
        *ok = false;
        return 0;
    }
    if (p->n == p->cap) {
        uint32_t cap = p->cap > UINT32_MAX / 2 ? UINT32_MAX : p->cap * 2;
        char **a = realloc(p->strs, (size_t)cap * sizeof *a);
        if (!a) {
            *ok = false;
            return 0;
        }
        p->strs = a;
        p->cap = cap;
    }
    char *d = store(p, s, n);
    if (!d) {
        *ok = false;
        return 0;
    }
    uint32_t id = p->n++;
    p->strs[id] = d;
    p->table[i] = (uint64_t)h << 32 | id;
    if ((size_t)p->n * 2 > p->mask && !grow_table(p)) *ok = false;
    return id;
}

uint32_t dl_pool_intern(dl_pool *p, const char *s, bool *ok) {
    if (!s) return 0;
    size_t n = strlen(s);
    return dl_pool_intern_hashed(p, s, n, dl_pool_hash(s, n), ok);
}

const char *dl_pool_str(const dl_pool *p, uint32_t id) { return id && id < p->n ? p->strs[id] : NULL; }

uint32_t dl_pool_count(const dl_pool *p) { return p->n; }

size_t dl_pool_bytes(const dl_pool *p) {
    return p->bytes + (size_t)p->cap * sizeof *p->strs + ((size_t)p->mask + 1) * sizeof *p->table;
}

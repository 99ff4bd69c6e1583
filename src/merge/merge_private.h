/* merge_private.h - what the merge module's files share: the string pool
 * and the rule lookups the timeline needs beyond the public ones. */
#ifndef DL_MERGE_PRIVATE_H
#define DL_MERGE_PRIVATE_H

#include <stdint.h>

#include "dipline/merge.h"

/* Bits of the exclusive lines whose left (*l) or right (*r) side holds code. */
void dl_merge_rules_exclusive_mask(const dl_merge_rules *r, const char *code, uint32_t *l, uint32_t *r_);

/* ---- String pool ----------------------------------------------------------
 * Interns strings: each distinct string is stored once and named by a
 * uint32 id; id 0 is NULL.  Strings never move, so pointers stay valid until
 * the pool is freed.  Ids follow arrival order: compare strings, not ids,
 * wherever order matters. */
typedef struct dl_pool dl_pool;

dl_pool *dl_pool_new(void);
void dl_pool_free(dl_pool *p);
/* The id of s (0 for NULL); *ok is set to false when out of memory. */
uint32_t dl_pool_intern(dl_pool *p, const char *s, bool *ok);
/* The same in steps, for callers that overlap the table's cache misses
 * with other work: the hash of s[0..n) (s has no NUL inside), a hint to
 * fetch its slot, then the id of s with that hash. */
uint32_t dl_pool_hash(const char *s, size_t n);
void dl_pool_prefetch(const dl_pool *p, uint32_t hash);
uint32_t dl_pool_intern_hashed(dl_pool *p, const char *s, size_t n, uint32_t hash, bool *ok);
/* The string of an id (NULL for 0). */
const char *dl_pool_str(const dl_pool *p, uint32_t id);
/* Ids in use plus one (ids are below this). */
uint32_t dl_pool_count(const dl_pool *p);
/* Bytes held (for statistics). */
size_t dl_pool_bytes(const dl_pool *p);

#endif

/* intern.h - private: string interning and a phrase trie over interned
 * token ids, the data structures behind every dictionary lookup.
 *
 * Words are interned once into dense ids (0..n-1).  A phrase trie is a
 * hash map from (node, word id) to child node, so a lookup walks one hash
 * probe per token; node 0 is the root.  Payloads (what a phrase means) are
 * kept by the caller, indexed by node. */
#ifndef DL_INTERN_H
#define DL_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "../common/util.h"

#define DL_NO_ID UINT32_MAX

/* A slot of the interner's table: the id and the hash side by side, so
 * that a probe (one per token of every article) reads one cache line. */
typedef struct dl_intern_slot {
    uint32_t id1;  /* open addressing: id+1, 0 = empty */
    uint32_t hash; /* the dl_text_hash() of its string */
} dl_intern_slot;

typedef struct dl_interner {
    char *chars;        /* all strings, NUL-separated */
    size_t chars_len, chars_cap;
    uint32_t *offsets;  /* id -> offset in chars */
    uint32_t n, cap;
    dl_intern_slot *table;
    size_t table_size;  /* power of two */
} dl_interner;

/* Id of s (len bytes), adding it when `add`; DL_NO_ID when absent (or when
 * adding failed for lack of memory). */
uint32_t dl_intern(dl_interner *in, const char *s, size_t len, int add);
/* The same, given s's dl_text_hash() (a token's dl_token.hash). */
uint32_t dl_intern_hashed(dl_interner *in, const char *s, size_t len, uint32_t text_hash, int add);
/* The table's hash of a string: dl_text_hash() folded. */
static inline uint64_t dl_intern_fold(uint32_t text_hash) { return text_hash ^ (text_hash >> 16); }

/* Only the lookup (read-only, thread-safe): the id of s, or DL_NO_ID.
 * Inline, apart from adding: every token of every article is looked up. */
static inline uint32_t dl_intern_find(const dl_interner *in, const char *s, size_t len, uint32_t text_hash) {
    if (!in->table_size) return DL_NO_ID;
    size_t h = (size_t)dl_intern_fold(text_hash) & (in->table_size - 1);
    while (in->table[h].id1) {
        if (in->table[h].hash == text_hash) { /* (most other words differ in their hash) */
            const char *c = in->chars + in->offsets[in->table[h].id1 - 1];
            if (dl_streq_n(c, s, len)) return in->table[h].id1 - 1;
        }
        h = (h + 1) & (in->table_size - 1);
    }
    return DL_NO_ID;
}
const char *dl_interned(const dl_interner *in, uint32_t id);
void dl_interner_free(dl_interner *in);

/* A slot of a trie's table: key and child together (one cache line per
 * probe, as for dl_intern_slot). */
typedef struct dl_trie_slot {
    uint64_t key;  /* (node << 32 | word) + 1, 0 = empty */
    uint32_t val;  /* child node */
} dl_trie_slot;

typedef struct dl_trie {
    dl_trie_slot *slots;
    size_t size, used;  /* table size (power of two), entries */
    uint32_t n_nodes;
} dl_trie;

/* Child of `node` by `word`, creating it when `add`; DL_NO_ID if none. */
uint32_t dl_trie_step(dl_trie *t, uint32_t node, uint32_t word, int add);
/* Read-only step (thread-safe). */
uint32_t dl_trie_next(const dl_trie *t, uint32_t node, uint32_t word);
void dl_trie_free(dl_trie *t);

/* The interner's hash: dl_text_hash() folded (so that a token's stored hash
 * serves), widened for the callers that mix it with other keys. */
uint64_t dl_hash_bytes(const char *s, size_t len);

#endif

/* intern.c - string interning and the phrase trie (see intern.h). */
#include "intern.h"

#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "dipline/text.h"


uint64_t dl_hash_bytes(const char *s, size_t len) { return dl_intern_fold(dl_text_hash(s, len)); }

static int grow_table(dl_interner *in) {
    size_t size = in->table_size ? in->table_size * 2 : 1024;
    dl_intern_slot *t = calloc(size, sizeof *t);
    if (!t) return 0;
    for (uint32_t id = 0; id < in->n; id++) {
        const char *s = in->chars + in->offsets[id];
        uint32_t th = dl_text_hash(s, strlen(s));
        size_t h = (size_t)dl_intern_fold(th) & (size - 1);
        while (t[h].id1) h = (h + 1) & (size - 1);
        t[h] = (dl_intern_slot){id + 1, th};
    }
    free(in->table);
    in->table = t;
    in->table_size = size;
    return 1;
}

uint32_t dl_intern(dl_interner *in, const char *s, size_t len, int add) {
    return dl_intern_hashed(in, s, len, dl_text_hash(s, len), add);
}

uint32_t dl_intern_hashed(dl_interner *in, const char *s, size_t len, uint32_t text_hash, int add) {
    uint32_t found = dl_intern_find(in, s, len, text_hash);
    if (found != DL_NO_ID || !add) return found;
    if ((in->n + 1) * 2 > in->table_size && !grow_table(in)) return DL_NO_ID;
    if (in->n == in->cap) {
        uint32_t cap = in->cap ? in->cap * 2 : 1024;
        uint32_t *o = realloc(in->offsets, cap * sizeof *o);
        if (!o) return DL_NO_ID;
        in->offsets = o;
        in->cap = cap;
    }
    if (in->chars_len + len + 1 > in->chars_cap) {
        size_t cap = in->chars_cap ? in->chars_cap : 8192;
        while (cap < in->chars_len + len + 1) cap *= 2;
        char *c = realloc(in->chars, cap);
        if (!c) return DL_NO_ID;
        in->chars = c;
        in->chars_cap = cap;
    }
    memcpy(in->chars + in->chars_len, s, len);
    in->chars[in->chars_len + len] = 0;
    uint32_t id = in->n++;
    in->offsets[id] = (uint32_t)in->chars_len;
    in->chars_len += len + 1;
    size_t h = (size_t)dl_intern_fold(text_hash) & (in->table_size - 1);
    while (in->table[h].id1) h = (h + 1) & (in->table_size - 1);
    in->table[h] = (dl_intern_slot){id + 1, text_hash};
    return id;
}

const char *dl_interned(const dl_interner *in, uint32_t id) {
    return id < in->n ? in->chars + in->offsets[id] : "";
}

void dl_interner_free(dl_interner *in) {
    free(in->chars);
    free(in->offsets);
    free(in->table);
    memset(in, 0, sizeof *in);
}

static inline size_t slot_of(uint64_t key, size_t size) {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdull;
    key ^= key >> 33;
    return (size_t)key & (size - 1);
}

static int trie_grow(dl_trie *t) {
    size_t size = t->size ? t->size * 2 : 4096;
    dl_trie_slot *k = calloc(size, sizeof *k);
    if (!k) return 0;
    for (size_t i = 0; i < t->size; i++) {
        if (!t->slots[i].key) continue;
        size_t h = slot_of(t->slots[i].key, size);
        while (k[h].key) h = (h + 1) & (size - 1);
        k[h] = t->slots[i];
    }
    free(t->slots);
    t->slots = k;
    t->size = size;
    return 1;
}

uint32_t dl_trie_next(const dl_trie *t, uint32_t node, uint32_t word) {
    if (!t->size || word == DL_NO_ID || node == DL_NO_ID) return DL_NO_ID;
    uint64_t key = (((uint64_t)node << 32) | word) + 1;
    size_t h = slot_of(key, t->size);
    while (t->slots[h].key) {
        if (t->slots[h].key == key) return t->slots[h].val;
        h = (h + 1) & (t->size - 1);
    }
    return DL_NO_ID;
}

uint32_t dl_trie_step(dl_trie *t, uint32_t node, uint32_t word, int add) {
    if (t->n_nodes == 0) t->n_nodes = 1; /* the root */
    uint32_t c = dl_trie_next(t, node, word);
    if (c != DL_NO_ID || !add) return c;
    if ((t->used + 1) * 2 > t->size && !trie_grow(t)) return DL_NO_ID;
    uint64_t key = (((uint64_t)node << 32) | word) + 1;
    size_t h = slot_of(key, t->size);
    while (t->slots[h].key) h = (h + 1) & (t->size - 1);
    t->slots[h] = (dl_trie_slot){key, t->n_nodes++};
    t->used++;
    return t->slots[h].val;
}

void dl_trie_free(dl_trie *t) {
    free(t->slots);
    memset(t, 0, sizeof *t);
}

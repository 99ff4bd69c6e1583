/* util.h - private helpers shared by the library's modules: strings,
 * growable buffers, atomic output files and the embedded data files.
 * Not part of the public API. */
#ifndef DL_UTIL_H
#define DL_UTIL_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dipline/common.h"

/* malloc'd copies; NULL on out-of-memory (or when s is NULL). */
char *dl_strdup(const char *s);
char *dl_strndup(const char *s, size_t n);

/* strcmp(a, b) == 0, for the hot paths that test a token's form against a
 * word or compare two country codes: most such strings differ in their
 * first byte, which is settled here without a call. */
static inline bool dl_streq(const char *a, const char *b) { return a[0] == b[0] && strcmp(a, b) == 0; }

/* Is the NUL-terminated s the n bytes at w (which hold no NUL)?  As
 * strncmp(s, w, n) == 0 && s[n] == 0, inline: for the table lookups that
 * confirm a hash hit, where the strings are short and mostly equal. */
static inline bool dl_streq_n(const char *s, const char *w, size_t n) {
    size_t k = 0;
    while (k < n && s[k] == w[k]) k++; /* (stops at s's NUL: w has none) */
    return k == n && s[k] == 0;
}

/* A growable byte buffer, always NUL-terminated when non-empty. */
typedef struct dl_buf {
    char *data;
    size_t len, cap;
    bool failed; /* set once an allocation failed; later appends are no-ops */
} dl_buf;

/* Room for `extra` more bytes (and the NUL).  The test is inline, as
 * buffers are filled a few bytes at a time in hot loops (the tokeniser's
 * normalised forms, the JSON writer); dl_buf_grow() is the rare slow path. */
bool dl_buf_grow(dl_buf *b, size_t extra);
static inline bool dl_buf_reserve(dl_buf *b, size_t extra) {
    return (!b->failed && b->len + extra + 1 <= b->cap) || dl_buf_grow(b, extra);
}
static inline bool dl_buf_append(dl_buf *b, const void *data, size_t n) {
    if (!dl_buf_reserve(b, n)) return false;
    if (n) memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = 0;
    return true;
}
static inline bool dl_buf_putc(dl_buf *b, char c) {
    if (!dl_buf_reserve(b, 1)) return false;
    b->data[b->len++] = c;
    b->data[b->len] = 0;
    return true;
}
bool dl_buf_puts(dl_buf *b, const char *s);
bool dl_buf_printf(dl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dl_buf_reset(dl_buf *b); /* length 0, keeps memory */
void dl_buf_free(dl_buf *b);
/* Hand the data to the caller (malloc'd, NUL-terminated) and reset b. */
char *dl_buf_take(dl_buf *b);

/* A growable array of T: VEC(T) name = {0}; vec_push(&name, value) returns
 * 0 when out of memory.  Free with free(name.v). */
#define VEC(T) struct { T *v; size_t n, cap; }
#define vec_reserve(a, k)                                                                  \
    ((a)->n + (k) <= (a)->cap ||                                                           \
     dl_vec_grow((void **)&(a)->v, &(a)->cap, (a)->n + (k), sizeof *(a)->v))
#define vec_push(a, x) (vec_reserve(a, 1) ? ((a)->v[(a)->n++] = (x), 1) : 0)
/* Grow *v to hold at least `need` elements of `elem` bytes (doubling). */
int dl_vec_grow(void **v, size_t *cap, size_t need, size_t elem);

/* A bump allocator: many small blocks freed all at once.  Blocks are
 * 8-byte aligned; dl_arena_reset() frees everything allocated but keeps one
 * chunk for the next round; dl_arena_free() releases it all.  Zero it to
 * start. */
typedef struct dl_arena_chunk dl_arena_chunk;
typedef struct dl_arena {
    dl_arena_chunk *chunks; /* the current chunk first */
    char *p;                /* free space in the current chunk */
    size_t left;
} dl_arena;

void *dl_arena_alloc_slow(dl_arena *a, size_t n);
/* n bytes (NULL when out of memory), valid until the next reset. */
static inline void *dl_arena_alloc(dl_arena *a, size_t n) {
    n = (n + 7) & ~(size_t)7;
    if (n > a->left) return dl_arena_alloc_slow(a, n);
    void *p = a->p;
    a->p += n;
    a->left -= n;
    return p;
}
/* A NUL-terminated copy of s[0..n) in the arena. */
static inline char *dl_arena_strndup(dl_arena *a, const char *s, size_t n) {
    char *p = dl_arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = 0;
    }
    return p;
}
void dl_arena_reset(dl_arena *a);
void dl_arena_free(dl_arena *a);

/* ---- Atomic output -------------------------------------------------------
 * dl_atomic_open() creates "<dir>/.<name>.XXXXXX" beside `path`; commit
 * flushes, fsyncs and renames it over `path`; abort unlinks it.  Temporary
 * files still open are unlinked by dl_atomic_cleanup_all(), which is
 * async-signal-safe (the CLI calls it from its SIGINT/SIGTERM handler).
 * "-" means standard output: no temporary file, commit just flushes. */
typedef struct dl_atomic_file {
    FILE *fp;
    char *path;
    char *tmp; /* NULL for standard output */
    int slot;  /* registry slot for signal cleanup, -1 if none */
} dl_atomic_file;

dl_status dl_atomic_open(dl_atomic_file *af, const char *path, dl_error *err);
dl_status dl_atomic_commit(dl_atomic_file *af, dl_error *err);
void dl_atomic_abort(dl_atomic_file *af);
/* Reserve a temp-file name beside path without opening a FILE (for writers
 * such as cairo that open by name): *tmp_out is malloc'd and registered for
 * cleanup; finish with dl_atomic_rename() or dl_atomic_discard(). */
dl_status dl_atomic_reserve(const char *path, char **tmp_out, int *slot, dl_error *err);
dl_status dl_atomic_rename(const char *tmp, const char *path, int slot, dl_error *err);
void dl_atomic_discard(const char *tmp, int slot);
void dl_atomic_cleanup_all(void);

/* ---- Embedded data --------------------------------------------------------
 * Files under data/ are compiled into the library (tools/embed.c).  Returns
 * the bytes of data/<name> (not NUL-terminated... but always followed by a
 * NUL byte) or NULL when there is no such file. */
const char *dl_data_get(const char *name, size_t *len);

/* Read a whole file (or "-" for stdin) into memory, NUL-terminated, refusing
 * more than max bytes.  *out is malloc'd. */
dl_status dl_read_file(const char *path, size_t max, char **out, size_t *len, dl_error *err);

/* Copy s into dst of `cap` bytes, cut to fit and NUL-terminated: what
 * snprintf(dst, cap, "%s", s) does, without the format machinery (it runs
 * per token and per event). */
static inline void dl_strlcpy(char *dst, const char *s, size_t cap) {
    if (!cap) return;
    size_t n = 0;
    while (n + 1 < cap && s[n]) n++;
    memcpy(dst, s, n);
    dst[n] = 0;
}

/* ASCII helpers that ignore the locale. */
static inline int dl_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static inline bool dl_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline bool dl_isalpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static inline bool dl_isspace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
int dl_strcasecmp(const char *a, const char *b);
int dl_strncasecmp(const char *a, const char *b, size_t n);

#endif

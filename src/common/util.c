/* util.c - strings, buffers, whole-file reads (see util.h). */
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *dl_strdup(const char *s) { return s ? dl_strndup(s, strlen(s)) : NULL; }

char *dl_strndup(const char *s, size_t n) {
    if (!s) return NULL;
    char *p = malloc(n + 1);
    if (!p) return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

bool dl_buf_grow(dl_buf *b, size_t extra) {
    if (b->failed) return false;
    if (b->len + extra + 1 <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) { b->failed = true; return false; }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) { b->failed = true; return false; }
    b->data = p;
    b->cap = cap;
    return true;
}

bool dl_buf_puts(dl_buf *b, const char *s) { return dl_buf_append(b, s, strlen(s)); }

bool dl_buf_printf(dl_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return false;
    if ((size_t)n < sizeof small) return dl_buf_append(b, small, (size_t)n);
    if (!dl_buf_reserve(b, (size_t)n)) return false;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

void dl_buf_reset(dl_buf *b) {
    b->len = 0;
    if (b->data) b->data[0] = 0;
}

void dl_buf_free(dl_buf *b) {
    free(b->data);
    memset(b, 0, sizeof *b);
}

char *dl_buf_take(dl_buf *b) {
    char *p = b->data;
    if (!p) p = dl_strdup("");
    memset(b, 0, sizeof *b);
    return p;
}

dl_status dl_read_file(const char *path, size_t max, char **out, size_t *len, dl_error *err) {
    *out = NULL;
    *len = 0;
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    const char *name = is_stdin ? "<stdin>" : path;
    if (!f) return dl_error_set(err, DL_ERR_INPUT, name, -1, -1, "cannot open: %s", strerror(errno));
    dl_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max) {
            if (!is_stdin) fclose(f);
            dl_buf_free(&b);
            return dl_error_set(err, DL_ERR_LIMIT, name, -1, (long)max,
                                "file is larger than the limit of %zu bytes", max);
        }
        if (!dl_buf_append(&b, chunk, n)) {
            if (!is_stdin) fclose(f);
            dl_buf_free(&b);
            return dl_error_set(err, DL_ERR_NOMEM, name, -1, -1, "out of memory");
        }
    }
    bool bad = ferror(f);
    if (!is_stdin) fclose(f);
    if (bad) {
        dl_buf_free(&b);
        return dl_error_set(err, DL_ERR_IO, name, -1, -1, "read error");
    }
    *len = b.len;
    *out = dl_buf_take(&b);
    if (!*out) return dl_error_set(err, DL_ERR_NOMEM, name, -1, -1, "out of memory");
    return DL_OK;
}

int dl_strcasecmp(const char *a, const char *b) {
    for (;; a++, b++) {
        int ca = dl_lower((unsigned char)*a), cb = dl_lower((unsigned char)*b);
        if (ca != cb || !ca) return ca - cb;
    }
}

int dl_strncasecmp(const char *a, const char *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        int ca = dl_lower((unsigned char)a[i]), cb = dl_lower((unsigned char)b[i]);
        if (ca != cb || !ca) return ca - cb;
    }
    return 0;
}

/* ---- arena ---- */

#define ARENA_CHUNK ((size_t)256 * 1024)

struct dl_arena_chunk {
    dl_arena_chunk *next;
    size_t size; /* bytes of data */
    _Alignas(8) char data[];
};

void *dl_arena_alloc_slow(dl_arena *a, size_t n) {
    size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK; /* a big block gets a chunk of its own */
    dl_arena_chunk *c = malloc(sizeof *c + size);
    if (!c) return NULL;
    c->size = size;
    if (size != ARENA_CHUNK && a->chunks) { /* behind the current chunk, which keeps its room */
        c->next = a->chunks->next;
        a->chunks->next = c;
        return c->data;
    }
    c->next = a->chunks;
    a->chunks = c;
    a->p = c->data + n;
    a->left = size - n;
    return c->data;
}

void dl_arena_reset(dl_arena *a) {
    dl_arena_chunk *keep = NULL;
    for (dl_arena_chunk *c = a->chunks, *next; c; c = next) {
        next = c->next;
        if (!keep && c->size == ARENA_CHUNK) keep = c;
        else free(c);
    }
    a->chunks = keep;
    if (keep) keep->next = NULL;
    a->p = keep ? keep->data : NULL;
    a->left = keep ? keep->size : 0;
}

void dl_arena_free(dl_arena *a) {
    for (dl_arena_chunk *c = a->chunks, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    memset(a, 0, sizeof *a);
}

int dl_vec_grow(void **v, size_t *cap, size_t need, size_t elem) {
    size_t c = *cap ? *cap : 16;
    while (c < need) c *= 2;
    void *p = realloc(*v, c * elem);
    if (!p) return 0;
    *v = p;
    *cap = c;
    return 1;
}

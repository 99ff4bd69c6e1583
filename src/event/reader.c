/* reader.c - streaming event-log reader.
 *
 * A log is either the dipline/events/1 JSON document, a JSON array of
 * events, or JSON Lines (one event object per line).  The whole document is
 * never loaded: the input is read in large blocks into a buffer, and
 * json_in.c parses each event object in place, straight into a dl_event
 * (an object cut by the end of a block is parsed again once the next block
 * is in).  The rest of the document (small) is walked byte by byte.
 *
 * Parsing runs ahead in a thread of its own: it fills a ring of RA_BATCHES
 * batches of RA_BATCH events that the caller takes in order, so reading a
 * log costs the caller (a merge, a render) little more than following
 * pointers.  Each batch allocates its events' strings in an arena of its
 * own, reset when the batch is used again: no malloc or free per string, and
 * no memory freed by another thread than the one that took it.
 * dl_log_reader_next_view() lends the events; dl_log_reader_next() copies
 * them.  Memory therefore holds a few batches and one block, not the log.
 * Line numbers, needed only for errors, are counted lazily (memchr) as the
 * buffer moves on. */
#include <errno.h>
#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "event_json.h"

#define MAX_OBJECT ((size_t)64 * 1024 * 1024)
#define MAX_DEPTH 64
#define BLOCK ((size_t)256 * 1024)
#define NO_KEEP ((size_t)-1)

typedef enum { ST_INIT, ST_DOC, ST_EVENTS, ST_ARRAY, ST_LINES, ST_DONE } state;

#define RA_BATCHES 8
#define RA_BATCH 128 /* events per batch: hand-overs wake the other side once a batch */

/* Events parsed in a row, their strings in `arena`. */
typedef struct {
    dl_event ev[RA_BATCH];
    size_t n;
    bool last;    /* the log ends (or fails: st, err) after these */
    dl_status st;
    dl_error err;
    dl_arena arena;
} batch;

/* The read-ahead thread and its ring of batches (head, n, stop: under mu).
 * Batches [head, head + n) are full, the first of them being read by the
 * consumer; the producer fills the others. */
typedef struct {
    pthread_t th;
    pthread_mutex_t mu;
    pthread_cond_t more, room;
    batch slots[RA_BATCHES];
    size_t head, n;
    bool stop;         /* the consumer quits */
} read_ahead;

struct dl_log_reader {
    FILE *f;
    bool own_f;
    char *mem; /* buffer copy for dl_log_reader_open_buffer */
    char *name;
    unsigned char *buf;  /* buf[pos..len) not read yet */
    size_t cap, pos, len;
    size_t keep;         /* buf[keep..] must stay when refilling (NO_KEEP) */
    bool eof;
    long base_offset;    /* input offset of buf[0] */
    long line;           /* line number at buf[line_pos] */
    size_t line_pos;
    state st;
    dl_article_info *arts;
    size_t n_arts, cap_arts;
    read_ahead *ra;      /* NULL: not started (or no threads: read in place) */
    bool ra_tried, ra_done; /* ra_done: the consumer has taken the last batch */
    batch *cur;          /* the batch being read (a slot of ra, or local) */
    size_t cur_i;        /* its next event */
    batch *local;        /* batches read in place (no thread, or after the end) */
};

static long count_nl(const unsigned char *p, const unsigned char *end) {
    long n = 0;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) p++, n++;
    return n;
}

/* The line number at buf[at]. */
static long line_at(dl_log_reader *r, size_t at) {
    if (!r->buf) return r->line; /* nothing read */
    if (at >= r->line_pos) r->line += count_nl(r->buf + r->line_pos, r->buf + at);
    else r->line -= count_nl(r->buf + at, r->buf + r->line_pos);
    r->line_pos = at;
    return r->line;
}

/* Read more input after buf[len], first dropping what is read and not kept
 * (buf indices move down: callers re-read pos and keep).  False at the end
 * of the input (or on a read error) with nothing added. */
static bool fill(dl_log_reader *r) {
    if (r->eof || !r->f) {
        r->eof = true;
        return false;
    }
    size_t drop = r->keep != NO_KEEP && r->keep < r->pos ? r->keep : r->pos;
    if (drop) {
        if (r->line_pos < drop) line_at(r, drop);
        r->line_pos -= drop;
        memmove(r->buf, r->buf + drop, r->len - drop);
        r->len -= drop;
        r->pos -= drop;
        if (r->keep != NO_KEEP) r->keep -= drop;
        r->base_offset += (long)drop;
    }
    if (r->cap - r->len < BLOCK / 2) {
        size_t cap = r->cap ? r->cap * 2 : BLOCK;
        unsigned char *p = cap <= MAX_OBJECT + 2 * BLOCK ? realloc(r->buf, cap) : NULL;
        if (!p) {
            if (r->len == r->cap) return false;
        } else {
            r->buf = p;
            r->cap = cap;
        }
    }
    size_t n = fread(r->buf + r->len, 1, r->cap - r->len, r->f);
    if (n == 0) {
        r->eof = true;
        return false;
    }
    r->len += n;
    return true;
}

static inline int peek(dl_log_reader *r) {
    if (r->pos < r->len || fill(r)) return r->buf[r->pos];
    return -1;
}

static inline int get(dl_log_reader *r) {
    int c = peek(r);
    if (c >= 0) r->pos++;
    return c;
}

static dl_status fail(dl_log_reader *r, dl_error *err, const char *fmt, const char *what) {
    r->st = ST_DONE;
    return dl_error_set(err, DL_ERR_INPUT, r->name, line_at(r, r->pos), r->base_offset + (long)r->pos, fmt, what);
}

/* Scanner results below zero: -1 end of input, -2 object too large, -3 out
 * of memory, -4 malformed, -5 nested too deep. */
static dl_status fail_get(dl_log_reader *r, int c, dl_error *err, const char *context) {
    if (c == -2) return fail(r, err, "an object in the log is larger than 64 MiB (%s)", context);
    if (c == -3) {
        r->st = ST_DONE;
        return dl_error_set(err, DL_ERR_NOMEM, r->name, line_at(r, r->pos), r->base_offset + (long)r->pos,
                            "out of memory");
    }
    if (c == -1) return fail(r, err, "unexpected end of file in %s", context);
    return fail(r, err, "malformed JSON in %s", context);
}

static void skip_ws(dl_log_reader *r) {
    int c;
    while ((c = peek(r)) == ' ' || c == '\t' || c == '\n' || c == '\r') r->pos++;
}

/* Read a JSON string (at its opening quote) into out (raw, escapes kept). */
static int scan_string(dl_log_reader *r, dl_buf *out) {
    int c = get(r);
    if (c != '"') return c < 0 ? c : -4;
    for (;;) {
        c = get(r);
        if (c < 0) return c;
        if (c == '"') return 0;
        if (c == '\\') {
            if (out) dl_buf_putc(out, (char)c);
            c = get(r);
            if (c < 0) return c;
        }
        if (out) dl_buf_putc(out, (char)c);
    }
}

/* Find the end of the object or array at buf[pos]: on success *start is
 * its first byte and pos is just past it, both in the buffer, which holds
 * it whole until the next read. */
static int scan_object(dl_log_reader *r, size_t *start) {
    /* 1: opens, 2: closes, 3: a quote; 0 for everything else. */
    static const unsigned char cls[256] = {['{'] = 1, ['['] = 1, ['}'] = 2, [']'] = 2, ['"'] = 3};
    r->keep = r->pos;
    size_t i = r->pos;
    int depth = 0;
    bool in_str = false;
    for (;;) {
        if (i >= r->len) {
            if (r->len - r->keep > MAX_OBJECT) {
                r->keep = NO_KEEP;
                return -2;
            }
            r->pos = i;
            if (!fill(r)) {
                r->keep = NO_KEEP;
                return r->len == r->cap ? -3 : -1;
            }
            i = r->pos;
        }
        const unsigned char *b = r->buf, *e = b + r->len, *p = b + i;
        if (in_str) {
            while (p < e && *p != '"' && *p != '\\') p++;
            if (p >= e) {
                i = r->len;
                continue;
            }
            if (*p == '\\') {
                if (p + 1 >= e) { /* the escaped byte is in the next block */
                    i = (size_t)(p - b);
                    r->pos = i;
                    if (!fill(r)) {
                        r->keep = NO_KEEP;
                        return -1;
                    }
                    i = r->pos;
                    continue;
                }
                i = (size_t)(p - b) + 2;
                continue;
            }
            in_str = false;
            i = (size_t)(p - b) + 1;
            continue;
        }
        while (p < e && !cls[*p]) p++;
        if (p >= e) {
            i = r->len;
            continue;
        }
        i = (size_t)(p - b) + 1;
        if (cls[*p] == 3) in_str = true;
        else if (cls[*p] == 1) {
            if (++depth > MAX_DEPTH) {
                r->pos = i;
                r->keep = NO_KEEP;
                return -5;
            }
        } else if (--depth <= 0) {
            *start = r->keep;
            r->pos = i;
            r->keep = NO_KEEP;
            return depth == 0 ? 0 : -4;
        }
    }
}

/* Skip one JSON value of any kind. */
static int skip_value(dl_log_reader *r) {
    skip_ws(r);
    int c = peek(r);
    if (c == '"') return scan_string(r, NULL);
    if (c == '{' || c == '[') {
        size_t start;
        return scan_object(r, &start);
    }
    if (c < 0) return c;
    /* A scalar: read to the next delimiter. */
    int n = 0;
    while ((c = peek(r)) >= 0 && !strchr(",}] \t\r\n", c)) {
        r->pos++;
        n++;
    }
    return n ? 0 : -4;
}

static dl_status open_common(dl_log_reader *r, const char *name, dl_log_reader **out) {
    r->name = dl_strdup(name);
    r->line = 1;
    r->keep = NO_KEEP;
    r->st = ST_INIT;
    *out = r;
    return DL_OK;
}

dl_status dl_log_reader_open(const char *path, dl_log_reader **out, dl_error *err) {
    *out = NULL;
    dl_log_reader *r = calloc(1, sizeof *r);
    if (!r) return dl_error_set(err, DL_ERR_NOMEM, path, -1, -1, "out of memory");
    if (strcmp(path, "-") == 0) {
        r->f = stdin;
        path = "<stdin>";
    } else {
        r->f = fopen(path, "rb");
        if (!r->f) {
            int e = errno;
            free(r);
            return dl_error_set(err, DL_ERR_INPUT, path, -1, -1, "cannot open: %s", strerror(e));
        }
        r->own_f = true;
    }
    return open_common(r, path, out);
}

dl_status dl_log_reader_open_buffer(const char *name, const char *data, size_t len,
                                    dl_log_reader **out, dl_error *err) {
    *out = NULL;
    dl_log_reader *r = calloc(1, sizeof *r);
    if (!r) return dl_error_set(err, DL_ERR_NOMEM, name, -1, -1, "out of memory");
    r->mem = malloc(len ? len : 1);
    if (!r->mem) {
        free(r);
        return dl_error_set(err, DL_ERR_NOMEM, name, -1, -1, "out of memory");
    }
    if (len) memcpy(r->mem, data, len);
    r->f = len ? fmemopen(r->mem, len, "rb") : NULL;
    if (!r->f) r->eof = true;
    r->own_f = r->f != NULL;
    return open_common(r, name, out);
}

static void ra_stop(dl_log_reader *r);

void dl_log_reader_free(dl_log_reader *r) {
    if (!r) return;
    ra_stop(r);
    if (r->local) dl_arena_free(&r->local->arena);
    free(r->local);
    if (r->own_f) fclose(r->f);
    free(r->mem);
    free(r->name);
    free(r->buf);
    for (size_t i = 0; i < r->n_arts; i++) dl_article_info_clear(&r->arts[i]);
    free(r->arts);
    free(r);
}

/* The article list belongs to the read-ahead thread until it is done. */
size_t dl_log_reader_n_articles(const dl_log_reader *r) { return !r->ra || r->ra_done ? r->n_arts : 0; }
const dl_article_info *dl_log_reader_article(const dl_log_reader *r, size_t i) {
    return i < dl_log_reader_n_articles(r) ? &r->arts[i] : NULL;
}

/* The event object at buf[pos], parsed in place.  An object that runs
 * past the bytes read so far fails at their end: then read more and parse it
 * again (once per block boundary), until it ends or the input does. */
static dl_status next_event(dl_log_reader *r, dl_event *ev, dl_arena *arena, dl_error *err) {
    size_t used, at;
    const char *why;
    dl_status st;
    for (;;) {
        st = dl_event_parse_prefix((const char *)r->buf + r->pos, r->len - r->pos, ev, arena, &used, &at, &why);
        if (st != DL_ERR_INPUT || r->pos + at < r->len) break;
        if (r->eof) return fail_get(r, -1, err, "an event");
        if (r->len - r->pos > MAX_OBJECT) return fail_get(r, -2, err, "an event");
        if (!fill(r) && !r->eof) return fail_get(r, -3, err, "an event");
    }
    size_t start = r->pos;
    if (st != DL_OK) {
        r->st = ST_DONE;
        return dl_error_set(err, st, r->name, line_at(r, start + at), r->base_offset + (long)(start + at),
                            st == DL_ERR_NOMEM ? "out of memory%s" : "invalid JSON in event: %s",
                            st == DL_ERR_NOMEM ? "" : why);
    }
    r->pos += used;
    if (ev->n_mentions == 0 && !ev->action.code[0]) {
        memset(ev, 0, sizeof *ev); /* its strings are in the arena */
        r->st = ST_DONE;
        return dl_error_set(err, DL_ERR_INPUT, r->name, line_at(r, start), r->base_offset + (long)start,
                            "not an event (no action and no mentions)");
    }
    return DL_OK;
}

/* An entry of "articles" (small: jansson reads it). */
static dl_status add_article(dl_log_reader *r, dl_error *err) {
    int c = peek(r);
    size_t start = r->pos;
    int e = c == '{' ? scan_object(r, &start) : skip_value(r);
    if (e) return fail_get(r, e, err, "\"articles\"");
    json_t *o = c == '{' ? json_loadb((const char *)r->buf + start, r->pos - start, 0, NULL) : NULL;
    if (!json_is_object(o)) {
        json_decref(o);
        r->st = ST_DONE;
        return dl_error_set(err, DL_ERR_INPUT, r->name, line_at(r, start), r->base_offset + (long)start,
                            "an entry of \"articles\" is not a JSON object");
    }
    if (r->n_arts == r->cap_arts) {
        size_t cap = r->cap_arts ? r->cap_arts * 2 : 16;
        dl_article_info *p = realloc(r->arts, cap * sizeof *p);
        if (!p) {
            json_decref(o);
            return dl_error_set(err, DL_ERR_NOMEM, r->name, -1, -1, "out of memory");
        }
        r->arts = p;
        r->cap_arts = cap;
    }
    dl_article_info *a = &r->arts[r->n_arts++];
    memset(a, 0, sizeof *a);
    const char *keys[5] = {"id", "title", "source", "url", "published"};
    char **dst[5] = {&a->id, &a->title, &a->source, &a->url, &a->published};
    for (int i = 0; i < 5; i++) {
        json_t *v = json_object_get(o, keys[i]);
        if (json_is_string(v)) *dst[i] = dl_strdup(json_string_value(v));
    }
    json_decref(o);
    return DL_OK;
}

static bool is_doc_key(const char *k) {
    static const char *keys[] = {"schema", "generator", "events", "articles", "stats"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (strcmp(k, keys[i]) == 0) return true;
    return false;
}

/* Handle the value of top-level member `k` (its ':' consumed). */
static dl_status doc_member_value(dl_log_reader *r, const char *k, dl_error *err) {
    int c, e;
    skip_ws(r);
    if (strcmp(k, "events") == 0) {
        if ((c = get(r)) != '[') return fail(r, err, "\"events\" is not an %s", "array");
        r->st = ST_EVENTS;
        return DL_OK;
    }
    if (strcmp(k, "articles") == 0 && peek(r) == '[') {
        get(r);
        for (bool first = true;; first = false) {
            skip_ws(r);
            if (peek(r) == ']') {
                get(r);
                return DL_OK;
            }
            if (!first) {
                if ((c = get(r)) != ',') return fail_get(r, c, err, "\"articles\"");
                skip_ws(r);
            }
            dl_status st = add_article(r, err);
            if (st != DL_OK) return st;
        }
    }
    if (strcmp(k, "schema") == 0 && peek(r) == '"') {
        dl_buf v = {0};
        e = scan_string(r, &v);
        bool ok = !e && v.data && strcmp(v.data, DL_SCHEMA) == 0;
        dl_buf_free(&v);
        if (!ok) return fail(r, err, "unsupported schema (expected \"%s\")", DL_SCHEMA);
        return DL_OK;
    }
    if ((e = skip_value(r)) != 0) return fail_get(r, e, err, "the event log's top-level object");
    return DL_OK;
}

/* In ST_DOC, positioned before ',' or the closing brace: walk the members
 * until the events array opens (-> ST_EVENTS) or the document ends. */
static dl_status doc_members(dl_log_reader *r, dl_error *err) {
    while (r->st == ST_DOC) {
        skip_ws(r);
        int c = get(r);
        if (c == '}') {
            skip_ws(r);
            if (peek(r) >= 0) return fail(r, err, "%s after the end of the event log", "data");
            r->st = ST_DONE;
            return DL_OK;
        }
        if (c != ',') return fail_get(r, c, err, "the event log's top-level object");
        skip_ws(r);
        dl_buf key = {0};
        int e = scan_string(r, &key);
        if (!e) {
            skip_ws(r);
            if ((c = get(r)) != ':') e = c < 0 ? c : -4;
        }
        dl_status st = e ? fail_get(r, e, err, "the event log's top-level object")
                         : doc_member_value(r, key.data ? key.data : "", err);
        dl_buf_free(&key);
        if (st != DL_OK) return st;
    }
    return DL_OK;
}

/* The next event into ev, its strings in arena. */
static dl_status read_next(dl_log_reader *r, dl_event *ev, dl_arena *arena, bool *got, dl_error *err) {
    *got = false;
    memset(ev, 0, sizeof *ev);
    for (;;) {
        switch (r->st) {
        case ST_DONE:
            return DL_OK;
        case ST_INIT: {
            skip_ws(r);
            if (peek(r) == 0xEF) { /* UTF-8 byte order mark */
                get(r), get(r), get(r);
                skip_ws(r);
            }
            int c = peek(r);
            if (c < 0 && r->f == stdin) { /* an empty stream (a reducer given nothing) */
                r->st = ST_DONE;
                return DL_OK;
            }
            if (c < 0) return fail(r, err, "empty %s", "event log");
            if (c == '[') {
                get(r);
                r->st = ST_ARRAY;
                break;
            }
            if (c != '{') return fail(r, err, "not an event log (expected a JSON %s)", "object");
            /* If the first key is not a document key, this object is an
             * event of a JSON Lines stream: read it again from its start. */
            r->keep = r->pos;
            get(r);
            skip_ws(r);
            if (peek(r) == '}') {
                r->keep = NO_KEEP;
                get(r);
                return fail(r, err, "not an event log (an empty %s)", "object");
            }
            dl_buf key = {0};
            int e = scan_string(r, &key);
            bool doc = !e && key.data && is_doc_key(key.data);
            if (e) {
                dl_buf_free(&key);
                r->keep = NO_KEEP;
                return fail_get(r, e, err, "the first object");
            }
            if (doc) {
                r->keep = NO_KEEP;
                skip_ws(r);
                if ((c = get(r)) != ':') {
                    dl_buf_free(&key);
                    return fail_get(r, c, err, "the event log");
                }
                r->st = ST_DOC;
                dl_status st = doc_member_value(r, key.data, err);
                dl_buf_free(&key);
                if (st != DL_OK) return st;
                if (r->st == ST_DOC && (st = doc_members(r, err)) != DL_OK) return st;
                break;
            }
            dl_buf_free(&key);
            r->pos = r->keep;
            r->keep = NO_KEEP;
            r->st = ST_LINES;
            dl_status st = next_event(r, ev, arena, err);
            if (st == DL_OK) *got = true;
            return st;
        }
        case ST_LINES: {
            skip_ws(r);
            int c = peek(r);
            if (c < 0) {
                r->st = ST_DONE;
                return DL_OK;
            }
            if (c != '{') return fail(r, err, "expected an event object (%s)", "JSON Lines");
            dl_status st = next_event(r, ev, arena, err);
            if (st == DL_OK) *got = true;
            return st;
        }
        case ST_ARRAY:
        case ST_EVENTS: {
            skip_ws(r);
            int c = peek(r);
            if (c == ']') {
                get(r);
                if (r->st == ST_ARRAY) {
                    skip_ws(r);
                    if (peek(r) >= 0) return fail(r, err, "%s after the end of the event array", "data");
                    r->st = ST_DONE;
                    return DL_OK;
                }
                r->st = ST_DOC;
                dl_status st = doc_members(r, err);
                if (st != DL_OK) return st;
                break;
            }
            if (c == ',') {
                get(r);
                skip_ws(r);
                c = peek(r);
            }
            if (c != '{') return fail_get(r, c, err, "the events array");
            dl_status st = next_event(r, ev, arena, err);
            if (st == DL_OK) *got = true;
            return st;
        }
        case ST_DOC: {
            dl_status st = doc_members(r, err);
            if (st != DL_OK) return st;
            break;
        }
        }
    }
}

/* ---- read-ahead ---------------------------------------------------------- */

/* Parse up to RA_BATCH events into b (its arena reset first). */
static void fill_batch(dl_log_reader *r, batch *b) {
    dl_arena_reset(&b->arena);
    b->n = 0;
    b->last = false;
    b->st = DL_OK;
    dl_error_clear(&b->err);
    while (b->n < RA_BATCH) {
        bool got;
        b->st = read_next(r, &b->ev[b->n], &b->arena, &got, &b->err);
        if (b->st != DL_OK || !got) {
            b->last = true;
            return;
        }
        b->n++;
    }
}

static void *ra_main(void *arg) {
    dl_log_reader *r = arg;
    read_ahead *q = r->ra;
    for (bool last = false; !last;) {
        pthread_mutex_lock(&q->mu);
        while (!q->stop && q->n == RA_BATCHES) pthread_cond_wait(&q->room, &q->mu);
        bool stop = q->stop;
        batch *b = &q->slots[(q->head + q->n) % RA_BATCHES];
        pthread_mutex_unlock(&q->mu);
        if (stop) break;
        fill_batch(r, b);
        last = b->last;
        pthread_mutex_lock(&q->mu);
        q->n++;
        pthread_cond_signal(&q->more);
        pthread_mutex_unlock(&q->mu);
    }
    return NULL;
}

/* Start the thread; false (and reading in place) when there is none. */
static bool ra_start(dl_log_reader *r) {
    r->ra_tried = true;
    read_ahead *q = calloc(1, sizeof *q);
    if (!q) return false;
    if (pthread_mutex_init(&q->mu, NULL) != 0) {
        free(q);
        return false;
    }
    bool ok = pthread_cond_init(&q->more, NULL) == 0;
    if (ok && pthread_cond_init(&q->room, NULL) != 0) {
        pthread_cond_destroy(&q->more);
        ok = false;
    }
    r->ra = q;
    if (ok && pthread_create(&q->th, NULL, ra_main, r) == 0) return true;
    if (ok) {
        pthread_cond_destroy(&q->more);
        pthread_cond_destroy(&q->room);
    }
    pthread_mutex_destroy(&q->mu);
    free(q);
    r->ra = NULL;
    return false;
}

/* Stop the thread (if running) and free the ring with its batches. */
static void ra_stop(dl_log_reader *r) {
    read_ahead *q = r->ra;
    if (!q) return;
    pthread_mutex_lock(&q->mu);
    q->stop = true;
    pthread_cond_signal(&q->room);
    pthread_mutex_unlock(&q->mu);
    pthread_join(q->th, NULL);
    for (size_t k = 0; k < RA_BATCHES; k++) dl_arena_free(&q->slots[k].arena);
    pthread_cond_destroy(&q->more);
    pthread_cond_destroy(&q->room);
    pthread_mutex_destroy(&q->mu);
    free(q);
    r->ra = NULL;
    r->cur = NULL;
}

/* The next batch to read: the ring's next full one, or one parsed in place;
 * NULL when out of memory. */
static batch *next_batch(dl_log_reader *r) {
    read_ahead *q = r->ra;
    if (q) {
        pthread_mutex_lock(&q->mu);
        if (r->cur) { /* done with it: give it back */
            q->head = (q->head + 1) % RA_BATCHES;
            q->n--;
            pthread_cond_signal(&q->room);
        }
        while (!q->n) pthread_cond_wait(&q->more, &q->mu);
        batch *b = &q->slots[q->head];
        pthread_mutex_unlock(&q->mu);
        return b;
    }
    if (!r->local && !(r->local = calloc(1, sizeof *r->local))) return NULL;
    fill_batch(r, r->local);
    return r->local;
}

dl_status dl_log_reader_next_view(dl_log_reader *r, const dl_event **ev, bool *got, dl_error *err) {
    *ev = NULL;
    *got = false;
    if (!r->ra_tried) ra_start(r);
    batch *b = r->cur;
    if (!b || (r->cur_i == b->n && !b->last)) {
        b = next_batch(r);
        if (!b) return dl_error_set(err, DL_ERR_NOMEM, r->name, -1, -1, "out of memory");
        r->cur = b;
        r->cur_i = 0;
    }
    if (r->cur_i < b->n) {
        *ev = &b->ev[r->cur_i++];
        *got = true;
        return DL_OK;
    }
    /* The end of the log (or its error), told once: then read in place,
     * where the reader is done. */
    dl_status st = b->st;
    if (st != DL_OK && err) *err = b->err;
    if (r->ra) {
        ra_stop(r); /* the thread has finished: the articles are the caller's now */
        r->ra_done = true;
    }
    r->cur = NULL;
    return st;
}

dl_status dl_log_reader_next(dl_log_reader *r, dl_event *ev, bool *got, dl_error *err) {
    const dl_event *v;
    memset(ev, 0, sizeof *ev);
    dl_status st = dl_log_reader_next_view(r, &v, got, err);
    if (st != DL_OK || !*got) return st;
    if (dl_event_copy(ev, v) != DL_OK) {
        *got = false;
        return dl_error_set(err, DL_ERR_NOMEM, r->name, -1, -1, "out of memory");
    }
    return DL_OK;
}

/* reader.c - streaming event-log reader.
 *
 * A log is either the dipline/events/1 JSON document, a JSON array of
 * events, or JSON Lines (one event object per line).  The whole document is
 * never loaded: a small structural scanner walks the top level, cuts out one
 * event object at a time (respecting strings and nesting), and hands only
 * that object to jansson.  Memory therefore holds one event, not the log. */
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../common/util.h"
#include "event_json.h"

#define MAX_OBJECT ((size_t)64 * 1024 * 1024)
#define MAX_DEPTH 64

typedef enum { ST_INIT, ST_DOC, ST_EVENTS, ST_ARRAY, ST_LINES, ST_DONE } state;

struct dl_log_reader {
    FILE *f;
    bool own_f;
    char *mem; /* buffer copy for dl_log_reader_open_buffer */
    char *name;
    unsigned char buf[65536];
    size_t pos, len;
    bool eof;
    long line, offset;
    bool capturing;
    dl_buf cap;
    long cap_line, cap_offset;
    state st;
    dl_article_info *arts;
    size_t n_arts, cap_arts;
};

static int peek(dl_log_reader *r) {
    if (r->pos < r->len) return r->buf[r->pos];
    if (r->eof) return -1;
    r->len = fread(r->buf, 1, sizeof r->buf, r->f);
    r->pos = 0;
    if (r->len == 0) {
        r->eof = true;
        return -1;
    }
    return r->buf[0];
}

static int get(dl_log_reader *r) {
    int c = peek(r);
    if (c < 0) return -1;
    r->pos++;
    r->offset++;
    if (c == '\n') r->line++;
    if (r->capturing) {
        if (r->cap.len >= MAX_OBJECT) return -2;
        char ch = (char)c;
        if (!dl_buf_append(&r->cap, &ch, 1)) return -3;
    }
    return c;
}

static dl_status fail(dl_log_reader *r, dl_error *err, const char *fmt, const char *what) {
    r->st = ST_DONE;
    return dl_error_set(err, DL_ERR_INPUT, r->name, r->line, r->offset, fmt, what);
}

static dl_status fail_get(dl_log_reader *r, int c, dl_error *err, const char *context) {
    if (c == -2) return fail(r, err, "an object in the log is larger than 64 MiB (%s)", context);
    if (c == -3) {
        r->st = ST_DONE;
        return dl_error_set(err, DL_ERR_NOMEM, r->name, r->line, r->offset, "out of memory");
    }
    if (c == -1) return fail(r, err, "unexpected end of file in %s", context);
    return fail(r, err, "malformed JSON in %s", context);
}

static void skip_ws(dl_log_reader *r) {
    int c;
    while ((c = peek(r)) == ' ' || c == '\t' || c == '\n' || c == '\r') get(r);
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

/* Skip one JSON value of any kind. */
static int skip_value(dl_log_reader *r) {
    skip_ws(r);
    int c = peek(r);
    if (c == '"') return scan_string(r, NULL);
    if (c == '{' || c == '[') {
        int depth = 0;
        do {
            c = peek(r);
            if (c == '"') {
                int e = scan_string(r, NULL);
                if (e) return e;
                continue;
            }
            c = get(r);
            if (c < 0) return c;
            if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) return -5;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
        return 0;
    }
    if (c < 0) return c;
    /* A scalar: read to the next delimiter. */
    int n = 0;
    while ((c = peek(r)) >= 0 && !strchr(",}] \t\r\n", c)) {
        get(r);
        n++;
    }
    return n ? 0 : -4;
}

static dl_status open_common(dl_log_reader *r, const char *name, dl_log_reader **out) {
    r->name = dl_strdup(name);
    r->line = 1;
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

void dl_log_reader_free(dl_log_reader *r) {
    if (!r) return;
    if (r->own_f) fclose(r->f);
    free(r->mem);
    free(r->name);
    dl_buf_free(&r->cap);
    for (size_t i = 0; i < r->n_arts; i++) dl_article_info_clear(&r->arts[i]);
    free(r->arts);
    free(r);
}

size_t dl_log_reader_n_articles(const dl_log_reader *r) { return r->n_arts; }
const dl_article_info *dl_log_reader_article(const dl_log_reader *r, size_t i) {
    return i < r->n_arts ? &r->arts[i] : NULL;
}

/* Cut out the object at the current position (capture on). */
static int capture_object(dl_log_reader *r) {
    dl_buf_reset(&r->cap);
    r->cap_line = r->line;
    r->cap_offset = r->offset;
    r->capturing = true;
    int e = skip_value(r);
    r->capturing = false;
    return e;
}

static dl_status parse_captured_event(dl_log_reader *r, dl_event *ev, dl_error *err) {
    json_error_t je;
    json_t *o = json_loadb(r->cap.data, r->cap.len, 0, &je);
    if (!o) {
        r->st = ST_DONE;
        return dl_error_set(err, DL_ERR_INPUT, r->name, r->cap_line + je.line - 1,
                            r->cap_offset + je.position, "invalid JSON in event: %s", je.text);
    }
    dl_status st = dl_event_from_json(o, ev, r->name, r->cap_line, err);
    json_decref(o);
    if (st == DL_OK && ev->n_mentions == 0 && !ev->action.code[0]) {
        dl_event_clear(ev);
        r->st = ST_DONE;
        return dl_error_set(err, DL_ERR_INPUT, r->name, r->cap_line, r->cap_offset,
                            "not an event (no action and no mentions)");
    }
    return st;
}

static dl_status add_article(dl_log_reader *r, dl_error *err) {
    json_error_t je;
    json_t *o = json_loadb(r->cap.data, r->cap.len, 0, &je);
    if (!json_is_object(o)) {
        json_decref(o);
        r->st = ST_DONE;
        return dl_error_set(err, DL_ERR_INPUT, r->name, r->cap_line, r->cap_offset,
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
            if ((e = capture_object(r)) != 0) return fail_get(r, e, err, "\"articles\"");
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

dl_status dl_log_reader_next(dl_log_reader *r, dl_event *ev, bool *got, dl_error *err) {
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
            if (c < 0) return fail(r, err, "empty %s", "event log");
            if (c == '[') {
                get(r);
                r->st = ST_ARRAY;
                break;
            }
            if (c != '{') return fail(r, err, "not an event log (expected a JSON %s)", "object");
            /* Capture: if the first key is not a document key, this object
             * is an event of a JSON Lines stream. */
            dl_buf_reset(&r->cap);
            r->cap_line = r->line;
            r->cap_offset = r->offset;
            r->capturing = true;
            get(r);
            skip_ws(r);
            if (peek(r) == '}') {
                r->capturing = false;
                get(r);
                return fail(r, err, "not an event log (an empty %s)", "object");
            }
            dl_buf key = {0};
            int e = scan_string(r, &key);
            bool doc = !e && key.data && is_doc_key(key.data);
            if (e) {
                dl_buf_free(&key);
                r->capturing = false;
                return fail_get(r, e, err, "the first object");
            }
            if (doc) {
                r->capturing = false;
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
            /* Finish the object: ':' value (',' key ':' value)* '}' */
            for (;;) {
                skip_ws(r);
                if ((c = get(r)) != ':') {
                    r->capturing = false;
                    return fail_get(r, c, err, "an event");
                }
                if ((e = skip_value(r)) != 0) {
                    r->capturing = false;
                    return fail_get(r, e, err, "an event");
                }
                skip_ws(r);
                c = get(r);
                if (c == '}') break;
                if (c != ',') {
                    r->capturing = false;
                    return fail_get(r, c, err, "an event");
                }
                skip_ws(r);
                if ((e = scan_string(r, NULL)) != 0) {
                    r->capturing = false;
                    return fail_get(r, e, err, "an event");
                }
            }
            r->capturing = false;
            r->st = ST_LINES;
            dl_status st = parse_captured_event(r, ev, err);
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
            int e = capture_object(r);
            if (e) return fail_get(r, e, err, "an event");
            dl_status st = parse_captured_event(r, ev, err);
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
            int e = capture_object(r);
            if (e) return fail_get(r, e, err, "an event");
            dl_status st = parse_captured_event(r, ev, err);
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

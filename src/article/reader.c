/* reader.c - the article reader: files, folders, standard input and memory
 * buffers, in the three input forms of SPEC.md, one article at a time.
 *
 * Form detection is by content: a file whose first non-blank byte is '{' or
 * '[' is JSON.  If its first line alone is a complete JSON object, the file
 * is JSON Lines and is streamed line by line; otherwise the whole file is one
 * JSON value (an object, or an array of objects).  Anything else is text or
 * Markdown with an optional header block. */
#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/json_scan.h"
#include "../common/util.h"
#include "article_private.h"

typedef struct source {
    char *path; /* file path, "-" or buffer name */
    char *mem;  /* buffer contents, or NULL for a path */
    size_t mem_len;
} source;

typedef enum { M_NONE, M_LINES, M_ARRAY } mode;

struct dl_reader {
    dl_reader_options opt;
    dl_day default_day;
    source *q;
    size_t nq, capq, next_q;
    /* current source */
    FILE *f;
    bool own_f;
    char *name;   /* for errors */
    char *stem;   /* default id */
    mode m;
    long line;    /* lines consumed so far in the current file */
    long offset;  /* bytes consumed so far */
    unsigned char buf[65536];
    size_t pos, len;
    bool eof;
    json_t *array; /* M_ARRAY */
    size_t array_i;
    long array_line;
    size_t count, failures, seq;
    /* text form: leading blank bytes and lines not handed to
     * article_from_text (more than fit in start_file's buffer), added back
     * to its line numbers and offsets */
    long lost_bytes, lost_lines;
};

void dl_article_free(dl_article *a) {
    if (!a) return;
    free(a->id);
    free(a->title);
    free(a->source);
    free(a->url);
    free(a->published_text);
    free(a->text);
    free(a->origin);
    free(a);
}

dl_reader *dl_reader_new(const dl_reader_options *opts) {
    dl_reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    if (opts) r->opt = *opts;
    if (!r->opt.max_article_bytes) r->opt.max_article_bytes = DL_DEFAULT_MAX_ARTICLE;
    if (!r->opt.max_line_bytes) r->opt.max_line_bytes = DL_DEFAULT_MAX_LINE;
    if (!r->opt.max_json_depth) r->opt.max_json_depth = DL_DEFAULT_MAX_DEPTH;
    r->default_day = r->opt.default_date ? dl_pubdate_parse(r->opt.default_date) : DL_DAY_NONE;
    r->opt.default_date = NULL; /* not kept: the day is */
    return r;
}

static void close_current(dl_reader *r) {
    if (r->own_f && r->f) fclose(r->f);
    r->f = NULL;
    r->own_f = false;
    free(r->name);
    free(r->stem);
    r->name = r->stem = NULL;
    json_decref(r->array);
    r->array = NULL;
    r->m = M_NONE;
}

void dl_reader_free(dl_reader *r) {
    if (!r) return;
    close_current(r);
    for (size_t i = 0; i < r->nq; i++) {
        free(r->q[i].path);
        free(r->q[i].mem);
    }
    free(r->q);
    free(r);
}

size_t dl_reader_count(const dl_reader *r) { return r->count; }
size_t dl_reader_failures(const dl_reader *r) { return r->failures; }

static dl_status enqueue(dl_reader *r, const char *path, const char *data, size_t len, dl_error *err) {
    if (r->nq == r->capq) {
        size_t cap = r->capq ? r->capq * 2 : 16;
        source *p = realloc(r->q, cap * sizeof *p);
        if (!p) return dl_error_set(err, DL_ERR_NOMEM, path, -1, -1, "out of memory");
        r->q = p;
        r->capq = cap;
    }
    source *s = &r->q[r->nq];
    memset(s, 0, sizeof *s);
    s->path = dl_strdup(path);
    if (data) {
        s->mem = malloc(len + 1);
        if (s->mem) {
            memcpy(s->mem, data, len);
            s->mem[len] = 0;
        }
        s->mem_len = len;
    }
    if (!s->path || (data && !s->mem)) {
        free(s->path);
        free(s->mem);
        return dl_error_set(err, DL_ERR_NOMEM, path, -1, -1, "out of memory");
    }
    r->nq++;
    return DL_OK;
}

static bool article_ext(const char *name) {
    const char *dot = strrchr(name, '.');
    if (!dot) return false;
    return strcmp(dot, ".json") == 0 || strcmp(dot, ".jsonl") == 0 || strcmp(dot, ".txt") == 0 ||
           strcmp(dot, ".md") == 0;
}

typedef struct {
    char **v;
    size_t n, cap;
} strvec;

static bool strvec_push(strvec *sv, char *s) {
    if (!s) return false;
    if (sv->n == sv->cap) {
        size_t cap = sv->cap ? sv->cap * 2 : 32;
        char **p = realloc(sv->v, cap * sizeof *p);
        if (!p) {
            free(s);
            return false;
        }
        sv->v = p;
        sv->cap = cap;
    }
    sv->v[sv->n++] = s;
    return true;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool list_dir(const char *dir, strvec *out, int depth) {
    if (depth > 32) return true;
    DIR *d = opendir(dir);
    if (!d) return false;
    struct dirent *e;
    bool ok = true;
    while (ok && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(n);
        if (!p) {
            ok = false;
            break;
        }
        snprintf(p, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
        struct stat st;
        if (stat(p, &st) != 0) {
            free(p);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            ok = list_dir(p, out, depth + 1);
            free(p);
        } else if (S_ISREG(st.st_mode) && article_ext(e->d_name)) {
            ok = strvec_push(out, p);
        } else {
            free(p);
        }
    }
    closedir(d);
    return ok;
}

dl_status dl_reader_add_path(dl_reader *r, const char *path, dl_error *err) {
    if (strcmp(path, "-") == 0) return enqueue(r, "-", NULL, 0, err);
    struct stat st;
    if (stat(path, &st) != 0)
        return dl_error_set(err, DL_ERR_INPUT, path, -1, -1, "cannot open: %s", strerror(errno));
    if (!S_ISDIR(st.st_mode)) return enqueue(r, path, NULL, 0, err);
    strvec sv = {0};
    bool ok = list_dir(path, &sv, 0);
    dl_status status = DL_OK;
    if (!ok) status = dl_error_set(err, DL_ERR_IO, path, -1, -1, "cannot list folder: %s", strerror(errno));
    else if (sv.n == 0)
        status = dl_error_set(err, DL_ERR_INPUT, path, -1, -1,
                              "folder holds no article files (*.json, *.jsonl, *.txt, *.md)");
    if (status == DL_OK) {
        qsort(sv.v, sv.n, sizeof *sv.v, cmp_str);
        for (size_t i = 0; i < sv.n && status == DL_OK; i++) status = enqueue(r, sv.v[i], NULL, 0, err);
    }
    for (size_t i = 0; i < sv.n; i++) free(sv.v[i]);
    free(sv.v);
    return status;
}

dl_status dl_reader_add_buffer(dl_reader *r, const char *name, const char *data, size_t len, dl_error *err) {
    return enqueue(r, name ? name : "<buffer>", data ? data : "", data ? len : 0, err);
}

/* ---- byte input with line counting ------------------------------------ */

static int peekc(dl_reader *r) {
    if (r->pos < r->len) return r->buf[r->pos];
    if (r->eof || !r->f) return -1;
    r->len = fread(r->buf, 1, sizeof r->buf, r->f);
    r->pos = 0;
    if (!r->len) {
        r->eof = true;
        return -1;
    }
    return r->buf[0];
}

/* Read one line (without its '\n') into b.  Returns false at end of input.
 * A line longer than `max` is consumed but not stored: *too_long is set. */
static bool read_line(dl_reader *r, dl_buf *b, size_t max, bool *too_long) {
    dl_buf_reset(b);
    *too_long = false;
    if (peekc(r) < 0) return false;
    for (;;) {
        if (peekc(r) < 0) break;
        unsigned char *start = r->buf + r->pos;
        size_t avail = r->len - r->pos;
        unsigned char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        if (!*too_long) {
            if (b->len + take > max) {
                *too_long = true;
                dl_buf_reset(b);
            } else {
                dl_buf_append(b, start, take);
            }
        }
        r->pos += take + (nl ? 1 : 0);
        r->offset += (long)(take + (nl ? 1 : 0));
        if (nl) break;
    }
    r->line++;
    return true;
}

/* Read the rest of the input (up to max bytes in all, with what b holds). */
static dl_status read_rest(dl_reader *r, dl_buf *b, size_t max, dl_error *err) {
    while (peekc(r) >= 0) {
        size_t avail = r->len - r->pos;
        if (b->len + avail > max)
            return dl_error_set(err, DL_ERR_LIMIT, r->name, -1, (long)max,
                                "file is larger than the article size limit of %zu bytes", max);
        if (!dl_buf_append(b, r->buf + r->pos, avail))
            return dl_error_set(err, DL_ERR_NOMEM, r->name, -1, -1, "out of memory");
        r->pos = r->len;
    }
    if (r->f && ferror(r->f)) return dl_error_set(err, DL_ERR_IO, r->name, -1, -1, "read error");
    return DL_OK;
}

/* ---- building articles ------------------------------------------------ */

static long line_of(const char *s, size_t off) {
    long line = 1;
    for (size_t i = 0; i < off; i++) line += s[i] == '\n';
    return line;
}

static char *make_stem(const char *path) {
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (strcmp(path, "-") == 0) base = "stdin";
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return dl_strndup(base, n);
}

/* Validate (or repair) the text and finish an article: publication date,
 * id, non-empty body. */
static dl_status finish_article(dl_reader *r, dl_article *a, long line, dl_error *err) {
    const char *name = r->name;
    size_t bad;
    const char *why;
    if (!dl_utf8_check(a->text, a->text_len, &bad, &why)) {
        if (!r->opt.repair_utf8)
            return dl_error_set(err, DL_ERR_INPUT, name, a->text_line > 0 ? a->text_line + line_of(a->text, bad) - 1 : line,
                                (long)bad, "article '%s': %s in the text at byte %zu of the text%s", a->id ? a->id : "?",
                                why, bad, strcmp(why, "NUL byte") == 0 ? " (binary data? --repair-utf8 drops NUL bytes)"
                                                                      : " (use --repair-utf8 to replace it)");
        size_t nl, fixes;
        char *fixed = dl_utf8_repair(a->text, a->text_len, &nl, &fixes);
        if (!fixed) return dl_error_set(err, DL_ERR_NOMEM, name, line, -1, "out of memory");
        free(a->text);
        a->text = fixed;
        a->text_len = nl;
        a->utf8_repairs += fixes;
    }
    bool blank = true;
    for (size_t i = 0; i < a->text_len && blank; i++) blank = dl_isspace((unsigned char)a->text[i]);
    if (blank) return dl_error_set(err, DL_ERR_INPUT, name, line, -1, "article '%s': empty body", a->id ? a->id : "?");
    if (a->published_text) {
        a->published = dl_pubdate_parse(a->published_text);
        if (a->published == DL_DAY_NONE)
            return dl_error_set(err, DL_ERR_INPUT, name, line, -1,
                                "article '%s': unrecognised publication date \"%.60s\" (expected ISO 8601, "
                                "e.g. 2022-02-10)",
                                a->id ? a->id : "?", a->published_text);
    } else if (r->default_day != DL_DAY_NONE) {
        a->published = r->default_day;
    } else {
        return dl_error_set(err, DL_ERR_INPUT, name, line, -1,
                            "article '%s' has no publication date (give one with --date YYYY-MM-DD)",
                            a->id ? a->id : "?");
    }
    a->origin = dl_strdup(name);
    a->origin_line = line;
    if (!a->text_line) a->text_line = line;
    if (!a->origin) return dl_error_set(err, DL_ERR_NOMEM, name, line, -1, "out of memory");
    return DL_OK;
}

/* What an article object says, whichever way it was parsed. */
enum { F_ID, F_TITLE, F_SOURCE, F_URL, F_PUBLISHED, N_FIELDS };
static const char *const field_keys[N_FIELDS][5] = {
    {"id", NULL}, {"title", "headline", NULL}, {"source", "publisher", "outlet", NULL},
    {"url", "link", NULL}, {"published", "date", "publication_date", "published_at", NULL}};

typedef struct article_fields {
    char *f[N_FIELDS];      /* owned; NULL when absent */
    bool has_text, text_is_string;
    const char *text;       /* not owned */
    size_t text_len;
} article_fields;

static char *json_str(json_t *o, const char *const *keys) {
    for (; *keys; keys++) {
        json_t *v = json_object_get(o, *keys);
        if (json_is_string(v)) return dl_strdup(json_string_value(v));
        if (json_is_integer(v)) {
            char num[32];
            snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
            return dl_strdup(num);
        }
    }
    return NULL;
}

/* The article of the fields (which it takes over). */
static dl_status article_from_fields(dl_reader *r, article_fields *fl, long line, bool many, dl_article **out,
                                     dl_error *err) {
    *out = NULL;
    dl_article *a = calloc(1, sizeof *a);
    if (!a) {
        for (int i = 0; i < N_FIELDS; i++) free(fl->f[i]);
        return dl_error_set(err, DL_ERR_NOMEM, r->name, line, -1, "out of memory");
    }
    a->id = fl->f[F_ID];
    a->title = fl->f[F_TITLE];
    a->source = fl->f[F_SOURCE];
    a->url = fl->f[F_URL];
    a->published_text = fl->f[F_PUBLISHED];
    dl_status st = DL_OK;
    if (!a->id) {
        size_t n = strlen(r->stem) + 24;
        a->id = malloc(n);
        if (a->id) {
            if (many) snprintf(a->id, n, "%s:%ld", r->stem, line);
            else snprintf(a->id, n, "%s", r->stem);
        }
    }
    if (!a->id) st = dl_error_set(err, DL_ERR_NOMEM, r->name, line, -1, "out of memory");
    else if (!fl->has_text) st = dl_error_set(err, DL_ERR_INPUT, r->name, line, -1, "article '%s' has no \"text\"", a->id);
    else if (!fl->text_is_string)
        st = dl_error_set(err, DL_ERR_INPUT, r->name, line, -1, "article '%s': \"text\" is not a string", a->id);
    if (st == DL_OK) {
        a->text_len = fl->text_len;
        a->text = dl_strndup(fl->text, a->text_len);
        if (!a->text) st = dl_error_set(err, DL_ERR_NOMEM, r->name, line, -1, "out of memory");
    }
    if (st == DL_OK) st = finish_article(r, a, line, err);
    if (st != DL_OK) {
        dl_article_free(a);
        return st;
    }
    *out = a;
    return DL_OK;
}

static dl_status article_from_json(dl_reader *r, json_t *o, long line, bool many, dl_article **out, dl_error *err) {
    *out = NULL;
    if (!json_is_object(o))
        return dl_error_set(err, DL_ERR_INPUT, r->name, line, -1, "expected a JSON object (an article)");
    article_fields fl = {0};
    for (int i = 0; i < N_FIELDS; i++) fl.f[i] = json_str(o, field_keys[i]);
    json_t *t = json_object_get(o, "text");
    if (!t) t = json_object_get(o, "body");
    fl.has_text = t != NULL;
    fl.text_is_string = json_is_string(t);
    if (fl.text_is_string) {
        fl.text = json_string_value(t);
        fl.text_len = json_string_length(t);
    }
    return article_from_fields(r, &fl, line, many, out, err);
}

/* The usual article line, a flat object of strings and numbers, read
 * straight from the text (common/json_scan.h) rather than through a jansson
 * tree.  *handled is false, with nothing done, for anything else (nesting,
 * a repeated key, an escaped key, bad JSON, data after the object): the
 * jansson path then reads it, or reports the error exactly as before. */
static dl_status article_direct(dl_reader *r, const char *s, size_t n, long line, bool many, dl_article **out,
                                dl_error *err, bool *handled) {
    *handled = false;
    *out = NULL;
    if (r->opt.max_json_depth < 1) return DL_OK;
    dl_json_cur c = {.p = s, .end = s + n};
    if (!dl_json_lit(&c, '{')) return DL_OK;
    /* per field key: a string (copied) or an integer; per text key: the
     * value's span, unescaped on demand */
    enum { K_FIELDS = 14 };
    static const char *const keys[K_FIELDS] = {"id", "title", "headline", "source", "publisher", "outlet", "url",
                                              "link", "published", "date", "publication_date", "published_at",
                                              "text", "body"};
    char *str[K_FIELDS] = {0};
    bool is_str[K_FIELDS] = {0}, is_int[K_FIELDS] = {0}, present[K_FIELDS] = {0};
    long long ival[K_FIELDS] = {0};
    const char *seen[64];
    size_t seen_len[64], n_seen = 0;
    bool first = true, ok = true;
    const char *k;
    size_t kn;
    while (ok && dl_json_next_key(&c, &first, &k, &kn)) {
        if (k < s || k >= s + n || n_seen == 64) { /* an escaped key (in c.tmp), or very many */
            ok = false;
            break;
        }
        for (size_t j = 0; j < n_seen && ok; j++) ok = !(seen_len[j] == kn && memcmp(seen[j], k, kn) == 0);
        seen[n_seen] = k;
        seen_len[n_seen++] = kn;
        int f = -1;
        for (int j = 0; j < K_FIELDS && f < 0; j++)
            if (strlen(keys[j]) == kn && memcmp(keys[j], k, kn) == 0) f = j;
        dl_json_ws(&c);
        if (!ok || c.p >= c.end || *c.p == '{' || *c.p == '[') {
            ok = false;
            break;
        }
        if (f >= 0) present[f] = true;
        if (f >= 0 && *c.p == '"') {
            const char *v;
            size_t vn;
            ok = dl_json_string(&c, &v, &vn) && (str[f] = dl_strndup(v, vn)) != NULL;
            is_str[f] = ok;
        } else if (f >= 0 && (*c.p == '-' || (*c.p >= '0' && *c.p <= '9'))) {
            double d;
            ok = dl_json_number(&c, &d, &is_int[f], &ival[f]);
        } else {
            ok = dl_json_skip(&c);
        }
    }
    if (ok && !c.why) {
        dl_json_ws(&c);
        ok = c.p == c.end;
    } else {
        ok = false;
    }
    dl_buf_free(&c.tmp);
    dl_status st = DL_OK;
    if (ok) {
        *handled = true;
        article_fields fl = {0};
        int j = 0;
        for (int i = 0; i < N_FIELDS; i++)
            for (const char *const *key = field_keys[i]; *key; key++, j++) {
                if (fl.f[i] || !present[j]) continue;
                if (is_str[j]) fl.f[i] = str[j], str[j] = NULL;
                else if (is_int[j]) {
                    char num[32];
                    snprintf(num, sizeof num, "%lld", ival[j]);
                    fl.f[i] = dl_strdup(num);
                }
            }
        int t = present[12] ? 12 : 13; /* "text", else "body" */
        fl.has_text = present[t];
        fl.text_is_string = is_str[t];
        fl.text = str[t] ? str[t] : "";
        fl.text_len = str[t] ? strlen(str[t]) : 0;
        st = article_from_fields(r, &fl, line, many, out, err);
    }
    for (int i = 0; i < K_FIELDS; i++) free(str[i]);
    return st;
}

/* Parse JSON text with a depth limit (jansson's own limit is 2048). */
static json_t *load_json(dl_reader *r, const char *s, size_t n, json_error_t *je, bool *too_deep) {
    *too_deep = false;
    size_t depth = 0, maxd = 0;
    bool in_str = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (in_str) {
            if (c == '\\') i++;
            else if (c == '"') in_str = false;
        } else if (c == '"') in_str = true;
        else if (c == '{' || c == '[') {
            if (++depth > maxd) maxd = depth;
        } else if (c == '}' || c == ']') depth--;
    }
    if (maxd > r->opt.max_json_depth) {
        *too_deep = true;
        return NULL;
    }
    return json_loadb(s, n, JSON_REJECT_DUPLICATES, je);
}

/* Report a JSON error; base_line/base_offset locate the parsed text. */
static dl_status json_fail(dl_reader *r, json_error_t *je, long base_line, long base_offset, bool too_deep,
                           dl_error *err) {
    if (too_deep)
        return dl_error_set(err, DL_ERR_LIMIT, r->name, base_line, base_offset, "JSON nested deeper than %zu levels",
                            r->opt.max_json_depth);
    return dl_error_set(err, DL_ERR_INPUT, r->name, base_line + (je->line > 0 ? je->line - 1 : 0),
                        base_offset + (je->position > 0 ? (long)je->position : 0), "malformed JSON: %s (column %d)",
                        je->text, je->column);
}

/* Text or Markdown with an optional header block. */
static dl_status article_from_text(dl_reader *r, char *data, size_t len, dl_article **out, dl_error *err) {
    *out = NULL;
    size_t bad;
    const char *why;
    char *owned = NULL;
    size_t repairs = 0;
    if (!dl_utf8_check(data, len, &bad, &why)) {
        if (!r->opt.repair_utf8)
            return dl_error_set(err, DL_ERR_INPUT, r->name, r->lost_lines + line_of(data, bad),
                                r->lost_bytes + (long)bad, "%s%s", why,
                                strcmp(why, "NUL byte") == 0 ? " (binary data? --repair-utf8 drops NUL bytes)"
                                                             : " (use --repair-utf8 to replace it)");
        owned = dl_utf8_repair(data, len, &len, &repairs);
        if (!owned) return dl_error_set(err, DL_ERR_NOMEM, r->name, -1, -1, "out of memory");
        data = owned;
    }
    dl_article *a = calloc(1, sizeof *a);
    if (!a) {
        free(owned);
        return dl_error_set(err, DL_ERR_NOMEM, r->name, -1, -1, "out of memory");
    }
    a->utf8_repairs = repairs;
    size_t p = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) p = 3;
    bool front = len - p >= 4 && strncmp(data + p, "---", 3) == 0 && (data[p + 3] == '\n' || data[p + 3] == '\r');
    if (front) p += 4 + (data[p + 3] == '\r');
    /* header lines */
    static const struct { const char *key; int field; } keys[] = {
        {"title", 0}, {"headline", 0}, {"source", 1}, {"publisher", 1}, {"url", 2}, {"link", 2},
        {"published", 3}, {"date", 3}, {"id", 4}};
    char **fields[5] = {&a->title, &a->source, &a->url, &a->published_text, &a->id};
    size_t q = p;
    bool any = false;
    while (q < len) {
        size_t eol = q;
        while (eol < len && data[eol] != '\n') eol++;
        size_t le = eol;
        if (le > q && data[le - 1] == '\r') le--;
        if (front && le - q == 3 && strncmp(data + q, "---", 3) == 0) {
            q = eol + 1;
            break;
        }
        if (le == q) { /* blank line ends the header */
            if (any) q = eol + 1;
            break;
        }
        const char *colon = memchr(data + q, ':', le - q);
        int field = -1;
        if (colon) {
            size_t kl = (size_t)(colon - (data + q));
            for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
                if (kl == strlen(keys[k].key) && dl_strncasecmp(data + q, keys[k].key, kl) == 0) field = keys[k].field;
        }
        if (field < 0) {
            if (!any && !front) q = p;
            break;
        }
        const char *v = colon + 1;
        while (v < data + le && (*v == ' ' || *v == '\t')) v++;
        free(*fields[field]);
        *fields[field] = dl_strndup(v, (size_t)(data + le - v));
        any = true;
        q = eol + 1;
    }
    if (!any && !front) q = p;
    /* the body: skip leading blank lines */
    while (q < len && (data[q] == '\n' || data[q] == '\r' || data[q] == ' ' || data[q] == '\t')) {
        size_t k = q;
        while (k < len && (data[k] == ' ' || data[k] == '\t' || data[k] == '\r')) k++;
        if (k < len && data[k] != '\n') break;
        q = k + 1;
    }
    if (q > len) q = len;
    a->text_line = r->lost_lines + line_of(data, q);
    a->text_len = len - q;
    a->text = dl_strndup(data + q, a->text_len);
    if (!a->id) a->id = dl_strdup(r->stem);
    /* Markdown: a first "# Heading" is the title when none was given. */
    if (!a->title && a->text && a->text_len > 2 && a->text[0] == '#') {
        const char *t = a->text;
        while (*t == '#') t++;
        while (*t == ' ') t++;
        const char *e = strchr(t, '\n');
        a->title = dl_strndup(t, e ? (size_t)(e - t) : strlen(t));
    }
    free(owned);
    dl_status st = a->text && a->id ? finish_article(r, a, 1, err)
                                     : dl_error_set(err, DL_ERR_NOMEM, r->name, -1, -1, "out of memory");
    if (st != DL_OK) {
        dl_article_free(a);
        return st;
    }
    *out = a;
    return DL_OK;
}

/* ---- the main loop ---------------------------------------------------- */

static dl_status open_next(dl_reader *r, bool *none, dl_error *err) {
    *none = false;
    close_current(r);
    if (r->next_q >= r->nq) {
        *none = true;
        return DL_OK;
    }
    source *s = &r->q[r->next_q++];
    r->pos = r->len = 0;
    r->eof = false;
    r->line = 0;
    r->offset = 0;
    r->name = dl_strdup(strcmp(s->path, "-") == 0 ? "<stdin>" : s->path);
    r->stem = make_stem(s->path);
    if (!r->name || !r->stem) return dl_error_set(err, DL_ERR_NOMEM, s->path, -1, -1, "out of memory");
    if (s->mem) {
        r->f = s->mem_len ? fmemopen(s->mem, s->mem_len, "rb") : NULL;
        r->own_f = r->f != NULL;
        if (!r->f) r->eof = true;
    } else if (strcmp(s->path, "-") == 0) {
        r->f = stdin;
    } else {
        r->f = fopen(s->path, "rb");
        if (!r->f) return dl_error_set(err, DL_ERR_INPUT, s->path, -1, -1, "cannot open: %s", strerror(errno));
        r->own_f = true;
    }
    return DL_OK;
}

/* Start reading the current file: decide its form; may produce the first
 * article (or an error for a bad file). */
static dl_status start_file(dl_reader *r, dl_article **out, dl_error *err) {
    /* skip BOM and blank lines, counting them */
    if (peekc(r) == 0xEF && r->len - r->pos >= 3 && memcmp(r->buf + r->pos, "\xEF\xBB\xBF", 3) == 0) {
        r->pos += 3;
        r->offset += 3;
    }
    /* UTF-16 (or UTF-32) with a byte order mark: say so, rather than
     * "invalid UTF-8" at byte 0 */
    if ((peekc(r) == 0xFF || peekc(r) == 0xFE) && r->len - r->pos >= 2 &&
        (memcmp(r->buf + r->pos, "\xFF\xFE", 2) == 0 || memcmp(r->buf + r->pos, "\xFE\xFF", 2) == 0))
        return dl_error_set(err, DL_ERR_INPUT, r->name, 1, r->offset,
                            "UTF-16 text (byte order mark %02X %02X): dipline reads UTF-8; convert it first, "
                            "e.g. iconv -f UTF-16 -t UTF-8",
                            r->buf[r->pos], r->buf[r->pos + 1]);
    int c;
    long blank_lines = 0;
    size_t skipped = 0;
    unsigned char lead[256];
    while ((c = peekc(r)) == ' ' || c == '\t' || c == '\r' || c == '\n') {
        if (skipped < sizeof lead) lead[skipped] = (unsigned char)c;
        skipped++;
        r->pos++;
        r->offset++;
        if (c == '\n') blank_lines++;
    }
    /* An empty file is an error, but empty standard input is an empty
     * stream: a mapper (Hadoop Streaming, Spark's pipe) may be given none. */
    if (c < 0 && r->f == stdin) return DL_OK;
    if (c < 0) return dl_error_set(err, DL_ERR_INPUT, r->name, -1, -1, "empty file");
    r->line = blank_lines;
    dl_buf b = {0};
    dl_status st = DL_OK;
    if (c == '{' || c == '[') {
        bool too_long;
        long first_offset = r->offset;
        read_line(r, &b, r->opt.max_line_bytes, &too_long);
        long first_line = r->line;
        json_error_t je;
        bool deep = false;
        json_t *o = too_long || b.failed ? NULL : load_json(r, b.data ? b.data : "", b.len, &je, &deep);
        if (o && json_is_object(o)) {
            r->m = M_LINES;
            st = article_from_json(r, o, first_line, true, out, err);
            json_decref(o);
            /* a one-line file of one object keeps the file name as id */
            if (st == DL_OK && peekc(r) < 0 && *out) {
                size_t sl = strlen(r->stem);
                if (strncmp((*out)->id, r->stem, sl) == 0 && (*out)->id[sl] == ':') {
                    char *stem = dl_strdup(r->stem);
                    if (stem) {
                        free((*out)->id);
                        (*out)->id = stem;
                    }
                }
            }
            dl_buf_free(&b);
            return st;
        }
        json_decref(o);
        if (too_long) {
            /* the first line alone is over the line limit: refuse it rather
             * than buffer it, and read on as JSON Lines (a single huge value
             * has nothing after it; JSON Lines keep their other articles) */
            dl_buf_free(&b);
            r->m = M_LINES;
            return dl_error_set(err, DL_ERR_LIMIT, r->name, first_line, first_offset,
                                "line %ld is longer than the limit of %zu bytes", first_line, r->opt.max_line_bytes);
        }
        if (deep) {
            dl_buf_free(&b);
            return json_fail(r, &je, first_line, first_offset, true, err);
        }
        /* one JSON value spread over lines: read it whole */
        dl_buf_putc(&b, '\n');
        st = read_rest(r, &b, r->opt.max_article_bytes, err);
        if (st == DL_OK) {
            if (r->opt.repair_utf8 && !dl_utf8_check(b.data, b.len, NULL, NULL)) {
                size_t nl, fixes;
                char *fixed = dl_utf8_repair(b.data, b.len, &nl, &fixes);
                if (fixed) {
                    dl_buf_free(&b);
                    b.data = fixed;
                    b.len = b.cap = nl;
                }
            }
            o = load_json(r, b.data, b.len, &je, &deep);
            if (!o) st = json_fail(r, &je, first_line, first_offset, deep, err);
            else if (json_is_object(o)) {
                st = article_from_json(r, o, first_line, false, out, err);
                json_decref(o);
            } else if (json_is_array(o)) {
                r->m = M_ARRAY;
                r->array = o;
                r->array_i = 0;
                r->array_line = first_line;
            } else {
                json_decref(o);
                st = dl_error_set(err, DL_ERR_INPUT, r->name, first_line, -1, "expected a JSON object or array");
            }
        }
        dl_buf_free(&b);
        return st;
    }
    /* text form: the whole file is one article */
    r->lost_lines = 0;
    r->lost_bytes = r->offset; /* a byte order mark and the blank lead */
    if (skipped <= sizeof lead) {
        dl_buf_append(&b, lead, skipped);
        r->lost_bytes -= (long)skipped;
    } else {
        r->lost_lines = blank_lines;
    }
    st = read_rest(r, &b, r->opt.max_article_bytes, err);
    if (st == DL_OK) st = article_from_text(r, b.data ? b.data : "", b.len, out, err);
    dl_buf_free(&b);
    return st;
}

dl_status dl_reader_next(dl_reader *r, dl_article **out, dl_error *err) {
    *out = NULL;
    for (;;) {
        dl_status st = DL_OK;
        if (!r->name) {
            bool none;
            st = open_next(r, &none, err);
            if (none) return DL_OK;
            if (st == DL_OK) {
                st = start_file(r, out, err);
                if (st == DL_OK && !*out && r->m == M_NONE) close_current(r);
            }
            if (st != DL_OK) {
                /* a bad first line of JSON Lines: the other lines remain */
                if (r->m != M_LINES) close_current(r);
                r->failures++;
                return st;
            }
            if (r->m == M_NONE) close_current(r);
        } else if (r->m == M_LINES) {
            dl_buf b = {0};
            bool too_long;
            bool got;
            long line_offset;
            do {
                line_offset = r->offset;
                got = read_line(r, &b, r->opt.max_line_bytes, &too_long);
            } while (got && !too_long && (b.len == 0 || strspn(b.data, " \t\r") == b.len));
            if (!got) {
                dl_buf_free(&b);
                close_current(r);
                continue;
            }
            if (too_long) {
                dl_buf_free(&b);
                r->failures++;
                return dl_error_set(err, DL_ERR_LIMIT, r->name, r->line, line_offset,
                                    "line %ld is longer than the limit of %zu bytes", r->line, r->opt.max_line_bytes);
            }
            if (r->opt.repair_utf8 && !dl_utf8_check(b.data, b.len, NULL, NULL)) {
                size_t nl, fixes;
                char *fixed = dl_utf8_repair(b.data, b.len, &nl, &fixes);
                if (fixed) {
                    dl_buf_free(&b);
                    b.data = fixed;
                    b.len = b.cap = nl;
                }
            }
            bool handled;
            st = article_direct(r, b.data, b.len, r->line, true, out, err, &handled);
            if (!handled) {
                json_error_t je;
                bool deep;
                json_t *o = load_json(r, b.data, b.len, &je, &deep);
                if (!o) st = json_fail(r, &je, r->line, line_offset, deep, err);
                else {
                    st = article_from_json(r, o, r->line, true, out, err);
                    json_decref(o);
                }
            }
            dl_buf_free(&b);
        } else if (r->m == M_ARRAY) {
            if (r->array_i >= json_array_size(r->array)) {
                close_current(r);
                continue;
            }
            json_t *o = json_array_get(r->array, r->array_i++);
            st = article_from_json(r, o, r->array_line, true, out, err);
            if (st == DL_OK && *out) {
                /* ids default to stem:index for arrays */
                char want[32];
                snprintf(want, sizeof want, ":%ld", r->array_line);
                size_t sl = strlen(r->stem);
                if (strncmp((*out)->id, r->stem, sl) == 0 && strcmp((*out)->id + sl, want) == 0) {
                    size_t n = sl + 24;
                    char *id = malloc(n);
                    if (id) {
                        snprintf(id, n, "%s:%zu", r->stem, r->array_i);
                        free((*out)->id);
                        (*out)->id = id;
                    }
                }
            }
        } else {
            close_current(r);
            continue;
        }
        if (st != DL_OK) {
            r->failures++;
            return st;
        }
        if (*out) {
            (*out)->seq = r->seq++;
            r->count++;
            return DL_OK;
        }
    }
}

/* writer.c - streaming event-log writers: the JSON document, JSON Lines and
 * CSV of its own columns; the exports (ICEWS CSV, GDELT TSV, TimelineJS, vis)
 * are export.c's.  Events are written as they arrive (json_out.c makes their text).
 * The JSON document's article list comes after the events, so its entries
 * are kept as text until the end: in memory, then past ARTICLES_IN_MEMORY
 * bytes in an anonymous temporary file, so memory stays flat on any corpus.
 * The other formats have no article list and keep nothing.
 * dl_log_writer_events() makes the text of many events on several threads
 * (JSON and JSON Lines), chunk by chunk, and writes the chunks in order. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../common/util.h"
#include "event_json.h"
#include "export.h"

#define ARTICLES_IN_MEMORY ((size_t)4 << 20)

struct dl_log_writer {
    FILE *f;
    dl_log_writer_options opt;
    char *extra;
    size_t n_events;
    dl_buf text;       /* one event's text */
    dl_buf articles;   /* article entries not yet spilled */
    FILE *spill;       /* older article entries (tmpfile), or NULL */
    size_t n_articles;
    dl_export *x;      /* the event-data exports (export.h), or NULL */
    bool started, failed;
};

bool dl_format_parse(const char *name, dl_format *out) {
    static const struct { const char *name; dl_format f; } names[] = {
        {"json", DL_FORMAT_JSON}, {"jsonl", DL_FORMAT_JSONL}, {"csv", DL_FORMAT_CSV},
        {"tsv", DL_FORMAT_TSV}, {"timelinejs", DL_FORMAT_TIMELINEJS}, {"vis", DL_FORMAT_VIS},
        {"csv-dipline", DL_FORMAT_CSV_DIPLINE}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (name && strcmp(name, names[i].name) == 0) {
            *out = names[i].f;
            return true;
        }
    return false;
}

dl_log_writer *dl_log_writer_new(FILE *f, const dl_log_writer_options *opts) {
    dl_log_writer *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->f = f;
    if (opts) w->opt = *opts;
    else w->opt.pretty = true;
    if (!w->opt.generator) w->opt.generator = "dipline " DL_VERSION;
    if (w->opt.extra_json && !(w->extra = dl_strdup(w->opt.extra_json))) {
        free(w);
        return NULL;
    }
    if (dl_export_handles(w->opt.format) && !(w->x = dl_export_new(f, w->opt.format, w->opt.generator))) {
        free(w->extra);
        free(w);
        return NULL;
    }
    return w;
}

void dl_log_writer_free(dl_log_writer *w) {
    if (!w) return;
    dl_export_free(w->x);
    dl_buf_free(&w->text);
    dl_buf_free(&w->articles);
    if (w->spill) fclose(w->spill);
    free(w->extra);
    free(w);
}

dl_status dl_log_writer_set_extra(dl_log_writer *w, const char *extra_json) {
    free(w->extra);
    w->extra = extra_json ? dl_strdup(extra_json) : NULL;
    return !extra_json || w->extra ? DL_OK : DL_ERR_NOMEM;
}

static dl_status io_check(dl_log_writer *w, dl_error *err) {
    if (ferror(w->f)) {
        w->failed = true;
        return dl_error_set(err, DL_ERR_IO, NULL, -1, -1, "write error: %s", strerror(errno));
    }
    return DL_OK;
}

static void csv_field(FILE *f, const char *s) {
    if (!s) return;
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, f);
        return;
    }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"') fputc('"', f);
        fputc(*s, f);
    }
    fputc('"', f);
}

static const char *csv_columns[] = {
    "event_id", "date", "date_start", "date_end", "granularity", "actor_name", "actor_country",
    "actor_sector", "cameo_code", "label", "quadclass", "goldstein", "target_name", "target_country",
    "target_sector", "negated", "hypothetical", "confidence", "articles", "sentence"};

static void csv_header(FILE *f) {
    for (size_t i = 0; i < sizeof csv_columns / sizeof *csv_columns; i++)
        fprintf(f, "%s%s", i ? "," : "", csv_columns[i]);
    fputs("\r\n", f);
}

static void csv_row(FILE *f, const dl_event *ev) {
    char b1[16], b2[16], num[64];
    csv_field(f, ev->id);
    fputc(',', f);
    csv_field(f, ev->date.when.value);
    fputc(',', f);
    if (ev->date.when.start != DL_DAY_NONE) fputs(dl_day_format(ev->date.when.start, b1), f);
    fputc(',', f);
    if (ev->date.when.end != DL_DAY_NONE) fputs(dl_day_format(ev->date.when.end, b2), f);
    fputc(',', f);
    fputs(dl_granularity_name(ev->date.when.granularity), f);
    const dl_entity *sides[2] = {&ev->actor, ev->has_target ? &ev->target : NULL};
    for (int k = 0; k < 2; k++) {
        if (k == 1) {
            fputc(',', f);
            csv_field(f, ev->action.code);
            fputc(',', f);
            csv_field(f, ev->action.label);
            fprintf(f, ",%d,%.1f", ev->action.quadclass, ev->action.goldstein);
        }
        const dl_entity *e = sides[k];
        fputc(',', f);
        if (e) csv_field(f, e->name);
        fputc(',', f);
        if (e) csv_field(f, e->country);
        fputc(',', f);
        if (e) csv_field(f, e->sector);
    }
    snprintf(num, sizeof num, ",%s,%s,%.2f,", ev->negated ? "true" : "false",
             ev->hypothetical ? "true" : "false", ev->confidence);
    fputs(num, f);
    /* Distinct article ids, in mention order, joined by ';'. */
    dl_buf ids = {0};
    for (size_t i = 0; i < ev->n_mentions; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(ev->mentions[j].article, ev->mentions[i].article) == 0;
        if (seen) continue;
        if (ids.len) dl_buf_putc(&ids, ';');
        dl_buf_puts(&ids, ev->mentions[i].article);
    }
    csv_field(f, ids.data ? ids.data : "");
    dl_buf_free(&ids);
    fputc(',', f);
    if (ev->n_mentions) csv_field(f, ev->mentions[0].text);
    fputs("\r\n", f);
}

static void start(dl_log_writer *w) {
    if (w->started) return;
    w->started = true;
    if (w->opt.format == DL_FORMAT_JSON) {
        fprintf(w->f, "{\n  \"schema\": \"%s\",\n", DL_SCHEMA);
        dl_buf_reset(&w->text);
        dl_json_put_string(&w->text, w->opt.generator);
        fprintf(w->f, "  \"generator\": %s,\n  \"events\": [", w->text.failed ? "\"dipline\"" : w->text.data);
    } else if (w->opt.format == DL_FORMAT_CSV_DIPLINE) {
        csv_header(w->f);
    }
}

dl_status dl_log_writer_article(dl_log_writer *w, const dl_article_info *a, dl_error *err) {
    if (w->x) return dl_export_article(w->x, a, err);
    if (w->opt.format != DL_FORMAT_JSON) return DL_OK; /* no article list */
    dl_buf *b = &w->articles;
    dl_buf_puts(b, w->n_articles ? ",\n    " : "\n    ");
    if (!dl_article_info_json(b, a)) return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    w->n_articles++;
    if (b->len > ARTICLES_IN_MEMORY) {
        if (!w->spill && !(w->spill = tmpfile()))
            return dl_error_set(err, DL_ERR_IO, NULL, -1, -1, "cannot create a temporary file for the article list");
        if (fwrite(b->data, 1, b->len, w->spill) != b->len)
            return dl_error_set(err, DL_ERR_IO, NULL, -1, -1, "write error (temporary article list)");
        dl_buf_reset(b);
    }
    return DL_OK;
}

/* Append the text of ev in the JSON or JSON Lines format to b (first: the
 * log's first event).  Reads nothing of w that changes while writing. */
static void event_text(const dl_log_writer *w, dl_buf *b, const dl_event *ev, bool first) {
    if (w->opt.format == DL_FORMAT_JSONL) {
        dl_event_json(b, ev, w->opt.explain, -1);
        dl_buf_putc(b, '\n');
    } else {
        dl_buf_puts(b, first ? "\n    " : ",\n    ");
        dl_event_json(b, ev, w->opt.explain, w->opt.pretty ? 4 : -1);
    }
}

dl_status dl_log_writer_event(dl_log_writer *w, const dl_event *ev, dl_error *err) {
    start(w);
    if (w->x) {
        dl_status st = dl_export_event(w->x, ev, err);
        return st == DL_OK ? io_check(w, err) : st;
    }
    if (w->opt.format == DL_FORMAT_CSV_DIPLINE) {
        csv_row(w->f, ev);
        w->n_events++;
        return io_check(w, err);
    }
    dl_buf *b = &w->text;
    dl_buf_reset(b);
    event_text(w, b, ev, w->n_events == 0);
    if (b->failed) {
        dl_buf_free(b);
        return dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
    }
    fwrite(b->data, 1, b->len, w->f);
    w->n_events++;
    return io_check(w, err);
}

/* ---- many events on several threads ---------------------------------------- */

#define CHUNK 256 /* events per chunk of text */
#define DEPTH 2   /* chunks of text per thread, made or being written */

typedef struct {
    dl_buf b;
    bool full;
} chunk_buf;

typedef struct {
    const dl_log_writer *w;
    size_t n, n_chunks;
    unsigned jobs;
    dl_event_at at;
    void *ctx;
    chunk_buf *bufs;         /* thread t's chunks: bufs[t * DEPTH .. ) */
    pthread_mutex_t mu;
    pthread_cond_t made, room;
    bool quit;               /* the writer stopped (write error) */
} fan;

typedef struct {
    fan *f;
    unsigned t;
} fan_arg;

/* Thread t makes chunks t, t + jobs, t + 2 jobs ... */
static void *fan_main(void *arg) {
    fan *f = ((fan_arg *)arg)->f;
    unsigned t = ((fan_arg *)arg)->t;
    for (size_t c = t, k = 0; c < f->n_chunks; c += f->jobs, k++) {
        chunk_buf *cb = &f->bufs[t * DEPTH + k % DEPTH];
        pthread_mutex_lock(&f->mu);
        while (cb->full && !f->quit) pthread_cond_wait(&f->room, &f->mu);
        bool quit = f->quit;
        pthread_mutex_unlock(&f->mu);
        if (quit) break;
        dl_buf_reset(&cb->b);
        size_t end = (c + 1) * CHUNK < f->n ? (c + 1) * CHUNK : f->n;
        for (size_t i = c * CHUNK; i < end && !cb->b.failed; i++) {
            dl_event ev;
            if (!f->at(f->ctx, i, t, &ev)) cb->b.failed = true;
            else event_text(f->w, &cb->b, &ev, f->w->n_events + i == 0);
        }
        pthread_mutex_lock(&f->mu);
        cb->full = true;
        pthread_cond_broadcast(&f->made);
        pthread_mutex_unlock(&f->mu);
    }
    return NULL;
}

static unsigned default_jobs(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

dl_status dl_log_writer_events(dl_log_writer *w, size_t n, dl_event_at at, void *ctx, dl_error *err) {
    unsigned jobs = w->opt.jobs ? w->opt.jobs : default_jobs();
    if (jobs > 64) jobs = 64;
    bool fan_out = (w->opt.format == DL_FORMAT_JSON || w->opt.format == DL_FORMAT_JSONL) && !w->x && jobs > 1 &&
                   n > CHUNK;
    dl_status st = DL_OK;
    if (!fan_out) { /* one by one, on this thread */
        for (size_t i = 0; st == DL_OK && i < n; i++) {
            dl_event ev;
            st = at(ctx, i, 0, &ev) ? dl_log_writer_event(w, &ev, err)
                                    : dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
        }
        return st;
    }
    start(w);
    fan f = {.w = w, .n = n, .n_chunks = (n + CHUNK - 1) / CHUNK, .jobs = jobs, .at = at, .ctx = ctx};
    f.bufs = calloc((size_t)jobs * DEPTH, sizeof *f.bufs);
    pthread_t *th = calloc(jobs, sizeof *th);
    fan_arg *args = calloc(jobs, sizeof *args);
    unsigned started = 0;
    bool sync_ok = false;
    if (f.bufs && th && args && pthread_mutex_init(&f.mu, NULL) == 0) {
        sync_ok = pthread_cond_init(&f.made, NULL) == 0;
        if (sync_ok && pthread_cond_init(&f.room, NULL) != 0) {
            pthread_cond_destroy(&f.made);
            sync_ok = false;
        }
        if (!sync_ok) pthread_mutex_destroy(&f.mu);
    }
    for (; sync_ok && started < jobs; started++) {
        args[started] = (fan_arg){&f, started};
        if (pthread_create(&th[started], NULL, fan_main, &args[started]) != 0) break;
    }
    if (started < jobs) { /* no threads (or not all): back to one by one */
        if (started) {
            pthread_mutex_lock(&f.mu);
            f.quit = true;
            pthread_cond_broadcast(&f.room);
            pthread_mutex_unlock(&f.mu);
        }
        for (unsigned t = 0; t < started; t++) pthread_join(th[t], NULL);
        if (sync_ok) {
            pthread_cond_destroy(&f.made);
            pthread_cond_destroy(&f.room);
            pthread_mutex_destroy(&f.mu);
        }
        for (size_t k = 0; f.bufs && k < (size_t)jobs * DEPTH; k++) dl_buf_free(&f.bufs[k].b);
        free(f.bufs);
        free(th);
        free(args);
        w->opt.jobs = 1;
        st = dl_log_writer_events(w, n, at, ctx, err);
        w->opt.jobs = jobs;
        return st;
    }
    /* Write the chunks in order as they are made. */
    for (size_t c = 0; c < f.n_chunks && st == DL_OK; c++) {
        chunk_buf *cb = &f.bufs[(c % jobs) * DEPTH + (c / jobs) % DEPTH];
        pthread_mutex_lock(&f.mu);
        while (!cb->full) pthread_cond_wait(&f.made, &f.mu);
        pthread_mutex_unlock(&f.mu);
        if (cb->b.failed) st = dl_error_set(err, DL_ERR_NOMEM, NULL, -1, -1, "out of memory");
        else {
            fwrite(cb->b.data, 1, cb->b.len, w->f);
            st = io_check(w, err);
        }
        pthread_mutex_lock(&f.mu);
        cb->full = false;
        if (st != DL_OK) f.quit = true;
        pthread_cond_broadcast(&f.room);
        pthread_mutex_unlock(&f.mu);
    }
    for (unsigned t = 0; t < jobs; t++) pthread_join(th[t], NULL);
    pthread_cond_destroy(&f.made);
    pthread_cond_destroy(&f.room);
    pthread_mutex_destroy(&f.mu);
    for (size_t k = 0; k < (size_t)jobs * DEPTH; k++) dl_buf_free(&f.bufs[k].b);
    free(f.bufs);
    free(th);
    free(args);
    if (st == DL_OK) w->n_events += n;
    return st;
}

dl_status dl_log_writer_finish(dl_log_writer *w, dl_error *err) {
    start(w);
    if (w->x) {
        dl_status st = dl_export_finish(w->x, err);
        if (st != DL_OK) return st;
        if (fflush(w->f) != 0) w->failed = true;
        return io_check(w, err);
    }
    if (w->opt.format == DL_FORMAT_JSON) {
        fputs(w->n_events ? "\n  ],\n  \"articles\": [" : "],\n  \"articles\": [", w->f);
        if (w->spill) {
            char chunk[65536];
            size_t n;
            rewind(w->spill);
            while ((n = fread(chunk, 1, sizeof chunk, w->spill)) > 0) fwrite(chunk, 1, n, w->f);
            if (ferror(w->spill))
                return dl_error_set(err, DL_ERR_IO, NULL, -1, -1, "read error (temporary article list)");
        }
        if (w->articles.len) fwrite(w->articles.data, 1, w->articles.len, w->f);
        fputs(w->n_articles ? "\n  ]" : "]", w->f);
        if (w->extra && w->extra[0]) fprintf(w->f, ",\n  \"stats\": %s", w->extra);
        fputs("\n}\n", w->f);
    }
    if (fflush(w->f) != 0) w->failed = true;
    return io_check(w, err);
}

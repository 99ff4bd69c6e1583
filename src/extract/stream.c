/* stream.c - extracting a whole input on several threads, results in input
 * order (dl_extract_stream, see extract.h).
 *
 * The calling thread reads articles into a ring of slots and hands each
 * finished slot, oldest first, to the sink; worker threads take the slots
 * in order and extract them (the extractor is read-only, so they share
 * it).  The ring holds a few articles per worker, so memory does not grow
 * with the input, and the sink sees exactly the sequence a single thread
 * would give: output is byte-identical for any number of threads. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dipline/extract.h"

typedef enum { S_EMPTY, S_READY, S_DONE } slot_state;

typedef struct {
    dl_article *a;      /* NULL when reading failed */
    dl_event_list events;
    dl_status st;
    dl_error err;
    slot_state state;
} slot;

typedef struct {
    const dl_extractor *x;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    slot *slots;
    size_t cap;
    size_t n_read, n_claimed; /* articles put in the ring; taken by workers */
    bool stop;
} ring;

static void *worker(void *arg) {
    ring *q = arg;
    pthread_mutex_lock(&q->mu);
    for (;;) {
        while (!q->stop && q->n_claimed == q->n_read) pthread_cond_wait(&q->work, &q->mu);
        if (q->stop) break;
        slot *s = &q->slots[q->n_claimed++ % q->cap];
        /* A reading error goes through a worker too, so that every slot
         * handed out was claimed first: n_claimed >= n_written, and a slot
         * is never refilled while a worker may still take it. */
        if (s->st == DL_OK) {
            pthread_mutex_unlock(&q->mu);
            s->st = dl_extract_article(q->x, s->a, &s->events, &s->err);
            pthread_mutex_lock(&q->mu);
        }
        s->state = S_DONE;
        pthread_cond_signal(&q->done);
    }
    pthread_mutex_unlock(&q->mu);
    return NULL;
}

/* Empty s for the next article.  Its event list is kept, pool and all:
 * slots are refilled article after article, and reusing the list's memory
 * spares a malloc and free per event string (and the page faults of
 * memory given back and taken again). */
static void slot_clear(slot *s) {
    dl_article_free(s->a);
    dl_event_list events = s->events;
    dl_event_list_reset(&events);
    memset(s, 0, sizeof *s);
    s->events = events;
}

/* Free what slot_clear() kept. */
static void slot_free(slot *s) {
    slot_clear(s);
    dl_event_list_clear(&s->events);
}

static dl_status deliver(slot *s, dl_extract_sink sink, void *ctx) {
    dl_extract_result res = {s->a, &s->events, s->st, s->st == DL_OK ? NULL : &s->err};
    dl_status st = sink(ctx, &res);
    slot_clear(s);
    return st;
}

/* Read the next article into s (emptied by slot_clear(), or new); false
 * at the end of the input. */
static bool read_into(dl_reader *r, slot *s) {
    dl_error_clear(&s->err);
    s->st = dl_reader_next(r, &s->a, &s->err);
    return s->st != DL_OK || s->a;
}

static dl_status run_serial(const dl_extractor *x, dl_reader *r, dl_extract_sink sink, void *ctx) {
    slot s = {0};
    dl_status st = DL_OK;
    /* (without a pool, the list works the same, a malloc per string) */
    dl_event_list_use_pool(&s.events);
    while (read_into(r, &s)) {
        bool last = s.st == DL_ERR_NOMEM;
        if (s.st == DL_OK) s.st = dl_extract_article(x, s.a, &s.events, &s.err);
        st = deliver(&s, sink, ctx);
        if (st != DL_OK || last) break;
    }
    slot_free(&s);
    return st;
}

unsigned dl_extract_default_jobs(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 256 ? 256 : (unsigned)n;
}

dl_status dl_extract_stream(const dl_extractor *x, dl_reader *r, unsigned jobs, dl_extract_sink sink, void *ctx) {
    if (jobs == 0) jobs = dl_extract_default_jobs();
    if (jobs == 1) return run_serial(x, r, sink, ctx);
    ring q = {.x = x, .cap = 4 * (size_t)jobs};
    q.slots = calloc(q.cap, sizeof *q.slots);
    for (size_t i = 0; q.slots && i < q.cap; i++) dl_event_list_use_pool(&q.slots[i].events);
    pthread_t *th = calloc(jobs, sizeof *th);
    unsigned started = 0;
    bool mu_ok = q.slots && th && pthread_mutex_init(&q.mu, NULL) == 0;
    bool work_ok = mu_ok && pthread_cond_init(&q.work, NULL) == 0;
    bool done_ok = work_ok && pthread_cond_init(&q.done, NULL) == 0;
    while (done_ok && started < jobs && pthread_create(&th[started], NULL, worker, &q) == 0) started++;
    if (!started) { /* no threads to be had: do it here */
        if (done_ok) pthread_cond_destroy(&q.done);
        if (work_ok) pthread_cond_destroy(&q.work);
        if (mu_ok) pthread_mutex_destroy(&q.mu);
        for (size_t i = 0; q.slots && i < q.cap; i++) slot_free(&q.slots[i]);
        free(q.slots);
        free(th);
        return run_serial(x, r, sink, ctx);
    }
    dl_status ret = DL_OK;
    size_t n_written = 0;
    bool eof = false;
    for (;;) {
        pthread_mutex_lock(&q.mu);
        slot *head = &q.slots[n_written % q.cap];
        bool head_done = n_written < q.n_read && head->state == S_DONE;
        bool room = !eof && q.n_read < n_written + q.cap;
        if (!head_done && !room) {
            bool finished = n_written == q.n_read;
            if (!finished) pthread_cond_wait(&q.done, &q.mu);
            pthread_mutex_unlock(&q.mu);
            if (finished) break;
            continue;
        }
        pthread_mutex_unlock(&q.mu);
        if (head_done) { /* oldest first: the sink sees the input order */
            ret = deliver(head, sink, ctx);
            pthread_mutex_lock(&q.mu);
            n_written++;
            pthread_mutex_unlock(&q.mu);
            if (ret != DL_OK) break;
            continue;
        }
        slot *s = &q.slots[q.n_read % q.cap]; /* empty: n_read < n_written + cap */
        if (!read_into(r, s)) {
            eof = true;
            continue;
        }
        if (s->st == DL_ERR_NOMEM) eof = true; /* nothing more can be read */
        pthread_mutex_lock(&q.mu);
        s->state = S_READY;
        q.n_read++;
        pthread_cond_signal(&q.work);
        pthread_mutex_unlock(&q.mu);
    }
    pthread_mutex_lock(&q.mu);
    q.stop = true;
    pthread_cond_broadcast(&q.work);
    pthread_mutex_unlock(&q.mu);
    for (unsigned i = 0; i < started; i++) pthread_join(th[i], NULL);
    for (size_t i = n_written; i < q.n_read; i++) slot_clear(&q.slots[i % q.cap]); /* after a stop */
    for (size_t i = 0; i < q.cap; i++) slot_free(&q.slots[i]);
    pthread_cond_destroy(&q.work);
    pthread_cond_destroy(&q.done);
    pthread_mutex_destroy(&q.mu);
    free(q.slots);
    free(th);
    return ret;
}

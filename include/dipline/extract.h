/*
 * dipline/extract.h - article -> coded events.
 *
 * An extractor holds the dictionaries (loaded once) and is read-only after
 * dl_extractor_new(), so one extractor may serve several threads at once.
 * dl_extract_article() runs the per-article pipeline:
 *   split sentences -> tag time expressions -> find actors -> code actions
 *   -> events (one per mention, dated by the governing time expression).
 */
#ifndef DIPLINE_EXTRACT_H
#define DIPLINE_EXTRACT_H

#include "dipline/article.h"
#include "dipline/common.h"
#include "dipline/event.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct dl_extract_options {
    /* Dictionary files replacing the bundled ones (NULL: bundled). */
    const char *actors_path;
    const char *agents_path;
    const char *verbs_path;
    const char *roles_path;
    /* Record where each coding came from (dictionary file:line) in
     * dl_event.explain. */
    bool explain;
    /* Also code negated and hypothetical verbs (flagged in the event);
     * by default they make no event. */
    bool all_modalities;
    /* At most this many events from one sentence (0: the default,
     * DL_DEFAULT_MAX_EVENTS).  A sentence that yields more (a table or a
     * list flattened into one "sentence") fails its article with
     * DL_ERR_LIMIT, naming the sentence. */
    size_t max_events_per_sentence;
} dl_extract_options;

#define DL_DEFAULT_MAX_EVENTS 100

typedef struct dl_extractor dl_extractor;

/* Load dictionaries and build the extractor.  `opts` may be NULL.
 * On success *out must be freed with dl_extractor_free(). */
dl_status dl_extractor_new(const dl_extract_options *opts, dl_extractor **out,
                           dl_error *err);
void dl_extractor_free(dl_extractor *x);

/* The extractor's dictionaries (owned by it). */
const struct dl_lexicon *dl_extractor_lexicon(const dl_extractor *x);

/* Extract the events of one article, appending them to `out` (their
 * strings in out's pool when it has one, see dl_event_list).  Thread-safe
 * for distinct `out` lists.  On failure `out` is left as it was. */
dl_status dl_extract_article(const dl_extractor *x, const dl_article *a,
                             dl_event_list *out, dl_error *err);

/* A human-readable account of how an article is coded: every sentence with
 * its actor phrases, verbs, speaker and events (for debugging dictionaries;
 * `dipline extract --trace`).  *out is malloc'd; the caller frees it. */
dl_status dl_extract_trace(const dl_extractor *x, const dl_article *a, char **out, dl_error *err);

/* ---- Whole inputs, on several threads -------------------------------------- */

/* One article's outcome, handed to a sink in input order. */
typedef struct dl_extract_result {
    const dl_article *article; /* NULL when the input could not be read */
    dl_event_list *events;     /* its events, lent to the sink (a pooled list
                                  that is reused for the next articles:
                                  dl_event_copy() an event to keep it) */
    dl_status status;          /* DL_OK, or why reading or extracting failed */
    const dl_error *error;     /* where and why, when status != DL_OK */
} dl_extract_result;

/* Called in the thread that called dl_extract_stream(), once per article
 * (or unreadable input), in input order.  The result is freed after the
 * call.  Return DL_OK to go on; any other status stops the stream. */
typedef dl_status (*dl_extract_sink)(void *ctx, const dl_extract_result *res);

/* Read every article of r, extract each on `jobs` threads (1: in the
 * calling thread only; 0: dl_extract_default_jobs()) and hand the results
 * to sink in input order, so what the sink sees does not depend on `jobs`.
 * Memory holds a few articles per thread.  After a reading error the stream
 * goes on (the reader has moved past the bad input) unless the sink stops it
 * or memory ran out.  Returns DL_OK, or the status that stopped the sink. */
dl_status dl_extract_stream(const dl_extractor *x, dl_reader *r, unsigned jobs, dl_extract_sink sink, void *ctx);
/* The number of online processors (at least 1). */
unsigned dl_extract_default_jobs(void);

/* Convenience for library users: extract from a text buffer with a
 * publication date ("2022-02-10"). */
dl_status dl_extract_text(const dl_extractor *x, const char *id, const char *text,
                          size_t len, const char *published, dl_event_list *out,
                          dl_error *err);

#ifdef __cplusplus
}
#endif
#endif
